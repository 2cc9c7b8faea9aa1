import { randomUUID } from 'node:crypto';
import type { AgentResponse } from '@casustafel/api/testing';
import {
  CASE_STATE_MACHINE,
  CASE_TRANSITIONS,
  DEFAULT_VISIBILITY_RULES,
  LIVE_CLIENT_EVENTS,
  type BreakGlassGrantDto,
  type BreakGlassReviewDto,
  type CaseConsentsDto,
  type CaseDetailDto,
  type CaseInformingDto,
  type CaseListResponse,
  type CaseTableDto,
  type InformationRequestOverviewDto,
  type InformingReviewDto,
  type LiveAck,
  type LiveEventDto,
  type LiveStateDto,
  type MeetingDetailDto,
  type MeetingStaffDto,
  type MeetingSummaryDto,
  type MyRightsTaskDto,
  type Permission,
  type ProblemDetails,
  type RegistrationDto,
  type RightsLookupResponse,
  type RightsRequestDetailDto,
  type RightsRequestSummaryDto,
  type TableOrganisation,
  type VisibilityMatrixDto,
  type VisibilityMatrixHistoryEntry,
} from '@casustafel/shared/contracts';
import {
  BREAK_GLASS,
  BSN,
  can,
  canAnywhere,
  canInRegion,
  CASE_KEYS,
  CASES,
  CONSENTS,
  CORE,
  decideFor,
  DISCLOSURES,
  IDS,
  INFORMING,
  itemDecision,
  ITEMS,
  itemsOf,
  MEETING,
  meetingGuest,
  meetingItemsOf,
  takesPartInMeeting,
  MENSENHANDEL,
  ORGS,
  orgOf,
  participantsOf,
  partnerTypeOf,
  PARTY_KEYS,
  PERSONS,
  registration,
  REGISTRATIONS,
  REQUESTS,
  RIGHTS_REQUESTS,
  seesCase,
  seesDisclosure,
  seesRequest,
  SHARED_REGISTRATIONS,
  TABLE_SPECS,
  type CaseKey,
  type ConsentSpec,
  type DisclosureSpec,
  type ItemSpec,
  type OrgKey,
  type PartyKey,
  type RegistrationSpec,
  type RequestSpec,
  type TableKey,
} from './authorization-world';
import { CONFERENCE_ENDPOINTS } from './conference-rows';
import { EXTRACT_ENDPOINTS } from './extract-rows';
import { itemsKnownTo, MEETING_ID, seesMeeting } from './conference-world';

/**
 * The authorization matrix as a table: one row per endpoint (and probe), with the targets it is
 * tried on, the request, the outcome the policy data predicts for a party, and what to check in a
 * successful answer. Adding an endpoint (a socket event, a download) is adding one row.
 *
 * Outcomes come from ROLE_PERMISSIONS (via `can`), participation (`seesCase`) and decide(); a
 * denial must look exactly like a request for an id that does not exist. Cells of one row run
 * concurrently, rows one after the other (reads first): a row that changes something acts on rows
 * of its own (one per party and case) or stops right after the access check (a probe).
 */

export type Target =
  | { kind: 'none'; label: string }
  | { kind: 'case'; caseKey: CaseKey; label: string }
  | { kind: 'attachment'; item: ItemSpec; label: string }
  | { kind: 'table'; table: TableKey; label: string }
  | { kind: 'registration'; key: string; label: string }
  | { kind: 'rightsRequest'; key: keyof typeof RIGHTS_REQUESTS; label: string }
  | { kind: 'rightsTask'; own: boolean; label: string };

/** What the policy predicts: a success (or a probe's tell-tale answer after the access check), or a denial. */
export type Outcome = { status: number; problem?: string; errorCode?: string } | 'DENIED';

export interface MatrixRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  multipart?: { fileName: string; contentType: string; content: string };
  /** The same request with its deepest id replaced by `RANDOM` (a fresh UUID is put in when sent). */
  random?: { path: string; body?: unknown };
}

export interface RuntimeWorld {
  personIds: Record<string, string>;
  today: string;
  /** Sends a live room socket message as the party (its session cookie, the app's own Origin). */
  socket?: (party: PartyKey, event: string, payload: unknown) => Promise<LiveAck>;
}

export interface EndpointRow {
  /** Method and route exactly as in the endpoint inventory. */
  route: string;
  /** The permission the route declares (checked against the inventory). */
  permission: Permission;
  /** What the row tries. */
  scenario: string;
  phase: 'read' | 'write';
  targets: Target[];
  request(party: PartyKey, target: Target, world: RuntimeWorld): MatrixRequest;
  expected(party: PartyKey, target: Target): Outcome;
  check?(party: PartyKey, target: Target, response: AgentResponse, world: RuntimeWorld): void;
  /**
   * For a row that is not a plain HTTP request (a socket event, say): do it and answer like HTTP
   * would — a refusal as status 404 with the not_found problem. Without it, `request` is sent.
   */
  perform?(
    party: PartyKey,
    target: Target,
    world: RuntimeWorld,
    send: (request: MatrixRequest) => Promise<AgentResponse>,
  ): Promise<AgentResponse>;
}

// ---- helpers ----------------------------------------------------------------------------------

const when = (condition: boolean, outcome: Exclude<Outcome, 'DENIED'>): Outcome =>
  condition ? outcome : 'DENIED';
const tableOf = (caseKey: CaseKey): TableKey => CASES[caseKey].table;
const isOpen = (caseKey: CaseKey) => !['AFGESLOTEN', 'VERNIETIGD'].includes(CASES[caseKey].state);
const caseOf = (t: Target): CaseKey =>
  t.kind === 'case' ? t.caseKey : t.kind === 'attachment' ? t.item.caseKey : fail(t);
const tableTarget = (t: Target): TableKey => (t.kind === 'table' ? t.table : fail(t));
const registrationOf = (t: Target): RegistrationSpec =>
  t.kind === 'registration' ? registration(t.key) : fail(t);
function fail(t: Target): never {
  throw new Error(`unexpected target ${t.kind}`);
}

const CASE_TARGETS: Target[] = CASE_KEYS.map((caseKey) => ({
  kind: 'case',
  caseKey,
  label: CASES[caseKey].label,
}));
const TABLE_TARGETS: Target[] = (Object.keys(TABLE_SPECS) as TableKey[]).map((table) => ({
  kind: 'table',
  table,
  label: TABLE_SPECS[table].label,
}));
const ATTACHMENT_TARGETS: Target[] = ITEMS.filter((i) => i.attachment).map((item) => ({
  kind: 'attachment',
  item,
  label: `${CASES[item.caseKey].label} ${item.category}/${item.sensitivity} by ${item.author}`,
}));
const NONE: Target[] = [{ kind: 'none', label: 'all' }];
const RIGHTS_REQUEST_TARGETS: Target[] = [
  { kind: 'rightsRequest', key: 'here', label: 'request of the region' },
  { kind: 'rightsRequest', key: 'elsewhere', label: 'request of another region' },
];
const RIGHTS_TASK_TARGETS: Target[] = [
  { kind: 'rightsTask', own: true, label: "the organisation's own task" },
  { kind: 'rightsTask', own: false, label: "another organisation's task" },
];
const rightsRequestOf = (t: Target) => (t.kind === 'rightsRequest' ? RIGHTS_REQUESTS[t.key] : fail(t));
/** The task of the party's organisation on the region's request (if it has one), or another organisation's. */
function rightsTaskFor(party: PartyKey, t: Target): { id: string; own: boolean } {
  const tasks = RIGHTS_REQUESTS.here.tasks;
  const own = tasks.find((k) => k.org === orgOf(party));
  if (t.kind !== 'rightsTask') {
    fail(t);
  }
  if (t.own && own) {
    return { id: own.id, own: true };
  }
  return { id: (tasks.find((k) => k.org !== orgOf(party)) as { id: string }).id, own: false };
}
const rightsUrl = (t: Target, rest: string) => ({
  path: `/api/rights-requests/${rightsRequestOf(t).id}${rest}`,
  random: { path: `/api/rights-requests/RANDOM${rest}` },
});
const RIGHTS_SUBJECT = {
  givenName: 'Matrix',
  familyName: 'Betrokkene (fictief)',
  dateOfBirth: '2001-02-03',
  bsn: BSN,
};

/** The first item the party's organisation wrote in the case (preferably NORMAAL), else any item. */
function ownItem(party: PartyKey, caseKey: CaseKey): ItemSpec {
  const items = itemsOf(caseKey).filter((i) => i.author === orgOf(party));
  return items.find((i) => i.sensitivity === 'NORMAAL') ?? items[0] ?? itemsOf(caseKey)[0];
}
const othersItem = (party: PartyKey, caseKey: CaseKey): ItemSpec =>
  itemsOf(caseKey).find((i) => i.author !== orgOf(party) && i.sensitivity === 'NORMAAL') as ItemSpec;

const dedicatedDisclosure = (
  party: PartyKey,
  caseKey: CaseKey,
  use: NonNullable<DisclosureSpec['target']>['use'],
) =>
  DISCLOSURES.find(
    (d) => d.caseKey === caseKey && d.target?.party === party && d.target.use === use,
  ) as DisclosureSpec;
const dedicatedRequest = (
  party: PartyKey,
  caseKey: CaseKey,
  use: NonNullable<RequestSpec['target']>['use'],
) =>
  REQUESTS.find(
    (r) => r.caseKey === caseKey && r.target?.party === party && r.target.use === use,
  ) as RequestSpec;
const dedicatedConsent = (
  party: PartyKey,
  caseKey: CaseKey,
  use: NonNullable<ConsentSpec['target']>['use'],
) =>
  CONSENTS.find(
    (k) => k.caseKey === caseKey && k.target?.party === party && k.target.use === use,
  ) as ConsentSpec;
const dedicatedRegistration = (party: PartyKey, use: NonNullable<RegistrationSpec['target']>['use']) =>
  REGISTRATIONS.find((r) => r.target?.party === party && r.target.use === use) as RegistrationSpec;

/** A partner of the case's table other than the party's organisation, to share with or to ask. */
function counterpart(
  party: PartyKey,
  caseKey: CaseKey,
  choices: Record<'MH' | 'OTHER', [OrgKey, OrgKey]>,
): string {
  const [preferred, fallback] = choices[tableOf(caseKey) as 'MH' | 'OTHER'];
  return IDS.orgs[orgOf(party) === preferred ? fallback : preferred];
}

