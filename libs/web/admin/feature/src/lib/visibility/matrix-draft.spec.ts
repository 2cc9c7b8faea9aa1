import { DATA_CATEGORIES, PARTNER_TYPES, type VisibilityRule } from '@casustafel/shared/contracts';
import { CELLS, cellKey, changedCells, levelsOf, matrixRequest, sameTypes } from './matrix-draft';

const ALL_SUMMARY: VisibilityRule[] = CELLS.map(({ category, partnerType }) => ({
  category,
  partnerType,
  level: 'SUMMARY',
}));

describe('matrix draft', () => {
  it('has one cell per category and partner type, partner type by partner type', () => {
    expect(CELLS).toHaveLength(DATA_CATEGORIES.length * PARTNER_TYPES.length);
    expect(new Set(CELLS.map((c) => c.key)).size).toBe(CELLS.length);
    expect(CELLS.slice(0, 2).map((c) => c.key)).toEqual(['C1:ZVH', 'C1B:ZVH']);
    expect(CELLS[DATA_CATEGORIES.length].key).toBe('C1:GEMEENTE_SOCIAAL_DOMEIN');
  });

  it('reads the levels of the rules and counts a missing cell as NONE', () => {
    const rules = ALL_SUMMARY.filter((r) => !(r.category === 'C7' && r.partnerType === 'IND'));
    rules[0] = { ...rules[0], level: 'FULL' };
    const levels = levelsOf({ rules });
    expect(levels['C1:ZVH']).toBe('FULL');
    expect(levels['C1B:ZVH']).toBe('SUMMARY');
    expect(levels['C7:IND']).toBe('NONE');
  });

  it('lists the cells that differ from the saved matrix', () => {
    const saved = levelsOf({ rules: ALL_SUMMARY });
    expect(changedCells(saved, saved)).toEqual([]);
    const draft = { ...saved, [cellKey('C4', 'POLITIE')]: 'NONE', [cellKey('C1', 'ZVH')]: 'FULL' } as const;
    expect(changedCells(saved, draft)).toEqual(['C1:ZVH', 'C4:POLITIE']);
    // Changed back to the saved level: no longer a change.
    expect(changedCells(saved, { ...draft, 'C4:POLITIE': 'SUMMARY' })).toEqual(['C1:ZVH']);
  });

  it('builds a complete request with the whitelist in partner-type order and the reason trimmed', () => {
    const levels = { ...levelsOf({ rules: ALL_SUMMARY }), 'C9:ZORGCOORDINATOR': 'FULL' } as const;
    const request = matrixRequest(4, levels, ['OM', 'POLITIE'], '  Advies FG 2026-03 ');
    expect(request.version).toBe(4);
    expect(request.reason).toBe('Advies FG 2026-03');
    expect(request.embargoPartnerTypes).toEqual(['POLITIE', 'OM']);
    expect(request.rules).toHaveLength(CELLS.length);
    expect(request.rules.filter((r) => r.level === 'FULL')).toEqual([
      { category: 'C9', partnerType: 'ZORGCOORDINATOR', level: 'FULL' },
    ]);
  });

  it('compares whitelists regardless of order', () => {
    expect(sameTypes(['POLITIE', 'OM'], ['OM', 'POLITIE'])).toBe(true);
    expect(sameTypes(['POLITIE'], ['POLITIE', 'OM'])).toBe(false);
    expect(sameTypes(['POLITIE', 'IND'], ['POLITIE', 'OM'])).toBe(false);
  });
});
