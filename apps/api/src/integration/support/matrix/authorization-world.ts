import { randomUUID } from 'node:crypto';
import { decide, toMatrix, type CaseAccess, type Decision } from '@casustafel/api/access';
import {
  CASE_ROLES,
  DATA_CATEGORIES,
  DEFAULT_EMBARGO_PARTNER_TYPES,
  DEFAULT_VISIBILITY_RULES,
  ROLE_PERMISSIONS,
  SENSITIVITIES,
  permissionsOf,
  type CaseState,
  type DataCategory,
  type DisclosureState,
  type MembershipStatus,
  type ParticipationBasis,
  type PartnerType,
  type Permission,
  type RegistrationState,
  type Sensitivity,
  type TableRole,
  type TableTheme,
} from '@casustafel/shared/contracts';

/**
 * The world of the authorization matrix, as data: one region with a mensenhandel table (MH) and a
 * second table (OTHER), a table in another region (ELSEWHERE); organisations of the partner types
 * that matter in every relationship to the cases; one case per relevant state with one item per
 * category and sensitivity, written by different organisations; persons, the mensenhandel panel,
 * disclosures, information requests and registrations. Every id is fixed when the module loads, so
 * the test tables (and their names) are generated before anything is seeded.
 *
 * The expectations are derived from this data with ROLE_PERMISSIONS and decide(), never written
 * per cell.
 */

export type TableKey = 'MH' | 'OTHER' | 'ELSEWHERE';
export const TABLE_SPECS: Record<TableKey, { theme: TableTheme; region: 1 | 2; label: string }> = {
  MH: { theme: 'MENSENHANDEL', region: 1, label: 'mensenhandel table' },
  OTHER: { theme: 'COMPLEX', region: 1, label: 'other table' },
  ELSEWHERE: { theme: 'COMPLEX', region: 2, label: 'table of another region' },
};

interface OrgSpec {
  partnerType: PartnerType;
  memberships: Partial<Record<TableKey, MembershipStatus>>;
  /** Takes part in every case of these tables, with this basis. */
  participates: Partial<Record<TableKey, ParticipationBasis>>;
}

const member = (partnerType: PartnerType): OrgSpec => ({
  partnerType,
  memberships: { MH: 'SIGNATORY' },
  participates: { MH: 'MEMBER' },
});
const guest = (partnerType: PartnerType): OrgSpec => ({
  partnerType,
  memberships: { MH: 'GUEST' },
  participates: { MH: 'GUEST' },
});

export const ORGS = {
  zvh: {
    partnerType: 'ZVH',
    // Also signatory of the other table (and, oddly, listed at a table of another region) but its
    // users hold case roles at MH only.
    memberships: { MH: 'SIGNATORY', OTHER: 'SIGNATORY', ELSEWHERE: 'SIGNATORY' },
    participates: { MH: 'MEMBER', OTHER: 'MEMBER' },
  },
  politie: member('POLITIE'),
  om: member('OM'),
  ggz: member('GGZ_ZORGAANBIEDER'),
  zorgcoordinator: member('ZORGCOORDINATOR'),
  gemeente: member('GEMEENTE_SOCIAAL_DOMEIN'),
  veiligThuis: member('VEILIG_THUIS'),
  reclassering: member('RECLASSERING'),
  comensha: member('COMENSHA'),
  comenshaGuest: guest('COMENSHA'),
  omGuest: guest('OM'),
  ggzGuest: guest('GGZ_ZORGAANBIEDER'),
  omDeclined: { partnerType: 'OM', memberships: { MH: 'DECLINED' }, participates: {} },
  // Took part at MH, then withdrew from its covenant; its old participations and role rows remain.
  // Still a partner of the other table.
  politieWithdrawn: {
    partnerType: 'POLITIE',
    memberships: { MH: 'WITHDRAWN', OTHER: 'SIGNATORY' },
    participates: { MH: 'MEMBER', OTHER: 'MEMBER' },
  },
  veiligThuisOutside: { partnerType: 'VEILIG_THUIS', memberships: { MH: 'SIGNATORY' }, participates: {} },
  reclasseringOutside: { partnerType: 'RECLASSERING', memberships: { MH: 'SIGNATORY' }, participates: {} },
  politieOther: {
    partnerType: 'POLITIE',
    memberships: { OTHER: 'SIGNATORY' },
    participates: { OTHER: 'MEMBER' },
  },
  ggzOther: {
    partnerType: 'GGZ_ZORGAANBIEDER',
    memberships: { OTHER: 'SIGNATORY' },
    participates: { OTHER: 'MEMBER' },
  },
} satisfies Record<string, OrgSpec>;
export type OrgKey = keyof typeof ORGS;