const caseUrl = (caseKey: CaseKey, rest = '') => ({
  path: `/api/cases/${IDS.cases[caseKey]}${rest}`,
  random: { path: `/api/cases/RANDOM${rest}` },
});
/** For routes below a case: a denial must look like an unknown id at the deepest level. */
const nested = (caseKey: CaseKey, rest: string, deepest: string) => ({
  path: `/api/cases/${IDS.cases[caseKey]}${rest.replace(':deepest', deepest)}`,
  random: { path: `/api/cases/${IDS.cases[caseKey]}${rest.replace(':deepest', 'RANDOM')}` },
});

function plusDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const STALE = 999;

const mensenhandelRow = (
  part: 'exploitation' | 'b8' | 'shelter',
  category: 'C2' | 'C8' | 'C9',
  body: Record<string, unknown>,
): EndpointRow => ({
  route: `PUT /api/cases/:id/mensenhandel/${part}`,
  permission: 'cases.write',
  scenario: 'stale version (probe: 409 once past the access check)',
  phase: 'write',
  targets: CASE_TARGETS,
  request: (_p, t) => ({
    method: 'PUT',
    ...caseUrl(caseOf(t), `/mensenhandel/${part}`),
    body: { ...body, version: STALE },
  }),
  expected: (p, t) => {
    const k = caseOf(t);
    const m = MENSENHANDEL[k];
    const owners = !m
      ? []
      : part === 'exploitation'
        ? [m.exploitationOwner]
        : part === 'b8'
          ? [m.b8Owner]
          : [m.shelterOwner, m.shelterOrganisation];
    // A part nobody owns yet may be filled in by any writer; an owned part only where it is visible in full.
    const unowned = owners.every((o) => o === null);
    return when(
      seesCase(p, k) &&
        can(p, 'cases.write', tableOf(k)) &&
        TABLE_SPECS[tableOf(k)].theme === 'MENSENHANDEL' &&
        (unowned || decideFor(p, k, { category, owners }).visibility === 'FULL'),
      { status: 409, problem: 'conflict' },
    );
  },
});

// ---- checks of what is read -------------------------------------------------------------------

function expectIds(actual: string[], expected: string[]): void {
  expect([...actual].sort()).toEqual([...expected].sort());
}

/** Everything the party must not find anywhere in this case's detail. */
function forbiddenIn(party: PartyKey, caseKey: CaseKey): string[] {
  const hidden: string[] = [];
  for (const i of itemsOf(caseKey)) {
    if (itemDecision(party, i).visibility !== 'FULL') {
      hidden.push(i.title, i.body, ...(i.attachment ? [i.attachment.fileName, i.attachment.content] : []));
    }
  }
  for (const person of PERSONS.filter((x) => x.caseKey === caseKey)) {
    if (decideFor(party, caseKey, { category: 'C1', owners: [person.owner] }).visibility !== 'FULL') {
      hidden.push(person.givenName, person.familyName, person.address);
    }
  }
  if (!PERSONS.some((x) => x.caseKey === caseKey && x.bsn && bsnVisible(party, caseKey, x.owner))) {
    hidden.push(BSN);
  }
  if (
    decideFor(party, caseKey, { category: 'C2', owners: [CASES[caseKey].responsible] }).visibility !== 'FULL'
  ) {
    hidden.push(CORE[caseKey].reason, CORE[caseKey].goal);
  }
  const m = MENSENHANDEL[caseKey];
  if (m?.address && !shelterAddressVisible(party, caseKey)) {
    hidden.push(m.address);
  }
  hidden.push(
    ...DISCLOSURES.filter((d) => d.caseKey === caseKey && !seesDisclosure(party, d)).map((d) => d.purpose),
  );
  hidden.push(
    ...REQUESTS.filter((r) => r.caseKey === caseKey && !seesRequest(party, r)).map((r) => r.question),
  );
  return hidden;
}

const bsnVisible = (party: PartyKey, caseKey: CaseKey, owner: OrgKey) =>
  decideFor(party, caseKey, { category: 'C1', owners: [owner] }).visibility === 'FULL' &&
  decideFor(party, caseKey, { category: 'C1B', owners: [owner] }).visibility === 'FULL';

function shelterAddressVisible(party: PartyKey, caseKey: CaseKey): boolean {
  const m = MENSENHANDEL[caseKey];
  if (!m?.shelterOwner) {
    return false;
  }
  const full =
    decideFor(party, caseKey, { category: 'C9', owners: [m.shelterOwner, m.shelterOrganisation] })
      .visibility === 'FULL';
  // The address itself: only the zorgcoördinator and the shelter organisation, whatever the matrix says.
  return full && (orgOf(party) === m.shelterOrganisation || partnerTypeOf(party) === 'ZORGCOORDINATOR');
}

function checkDetail(party: PartyKey, caseKey: CaseKey, detail: CaseDetailDto, world: RuntimeWorld): void {
  expect(detail.id).toBe(IDS.cases[caseKey]);
  // Items: exactly those the policy shows, each at the level decide() gives, FULL-only fields only when FULL.
  const expectedItems = itemsOf(caseKey)
    .map((i) => ({ i, d: itemDecision(party, i) }))
    .filter((x) => x.d.visibility !== 'NONE');
  expectIds(
    detail.items.map((i) => i.id),
    expectedItems.map((x) => x.i.id),
  );
  for (const { i, d } of expectedItems) {
    const got = detail.items.find((x) => x.id === i.id);
    if (d.visibility === 'FULL') {
      expect(got).toEqual(
        expect.objectContaining({
          visibility: 'FULL',
          grantedBy: d.grantedBy,
          category: i.category,
          sensitivity: i.sensitivity,
          title: i.title,
          body: i.body,
          legalGround: 'AVG_6_1_E',
          attachments: i.attachment
            ? [expect.objectContaining({ id: i.attachment.id, fileName: i.attachment.fileName })]
            : [],
        }),
      );
    } else {
      expect([i.id, Object.keys(got ?? {}).sort()]).toEqual([
        i.id,
        ['authorOrganisation', 'category', 'createdAt', 'id', 'summary', 'visibility'],
      ]);
      expect(got?.visibility).toBe('SUMMARY');
    }
  }
  // Embargo: absent (not even summarised) outside the author and the whitelist.
  for (const i of itemsOf(caseKey).filter((x) => x.sensitivity === 'EMBARGO')) {
    const whitelisted =
      (['POLITIE', 'OM', 'NLA_KMAR'] as string[]).includes(partnerTypeOf(party)) || i.author === orgOf(party);
    if (!whitelisted) {
      expect(detail.items.map((x) => x.id)).not.toContain(i.id);
    }
  }
  // Persons: identification only where C1 is FULL, the BSN only where C1B is FULL too.
  const persons = PERSONS.filter((x) => x.caseKey === caseKey)
    .map((x) => ({ x, d: decideFor(party, caseKey, { category: 'C1', owners: [x.owner] }) }))
    .filter((p) => p.d.visibility !== 'NONE');
  expectIds(
    detail.persons.map((p) => p.id),
    persons.map((p) => world.personIds[p.x.key]),
  );
  for (const { x, d } of persons) {
    const got = detail.persons.find((p) => p.id === world.personIds[x.key]);
    if (d.visibility === 'FULL') {
      expect(got).toEqual(
        expect.objectContaining({
          visibility: 'FULL',
          givenName: x.givenName,
          familyName: x.familyName,
          address: x.address,
          bsn: x.bsn && bsnVisible(party, caseKey, x.owner) ? x.bsn : null,
        }),
      );
    } else {
      expect(got).toEqual({ id: world.personIds[x.key], role: x.role, visibility: 'SUMMARY' });
    }
  }
  // The case core (C2 of the responsible organisation).
  const core = decideFor(party, caseKey, { category: 'C2', owners: [CASES[caseKey].responsible] });
  expect(detail.core).toEqual(core.visibility === 'FULL' ? CORE[caseKey] : null);
  // The mensenhandel panel, part by part.
  const m = MENSENHANDEL[caseKey];
  if (!m) {
    expect(detail.mensenhandel).toBeNull();
  } else {
    const level = (category: 'C2' | 'C8' | 'C9', owners: Array<OrgKey | null>) =>
      owners.every((o) => o === null) ? 'ABSENT' : decideFor(party, caseKey, { category, owners }).visibility;
    const exploitation = decideFor(party, caseKey, {
      category: 'C2',
      owners: [m.exploitationOwner],
    }).visibility;
    const b8 = level('C8', [m.b8Owner]);
    const shelter = level('C9', [m.shelterOwner, m.shelterOrganisation]);
    const shape = (v: string) => (v === 'FULL' ? 'FULL' : v === 'SUMMARY' ? 'SUMMARY' : undefined);
    expect({
      exploitation: detail.mensenhandel?.exploitation?.visibility,
      b8: detail.mensenhandel?.b8?.visibility,
      shelter: detail.mensenhandel?.shelter?.visibility,
    }).toEqual({ exploitation: shape(exploitation), b8: shape(b8), shelter: shape(shelter) });
    for (const part of ['exploitation', 'b8', 'shelter'] as const) {
      const value = detail.mensenhandel?.[part];
      if (value?.visibility === 'SUMMARY') {
        expect(value).toEqual({ visibility: 'SUMMARY' });
      }
    }
    if (detail.mensenhandel?.shelter?.visibility === 'FULL') {
      expect(detail.mensenhandel.shelter.address).toBe(
        shelterAddressVisible(party, caseKey) ? m.address : null,
      );
    }
  }
  // Disclosures and information requests: the managers all; others their own.
  expectIds(
    detail.disclosures.map((d) => d.id),
    DISCLOSURES.filter((d) => d.caseKey === caseKey && seesDisclosure(party, d)).map((d) => d.id),
  );
  expectIds(
    detail.informationRequests.map((r) => r.id),
    REQUESTS.filter((r) => r.caseKey === caseKey && seesRequest(party, r)).map((r) => r.id),
  );
  // Nothing hidden anywhere in the answer, in any field.
  const text = JSON.stringify(detail);
  const leaked = forbiddenIn(party, caseKey).filter((s) => text.includes(s));
  expect(leaked).toEqual([]);
}

