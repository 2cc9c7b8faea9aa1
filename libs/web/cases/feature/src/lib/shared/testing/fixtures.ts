import type { CaseTableDto, RegistrationDto, TableOrganisation } from '@casustafel/shared/contracts';

/** Fictional data for the unit tests of the case pages. */
export const MH_TABLE: CaseTableDto = {
  id: '10000000-0000-4000-8000-000000000001',
  name: 'Mensenhandel',
  theme: 'MENSENHANDEL',
  description: 'Regionale aanpak (fictief)',
  reReferralWindowMonths: 12,
  signals: [
    { id: 'sek-zelfbeeld', form: 'SEKSUEEL', label: 'Laag zelfbeeld, somberheid' },
    { id: 'sek-geld', form: 'SEKSUEEL', label: 'Plotseling veel geld' },
    { id: 'arb-paspoort', form: 'ARBEID', label: 'Geen beschikking over paspoort' },
  ],
  myRoles: ['DEELNEMER'],
};

export const COMPLEX_TABLE: CaseTableDto = {
  id: '10000000-0000-4000-8000-000000000002',
  name: 'Complexe casuïstiek',
  theme: 'COMPLEX',
  description: 'Multiproblematiek (fictief)',
  reReferralWindowMonths: 12,
  signals: [],
  myRoles: ['DEELNEMER'],
};

/** A table where the user only reads (no registrant role). */
export const READ_ONLY_TABLE: CaseTableDto = {
  ...COMPLEX_TABLE,
  id: '10000000-0000-4000-8000-000000000003',
  name: 'Alleen voorzitter',
  myRoles: ['VOORZITTER'],
};

export const ORG = {
  politie: '20000000-0000-4000-8000-000000000001',
  ggz: '20000000-0000-4000-8000-000000000002',
  om: '20000000-0000-4000-8000-000000000003',
  comensha: '20000000-0000-4000-8000-000000000004',
  zvh: '20000000-0000-4000-8000-000000000005',
};

export const MH_ORGANISATIONS: TableOrganisation[] = [
  { id: ORG.comensha, name: 'CoMensha', partnerType: 'COMENSHA', membership: 'GUEST' },
  { id: ORG.ggz, name: 'GGz Centraal', partnerType: 'GGZ_ZORGAANBIEDER', membership: 'SIGNATORY' },
  { id: ORG.om, name: 'Openbaar Ministerie', partnerType: 'OM', membership: 'DECLINED' },
  { id: ORG.politie, name: 'Politie', partnerType: 'POLITIE', membership: 'SIGNATORY' },
];

export function registration(overrides: Partial<RegistrationDto> = {}): RegistrationDto {
  return {
    id: '30000000-0000-4000-8000-000000000001',
    number: 'A-2026-0007',
    tableId: MH_TABLE.id,
    tableName: MH_TABLE.name,
    state: 'AANGEMELD',
    registeringOrganisation: { id: ORG.politie, name: 'Politie' },
    registeredBy: 'Daan Deelnemer (fictief)',
    submittedAt: '2026-03-02T09:15:00.000Z',
    reason: 'Signalen van seksuele uitbuiting (fictief).',
    goal: 'Veiligheid organiseren.',
    discussedWithPerson: false,
    notDiscussedReason: 'Lopend onderzoek.',
    criteria: {
      multipleDomains: true,
      crossChain: true,
      systemAffected: false,
      localSafetyProblem: false,
      motivation: 'Zorg en veiligheid.',
    },
    signals: [{ signalId: 'sek-geld', note: 'Nieuwe telefoon' }],
    persons: [
      {
        id: '40000000-0000-4000-8000-000000000001',
        role: 'SLACHTOFFER',
        visibility: 'FULL',
        givenName: 'Eva',
        familyName: 'Voorbeeld (fictief)',
        dateOfBirth: '2007-05-12',
        address: null,
        bsn: null,
      },
    ],
    proposedParticipants: [{ organisationId: ORG.ggz, organisationName: 'GGz Centraal' }],
    triage: null,
    knownElsewhere: [],
    version: 2,
    ...overrides,
  };
}