interface PartySpec {
  org: OrgKey;
  roles: Partial<Record<TableKey, TableRole[]>>;
}

/** The parties: a user each, named by partner type and relationship. */
export const PARTIES = {
  'ZVH procesregisseur': { org: 'zvh', roles: { MH: ['PROCESREGISSEUR'] } },
  'ZVH voorzitter': { org: 'zvh', roles: { MH: ['VOORZITTER'] } },
  'ZVH triagist': { org: 'zvh', roles: { MH: ['TRIAGIST'] } },
  'ZVH beheerder': {
    org: 'zvh',
    roles: { MH: ['BEHEERDER'], OTHER: ['BEHEERDER'], ELSEWHERE: ['BEHEERDER'] },
  },
  'ZVH FG/auditor': { org: 'zvh', roles: { MH: ['FG_AUDITOR'] } },
  'ZVH contactpunt': { org: 'zvh', roles: { MH: ['CONTACTPUNT'] } },
  'POLITIE member': { org: 'politie', roles: { MH: ['DEELNEMER'] } },
  'OM member': { org: 'om', roles: { MH: ['DEELNEMER'] } },
  'GGZ member': { org: 'ggz', roles: { MH: ['DEELNEMER'] } },
  'ZORGCOORDINATOR member': { org: 'zorgcoordinator', roles: { MH: ['ZORGCOORDINATOR'] } },
  'GEMEENTE_SOCIAAL_DOMEIN member': { org: 'gemeente', roles: { MH: ['CASUSREGISSEUR'] } },
  'VEILIG_THUIS member': { org: 'veiligThuis', roles: { MH: ['DEELNEMER'] } },
  'RECLASSERING member': { org: 'reclassering', roles: { MH: ['DEELNEMER'] } },
  'COMENSHA member': { org: 'comensha', roles: { MH: ['DEELNEMER'] } },
  'COMENSHA guest': { org: 'comenshaGuest', roles: { MH: ['DEELNEMER'] } },
  'OM guest': { org: 'omGuest', roles: { MH: ['DEELNEMER'] } },
  'GGZ guest': { org: 'ggzGuest', roles: { MH: ['DEELNEMER'] } },
  'OM declined': { org: 'omDeclined', roles: { MH: ['DEELNEMER'] } },
  'POLITIE withdrawn': { org: 'politieWithdrawn', roles: { MH: ['DEELNEMER'], OTHER: ['DEELNEMER'] } },
  'VEILIG_THUIS not participating': { org: 'veiligThuisOutside', roles: { MH: ['DEELNEMER'] } },
  'RECLASSERING not participating': { org: 'reclasseringOutside', roles: { MH: ['DEELNEMER'] } },
  'POLITIE other table only': { org: 'politieOther', roles: { OTHER: ['DEELNEMER'] } },
  'GGZ other table only': { org: 'ggzOther', roles: { OTHER: ['DEELNEMER'] } },
} satisfies Record<string, PartySpec>;
export type PartyKey = keyof typeof PARTIES;
export const PARTY_KEYS = Object.keys(PARTIES) as PartyKey[];

export type CaseKey = 'open' | 'running' | 'closed' | 'destroyed' | 'other';
export const CASES: Record<
  CaseKey,
  { table: TableKey; state: CaseState; responsible: OrgKey; label: string }
> = {
  open: {
    table: 'MH',
    state: 'INFORMATIEVERZAMELING',
    responsible: 'politie',
    label: 'MH INFORMATIEVERZAMELING',
  },
  running: { table: 'MH', state: 'IN_UITVOERING', responsible: 'politie', label: 'MH IN_UITVOERING' },
  closed: { table: 'MH', state: 'AFGESLOTEN', responsible: 'politie', label: 'MH AFGESLOTEN' },
  destroyed: { table: 'MH', state: 'VERNIETIGD', responsible: 'politie', label: 'MH VERNIETIGD' },
  other: {
    table: 'OTHER',
    state: 'IN_UITVOERING',
    responsible: 'politieOther',
    label: 'OTHER IN_UITVOERING',
  },
};
export const CASE_KEYS = Object.keys(CASES) as CaseKey[];