function checkList(party: PartyKey, list: CaseListResponse): void {
  const expected = CASE_KEYS.filter((k) => seesCase(party, k) && can(party, 'cases.read', tableOf(k)));
  expectIds(
    list.items.map((c) => c.id),
    expected.map((k) => IDS.cases[k]),
  );
  expect(list.total).toBe(expected.length);
  for (const k of expected) {
    const summary = list.items.find((c) => c.id === IDS.cases[k]);
    // Names only where identification (C1) is visible in full; otherwise the role only.
    expect(summary?.persons).toEqual(
      PERSONS.filter((x) => x.caseKey === k).map((x) => ({
        role: x.role,
        name:
          decideFor(party, k, { category: 'C1', owners: [x.owner] }).visibility === 'FULL'
            ? `${x.givenName} ${x.familyName}`
            : null,
      })),
    );
  }
  const text = JSON.stringify(list);
  const hidden = CASE_KEYS.filter((k) => !expected.includes(k)).flatMap((k) => [
    IDS.cases[k],
    ...PERSONS.filter((x) => x.caseKey === k).flatMap((x) => [x.givenName, x.familyName]),
  ]);
  expect(hidden.filter((s) => text.includes(s))).toEqual([]);
}

/** The case's consents, each with the disclosures citing it that the party sees, and who may withdraw. */
function checkConsents(party: PartyKey, caseKey: CaseKey, body: CaseConsentsDto): void {
  const table = tableOf(caseKey);
  const expected = CONSENTS.filter((k) => k.caseKey === caseKey);
  expectIds(
    body.consents.map((k) => k.id),
    expected.map((k) => k.id),
  );
  for (const k of expected) {
    const got = body.consents.find((x) => x.id === k.id);
    expect([
      k.id,
      got?.status,
      got?.purpose,
      [...(got?.disclosureIds ?? [])].sort(),
      got?.canWithdraw,
    ]).toEqual([
      k.id,
      k.withdrawn ? 'WITHDRAWN' : 'ACTIVE',
      k.purpose,
      DISCLOSURES.filter((d) => d.consent === k.id && seesDisclosure(party, d))
        .map((d) => d.id)
        .sort(),
      !k.withdrawn &&
        can(party, 'cases.write', table) &&
        (k.recordedBy === orgOf(party) || can(party, 'cases.manage', table)),
    ]);
  }
  expect(body.canRecord).toBe(isOpen(caseKey) && can(party, 'cases.manage', table));
}

function checkInforming(
  party: PartyKey,
  caseKey: CaseKey,
  body: CaseInformingDto,
  world: RuntimeWorld,
): void {
  const entries = [...(INFORMING[caseKey] ?? [])].reverse();
  expect(body.history.map((h) => [h.status, h.reasonCode, h.reviewAt])).toEqual(
    entries.map((e) => [
      e.status,
      e.reasonCode,
      e.reviewInDays === null ? null : plusDays(world.today, e.reviewInDays),
    ]),
  );
  expect(body.version).toBe(entries.length);
  expect(body.canChange).toBe(isOpen(caseKey) && can(party, 'cases.manage', tableOf(caseKey)));
}

/** Deferrals to review today or earlier, of open cases at tables the party manages. */
function checkReviewsDue(party: PartyKey, body: InformingReviewDto[]): void {
  const expected = (Object.keys(INFORMING) as CaseKey[]).filter((k) => {
    const latest = INFORMING[k]?.at(-1);
    return (
      latest?.status === 'DEFERRED' &&
      (latest.reviewInDays ?? 1) <= 0 &&
      isOpen(k) &&
      seesCase(party, k) &&
      can(party, 'cases.manage', tableOf(k))
    );
  });
  expect(body.map((r) => r.caseId).sort()).toEqual(expected.map((k) => IDS.cases[k]).sort());
}

const activeTableIds = (party: PartyKey, permission: Permission) =>
  (Object.keys(TABLE_SPECS) as TableKey[]).filter((t) => can(party, permission, t)).map((t) => IDS.tables[t]);

// ---- break-the-glass (noodknop, ADR 0020) ----------------------------------------------------

/**
 * Opening an item: only a procesregisseur of a case they see; an item already shown in full is a
 * 409, an embargoed item of others does not exist for them, a closed case is a 409; else opened.
 */
function breakGlassOutcome(party: PartyKey, i: ItemSpec): Outcome {
  if (!seesCase(party, i.caseKey) || !can(party, 'cases.break-glass', tableOf(i.caseKey))) {
    return 'DENIED';
  }
  if (itemDecision(party, i).visibility === 'FULL') {
    return { status: 409, problem: 'conflict' };
  }
  if (i.sensitivity === 'EMBARGO') {
    return 'DENIED';
  }
  return isOpen(i.caseKey) ? { status: 201 } : { status: 409, problem: 'conflict' };
}

function breakGlassRow(
  scenario: string,
  pick: (party: PartyKey, caseKey: CaseKey) => ItemSpec,
  opens: boolean,
): EndpointRow {
  return {
    route: 'POST /api/cases/:id/items/:itemId/break-glass',
    permission: 'cases.break-glass',
    scenario,
    phase: 'write',
    targets: CASE_TARGETS,
    request: (p, t) => {
      const i = pick(p, caseOf(t));
      const outcome = breakGlassOutcome(p, i);
      if (!opens && outcome !== 'DENIED' && outcome.status === 201) {
        throw new Error(`${scenario}: ${p} would open ${i.id}; a probe must not change what later rows read`);
      }
      const rest = `/items/${i.id}/break-glass`;
      return {
        method: 'POST',
        path: `/api/cases/${IDS.cases[i.caseKey]}${rest}`,
        random: { path: `/api/cases/${IDS.cases[i.caseKey]}/items/RANDOM/break-glass` },
        body: { reason: 'Matrixtest: acute noodzaak (fictief)' },
      };
    },
    expected: (p, t) => breakGlassOutcome(p, pick(p, caseOf(t))),
    check: (p, t, res) => {
      if (res.status === 201) {
        expect(res.body as BreakGlassGrantDto).toEqual(
          expect.objectContaining({ caseId: IDS.cases[caseOf(t)], itemId: pick(p, caseOf(t)).id }),
        );
      }
    },
  };
}

const BREAK_GLASS_ROWS: EndpointRow[] = [
  {
    route: 'GET /api/break-glass/reviews',
    permission: 'audit.review',
    scenario: "the openings at the FG's tables, with category and reason, never the content",
    phase: 'read',
    targets: NONE,
    request: () => ({ method: 'GET', path: '/api/break-glass/reviews' }),
    expected: (p) => when(canAnywhere(p, 'audit.review'), { status: 200 }),
    check: (p, _t, res) => {
      const body = res.body as BreakGlassReviewDto[];
      expect(body.map((r) => r.id)).toEqual(can(p, 'audit.review', 'MH') ? [BREAK_GLASS.id] : []);
      expect(body.map((r) => [r.category, r.reason, r.itemId])).toEqual(
        body.length ? [[BREAK_GLASS.item.category, BREAK_GLASS.reason, BREAK_GLASS.item.id]] : [],
      );
      expect(JSON.stringify(body)).not.toContain(BREAK_GLASS.item.body);
      expect(JSON.stringify(body)).not.toContain(BREAK_GLASS.item.title);
    },
  },
  {
    route: 'POST /api/break-glass/:id/review',
    permission: 'audit.review',
    scenario: 'stale version (probe)',
    phase: 'write',
    targets: NONE,
    request: () => ({
      method: 'POST',
      path: `/api/break-glass/${BREAK_GLASS.id}/review`,
      random: { path: '/api/break-glass/RANDOM/review' },
      body: { outcome: 'GERECHTVAARDIGD', version: STALE },
    }),
    expected: (p) =>
      when(can(p, 'audit.review', tableOf(BREAK_GLASS.item.caseKey)) && p !== BREAK_GLASS.party, {
        status: 409,
        problem: 'conflict',
      }),
  },
  breakGlassRow(
    'an item the party already sees in full (probe)',
    (p, caseKey) =>
      itemsOf(caseKey).find((i) => itemDecision(p, i).visibility === 'FULL') ??
      (othersItem(p, caseKey) as ItemSpec),
    false,
  ),
  breakGlassRow(
    'an embargoed item of another organisation: embargo is not broken (probe)',
    (p, caseKey) =>
      itemsOf(caseKey).find((i) => i.sensitivity === 'EMBARGO' && i.author !== orgOf(p)) as ItemSpec,
    false,
  ),
  // Last of all rows: the opening changes what the procesregisseur reads of this item.
  breakGlassRow(
    'a GGZ note the party sees as a summary or not at all: opened',
    (_p, caseKey) =>
      itemsOf(caseKey).find((i) => i.category === 'C4' && i.sensitivity === 'GEVOELIG') as ItemSpec,
    true,
  ),
];

// ---- the table ---------------------------------------------------------------------------------

// ---- the case conference (issue 6) ------------------------------------------------------------

const MEETING_TARGET: Target[] = [{ kind: 'none', label: 'live meeting at MH' }];
const meetingUrl = (rest = '') => ({
  path: `/api/meetings/${MEETING.id}${rest}`,
  random: { path: `/api/meetings/RANDOM${rest}` },
});
const isChair = (p: PartyKey) => p === MEETING.chair;
/** A chair action by a participant who is not the chair: refused (and audited) as a 403 problem. */
const chairOutcome = (p: PartyKey, allowed: Exclude<Outcome, 'DENIED'>): Outcome =>
  !takesPartInMeeting(p) ? 'DENIED' : isChair(p) ? allowed : { status: 403, problem: 'meeting.chair_only' };
const meetingKey = () => `mx-${randomUUID()}`;
/** The agenda as the party's organisation must see it: a guest its own items, restricted where it takes no part. */
function checkAgenda(p: PartyKey, agenda: MeetingDetailDto['agenda']): void {
  expect(agenda.map((i) => [i.id, i.restricted, i.caseId])).toEqual(
    meetingItemsOf(p).map((i) => [
      i.id,
      !seesCase(p, i.caseKey),
      seesCase(p, i.caseKey) ? IDS.cases[i.caseKey] : null,
    ]),
  );
}
/** The seeded decision (C3, owned by the ZVH) reaches only who the policy gives it in full. */
const seesDecision = (p: PartyKey) =>
  meetingItemsOf(p).some((i) => i.id === MEETING.items[0].id) &&
  decideFor(p, MEETING.items[0].caseKey, { category: 'C3', owners: ['zvh'] }).visibility === 'FULL';

