import type {
  ExtractCandidatesDto,
  ExtractDto,
  OrganisationRef,
  ReceivedExtractDto,
  TableOrganisation,
} from '@casustafel/shared/contracts';

export const CASE_ID = 'case-1';
export const TABLE_ID = 'table-mh';
export const ZVH: OrganisationRef = {
  id: 'zvh',
  name: 'Zorg- en Veiligheidshuis (fictief)',
  partnerType: 'ZVH',
};
export const OM: OrganisationRef = { id: 'om', name: 'Openbaar Ministerie (fictief)', partnerType: 'OM' };
export const POLICE: OrganisationRef = { id: 'pol', name: 'Politie (fictief)', partnerType: 'POLITIE' };
export const SHA_PDF = 'a'.repeat(64);
export const SHA_JSON = 'b'.repeat(64);

export const TABLE_ORGANISATIONS: TableOrganisation[] = [
  { ...ZVH, membership: 'SIGNATORY' },
  { ...POLICE, membership: 'SIGNATORY' },
  { ...OM, membership: 'DECLINED' },
];

export function extract(overrides: Partial<ExtractDto> = {}): ExtractDto {
  return {
    id: 'x1',
    number: 'UT-2026-0001',
    caseId: CASE_ID,
    caseNumber: 'MH-2026-0001',
    recipient: OM,
    purpose: 'Beoordeling strafrechtelijk traject (fictief).',
    legalGround: 'WJSG_AANWIJZING',
    legalReference: '',
    state: 'VERSTREKT',
    expiresOn: null,
    expired: false,
    items: [
      { itemId: 'i1', mode: 'FULL', category: 'C2', title: 'Casuskern (fictief)' },
      { itemId: 'i2', mode: 'CATEGORY_SUMMARY', category: 'C4', title: null },
    ],
    composedBy: 'Vera Voorzitter (fictief)',
    composedAt: '2026-05-01T08:00:00.000Z',
    decidedBy: 'Paul Procesregisseur (fictief)',
    decidedAt: '2026-05-01T09:00:00.000Z',
    decisionReason: null,
    issuedAt: '2026-05-01T09:00:00.000Z',
    recalledAt: null,
    recallReason: null,
    supersedes: null,
    supersededBy: null,
    pdfSha256: SHA_PDF,
    jsonSha256: SHA_JSON,
    version: 2,
    can: { decide: false, recall: true, supersede: true, download: true },
    ...overrides,
  };
}

export function candidates(): ExtractCandidatesDto {
  return {
    recipient: OM,
    fourEyes: true,
    candidates: [
      {
        itemId: 'i1',
        title: 'Proces-verbaal aangifte (fictief)',
        category: 'C6',
        sensitivity: 'NORMAAL',
        authorOrganisation: POLICE,
        createdAt: '2026-04-20T10:00:00.000Z',
        allowed: 'FULL',
      },
      {
        itemId: 'i2',
        title: 'Behandelnotitie (fictief)',
        category: 'C4',
        sensitivity: 'GEVOELIG',
        authorOrganisation: ZVH,
        createdAt: '2026-04-21T10:00:00.000Z',
        allowed: 'CATEGORY_SUMMARY',
      },
    ],
  };
}

export function received(overrides: Partial<ReceivedExtractDto> = {}): ReceivedExtractDto {
  return {
    id: 'x1',
    number: 'UT-2026-0001',
    from: ZVH,
    purpose: 'Beoordeling strafrechtelijk traject (fictief).',
    legalGround: 'WJSG_AANWIJZING',
    issuedAt: '2026-05-01T09:00:00.000Z',
    expiresOn: '2026-12-31',
    state: 'VERSTREKT',
    expired: false,
    recallReason: null,
    pdfSha256: SHA_PDF,
    jsonSha256: SHA_JSON,
    canDownload: true,
    ...overrides,
  };
}