const id = () => randomUUID();
/** A short unique token: content carrying it must not appear where the policy hides it. */
const marker = (kind: string) => `mx${kind}-${randomUUID().slice(0, 13)}`;

export const IDS = {
  regions: { 1: id(), 2: id() },
  tables: { MH: id(), OTHER: id(), ELSEWHERE: id() } as Record<TableKey, string>,
  orgs: Object.fromEntries(Object.keys(ORGS).map((k) => [k, id()])) as Record<OrgKey, string>,
  /** The organisation of the other region (for ELSEWHERE). */
  elsewhereOrg: id(),
  users: Object.fromEntries(PARTY_KEYS.map((k) => [k, id()])) as Record<PartyKey, string>,
  cases: Object.fromEntries(CASE_KEYS.map((k) => [k, id()])) as Record<CaseKey, string>,
};

export const orgOf = (party: PartyKey): OrgKey => PARTIES[party].org;
export const orgIdOf = (party: PartyKey): string => IDS.orgs[orgOf(party)];
/** A user of the organisation, to author its items and propose its disclosures. */
export const userOfOrg = (org: OrgKey): string =>
  IDS.users[PARTY_KEYS.find((p) => PARTIES[p].org === org) as PartyKey];

export function participantsOf(caseKey: CaseKey): Array<{ org: OrgKey; basis: ParticipationBasis }> {
  const table = CASES[caseKey].table;
  return (Object.entries(ORGS) as Array<[OrgKey, OrgSpec]>)
    .filter(([, o]) => o.participates[table])
    .map(([org, o]) => ({ org, basis: o.participates[table] as ParticipationBasis }));
}

// ---- items ------------------------------------------------------------------------------------

export interface ItemSpec {
  id: string;
  caseKey: CaseKey;
  category: DataCategory;
  sensitivity: Sensitivity;
  author: OrgKey;
  title: string;
  body: string;
  attachment: { id: string; fileName: string; content: string } | null;
}

const MH_AUTHORS: OrgKey[] = [
  'politie',
  'om',
  'ggz',
  'zorgcoordinator',
  'gemeente',
  'veiligThuis',
  'reclassering',
  'comensha',
  'zvh',
  'comenshaGuest',
  'omGuest',
  'ggzGuest',
];
const OTHER_AUTHORS: OrgKey[] = ['politieOther', 'ggzOther', 'politieWithdrawn', 'zvh'];
/** Categories whose items carry an attachment in the running case (every sensitivity). */
export const ATTACHMENT_CATEGORIES: DataCategory[] = ['C1', 'C4', 'C7'];

function authorOf(caseKey: CaseKey, category: DataCategory, sensitivity: Sensitivity, index: number): OrgKey {
  if (CASES[caseKey].table === 'OTHER') {
    return sensitivity === 'EMBARGO'
      ? index % 2
        ? 'politieOther'
        : 'politieWithdrawn'
      : OTHER_AUTHORS[index % 4];
  }
  if (category === 'C4') {
    // Health notes come from the care provider; one embargoed by it, from before the embargo list changed.
    return 'ggz';
  }
  if (sensitivity === 'EMBARGO') {
    return (['politie', 'om', 'omGuest'] as OrgKey[])[index % 3];
  }
  if (category === 'C12') {
    return 'gemeente';
  }
  return MH_AUTHORS[index % MH_AUTHORS.length];
}

export const ITEMS: ItemSpec[] = CASE_KEYS.flatMap((caseKey) =>
  DATA_CATEGORIES.flatMap((category, c) =>
    SENSITIVITIES.map((sensitivity, s) => {
      const withAttachment =
        (caseKey === 'running' && ATTACHMENT_CATEGORIES.includes(category)) ||
        (caseKey !== 'running' && category === 'C1' && sensitivity === 'NORMAAL');
      const fileMarker = marker('n');
      return {
        id: id(),
        caseKey,
        category,
        sensitivity,
        author: authorOf(caseKey, category, sensitivity, c * 3 + s),
        title: marker('t'),
        body: marker('b'),
        attachment: withAttachment
          ? { id: id(), fileName: `${fileMarker}.txt`, content: `${marker('f')} bijlage (fictief)` }
          : null,
      };
    }),
  ),
);
export const itemsOf = (caseKey: CaseKey) => ITEMS.filter((i) => i.caseKey === caseKey);
export const item = (caseKey: CaseKey, category: DataCategory, sensitivity: Sensitivity): ItemSpec =>
  ITEMS.find(
    (i) => i.caseKey === caseKey && i.category === category && i.sensitivity === sensitivity,
  ) as ItemSpec;