const MEETING_ROWS: EndpointRow[] = [
  {
    route: 'GET /api/meetings',
    permission: 'meetings.attend',
    scenario: 'the meetings the organisation takes part in',
    phase: 'read',
    targets: NONE,
    request: () => ({ method: 'GET', path: '/api/meetings' }),
    expected: (p) => when(canAnywhere(p, 'meetings.attend'), { status: 200 }),
    check: (p, _t, res) => {
      const list = res.body as MeetingSummaryDto[];
      // The live meeting of this world, and the conference world's meeting (minutes and actions).
      expectIds(
        list.map((m) => m.id),
        [...(takesPartInMeeting(p) ? [MEETING.id] : []), ...(seesMeeting(p) ? [MEETING_ID] : [])],
      );
      for (const m of list) {
        expect(m.itemCount).toBe(m.id === MEETING.id ? meetingItemsOf(p).length : itemsKnownTo(p).length);
      }
    },
  },
  {
    route: 'GET /api/meetings/:id',
    permission: 'meetings.attend',
    scenario: 'the agenda projected for the organisation',
    phase: 'read',
    targets: MEETING_TARGET,
    request: () => ({ method: 'GET', ...meetingUrl() }),
    expected: (p) => when(takesPartInMeeting(p), { status: 200 }),
    check: (p, _t, res) => {
      const body = res.body as MeetingDetailDto;
      checkAgenda(p, body.agenda);
      expect(body.myRole).toBe(
        isChair(p)
          ? 'CHAIR'
          : p === MEETING.minuteTaker
            ? 'MINUTE_TAKER'
            : meetingGuest(p)
              ? 'GUEST'
              : 'MEMBER',
      );
    },
  },
  {
    route: 'GET /api/meetings/:id/live',
    permission: 'meetings.attend',
    scenario: 'the room projected for the organisation (notes, decisions, actions by the policy)',
    phase: 'read',
    targets: MEETING_TARGET,
    request: () => ({ method: 'GET', ...meetingUrl('/live') }),
    expected: (p) => when(takesPartInMeeting(p), { status: 200 }),
    check: (p, _t, res) => {
      const body = res.body as LiveStateDto;
      checkAgenda(p, body.meeting.agenda);
      expect(body.guest).toBe(meetingGuest(p));
      expect(body.decisions.map((d) => d.id)).toEqual(seesDecision(p) ? [MEETING.decision.id] : []);
      if (!seesDecision(p)) {
        expect(JSON.stringify(body)).not.toContain(MEETING.decision.text);
      }
    },
  },
  {
    route: 'GET /api/meetings/:id/events',
    permission: 'meetings.attend',
    scenario: 'resync from 0, projected for the organisation',
    phase: 'read',
    targets: MEETING_TARGET,
    request: () => ({ method: 'GET', ...meetingUrl('/events?since=0') }),
    expected: (p) => when(takesPartInMeeting(p), { status: 200 }),
    check: (_p, _t, res) => {
      const body = res.body as { events: LiveEventDto[]; seq: number };
      expect(body.events.every((e) => e.seq <= body.seq)).toBe(true);
    },
  },
  {
    route: 'GET /api/tables/:tableId/meeting-staff',
    permission: 'meetings.plan',
    scenario: "the planner's choices of chair and minute-taker",
    phase: 'read',
    targets: TABLE_TARGETS,
    request: (_p, t) => ({
      method: 'GET',
      path: `/api/tables/${IDS.tables[tableTarget(t)]}/meeting-staff`,
      random: { path: '/api/tables/RANDOM/meeting-staff' },
    }),
    expected: (p, t) => when(can(p, 'meetings.plan', tableTarget(t)), { status: 200 }),
    check: (_p, _t, res) => {
      const body = res.body as MeetingStaffDto;
      expect(body.chairs.map((u) => u.id)).toEqual(expect.arrayContaining([IDS.users[MEETING.chair]]));
    },
  },
  {
    route: 'POST /api/meetings',
    permission: 'meetings.plan',
    scenario: 'a chair who cannot chair (probe): planners of the table get the field named',
    phase: 'write',
    targets: TABLE_TARGETS,
    request: (_p, t) => ({
      method: 'POST',
      path: '/api/meetings',
      body: {
        tableId: IDS.tables[tableTarget(t)],
        type: 'CASUSOVERLEG',
        scheduledAt: '2030-01-01T09:00:00.000Z',
        durationMinutes: 60,
        chairUserId: IDS.users['POLITIE member'],
      },
    }),
    expected: (p, t) =>
      when(canAnywhere(p, 'meetings.plan'), {
        status: 400,
        problem: 'validation',
        errorCode: can(p, 'meetings.plan', tableTarget(t)) ? 'notAChair' : 'notYourTable',
      }),
  },
  {
    route: 'PUT /api/meetings/:id',
    permission: 'meetings.plan',
    scenario: 'stale version (probe)',
    phase: 'write',
    targets: MEETING_TARGET,
    request: () => ({
      method: 'PUT',
      ...meetingUrl(),
      body: {
        type: 'CASUSOVERLEG',
        scheduledAt: '2030-01-01T09:00:00.000Z',
        durationMinutes: 60,
        chairUserId: IDS.users[MEETING.chair],
        version: STALE,
      },
    }),
    expected: (p) =>
      when(takesPartInMeeting(p) && canAnywhere(p, 'meetings.plan'), { status: 409, problem: 'conflict' }),
  },
  {
    route: 'POST /api/meetings/:id/transitions',
    permission: 'meetings.attend',
    scenario: 'ending with a stale version (probe): only the chair; a refusal is audited',
    phase: 'write',
    targets: MEETING_TARGET,
    request: () => ({
      method: 'POST',
      ...meetingUrl('/transitions'),
      body: { transition: 'BEEINDIGEN', version: STALE },
    }),
    expected: (p) => chairOutcome(p, { status: 409, problem: 'conflict' }),
  },
  {
    route: 'POST /api/meetings/:id/agenda',
    permission: 'meetings.plan',
    scenario: 'a case already on the agenda (probe): the chair while live; planners no longer',
    phase: 'write',
    targets: MEETING_TARGET,
    request: () => ({
      method: 'POST',
      ...meetingUrl('/agenda'),
      body: {
        caseId: IDS.cases[MEETING.items[0].caseKey],
        timeboxMinutes: 10,
        invitedOrganisationIds: [IDS.orgs.politie],
      },
    }),
    expected: (p) =>
      when(
        takesPartInMeeting(p) && canAnywhere(p, 'meetings.plan'),
        isChair(p)
          ? { status: 400, problem: 'validation', errorCode: 'alreadyOnAgenda' }
          : { status: 409, problem: 'meeting.agenda_closed' },
      ),
  },
  {
    route: 'PUT /api/meetings/:id/agenda/:itemId',
    permission: 'meetings.plan',
    scenario: 'inviting an organisation outside the case (probe)',
    phase: 'write',
    targets: MEETING_TARGET,
    request: () => ({
      method: 'PUT',
      path: `/api/meetings/${MEETING.id}/agenda/${MEETING.items[0].id}`,
      random: { path: `/api/meetings/RANDOM/agenda/${MEETING.items[0].id}` },
      body: { timeboxMinutes: 10, invitedOrganisationIds: [IDS.orgs.reclasseringOutside], order: 1 },
    }),
    expected: (p) =>
      when(
        takesPartInMeeting(p) && canAnywhere(p, 'meetings.plan'),
        isChair(p)
          ? { status: 400, problem: 'validation', errorCode: 'notAParticipant' }
          : { status: 409, problem: 'meeting.agenda_closed' },
      ),
  },
  {
    route: 'DELETE /api/meetings/:id/agenda/:itemId',
    permission: 'meetings.plan',
    scenario: 'an item with a decision stays (probe)',
    phase: 'write',
    targets: MEETING_TARGET,
    request: () => ({
      method: 'DELETE',
      path: `/api/meetings/${MEETING.id}/agenda/${MEETING.items[0].id}`,
      random: { path: `/api/meetings/RANDOM/agenda/${MEETING.items[0].id}` },
    }),
    expected: (p) =>
      when(takesPartInMeeting(p) && canAnywhere(p, 'meetings.plan'), {
        status: 409,
        problem: isChair(p) ? 'meeting.item_has_records' : 'meeting.agenda_closed',
      }),
  },
  {
    route: 'POST /api/meetings/:id/join',
    permission: 'meetings.attend',
    scenario: 'joining with the confidentiality statement accepted (a guest: its item is current)',
    phase: 'write',
    targets: MEETING_TARGET,
    request: () => ({ method: 'POST', ...meetingUrl('/join'), body: { confidentialityAccepted: true } }),
    expected: (p) => when(takesPartInMeeting(p), { status: 200 }),
    check: (p, _t, res) => checkAgenda(p, (res.body as LiveStateDto).meeting.agenda),
  },
  {
    route: 'PUT /api/meetings/:id/attendance/:organisationId',
    permission: 'meetings.attend',
    scenario: "the organisation's own attendance",
    phase: 'write',
    targets: NONE,
    request: (p) => ({
      method: 'PUT',
      path: `/api/meetings/${MEETING.id}/attendance/${IDS.orgs[orgOf(p)]}`,
      random: { path: `/api/meetings/RANDOM/attendance/${IDS.orgs[orgOf(p)]}` },
      body: { status: 'PRESENT' },
    }),
    expected: (p) => when(takesPartInMeeting(p), { status: 200 }),
  },
  {
    route: 'POST /api/meetings/:id/notes',
    permission: 'meetings.attend',
    scenario: 'a note on an item that is not current (probe)',
    phase: 'write',
    targets: MEETING_TARGET,
    request: () => ({
      method: 'POST',
      ...meetingUrl('/notes'),
      body: {
        agendaItemId: MEETING.items[1].id,
        category: 'C2',
        sensitivity: 'NORMAAL',
        text: 'Matrix (fictief)',
        idempotencyKey: meetingKey(),
      },
    }),
    expected: (p) =>
      when(takesPartInMeeting(p), { status: 400, problem: 'validation', errorCode: 'notCurrentItem' }),
  },
  ...(
    [
      ['current-item', 'unknownItem'],
      ['timer', 'notCurrentItem'],
      ['decisions', 'unknownItem'],
      ['actions', 'unknownItem'],
    ] as const
  ).map(
    ([command, errorCode]): EndpointRow => ({
      route: `POST /api/meetings/:id/${command}`,
      permission: 'meetings.attend',
      scenario: 'an unknown agenda item (probe): the chair only; a refusal is audited',
      phase: 'write',
      targets: MEETING_TARGET,
      request: () => {
        const agendaItemId = randomUUID();
        const body = {
          'current-item': { agendaItemId },
          timer: { agendaItemId, command: 'START' },
          decisions: { agendaItemId, type: 'ANDERS', text: 'Matrix (fictief)' },
          actions: {
            agendaItemId,
            description: 'Matrix (fictief)',
            ownerOrganisationId: IDS.orgs.politie,
            dueDate: '2099-01-01',
          },
        }[command];
        return {
          method: 'POST',
          ...meetingUrl(`/${command}`),
          body: { ...body, idempotencyKey: meetingKey() },
        };
      },
      expected: (p) => chairOutcome(p, { status: 400, problem: 'validation', errorCode }),
    }),
  ),
];

