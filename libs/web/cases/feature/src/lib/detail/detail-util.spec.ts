import { HttpErrorResponse } from '@angular/common/http';
import type {
  CaseItemDto,
  CaseParticipantDto,
  DisclosureDto,
  OrganisationRef,
} from '@casustafel/shared/contracts';
import {
  conflictKey,
  countdown,
  daysUntil,
  defaultReaders,
  fileProblem,
  formatDate,
  groupByCategory,
  splitFieldErrors,
} from './detail-util';

const org = (id: string, name: string, partnerType: OrganisationRef['partnerType']): OrganisationRef => ({
  id,
  name,
  partnerType,
});
const ZVH = org('zvh', 'ZVH', 'ZVH');
const POLITIE = org('pol', 'Politie', 'POLITIE');
const GGZ = org('ggz', 'GGz Centraal', 'GGZ_ZORGAANBIEDER');
const ZC = org('zc', 'Zorgcoördinatie', 'ZORGCOORDINATOR');
const COMENSHA = org('cm', 'CoMensha', 'COMENSHA');
const member = (
  organisation: OrganisationRef,
  basis: CaseParticipantDto['basis'] = 'MEMBER',
): CaseParticipantDto => ({
  organisation,
  basis,
  since: '2026-01-01T00:00:00.000Z',
});