// ---- case content -----------------------------------------------------------------------------

export const BSN = '111222333';

export interface PersonSpec {
  key: string;
  caseKey: CaseKey;
  owner: OrgKey;
  role: 'SLACHTOFFER' | 'GEZINSLID';
  givenName: string;
  familyName: string;
  address: string;
  bsn: string | null;
}

export const PERSONS: PersonSpec[] = CASE_KEYS.flatMap((caseKey) => {
  const other = CASES[caseKey].table === 'OTHER';
  return [
    {
      key: `${caseKey}-victim`,
      caseKey,
      owner: CASES[caseKey].responsible,
      role: 'SLACHTOFFER' as const,
      givenName: marker('g'),
      familyName: marker('f'),
      address: `${marker('a')} (fictief)`,
      bsn: BSN,
    },
    {
      key: `${caseKey}-relative`,
      caseKey,
      owner: other ? 'ggzOther' : 'ggz',
      role: 'GEZINSLID' as const,
      givenName: marker('g'),
      familyName: marker('f'),
      address: `${marker('a')} (fictief)`,
      bsn: null,
    },
  ];
});

export const CORE: Record<CaseKey, { reason: string; goal: string }> = Object.fromEntries(
  CASE_KEYS.map((k) => [k, { reason: marker('r'), goal: marker('o') }]),
) as Record<CaseKey, { reason: string; goal: string }>;

/** The mensenhandel panel of the cases at MH. `open` has only the exploitation part so far. */
export const MENSENHANDEL: Partial<
  Record<
    CaseKey,
    {
      exploitationOwner: OrgKey;
      b8Owner: OrgKey | null;
      shelterOwner: OrgKey | null;
      shelterOrganisation: OrgKey | null;
      address: string;
    }
  >
> = {
  open: {
    exploitationOwner: 'politie',
    b8Owner: null,
    shelterOwner: null,
    shelterOrganisation: null,
    address: '',
  },
  running: {
    exploitationOwner: 'politie',
    b8Owner: 'politie',
    shelterOwner: 'zorgcoordinator',
    shelterOrganisation: 'ggz',
    address: `${marker('s')} Veilige Straat (fictief)`,
  },
  closed: {
    exploitationOwner: 'politie',
    b8Owner: 'politie',
    shelterOwner: 'zorgcoordinator',
    shelterOrganisation: 'ggz',
    address: `${marker('s')} Veilige Straat (fictief)`,
  },
  destroyed: {
    exploitationOwner: 'politie',
    b8Owner: 'politie',
    shelterOwner: 'zorgcoordinator',
    shelterOrganisation: 'ggz',
    address: `${marker('s')} Veilige Straat (fictief)`,
  },
};

export interface DisclosureSpec {
  id: string;
  caseKey: CaseKey;
  from: OrgKey;
  to: OrgKey;
  itemIds: string[];
  categories: DataCategory[];
  state: DisclosureState;
  proposedBy: string;
  purpose: string;
  /** The consent it cites (CONSENTS), if any. */
  consent?: string;
  /** A write target of one party (approve, reject, revoke), or shared content. */
  target?: { party: PartyKey; use: 'approve' | 'reject' | 'revokeOwn' | 'revokeOther' };
}

export interface RequestSpec {
  id: string;
  caseKey: CaseKey;
  to: OrgKey;
  state: 'OPEN' | 'DECLINED';
  question: string;
  target?: { party: PartyKey; use: 'declineOwn' | 'declineOther' };
}

/** Somebody else than the party's organisation, as a counterpart. */
const otherThan = (org: OrgKey, preferred: OrgKey, fallback: OrgKey): OrgKey =>
  org === preferred ? fallback : preferred;

/** A consent of a person of the case (its victim), recorded by an organisation's user. */
export interface ConsentSpec {
  id: string;
  caseKey: CaseKey;
  recordedBy: OrgKey;
  withdrawn: boolean;
  purpose: string;
  /** Shared content (cited by disclosures), or a withdraw target of one party. */
  key?: 'standing' | 'withdrawn';
  target?: { party: PartyKey; use: 'withdrawOwn' | 'withdrawOther' };
}

