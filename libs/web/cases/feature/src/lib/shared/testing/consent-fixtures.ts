import type {
  CaseDetailDto,
  CaseInformingDto,
  ConsentDto,
  OrganisationRef,
} from '@casustafel/shared/contracts';

/** Fictional data for the unit tests of the consent and informing sections of the case page. */
export const CASE_ID = '11111111-1111-4111-8111-111111111111';
export const ZVH: OrganisationRef = {
  id: 'a0000000-0000-4000-8000-000000000001',
  name: 'ZVH Gooi (fictief)',
  partnerType: 'ZVH',
};
export const GGZ: OrganisationRef = {
  id: 'a0000000-0000-4000-8000-000000000003',
  name: 'GGz (fictief)',
  partnerType: 'GGZ_ZORGAANBIEDER',
};
export const ZC: OrganisationRef = {
  id: 'a0000000-0000-4000-8000-000000000004',
  name: 'Zorgcoördinatie (fictief)',
  partnerType: 'ZORGCOORDINATOR',
};
export const VICTIM = 'e1000000-0000-4000-8000-000000000001';

/** A case on the mensenhandel table with a visible victim and a shielded suspect. */
export function caseDetail(overrides: Partial<CaseDetailDto> = {}): CaseDetailDto {
  return {
    id: CASE_ID,
    number: 'MH-2026-0001',
    table: { id: 'd0000000-0000-4000-8000-000000000001', name: 'Mensenhandel', theme: 'MENSENHANDEL' },
    state: 'IN_UITVOERING',
    openedAt: '2026-02-01T10:00:00.000Z',
    closedAt: null,
    retentionUntil: null,
    embargo: false,
    responsibleOrganisation: ZVH,
    procesregisseur: 'Petra (fictief)',
    casusregisseur: null,
    core: null,
    participants: [],
    persons: [
      {
        id: VICTIM,
        role: 'SLACHTOFFER',
        visibility: 'FULL',
        givenName: 'Sanne',
        familyName: 'Voorbeeld (fictief)',
      },
      { id: 'e2', role: 'VERDACHTE', visibility: 'SUMMARY' },
    ],
    items: [],
    mensenhandel: null,
    disclosures: [],
    informationRequests: [],
    transitions: [],
    knownElsewhere: [],
    can: {
      addItems: true,
      manageParticipants: true,
      proposeDisclosure: true,
      approveDisclosure: true,
      requestInformation: true,
      editMensenhandel: false,
      breakGlass: false,
    },
    version: 3,
    ...overrides,
  };
}

export function consent(overrides: Partial<ConsentDto> = {}): ConsentDto {
  return {
    id: 'k0000000-0000-4000-8000-000000000001',
    personId: VICTIM,
    kind: 'BEROEPSGEHEIM_DOORBREKING',
    scope: { organisations: [ZC], categories: ['C4'] },
    purpose: 'Afstemming zorg en opvang (fictief)',
    givenBy: 'BETROKKENE',
    form: 'SCHRIFTELIJK',
    evidenceType: 'FORMULIER_GETEKEND',
    evidenceItemId: null,
    givenAt: '2026-04-20',
    recordedBy: 'Petra (fictief)',
    recordedOrganisation: ZVH,
    recordedAt: '2026-04-20T09:00:00.000Z',
    status: 'ACTIVE',
    withdrawnAt: null,
    withdrawnBy: null,
    withdrawalNote: null,
    disclosureIds: [],
    canWithdraw: true,
    version: 1,
    ...overrides,
  };
}

export function informing(overrides: Partial<CaseInformingDto> = {}): CaseInformingDto {
  return { current: null, history: [], version: 0, reviewDue: false, canChange: true, ...overrides };
}