describe('dates and the B8 countdown', () => {
  it('counts whole calendar days, across month ends and a DST change', () => {
    expect(daysUntil('2026-03-20', '2026-03-30')).toBe(10);
    expect(daysUntil('2026-03-28', '2026-04-02')).toBe(5);
    expect(daysUntil('2026-10-20', '2026-10-30')).toBe(10);
    expect(daysUntil('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysUntil('2026-05-10', '2026-05-08')).toBe(-2);
  });

  it('says how many days are left, that today is the last day, or how long ago it ended', () => {
    expect(countdown('2026-05-01', '2026-05-13')).toEqual({
      key: 'caseDetail.mensenhandel.b8.countdown',
      days: 12,
    });
    expect(countdown('2026-05-12', '2026-05-13')).toEqual({
      key: 'caseDetail.mensenhandel.b8.countdownOne',
      days: 1,
    });
    expect(countdown('2026-05-13', '2026-05-13')).toEqual({
      key: 'caseDetail.mensenhandel.b8.countdownToday',
      days: 0,
    });
    expect(countdown('2026-05-16', '2026-05-13')).toEqual({
      key: 'caseDetail.mensenhandel.b8.countdownPast',
      days: 3,
    });
  });

  it('formats dates the Dutch way without moving them', () => {
    expect(formatDate('2026-01-05')).toBe('5-1-2026');
    expect(formatDate('2026-03-09T23:30:00.000Z')).toBe('9-3-2026');
    expect(formatDate(null)).toBe('');
  });
});

describe('groupByCategory', () => {
  it('follows the order of the categories, newest item first', () => {
    const item = (id: string, category: CaseItemDto['category'], createdAt: string): CaseItemDto => ({
      visibility: 'SUMMARY',
      id,
      category,
      summary: 'ZORGPARTNER_BETROKKEN',
      authorOrganisation: GGZ,
      createdAt,
    });
    const groups = groupByCategory([
      item('a', 'C5', '2026-01-01T10:00:00Z'),
      item('b', 'C3', '2026-01-02T10:00:00Z'),
      item('c', 'C5', '2026-01-03T10:00:00Z'),
    ]);
    expect(groups.map((g) => [g.category, g.items.map((i) => i.id)])).toEqual([
      ['C3', ['b']],
      ['C5', ['c', 'a']],
    ]);
  });
});

describe('fileProblem', () => {
  const file = (type: string, size: number) => new File([new Uint8Array(size)], 'x', { type });

  it('accepts the allowed types up to 10 MB and refuses others before sending', () => {
    expect(fileProblem(null)).toBeNull();
    expect(fileProblem(file('application/pdf', 1000))).toBeNull();
    expect(fileProblem(file('application/x-msdownload', 1000))).toBe(
      'caseDetail.fieldErrors.fileTypeNotAllowed',
    );
    expect(fileProblem(file('image/png', 0))).toBe('caseDetail.fieldErrors.fileTooLarge');
    expect(fileProblem(file('image/png', 10 * 1024 * 1024 + 1))).toBe('caseDetail.fieldErrors.fileTooLarge');
  });
});

describe('server answers', () => {
  const problem = (status: number, body: object) =>
    new HttpErrorResponse({ status, error: { status, ...body } });

  it('tells the specific 409s from a stale version', () => {
    expect(
      conflictKey(problem(409, { type: 'urn:casustafel:problem:case.chair_decision_required' })),
    ).toEqual({
      key: 'caseDetail.errors.chairDecisionRequired',
      stale: false,
    });
    expect(conflictKey(problem(409, { type: 'urn:casustafel:problem:conflict' }))).toEqual({
      key: 'caseDetail.errors.stale',
      stale: true,
    });
  });

  it('maps indexed field paths to their form field', () => {
    const error = problem(400, {
      errors: [
        { field: 'itemIds[1]', code: 'notYourItem', message: '' },
        { field: 'legalReference', code: 'isNotBlank', message: '' },
        { field: 'elsewhere', code: 'somethingNew', message: '' },
      ],
    });
    expect(splitFieldErrors(error, (f) => (f === 'elsewhere' ? null : f))).toEqual({
      fields: {
        itemIds: 'caseDetail.fieldErrors.notYourItem',
        legalReference: 'caseDetail.fieldErrors.isNotBlank',
      },
      other: ['caseDetail.fieldErrors.invalid'],
    });
  });
});

describe('defaultReaders', () => {
  const participants = [member(ZVH), member(POLITIE), member(GGZ), member(ZC), member(COMENSHA, 'GUEST')];
  const note = {
    id: 'n1',
    category: 'C4' as const,
    sensitivity: 'NORMAAL' as const,
    authorOrganisation: GGZ,
  };

  it('a GGZ care note: flag for ZVH and zorgcoördinator, nothing for police and guests (DOMAIN b.4)', () => {
    const readers = defaultReaders(note, participants, []);
    expect(readers.full).toEqual([]);
    expect(readers.summary.map((o) => o.id)).toEqual(['zvh', 'zc']);
    expect(readers.none.map((o) => o.id)).toEqual(['pol', 'cm']);
  });

  it('lists approved and proposed disclosures of the author that cover the item', () => {
    const disclosure = (
      id: string,
      to: OrganisationRef,
      state: DisclosureDto['state'],
      rest: Partial<DisclosureDto>,
    ): DisclosureDto => ({
      id,
      from: GGZ,
      to,
      itemIds: [],
      categories: [],
      purpose: 'x',
      legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
      legalReference: '',
      state,
      proposedBy: 'x',
      proposedAt: '2026-01-01T00:00:00Z',
      decidedBy: null,
      decidedAt: null,
      revokedAt: null,
      ...rest,
    });
    const readers = defaultReaders(note, participants, [
      disclosure('d1', ZC, 'APPROVED', { itemIds: ['n1'] }),
      disclosure('d2', ZVH, 'PROPOSED', { categories: ['C4'] }),
      disclosure('d3', POLITIE, 'REVOKED', { itemIds: ['n1'] }),
      disclosure('d4', POLITIE, 'APPROVED', { itemIds: ['other'] }),
    ]);
    expect(readers.disclosedTo.map((o) => o.id)).toEqual(['zc']);
    expect(readers.proposedTo.map((o) => o.id)).toEqual(['zvh']);
  });

  it('sensitive items stay a flag where the matrix would show them; embargo only for the embargo list', () => {
    const plan = { id: 'p', category: 'C3' as const, authorOrganisation: ZVH };
    expect(
      defaultReaders({ ...plan, sensitivity: 'NORMAAL' }, participants, []).full.map((o) => o.id),
    ).toEqual(['pol', 'ggz', 'zc']);
    expect(
      defaultReaders({ ...plan, sensitivity: 'GEVOELIG' }, participants, []).summary.map((o) => o.id),
    ).toEqual(['pol', 'ggz', 'zc']);
    const embargo = defaultReaders({ ...plan, sensitivity: 'EMBARGO' }, participants, []);
    expect(embargo.full.map((o) => o.id)).toEqual(['pol']);
    expect(embargo.summary).toEqual([]);
  });
});