export const CONSENTS: ConsentSpec[] = CASE_KEYS.flatMap((caseKey) => {
  const consent = (c: Omit<ConsentSpec, 'id' | 'caseKey' | 'purpose'>): ConsentSpec => ({
    id: id(),
    caseKey,
    purpose: `${marker('k')} (fictief)`,
    ...c,
  });
  return [
    consent({ recordedBy: 'zvh', withdrawn: false, key: 'standing' }),
    consent({ recordedBy: 'zvh', withdrawn: true, key: 'withdrawn' }),
    // Withdraw targets: one recorded by the party's organisation, one by another, per party and case.
    ...PARTY_KEYS.flatMap((party) => [
      consent({ recordedBy: orgOf(party), withdrawn: false, target: { party, use: 'withdrawOwn' } }),
      consent({
        recordedBy: otherThan(orgOf(party), 'zvh', 'politie'),
        withdrawn: false,
        target: { party, use: 'withdrawOther' },
      }),
    ]),
  ];
});
const consentOf = (caseKey: CaseKey, key: NonNullable<ConsentSpec['key']>): string =>
  (CONSENTS.find((k) => k.caseKey === caseKey && k.key === key) as ConsentSpec).id;

const disclosure = (
  d: Omit<DisclosureSpec, 'id' | 'purpose' | 'proposedBy'> & { proposedBy?: string },
): DisclosureSpec => ({
  id: id(),
  purpose: `${marker('d')} (fictief)`,
  proposedBy: d.proposedBy ?? userOfOrg(d.from),
  ...d,
});

export const DISCLOSURES: DisclosureSpec[] = CASE_KEYS.flatMap((caseKey) => {
  const other = CASES[caseKey].table === 'OTHER';
  const shared: DisclosureSpec[] = other
    ? [
        disclosure({
          caseKey,
          from: 'ggzOther',
          to: 'politieOther',
          itemIds: [item(caseKey, 'C4', 'NORMAAL').id],
          categories: [],
          state: 'APPROVED',
        }),
      ]
    : [
        disclosure({
          caseKey,
          from: 'ggz',
          to: 'zorgcoordinator',
          itemIds: [item(caseKey, 'C4', 'NORMAAL').id],
          categories: [],
          state: 'APPROVED',
        }),
        disclosure({
          caseKey,
          from: 'gemeente',
          to: 'politie',
          itemIds: [],
          categories: ['C12'],
          state: 'APPROVED',
        }),
        disclosure({
          caseKey,
          from: 'ggz',
          to: 'comenshaGuest',
          itemIds: [item(caseKey, 'C4', 'GEVOELIG').id],
          categories: [],
          state: 'APPROVED',
        }),
        disclosure({
          caseKey,
          from: 'ggz',
          to: 'politie',
          itemIds: [item(caseKey, 'C4', 'NORMAAL').id],
          categories: [],
          state: 'REVOKED',
        }),
        disclosure({
          caseKey,
          from: 'veiligThuis',
          to: 'reclassering',
          itemIds: [],
          categories: ['C10'],
          state: 'PROPOSED',
        }),
        disclosure({
          caseKey,
          from: 'zorgcoordinator',
          to: 'omGuest',
          itemIds: [],
          categories: ['C9'],
          state: 'APPROVED',
        }),
        // Under a consent that stands: it grants. Under a withdrawn one: it has lapsed.
        disclosure({
          caseKey,
          from: 'ggz',
          to: 'veiligThuis',
          itemIds: [item(caseKey, 'C4', 'NORMAAL').id],
          categories: [],
          state: 'APPROVED',
          consent: consentOf(caseKey, 'standing'),
        }),
        disclosure({
          caseKey,
          from: 'ggz',
          to: 'gemeente',
          itemIds: [item(caseKey, 'C4', 'GEVOELIG').id],
          categories: [],
          state: 'APPROVED',
          consent: consentOf(caseKey, 'withdrawn'),
        }),
      ];
  // Write targets: one of each per party and case, so every cell acts on its own row.
  const proposerFrom: OrgKey = other ? 'ggzOther' : 'ggz';
  const recipient: OrgKey = other ? 'politieOther' : 'zorgcoordinator';
  const targets = PARTY_KEYS.flatMap((party) => {
    const org = orgOf(party);
    const counterpart = otherThan(org, 'zvh', other ? 'politieOther' : 'politie');
    return [
      disclosure({
        caseKey,
        from: proposerFrom,
        to: recipient,
        itemIds: [id()],
        categories: [],
        state: 'PROPOSED',
        target: { party, use: 'approve' },
      }),
      disclosure({
        caseKey,
        from: proposerFrom,
        to: recipient,
        itemIds: [id()],
        categories: [],
        state: 'PROPOSED',
        target: { party, use: 'reject' },
      }),
      disclosure({
        caseKey,
        from: org,
        to: counterpart,
        itemIds: [],
        categories: ['C3'],
        state: 'PROPOSED',
        proposedBy: IDS.users[party],
        target: { party, use: 'revokeOwn' },
      }),
      disclosure({
        caseKey,
        from: otherThan(org, proposerFrom, recipient),
        to: counterpart,
        itemIds: [],
        categories: ['C3'],
        state: 'PROPOSED',
        target: { party, use: 'revokeOther' },
      }),
    ];
  });
  return [...shared, ...targets];
});