// ---- the live room's socket events (issue 6 §4) ------------------------------------------------

/**
 * The socket section: every client event of the live room, tried by every party on the matrix
 * meeting, mirroring its REST twin above (same service, same outcome). The acknowledgement is read
 * like an HTTP answer — `{ ok }` as 200 with its data as the body, a problem as its status with
 * `type: urn:casustafel:problem:<code>` — so the cells are checked exactly like the endpoints'. A
 * denial must be a 404 identical to the answer for a meeting id that does not exist.
 */
async function sendSocket(
  party: PartyKey,
  world: RuntimeWorld,
  event: keyof typeof LIVE_CLIENT_EVENTS,
  payload: (meetingId: string) => Record<string, unknown>,
): Promise<AgentResponse> {
  if (!world.socket) {
    throw new Error('the matrix world has no sockets');
  }
  const asHttp = (ack: LiveAck): AgentResponse => {
    const body = ack.ok
      ? ack.data
      : {
          type: `urn:casustafel:problem:${ack.problem.code ?? 'about:blank'}`,
          title: ack.problem.title,
          status: ack.problem.status,
          detail: ack.problem.detail,
          errors: ack.problem.errors,
        };
    const text = JSON.stringify(body ?? null);
    return { status: ack.ok ? 200 : ack.problem.status, headers: {}, body, text, raw: Buffer.from(text) };
  };
  const res = asHttp(await world.socket(party, LIVE_CLIENT_EVENTS[event], payload(MEETING.id)));
  if (res.status === 404) {
    const unknown = asHttp(await world.socket(party, LIVE_CLIENT_EVENTS[event], payload(randomUUID())));
    expect(problemOf(res)).toEqual(problemOf(unknown));
  }
  return res;
}

const socketRow = (
  event: keyof typeof LIVE_CLIENT_EVENTS,
  scenario: string,
  payload: (party: PartyKey, meetingId: string) => Record<string, unknown>,
  expected: EndpointRow['expected'],
  check?: EndpointRow['check'],
): EndpointRow => ({
  route: `SOCKET ${LIVE_CLIENT_EVENTS[event]}`,
  permission: 'meetings.attend',
  scenario,
  phase: 'write',
  targets: MEETING_TARGET,
  request: () => ({ method: 'POST', path: `socket ${LIVE_CLIENT_EVENTS[event]}` }),
  perform: (party, _target, world) =>
    sendSocket(party, world, event, (meetingId) => payload(party, meetingId)),
  expected,
  check,
});

const unknownItemPayloads = {
  currentItem: () => ({ agendaItemId: randomUUID() }),
  timer: () => ({ agendaItemId: randomUUID(), command: 'START' }),
  decision: () => ({ agendaItemId: randomUUID(), type: 'ANDERS', text: 'Matrix (fictief)' }),
  action: () => ({
    agendaItemId: randomUUID(),
    description: 'Matrix (fictief)',
    ownerOrganisationId: IDS.orgs.politie,
    dueDate: '2099-01-01',
  }),
};
const itemErrorCodes = {
  currentItem: 'unknownItem',
  timer: 'notCurrentItem',
  decision: 'unknownItem',
  action: 'unknownItem',
} as const;

export const SOCKET_ROWS: EndpointRow[] = [
  socketRow(
    'join',
    'joining with the confidentiality statement accepted (a guest: its item is current)',
    (_p, meetingId) => ({ meetingId, confidentialityAccepted: true }),
    (p) => when(takesPartInMeeting(p), { status: 200 }),
    (p, _t, res) => checkAgenda(p, (res.body as LiveStateDto).meeting.agenda),
  ),
  socketRow(
    'resync',
    'resync from 0, projected for the organisation',
    (_p, meetingId) => ({ meetingId, sinceSeq: 0 }),
    (p) => when(takesPartInMeeting(p), { status: 200 }),
    (_p, _t, res) => {
      const body = res.body as { events: LiveEventDto[]; seq: number };
      expect(body.events.every((e) => e.seq <= body.seq && e.meetingId === MEETING.id)).toBe(true);
    },
  ),
  socketRow(
    'attendance',
    "the organisation's own attendance",
    (p, meetingId) => ({
      meetingId,
      organisationId: IDS.orgs[orgOf(p)],
      status: 'PRESENT',
      idempotencyKey: meetingKey(),
    }),
    (p) => when(takesPartInMeeting(p), { status: 200 }),
  ),
  socketRow(
    'note',
    'a note on an item that is not current (probe)',
    (_p, meetingId) => ({
      meetingId,
      agendaItemId: MEETING.items[1].id,
      category: 'C2',
      sensitivity: 'NORMAAL',
      text: 'Matrix (fictief)',
      idempotencyKey: meetingKey(),
    }),
    (p) => when(takesPartInMeeting(p), { status: 400, problem: 'validation', errorCode: 'notCurrentItem' }),
  ),
  ...(['currentItem', 'timer', 'decision', 'action'] as const).map((event) =>
    socketRow(
      event,
      'an unknown agenda item (probe): the chair only; a refusal is audited',
      (_p, meetingId) => ({ meetingId, ...unknownItemPayloads[event](), idempotencyKey: meetingKey() }),
      (p) => chairOutcome(p, { status: 400, problem: 'validation', errorCode: itemErrorCodes[event] }),
    ),
  ),
  socketRow(
    'leave',
    'leaving the room (the same answer for any meeting id)',
    (_p, meetingId) => ({ meetingId }),
    (p) => when(canAnywhere(p, 'meetings.attend'), { status: 200 }),
  ),
];

