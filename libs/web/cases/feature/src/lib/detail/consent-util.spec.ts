import type { ConsentDto, DisclosureDto, PersonDto } from '@casustafel/shared/contracts';
import { consentsFor, lapsedBy, personLabel } from './consent-util';

const ORG = { id: 'o1', name: 'Zorgcoördinatie (fictief)', partnerType: 'ZORGCOORDINATOR' as const };

function consent(overrides: Partial<ConsentDto> = {}): ConsentDto {
  return {
    id: 'k1',
    personId: 'p1',
    kind: 'BEROEPSGEHEIM_DOORBREKING',
    scope: { organisations: [ORG], categories: ['C4'] },
    purpose: 'Afstemming (fictief)',
    givenBy: 'BETROKKENE',
    form: 'SCHRIFTELIJK',
    evidenceType: 'FORMULIER_GETEKEND',
    evidenceItemId: null,
    givenAt: '2026-03-01',
    recordedBy: 'Petra (fictief)',
    recordedOrganisation: { id: 'zvh', name: 'ZVH (fictief)', partnerType: 'ZVH' },
    recordedAt: '2026-03-01T10:00:00.000Z',
    status: 'ACTIVE',
    withdrawnAt: null,
    withdrawnBy: null,
    withdrawalNote: null,
    disclosureIds: ['d1'],
    canWithdraw: true,
    version: 1,
    ...overrides,
  };
}

const disclosure = (state: DisclosureDto['state'], id = 'd1') => ({ id, state }) as DisclosureDto;
const t = (key: string, params?: Record<string, string>) =>
  params ? `${key}:${JSON.stringify(params)}` : key;

describe('consent helpers', () => {
  it('names a person only where identification is visible in full', () => {
    const persons: PersonDto[] = [
      {
        id: 'p1',
        role: 'SLACHTOFFER',
        visibility: 'FULL',
        givenName: 'Sanne',
        familyName: 'Voorbeeld (fictief)',
      },
      { id: 'p2', role: 'VERDACHTE', visibility: 'SUMMARY' },
    ];
    expect(personLabel(persons, 'p1', t)).toBe('Sanne Voorbeeld (fictief)');
    expect(personLabel(persons, 'p2', t)).toBe(
      'consents.personShielded:{"role":"domain.personRoles.VERDACHTE"}',
    );
    expect(personLabel(persons, 'p3', t)).toBe('caseDetail.common.unknown');
  });

  it('an approved disclosure under a withdrawn consent has lapsed; other disclosures have not', () => {
    const withdrawn = consent({ status: 'WITHDRAWN', withdrawnAt: '2026-03-05T10:00:00.000Z' });
    expect(lapsedBy([withdrawn], disclosure('APPROVED'))).toBe(withdrawn);
    expect(lapsedBy([withdrawn], disclosure('REVOKED'))).toBeUndefined();
    expect(lapsedBy([withdrawn], disclosure('APPROVED', 'd2'))).toBeUndefined();
    expect(lapsedBy([consent()], disclosure('APPROVED'))).toBeUndefined();
  });

  it('offers only standing sharing consents that cover the recipient', () => {
    const list = [
      consent({ id: 'k1' }),
      consent({ id: 'k2', status: 'WITHDRAWN' }),
      consent({ id: 'k3', kind: 'INSTEMMING_AANPAK' }),
      consent({ id: 'k4', scope: { organisations: [{ ...ORG, id: 'o2' }], categories: ['C4'] } }),
      consent({ id: 'k5', kind: 'TOESTEMMING_GEGEVENSDELING' }),
    ];
    expect(consentsFor(list, 'o1').map((k) => k.id)).toEqual(['k1', 'k5']);
    expect(consentsFor(list, 'o2').map((k) => k.id)).toEqual(['k4']);
  });
});