/** The informing history of a case, oldest first, as the ZVH procesregisseur set it. */
export interface InformingEntrySpec {
  status: 'INFORMED' | 'DEFERRED' | 'NOT_INFORMED';
  reasonCode: string | null;
  /** Days from today; DEFERRED only. */
  reviewInDays: number | null;
}

export const INFORMING: Partial<Record<CaseKey, InformingEntrySpec[]>> = {
  // Deferred, then informed: nothing to review.
  open: [
    { status: 'DEFERRED', reasonCode: 'VEILIGHEID_BETROKKENE', reviewInDays: 30 },
    { status: 'INFORMED', reasonCode: null, reviewInDays: null },
  ],
  // To review today: on the dashboard of those who manage it.
  running: [{ status: 'DEFERRED', reasonCode: 'LOPEND_ONDERZOEK', reviewInDays: 0 }],
  // Past review dates, but the case is closed or destroyed: no reminder.
  closed: [{ status: 'DEFERRED', reasonCode: 'LOPEND_ONDERZOEK', reviewInDays: -3 }],
  destroyed: [{ status: 'DEFERRED', reasonCode: 'LOPEND_ONDERZOEK', reviewInDays: -3 }],
  other: [
    { status: 'NOT_INFORMED', reasonCode: 'AVG_23_OPSPORING', reviewInDays: null },
    { status: 'DEFERRED', reasonCode: 'VEILIGHEID_ANDEREN', reviewInDays: -1 },
  ],
};

/** Requests are made by the ZVH procesregisseur. */
export const REQUESTER: PartyKey = 'ZVH procesregisseur';

export const REQUESTS: RequestSpec[] = CASE_KEYS.flatMap((caseKey) => {
  const other = CASES[caseKey].table === 'OTHER';
  const request = (r: Omit<RequestSpec, 'id' | 'question' | 'caseKey'>): RequestSpec => ({
    id: id(),
    caseKey,
    question: `${marker('q')} (fictief)`,
    ...r,
  });
  const shared = other
    ? [request({ to: 'ggzOther', state: 'OPEN' })]
    : [request({ to: 'ggz', state: 'OPEN' }), request({ to: 'reclassering', state: 'DECLINED' })];
  const targets = PARTY_KEYS.flatMap((party) => [
    request({ to: orgOf(party), state: 'OPEN', target: { party, use: 'declineOwn' } }),
    request({
      to: otherThan(orgOf(party), other ? 'ggzOther' : 'ggz', other ? 'politieOther' : 'zorgcoordinator'),
      state: 'OPEN',
      target: { party, use: 'declineOther' },
    }),
  ]);
  return [...shared, ...targets];
});

export interface RegistrationSpec {
  id: string;
  key: string;
  table: TableKey;
  org: OrgKey;
  registeredBy: string;
  state: RegistrationState;
  target?: { party: PartyKey; use: 'ownDraft' | 'triageStart' };
}

const homeTable = (party: PartyKey): TableKey =>
  (PARTIES[party].roles as Partial<Record<TableKey, TableRole[]>>).MH ? 'MH' : 'OTHER';