export const ENDPOINTS: EndpointRow[] = [
  // Reads.
  {
    route: 'GET /api/cases',
    permission: 'cases.read',
    scenario: 'the list shows only cases the party takes part in',
    phase: 'read',
    targets: NONE,
    request: () => ({ method: 'GET', path: '/api/cases?pageSize=200' }),
    expected: (p) => when(canAnywhere(p, 'cases.read'), { status: 200 }),
    check: (p, _t, res) => checkList(p, res.body as CaseListResponse),
  },
  {
    route: 'GET /api/information-requests',
    permission: 'cases.read',
    scenario: 'open requests of managed cases (sent) and to the organisation (received), no question text',
    phase: 'read',
    targets: NONE,
    request: () => ({ method: 'GET', path: '/api/information-requests' }),
    expected: (p) => when(canAnywhere(p, 'cases.read'), { status: 200 }),
    check: (p, _t, res) => {
      const received = (r: RequestSpec) => r.to === orgOf(p) && can(p, 'cases.write', tableOf(r.caseKey));
      const expected = REQUESTS.filter(
        (r) =>
          r.state === 'OPEN' &&
          isOpen(r.caseKey) &&
          seesCase(p, r.caseKey) &&
          (can(p, 'cases.manage', tableOf(r.caseKey)) || received(r)),
      );
      const body = res.body as InformationRequestOverviewDto[];
      expect(body.map((r) => `${r.id} ${r.direction}`).sort()).toEqual(
        expected.map((r) => `${r.id} ${received(r) ? 'RECEIVED' : 'SENT'}`).sort(),
      );
      const text = JSON.stringify(body);
      expect(REQUESTS.filter((r) => text.includes(r.question)).map((r) => r.id)).toEqual([]);
    },
  },
  {
    route: 'GET /api/cases/:id',
    permission: 'cases.read',
    scenario: 'the detail, cut to what decide() grants',
    phase: 'read',
    targets: CASE_TARGETS,
    request: (_p, t) => ({ method: 'GET', ...caseUrl(caseOf(t)) }),
    expected: (p, t) =>
      when(seesCase(p, caseOf(t)) && can(p, 'cases.read', tableOf(caseOf(t))), { status: 200 }),
    check: (p, t, res, world) => checkDetail(p, caseOf(t), res.body as CaseDetailDto, world),
  },
  {
    route: 'GET /api/cases/:id/consents',
    permission: 'cases.read',
    scenario: 'the consent register of a case the party sees, with the disclosures it may see',
    phase: 'read',
    targets: CASE_TARGETS,
    request: (_p, t) => ({ method: 'GET', ...caseUrl(caseOf(t), '/consents') }),
    expected: (p, t) =>
      when(seesCase(p, caseOf(t)) && can(p, 'cases.read', tableOf(caseOf(t))), { status: 200 }),
    check: (p, t, res) => checkConsents(p, caseOf(t), res.body as CaseConsentsDto),
  },
  {
    route: 'GET /api/cases/:id/informing',
    permission: 'cases.read',
    scenario: 'the informing status and its history, for everyone who sees the case',
    phase: 'read',
    targets: CASE_TARGETS,
    request: (_p, t) => ({ method: 'GET', ...caseUrl(caseOf(t), '/informing') }),
    expected: (p, t) =>
      when(seesCase(p, caseOf(t)) && can(p, 'cases.read', tableOf(caseOf(t))), { status: 200 }),
    check: (p, t, res, world) => checkInforming(p, caseOf(t), res.body as CaseInformingDto, world),
  },
  {
    route: 'GET /api/informing/reviews-due',
    permission: 'cases.read',
    scenario: 'deferrals to review today or earlier, in open cases the party manages',
    phase: 'read',
    targets: NONE,
    request: () => ({ method: 'GET', path: '/api/informing/reviews-due' }),
    expected: (p) => when(canAnywhere(p, 'cases.read'), { status: 200 }),
    check: (p, _t, res) => checkReviewsDue(p, res.body as InformingReviewDto[]),
  },
  {
    route: 'GET /api/cases/:id/items/:itemId/attachments/:attachmentId',
    permission: 'cases.read',
    scenario: 'a file only with its item visible in full',
    phase: 'read',
    targets: ATTACHMENT_TARGETS,
    request: (_p, t) => {
      const i = t.kind === 'attachment' ? t.item : fail(t);
      return {
        method: 'GET',
        path: `/api/cases/${IDS.cases[i.caseKey]}/items/${i.id}/attachments/${i.attachment?.id}`,
        // Unknown item and file alike: "not found" must not tell which of the two was wrong.
        random: { path: `/api/cases/${IDS.cases[i.caseKey]}/items/RANDOM/attachments/RANDOM` },
      };
    },
    expected: (p, t) => {
      const i = t.kind === 'attachment' ? t.item : fail(t);
      return when(
        seesCase(p, i.caseKey) &&
          can(p, 'cases.read', tableOf(i.caseKey)) &&
          itemDecision(p, i).visibility === 'FULL',
        { status: 200 },
      );
    },
    check: (_p, t, res) => {
      const i = t.kind === 'attachment' ? t.item : fail(t);
      expect(res.text).toBe(i.attachment?.content);
      expect(String(res.headers['content-type'])).toContain('text/plain');
    },
  },
  {
    route: 'GET /api/tables',
    permission: 'cases.read',
    scenario: 'the tables where the party has a case role',
    phase: 'read',
    targets: NONE,
    request: () => ({ method: 'GET', path: '/api/tables' }),
    expected: (p) => when(canAnywhere(p, 'cases.read'), { status: 200 }),
    check: (p, _t, res) =>
      expectIds(
        (res.body as CaseTableDto[]).map((t) => t.id),
        activeTableIds(p, 'cases.read'),
      ),
  },
  {
    route: 'GET /api/tables/:id/organisations',
    permission: 'cases.read',
    scenario: 'partners of a table where the party has a case role',
    phase: 'read',
    targets: TABLE_TARGETS,
    request: (_p, t) => ({
      method: 'GET',
      path: `/api/tables/${IDS.tables[tableTarget(t)]}/organisations`,
      random: { path: '/api/tables/RANDOM/organisations' },
    }),
    expected: (p, t) => when(can(p, 'cases.read', tableTarget(t)), { status: 200 }),
    check: (_p, t, res) =>
      expectIds(
        (res.body as TableOrganisation[]).map((o) => o.id),
        (Object.keys(ORGS) as OrgKey[])
          .filter((o) => tableTarget(t) in ORGS[o].memberships)
          .map((o) => IDS.orgs[o]),
      ),
  },
  {
    route: 'GET /api/tables/:id/visibility',
    permission: 'tables.configure',
    scenario: "the matrix, for the table's beheerder of its own region",
    phase: 'read',
    targets: TABLE_TARGETS,
    request: (_p, t) => ({
      method: 'GET',
      path: `/api/tables/${IDS.tables[tableTarget(t)]}/visibility`,
      random: { path: '/api/tables/RANDOM/visibility' },
    }),
    expected: (p, t) =>
      when(can(p, 'tables.configure', tableTarget(t)) && TABLE_SPECS[tableTarget(t)].region === 1, {
        status: 200,
      }),
    check: (_p, _t, res) => {
      const matrix = res.body as VisibilityMatrixDto;
      expect(matrix.version).toBe(1);
      expect(matrix.rules).toHaveLength(DEFAULT_VISIBILITY_RULES.length);
    },
  },
  {
    route: 'GET /api/tables/:id/visibility/history',
    permission: 'tables.configure',
    scenario: "the matrix history, for the table's beheerder of its own region",
    phase: 'read',
    targets: TABLE_TARGETS,
    request: (_p, t) => ({
      method: 'GET',
      path: `/api/tables/${IDS.tables[tableTarget(t)]}/visibility/history`,
      random: { path: '/api/tables/RANDOM/visibility/history' },
    }),
    expected: (p, t) =>
      when(can(p, 'tables.configure', tableTarget(t)) && TABLE_SPECS[tableTarget(t)].region === 1, {
        status: 200,
      }),
    check: (_p, _t, res) =>
      expect((res.body as VisibilityMatrixHistoryEntry[]).map((h) => h.version)).toEqual([1]),
  },
  {
    route: 'GET /api/registrations',
    permission: 'registrations.create',
    scenario: "the organisation's own registrations only",
    phase: 'read',
    targets: NONE,
    request: () => ({ method: 'GET', path: '/api/registrations' }),
    expected: (p) => when(canAnywhere(p, 'registrations.create'), { status: 200 }),
    check: (p, _t, res) =>
      expectIds(
        (res.body as RegistrationDto[]).map((r) => r.id),
        REGISTRATIONS.filter((r) => r.org === orgOf(p)).map((r) => r.id),
      ),
  },
  {
    route: 'GET /api/registrations/:id',
    permission: 'registrations.create',
    scenario: "the registrant's organisation, and triage once submitted",
    phase: 'read',
    targets: SHARED_REGISTRATIONS.map((key) => ({ kind: 'registration', key, label: key })),
    request: (_p, t) => ({
      method: 'GET',
      path: `/api/registrations/${registrationOf(t).id}`,
      random: { path: '/api/registrations/RANDOM' },
    }),
    expected: (p, t) => {
      const r = registrationOf(t);
      return when(
        (r.org === orgOf(p) && can(p, 'registrations.create', r.table)) ||
          (r.state !== 'CONCEPT' && can(p, 'registrations.triage', r.table)),
        { status: 200 },
      );
    },
    check: (_p, t, res) => expect((res.body as RegistrationDto).id).toBe(registrationOf(t).id),
  },
  {
    route: 'GET /api/triage/registrations',
    permission: 'registrations.triage',
    scenario: 'the triage board of the tables where the party triages',
    phase: 'read',
    targets: NONE,
    request: () => ({ method: 'GET', path: '/api/triage/registrations' }),
    expected: (p) => when(canAnywhere(p, 'registrations.triage'), { status: 200 }),
    check: (p, _t, res) =>
      expectIds(
        (res.body as RegistrationDto[]).map((r) => r.id),
        REGISTRATIONS.filter(
          (r) => ['AANGEMELD', 'IN_TRIAGE'].includes(r.state) && can(p, 'registrations.triage', r.table),
        ).map((r) => r.id),
      ),
  },

  // Data-subject requests: the contactpunt of the region; tasks: the organisation's own only.
  {
    route: 'GET /api/rights-requests',
    permission: 'rights.manage',
    scenario: "the requests of the contactpunt's region, without the person",
    phase: 'read',
    targets: NONE,
    request: () => ({ method: 'GET', path: '/api/rights-requests' }),
    expected: (p) => when(canAnywhere(p, 'rights.manage'), { status: 200 }),
    check: (p, _t, res) => {
      const body = res.body as RightsRequestSummaryDto[];
      expectIds(
        body.map((r) => r.id),
        Object.values(RIGHTS_REQUESTS)
          .filter((r) => canInRegion(p, 'rights.manage', r.region))
          .map((r) => r.id),
      );
      expect(JSON.stringify(body)).not.toContain('Betrokkene');
    },
  },
  {
    route: 'GET /api/rights-requests/:id',
    permission: 'rights.manage',
    scenario: "a request of the contactpunt's region, with its tasks",
    phase: 'read',
    targets: RIGHTS_REQUEST_TARGETS,
    request: (_p, t) => ({ method: 'GET', ...rightsUrl(t, '') }),
    expected: (p, t) => when(canInRegion(p, 'rights.manage', rightsRequestOf(t).region), { status: 200 }),
    check: (_p, t, res) =>
      expectIds(
        (res.body as RightsRequestDetailDto).tasks.map((k) => k.id),
        rightsRequestOf(t).tasks.map((k) => k.id),
      ),
  },
  {
    route: 'GET /api/rights-requests/:id/report.pdf',
    permission: 'rights.manage',
    scenario: "the inzage report (PDF) of a request of the contactpunt's region",
    phase: 'read',
    targets: RIGHTS_REQUEST_TARGETS,
    request: (_p, t) => ({ method: 'GET', ...rightsUrl(t, '/report.pdf') }),
    expected: (p, t) => when(canInRegion(p, 'rights.manage', rightsRequestOf(t).region), { status: 200 }),
    check: (_p, _t, res) => {
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.raw.subarray(0, 5).toString()).toBe('%PDF-');
    },
  },
  {
    route: 'POST /api/rights-requests/lookup',
    permission: 'rights.manage',
    scenario: "counts and joint controllers of the region's cases, never content",
    phase: 'read',
    targets: NONE,
    request: () => ({
      method: 'POST',
      path: '/api/rights-requests/lookup',
      body: { subject: RIGHTS_SUBJECT },
    }),
    expected: (p) => when(canAnywhere(p, 'rights.manage'), { status: 200 }),
    check: (_p, _t, res) => {
      // The BSN is the victim's in every case; the destroyed case and the other region do not count.
      const matched = CASE_KEYS.filter(
        (k) => CASES[k].state !== 'VERNIETIGD' && TABLE_SPECS[tableOf(k)].region === 1,
      );
      const body = res.body as RightsLookupResponse;
      expect([body.persons, body.cases]).toEqual([matched.length, matched.length]);
      const holders = new Set<OrgKey>(['zvh']);
      for (const k of matched) {
        participantsOf(k).forEach((x) => holders.add(x.org));
        itemsOf(k).forEach((i) => holders.add(i.author));
        PERSONS.filter((x) => x.caseKey === k).forEach((x) => holders.add(x.owner));
        holders.add(CASES[k].responsible);
      }
      expectIds(
        body.controllers.map((o) => o.id),
        [...holders].map((o) => IDS.orgs[o]),
      );
      const text = JSON.stringify(body);
      expect(ITEMS.filter((i) => text.includes(i.title) || text.includes(i.body))).toEqual([]);
    },
  },
  {
    route: 'GET /api/rights-tasks',
    permission: 'rights.tasks',
    scenario: "the tasks of the party's organisation only",
    phase: 'read',
    targets: NONE,
    request: () => ({ method: 'GET', path: '/api/rights-tasks' }),
    expected: (p) => when(canAnywhere(p, 'rights.tasks'), { status: 200 }),
    check: (p, _t, res) =>
      expectIds(
        (res.body as MyRightsTaskDto[]).map((k) => k.id),
        Object.values(RIGHTS_REQUESTS)
          .filter((r) => canInRegion(p, 'rights.tasks', r.region))
          .flatMap((r) => r.tasks.filter((k) => k.org === orgOf(p)).map((k) => k.id)),
      ),
  },

  // Changes. Probes stop right after the access check (a stale version, an illegal transition, a
  // declined organisation), so they change nothing; the others act on a row of their own.
  {
    route: 'PUT /api/cases/:id',
    permission: 'cases.manage',
    scenario: 'stale version (probe)',
    phase: 'write',
    targets: CASE_TARGETS,
    request: (_p, t) => ({
      method: 'PUT',
      ...caseUrl(caseOf(t)),
      body: {
        reason: 'Nieuwe reden (fictief)',
        goal: 'Nieuw doel (fictief)',
        casusregisseurId: null,
        version: STALE,
      },
    }),
    expected: (p, t) =>
      when(seesCase(p, caseOf(t)) && can(p, 'cases.manage', tableOf(caseOf(t))), {
        status: 409,
        problem: 'conflict',
      }),
  },
  {
    route: 'POST /api/cases/:id/transitions',
    permission: 'cases.manage',
    scenario: 'a transition the state machine forbids (probe)',
    phase: 'write',
    targets: CASE_TARGETS,
    request: (_p, t) => ({
      method: 'POST',
      ...caseUrl(caseOf(t), '/transitions'),
      body: {
        transition: CASE_TRANSITIONS.find(
          (x) => !CASE_STATE_MACHINE[x].from.includes(CASES[caseOf(t)].state),
        ),
        reason: 'Matrixtest (fictief)',
        version: 1,
      },
    }),
    expected: (p, t) =>
      when(seesCase(p, caseOf(t)) && can(p, 'cases.manage', tableOf(caseOf(t))), {
        status: 409,
        problem: 'case.illegal_transition',
      }),
  },
  {
    route: 'POST /api/cases/:id/participants',
    permission: 'cases.manage',
    scenario: 'adding an organisation that declined the covenant (probe)',
    phase: 'write',
    targets: CASE_TARGETS,
    request: (_p, t) => ({
      method: 'POST',
      ...caseUrl(caseOf(t), '/participants'),
      body: { organisationId: IDS.orgs.omDeclined, basis: 'MEMBER' },
    }),
    expected: (p, t) =>
      when(
        seesCase(p, caseOf(t)) && can(p, 'cases.manage', tableOf(caseOf(t))),
        // A closed case is read-only (409) before the organisation is looked at.
        isOpen(caseOf(t))
          ? {
              status: 400,
              problem: 'validation',
              // The declined organisation is known at MH (declined) and not at all at OTHER.
              errorCode: tableOf(caseOf(t)) === 'MH' ? 'declinedUseExtract' : 'notAtTable',
            }
          : { status: 409, problem: 'conflict' },
      ),
  },
  mensenhandelRow('exploitation', 'C2', {
    forms: ['ARBEID'],
    victimStatus: 'SIGNAAL',
    comensha: { reported: false, reportedAt: null, reference: null, dossierType: null },
  }),
  mensenhandelRow('b8', 'C8', { offeredAt: null, acceptedAt: null, aangifte: null, permitStatus: null }),
  mensenhandelRow('shelter', 'C9', {
    type: 'OMM',
    placedAt: null,
    placedVia: null,
    shelterOrganisationId: null,
    address: null,
  }),
  {
    route: 'POST /api/cases/:id/items',
    permission: 'cases.write',
    scenario: 'a new note (while the case is open)',
    phase: 'write',
    targets: CASE_TARGETS,
    request: (_p, t) => ({
      method: 'POST',
      ...caseUrl(caseOf(t), '/items'),
      body: {
        category: 'C3',
        sensitivity: 'NORMAAL',
        title: 'Afspraak (fictief)',
        body: 'Matrixtest (fictief)',
        legalGround: 'AVG_6_1_E',
      },
    }),
    expected: (p, t) =>
      when(seesCase(p, caseOf(t)) && isOpen(caseOf(t)) && can(p, 'cases.write', tableOf(caseOf(t))), {
        status: 201,
      }),
  },
  {
    route: 'PUT /api/cases/:id/items/:itemId',
    permission: 'cases.write',
    scenario: "the organisation's own item, stale version (probe)",
    phase: 'write',
    targets: CASE_TARGETS,
    request: (p, t) => ({
      method: 'PUT',
      ...nested(caseOf(t), '/items/:deepest', ownItem(p, caseOf(t)).id),
      body: {
        category: 'C3',
        sensitivity: 'NORMAAL',
        title: 'Gewijzigd (fictief)',
        body: 'x',
        legalGround: null,
        version: STALE,
      },
    }),
    expected: (p, t) => {
      const k = caseOf(t);
      return when(
        seesCase(p, k) && isOpen(k) && can(p, 'cases.write', tableOf(k)) && ownItem(p, k).author === orgOf(p),
        { status: 409, problem: 'conflict' },
      );
    },
  },
  {
    route: 'PUT /api/cases/:id/items/:itemId',
    permission: 'cases.write',
    scenario: "another organisation's item",
    phase: 'write',
    targets: CASE_TARGETS,
    request: (p, t) => ({
      method: 'PUT',
      ...nested(caseOf(t), '/items/:deepest', othersItem(p, caseOf(t)).id),
      body: {
        category: 'C3',
        sensitivity: 'NORMAAL',
        title: 'Gewijzigd (fictief)',
        body: 'x',
        legalGround: null,
        version: 1,
      },
    }),
    expected: (p, t) => {
      const k = caseOf(t);
      return when(
        seesCase(p, k) &&
          isOpen(k) &&
          can(p, 'cases.write', tableOf(k)) &&
          othersItem(p, k).author === orgOf(p),
        { status: 200 },
      );
    },
  },
  {
    route: 'POST /api/cases/:id/items/:itemId/attachments',
    permission: 'cases.write',
    scenario: "a file on the organisation's own item (while the case is open, like editing the item)",
    phase: 'write',
    targets: CASE_TARGETS,
    request: (p, t) => ({
      method: 'POST',
      ...nested(caseOf(t), '/items/:deepest/attachments', ownItem(p, caseOf(t)).id),
      multipart: { fileName: 'verslag.txt', contentType: 'text/plain', content: 'Verslag (fictief)' },
    }),
    expected: (p, t) => {
      const k = caseOf(t);
      return when(
        seesCase(p, k) && isOpen(k) && can(p, 'cases.write', tableOf(k)) && ownItem(p, k).author === orgOf(p),
        { status: 201 },
      );
    },
  },
  {
    route: 'POST /api/cases/:id/disclosures',
    permission: 'cases.write',
    scenario: 'proposing to share own items of a category (while the case is open)',
    phase: 'write',
    targets: CASE_TARGETS,
    request: (p, t) => ({
      method: 'POST',
      ...caseUrl(caseOf(t), '/disclosures'),
      body: {
        toOrganisationId: counterpart(p, caseOf(t), {
          MH: ['zvh', 'politie'],
          OTHER: ['zvh', 'politieOther'],
        }),
        itemIds: [],
        categories: ['C3'],
        purpose: 'Afstemming (fictief)',
        legalGround: 'AVG_6_1_E',
        legalReference: '',
      },
    }),
    expected: (p, t) =>
      when(seesCase(p, caseOf(t)) && isOpen(caseOf(t)) && can(p, 'cases.write', tableOf(caseOf(t))), {
        status: 201,
      }),
  },
  ...(['approve', 'reject'] as const).map(
    (use): EndpointRow => ({
      route: `POST /api/cases/:id/disclosures/:disclosureId/${use}`,
      permission: 'disclosures.approve',
      scenario: "another organisation's proposal (four eyes)",
      phase: 'write',
      targets: CASE_TARGETS,
      request: (p, t) => ({
        method: 'POST',
        ...nested(caseOf(t), `/disclosures/:deepest/${use}`, dedicatedDisclosure(p, caseOf(t), use).id),
      }),
      expected: (p, t) =>
        when(seesCase(p, caseOf(t)) && can(p, 'disclosures.approve', tableOf(caseOf(t))), { status: 204 }),
    }),
  ),
  ...(['revokeOwn', 'revokeOther'] as const).map(
    (use): EndpointRow => ({
      route: 'POST /api/cases/:id/disclosures/:disclosureId/revoke',
      permission: 'cases.write',
      scenario:
        use === 'revokeOwn' ? "the organisation's own disclosure" : "another organisation's disclosure",
      phase: 'write',
      targets: CASE_TARGETS,
      request: (p, t) => ({
        method: 'POST',
        ...nested(caseOf(t), '/disclosures/:deepest/revoke', dedicatedDisclosure(p, caseOf(t), use).id),
        body: { reason: 'Toestemming ingetrokken (fictief)' },
      }),
      expected: (p, t) => {
        const k = caseOf(t);
        const d = dedicatedDisclosure(p, k, use);
        return when(
          seesCase(p, k) &&
            can(p, 'cases.write', tableOf(k)) &&
            (d.from === orgOf(p) || can(p, 'cases.manage', tableOf(k))),
          { status: 204 },
        );
      },
    }),
  ),
  {
    route: 'POST /api/cases/:id/information-requests',
    permission: 'cases.manage',
    scenario: 'asking a partner (while the case is open)',
    phase: 'write',
    targets: CASE_TARGETS,
    request: (p, t, w) => ({
      method: 'POST',
      ...caseUrl(caseOf(t), '/information-requests'),
      body: {
        toOrganisationId: counterpart(p, caseOf(t), {
          MH: ['ggz', 'zorgcoordinator'],
          OTHER: ['ggzOther', 'politieOther'],
        }),
        question: 'Is betrokkene bekend? (fictief)',
        categories: ['C3'],
        dueAt: plusDays(w.today, 14),
      },
    }),
    expected: (p, t) =>
      when(seesCase(p, caseOf(t)) && isOpen(caseOf(t)) && can(p, 'cases.manage', tableOf(caseOf(t))), {
        status: 201,
      }),
  },
  ...(['declineOwn', 'declineOther'] as const).map(
    (use): EndpointRow => ({
      route: 'POST /api/cases/:id/information-requests/:requestId/decline',
      permission: 'cases.write',
      scenario: use === 'declineOwn' ? 'a request to the organisation' : 'a request to another organisation',
      phase: 'write',
      targets: CASE_TARGETS,
      request: (p, t) => ({
        method: 'POST',
        ...nested(
          caseOf(t),
          '/information-requests/:deepest/decline',
          dedicatedRequest(p, caseOf(t), use).id,
        ),
        body: { reason: 'Niet bekend bij ons (fictief)' },
      }),
      expected: (p, t) => {
        const k = caseOf(t);
        return when(
          seesCase(p, k) && can(p, 'cases.write', tableOf(k)) && dedicatedRequest(p, k, use).to === orgOf(p),
          { status: 204 },
        );
      },
    }),
  ),
  {
    route: 'POST /api/cases/:id/consents',
    permission: 'cases.manage',
    scenario: "recording a consent of the case's victim (while the case is open)",
    phase: 'write',
    targets: CASE_TARGETS,
    request: (_p, t, w) => ({
      method: 'POST',
      ...caseUrl(caseOf(t), '/consents'),
      body: {
        personId: w.personIds[`${caseOf(t)}-victim`],
        kind: 'TOESTEMMING_GEGEVENSDELING',
        scopeOrganisationIds: [IDS.orgs.zorgcoordinator],
        scopeCategories: ['C4'],
        purpose: 'Afstemming zorg (fictief)',
        givenBy: 'BETROKKENE',
        form: 'MONDELING',
        evidenceType: 'GESPREKSVERSLAG',
        givenAt: w.today,
      },
    }),
    expected: (p, t) =>
      when(
        seesCase(p, caseOf(t)) && can(p, 'cases.manage', tableOf(caseOf(t))),
        isOpen(caseOf(t)) ? { status: 201 } : { status: 409, problem: 'conflict' },
      ),
  },
  ...(['withdrawOwn', 'withdrawOther'] as const).map(
    (use): EndpointRow => ({
      route: 'POST /api/cases/:id/consents/:consentId/withdraw',
      permission: 'cases.write',
      scenario:
        use === 'withdrawOwn'
          ? "a consent the party's organisation recorded (also when the case is closed)"
          : 'a consent another organisation recorded',
      phase: 'write',
      targets: CASE_TARGETS,
      request: (p, t) => ({
        method: 'POST',
        ...nested(caseOf(t), '/consents/:deepest/withdraw', dedicatedConsent(p, caseOf(t), use).id),
        body: { version: 1, note: 'Mondeling ingetrokken (fictief)' },
      }),
      expected: (p, t) => {
        const k = caseOf(t);
        return when(
          seesCase(p, k) &&
            can(p, 'cases.write', tableOf(k)) &&
            (dedicatedConsent(p, k, use).recordedBy === orgOf(p) || can(p, 'cases.manage', tableOf(k))),
          { status: 204 },
        );
      },
    }),
  ),
  {
    route: 'PUT /api/cases/:id/informing',
    permission: 'cases.manage',
    scenario: 'stale version (probe)',
    phase: 'write',
    targets: CASE_TARGETS,
    request: (_p, t) => ({
      method: 'PUT',
      ...caseUrl(caseOf(t), '/informing'),
      body: { status: 'INFORMED', version: STALE },
    }),
    expected: (p, t) =>
      when(seesCase(p, caseOf(t)) && can(p, 'cases.manage', tableOf(caseOf(t))), {
        status: 409,
        problem: 'conflict',
      }),
  },
  {
    route: 'PUT /api/tables/:id/visibility',
    permission: 'tables.configure',
    scenario: 'stale version (probe)',
    phase: 'write',
    targets: TABLE_TARGETS,
    request: (_p, t) => {
      const body = {
        version: STALE,
        rules: DEFAULT_VISIBILITY_RULES,
        embargoPartnerTypes: ['POLITIE'],
        reason: 'Matrixtest (fictief)',
      };
      return {
        method: 'PUT',
        path: `/api/tables/${IDS.tables[tableTarget(t)]}/visibility`,
        body,
        random: { path: '/api/tables/RANDOM/visibility', body },
      };
    },
    expected: (p, t) =>
      when(can(p, 'tables.configure', tableTarget(t)) && TABLE_SPECS[tableTarget(t)].region === 1, {
        status: 409,
        problem: 'conflict',
      }),
  },
  {
    route: 'POST /api/registrations',
    permission: 'registrations.create',
    scenario: 'a draft at a table where the party registers',
    phase: 'write',
    targets: TABLE_TARGETS,
    request: (_p, t) => {
      const body = (tableId: string) => ({
        tableId,
        reason: 'Zorgen (fictief)',
        goal: 'Hulp (fictief)',
        discussedWithPerson: true,
        criteria: {
          multipleDomains: true,
          crossChain: false,
          systemAffected: false,
          localSafetyProblem: false,
          motivation: 'x',
        },
        signals: [],
        persons: [],
        proposedParticipants: [],
        submit: false,
      });
      return {
        method: 'POST',
        path: '/api/registrations',
        body: body(IDS.tables[tableTarget(t)]),
        random: { path: '/api/registrations', body: body('RANDOM') },
      };
    },
    expected: (p, t) => when(can(p, 'registrations.create', tableTarget(t)), { status: 201 }),
  },
  {
    route: 'PUT /api/registrations/:id',
    permission: 'registrations.create',
    scenario: "the organisation's own draft, stale version (probe)",
    phase: 'write',
    targets: NONE,
    request: (p) => {
      const r = dedicatedRegistration(p, 'ownDraft');
      return {
        method: 'PUT',
        path: `/api/registrations/${r.id}`,
        random: { path: '/api/registrations/RANDOM' },
        body: {
          tableId: IDS.tables[r.table],
          reason: 'Zorgen (fictief)',
          goal: 'Hulp (fictief)',
          discussedWithPerson: true,
          criteria: {
            multipleDomains: true,
            crossChain: false,
            systemAffected: false,
            localSafetyProblem: false,
            motivation: 'x',
          },
          signals: [],
          persons: [],
          proposedParticipants: [],
          submit: false,
          version: STALE,
        },
      };
    },
    expected: (p) => {
      const r = dedicatedRegistration(p, 'ownDraft');
      return when(r.org === orgOf(p) && can(p, 'registrations.create', r.table), {
        status: 409,
        problem: 'conflict',
      });
    },
  },
  {
    route: 'POST /api/triage/registrations/:id/start',
    permission: 'registrations.triage',
    scenario: 'taking a submitted registration into triage',
    phase: 'write',
    targets: NONE,
    request: (p) => ({
      method: 'POST',
      path: `/api/triage/registrations/${dedicatedRegistration(p, 'triageStart').id}/start`,
      random: { path: '/api/triage/registrations/RANDOM/start' },
    }),
    expected: (p) =>
      when(can(p, 'registrations.triage', dedicatedRegistration(p, 'triageStart').table), { status: 200 }),
  },
  {
    route: 'POST /api/triage/registrations/:id/decision',
    permission: 'registrations.triage',
    scenario: 'stale version (probe)',
    phase: 'write',
    targets: ['submitted at MH', 'submitted at OTHER'].map((key) => ({
      kind: 'registration',
      key,
      label: key,
    })),
    request: (_p, t) => ({
      method: 'POST',
      path: `/api/triage/registrations/${registrationOf(t).id}/decision`,
      random: { path: '/api/triage/registrations/RANDOM/decision' },
      body: { outcome: 'AFGEWEZEN', advice: 'Lokaal oppakken (fictief)', referral: null, version: STALE },
    }),
    expected: (p, t) =>
      when(can(p, 'registrations.triage', registrationOf(t).table), { status: 409, problem: 'conflict' }),
  },
  {
    route: 'POST /api/rights-requests',
    permission: 'rights.manage',
    scenario: 'logging a request (sent out at once)',
    phase: 'write',
    targets: NONE,
    request: (_p, _t, w) => ({
      method: 'POST',
      path: '/api/rights-requests',
      body: {
        type: 'INZAGE',
        receivedAt: w.today,
        receivedVia: 'BRIEF',
        requester: 'BETROKKENE',
        identityVerified: true,
        identityMethod: 'DIGID',
        subject: RIGHTS_SUBJECT,
      },
    }),
    expected: (p) => when(canAnywhere(p, 'rights.manage'), { status: 201 }),
  },
  ...(['fan-out', 'extension', 'close'] as const).map(
    (action): EndpointRow => ({
      route: `POST /api/rights-requests/:id/${action}`,
      permission: 'rights.manage',
      scenario: "stale version (probe), the contactpunt's region only",
      phase: 'write',
      targets: RIGHTS_REQUEST_TARGETS,
      request: (_p, t) => {
        const body = {
          'fan-out': { identityMethod: 'DIGID', version: STALE },
          extension: { months: 1, reason: 'Complex (fictief)', version: STALE },
          close: { status: 'AFGEWEZEN', outcome: 'Matrixtest (fictief)', version: STALE },
        }[action];
        return { method: 'POST', ...rightsUrl(t, `/${action}`), body };
      },
      expected: (p, t) =>
        when(canInRegion(p, 'rights.manage', rightsRequestOf(t).region), {
          status: 409,
          problem: 'conflict',
        }),
    }),
  ),
  {
    route: 'POST /api/rights-tasks/:id/answer',
    permission: 'rights.tasks',
    scenario: 'stale version (probe), own organisation only',
    phase: 'write',
    targets: RIGHTS_TASK_TARGETS,
    request: (p, t) => ({
      method: 'POST',
      path: `/api/rights-tasks/${rightsTaskFor(p, t).id}/answer`,
      random: { path: '/api/rights-tasks/RANDOM/answer' },
      body: { status: 'NIETS_GEVONDEN', version: STALE },
    }),
    expected: (p, t) =>
      when(rightsTaskFor(p, t).own && canInRegion(p, 'rights.tasks', 1), {
        status: 409,
        problem: 'conflict',
      }),
  },
  ...MEETING_ROWS,
  // Last of all: the opening row changes what the procesregisseur reads.
  ...BREAK_GLASS_ROWS,
  // The minutes and the actions of the case conference.
  ...CONFERENCE_ENDPOINTS,
  // Need-to-know extracts (issue 7).
  ...EXTRACT_ENDPOINTS,
];

/** Every cell of the matrix: endpoint row × party × target, with the predicted outcome. */
export function cellsOf(row: EndpointRow): Array<{ party: PartyKey; target: Target; outcome: Outcome }> {
  return PARTY_KEYS.flatMap((party) =>
    row.targets.map((target) => ({ party, target, outcome: row.expected(party, target) })),
  );
}

export const outcomeLabel = (o: Outcome): string =>
  o === 'DENIED'
    ? '404 (as if it did not exist)'
    : `${o.status}${o.problem ? ` ${o.problem}` : ''}${o.errorCode ? ` ${o.errorCode}` : ''}`;

/** The problem fields that must be equal between a denial and an unknown id. */
export const problemOf = (res: AgentResponse) => {
  const body = res.body as ProblemDetails | undefined;
  return { status: res.status, type: body?.type, title: body?.title, detail: body?.detail };
};

export const withRandom = (text: string, uuid = randomUUID()) => text.split('RANDOM').join(uuid);