export const REGISTRATIONS: RegistrationSpec[] = [
  {
    id: id(),
    key: 'submitted at MH',
    table: 'MH',
    org: 'politie',
    registeredBy: IDS.users['POLITIE member'],
    state: 'AANGEMELD',
  },
  {
    id: id(),
    key: 'draft at MH',
    table: 'MH',
    org: 'politie',
    registeredBy: IDS.users['POLITIE member'],
    state: 'CONCEPT',
  },
  {
    id: id(),
    key: 'submitted at OTHER',
    table: 'OTHER',
    org: 'politieOther',
    registeredBy: IDS.users['POLITIE other table only'],
    state: 'AANGEMELD',
  },
  ...PARTY_KEYS.flatMap((party): RegistrationSpec[] => [
    {
      id: id(),
      key: `own draft of ${party}`,
      table: homeTable(party),
      org: orgOf(party),
      registeredBy: IDS.users[party],
      state: 'CONCEPT',
      target: { party, use: 'ownDraft' },
    },
    {
      id: id(),
      key: `for triage by ${party}`,
      table: 'MH',
      org: 'politie',
      registeredBy: IDS.users['POLITIE member'],
      state: 'AANGEMELD',
      target: { party, use: 'triageStart' },
    },
  ]),
];
// ---- data-subject requests (contactpunt) ------------------------------------------------------

export interface RightsRequestSpec {
  id: string;
  region: 1 | 2;
  /** The joint controllers with a task; `elsewhere` is the organisation of the other region. */
  tasks: Array<{ id: string; org: OrgKey | 'elsewhere' }>;
}

/** One running request in each region; in region 1 with tasks for some organisations, not all. */
export const RIGHTS_REQUESTS: Record<'here' | 'elsewhere', RightsRequestSpec> = {
  here: {
    id: id(),
    region: 1,
    tasks: (
      ['zvh', 'politie', 'ggz', 'comensha', 'omGuest', 'politieWithdrawn', 'politieOther'] as OrgKey[]
    ).map((org) => ({ id: id(), org })),
  },
  elsewhere: { id: id(), region: 2, tasks: [{ id: id(), org: 'elsewhere' }] },
};

/**
 * A break-glass opening by the ZVH procesregisseur of the GGZ note in the running case, expired an
 * hour ago (so it changes no read), waiting for the FG's review.
 */
export const BREAK_GLASS = {
  id: id(),
  party: 'ZVH procesregisseur' as PartyKey,
  item: item('running', 'C4', 'NORMAAL'),
  reason: `${marker('r')} noodknop (fictief)`,
};

export const registration = (key: string) => REGISTRATIONS.find((r) => r.key === key) as RegistrationSpec;
export const SHARED_REGISTRATIONS = ['submitted at MH', 'draft at MH', 'submitted at OTHER'];

// ---- the policy, derived ----------------------------------------------------------------------

export const DEFAULT_MATRIX = toMatrix(DEFAULT_VISIBILITY_RULES);

/** Roles count only while the organisation takes part in the table's covenant (as the session counts them). */
export function activeRoles(party: PartyKey, table: TableKey): TableRole[] {
  const spec = PARTIES[party] as PartySpec;
  const status = (ORGS[spec.org] as OrgSpec).memberships[table];
  return status === 'SIGNATORY' || status === 'GUEST' ? (spec.roles[table] ?? []) : [];
}

/** Does the party hold `permission` at this table (ROLE_PERMISSIONS of its active roles there)? */
export function can(party: PartyKey, permission: Permission, table: TableKey): boolean {
  return activeRoles(party, table).some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

/** The permission at a table of the region (data-subject requests are kept per region). */
export function canInRegion(party: PartyKey, permission: Permission, region: 1 | 2): boolean {
  return (Object.keys(TABLE_SPECS) as TableKey[])
    .filter((t) => TABLE_SPECS[t].region === region)
    .some((t) => can(party, permission, t));
}

/** What the guard checks: the permission at any table. */
export function canAnywhere(party: PartyKey, permission: Permission): boolean {
  const roles = (Object.keys(TABLE_SPECS) as TableKey[]).flatMap((t) => activeRoles(party, t));
  return permissionsOf(roles).includes(permission);
}

/** The party's basis in the case: its organisation takes part and the user holds a case role there. */
export function basisOf(party: PartyKey, caseKey: CaseKey): ParticipationBasis | null {
  const table = CASES[caseKey].table;
  const basis = (ORGS[orgOf(party)] as OrgSpec).participates[table] ?? null;
  const caseRole = activeRoles(party, table).some((r) => CASE_ROLES.includes(r));
  return basis && caseRole ? basis : null;
}

/** Nothing of a destroyed case exists for anyone (policy step 1), nor of a case one does not take part in. */
export function seesCase(party: PartyKey, caseKey: CaseKey): boolean {
  return basisOf(party, caseKey) !== null && CASES[caseKey].state !== 'VERNIETIGD';
}

export function caseAccess(party: PartyKey, caseKey: CaseKey): CaseAccess {
  const org = orgOf(party);
  return {
    organisationId: IDS.orgs[org],
    partnerType: ORGS[org].partnerType as PartnerType,
    participation: basisOf(party, caseKey),
    caseState: CASES[caseKey].state,
    matrix: DEFAULT_MATRIX,
    embargoPartnerTypes: DEFAULT_EMBARGO_PARTNER_TYPES,
    disclosures: DISCLOSURES.filter(
      (d) => d.caseKey === caseKey && d.to === org && d.state === 'APPROVED',
    ).map((d) => ({
      fromOrganisationId: IDS.orgs[d.from],
      itemIds: d.itemIds,
      categories: d.categories,
      consentWithdrawn: CONSENTS.some((k) => k.id === d.consent && k.withdrawn),
    })),
  };
}

export function decideFor(
  party: PartyKey,
  caseKey: CaseKey,
  thing: { id?: string; category: DataCategory; sensitivity?: Sensitivity; owners: Array<OrgKey | null> },
): Decision {
  return decide(caseAccess(party, caseKey), {
    id: thing.id,
    category: thing.category,
    sensitivity: thing.sensitivity ?? 'NORMAAL',
    owners: thing.owners.filter((o): o is OrgKey => o !== null).map((o) => IDS.orgs[o]),
  });
}

export const itemDecision = (party: PartyKey, i: ItemSpec): Decision =>
  decideFor(party, i.caseKey, {
    id: i.id,
    category: i.category,
    sensitivity: i.sensitivity,
    owners: [i.author],
  });

/** The table's managers see every disclosure; others those from or to their organisation. */
export function seesDisclosure(party: PartyKey, d: DisclosureSpec): boolean {
  const org = orgOf(party);
  return can(party, 'cases.manage', CASES[d.caseKey].table) || d.from === org || d.to === org;
}

/** Managers see every request; others those to their organisation or made by it. */
export function seesRequest(party: PartyKey, r: RequestSpec): boolean {
  const org = orgOf(party);
  return can(party, 'cases.manage', CASES[r.caseKey].table) || r.to === org || orgOf(REQUESTER) === org;
}

export const partnerTypeOf = (party: PartyKey): PartnerType => ORGS[orgOf(party)].partnerType as PartnerType;

// ---- the case conference (issue 6, ADR 0023) ---------------------------------------------------

/**
 * One live meeting at MH: chaired by the ZVH voorzitter, minutes by the procesregisseur; the running
 * case on the agenda (current item; police, GGZ and the OM guest invited) with a decision, and the
 * open case (police invited). Every party's user has acknowledged the confidentiality statement.
 */
export const MEETING = {
  id: id(),
  chair: 'ZVH voorzitter' as PartyKey,
  minuteTaker: 'ZVH procesregisseur' as PartyKey,
  items: [
    { id: id(), caseKey: 'running' as CaseKey, invited: ['politie', 'ggz', 'omGuest'] as OrgKey[] },
    { id: id(), caseKey: 'open' as CaseKey, invited: ['politie'] as OrgKey[] },
  ],
  decision: { id: id(), text: `${marker('d')} besluit (fictief)` },
};

/** A guest organisation of the meeting: not a signatory of MH, invited to some items. */
export const meetingGuest = (party: PartyKey): boolean =>
  (ORGS[orgOf(party)] as OrgSpec).memberships.MH !== 'SIGNATORY';

/** The meeting exists for the party: a case role at MH, and its organisation is a signatory there or invited. */
export function takesPartInMeeting(party: PartyKey): boolean {
  return (
    can(party, 'meetings.attend', 'MH') &&
    (!meetingGuest(party) || MEETING.items.some((i) => i.invited.includes(orgOf(party))))
  );
}

/** The agenda items the party's organisation sees (a guest: its own only). */
export const meetingItemsOf = (party: PartyKey) =>
  MEETING.items.filter((i) => !meetingGuest(party) || i.invited.includes(orgOf(party)));
