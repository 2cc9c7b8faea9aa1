import { randomUUID } from 'node:crypto';
import type { ExtractCandidatesDto, ExtractDto, ReceivedExtractDto } from '@casustafel/shared/contracts';
import { decide } from '@casustafel/api/access';
import {
  can,
  canAnywhere,
  caseAccess,
  CASE_KEYS,
  CASES,
  decideFor,
  IDS,
  ITEMS,
  orgOf,
  seesCase,
  type CaseKey,
  type PartyKey,
} from './authorization-world';
import type { EndpointRow, Outcome, Target } from './endpoints';
import { EXTRACT_CASE, EXTRACT_ITEM, EXTRACT_RECIPIENT, EXTRACTS } from './extract-world';

/**
 * Matrix rows of the need-to-know extracts (issue 7, ADR 0024). The managers (procesregisseur,
 * voorzitter) of a case's table who see the case compose, decide and recall; the recipient
 * organisation (the OM that declined the table) reads and downloads its own issued extract, and
 * every signed-in user lists "Uittreksels voor mijn organisatie" — empty unless it is addressed to
 * them. Anything else answers like an unknown id. Changes are probes that stop right after the
 * access check (a stale version, an unknown recipient).
 */

const STALE = 999;
const UNKNOWN_ORG = randomUUID();
const CASE_TARGETS: Target[] = CASE_KEYS.map((caseKey) => ({
  kind: 'case',
  caseKey,
  label: CASES[caseKey].label,
}));
const ISSUED: Target[] = [{ kind: 'none', label: 'the issued extract' }];
const PENDING: Target[] = [{ kind: 'none', label: 'the extract awaiting approval' }];
const caseOf = (t: Target): CaseKey => (t.kind === 'case' ? t.caseKey : EXTRACT_CASE);

/** A manager of the case's table who sees the case. */
const manages = (party: PartyKey, caseKey: CaseKey): boolean =>
  can(party, 'extracts.compose', CASES[caseKey].table) && seesCase(party, caseKey);
const isRecipient = (party: PartyKey): boolean => orgOf(party) === EXTRACT_RECIPIENT;
const manager = (p: PartyKey, t: Target, outcome: Exclude<Outcome, 'DENIED'>): Outcome =>
  manages(p, caseOf(t)) ? outcome : 'DENIED';

const caseUrl = (t: Target, rest: string) => ({
  path: `/api/cases/${IDS.cases[caseOf(t)]}${rest}`,
  random: { path: `/api/cases/RANDOM${rest}` },
});
const extractUrl = (id: string, rest = '') => ({
  path: `/api/extracts/${id}${rest}`,
  random: { path: `/api/extracts/RANDOM${rest}` },
});

export const EXTRACT_ENDPOINTS: EndpointRow[] = [
  {
    route: 'GET /api/cases/:id/extracts',
    permission: 'extracts.compose',
    scenario: "a case's extracts, for the managers of its table",
    phase: 'read',
    targets: CASE_TARGETS,
    request: (_p, t) => ({ method: 'GET', ...caseUrl(t, '/extracts') }),
    expected: (p, t) => manager(p, t, { status: 200 }),
    check: (_p, t, res) => {
      const ids = (res.body as ExtractDto[]).map((e) => e.id).sort();
      expect(ids).toEqual(caseOf(t) === EXTRACT_CASE ? [EXTRACTS.issued.id, EXTRACTS.pending.id].sort() : []);
    },
  },
  {
    route: 'GET /api/cases/:id/extracts/candidates',
    permission: 'extracts.compose',
    scenario:
      'what may go to the OM: only items the manager sees in full, as the policy lets the OM receive them',
    phase: 'read',
    targets: CASE_TARGETS,
    request: (_p, t) => {
      const query = `/extracts/candidates?recipientOrganisationId=${IDS.orgs[EXTRACT_RECIPIENT]}`;
      return { method: 'GET', ...caseUrl(t, query) };
    },
    expected: (p, t) => manager(p, t, { status: 200 }),
    check: (p, t, res) => {
      const body = res.body as ExtractCandidatesDto;
      const caseKey = caseOf(t);
      const expected = ITEMS.filter((i) => i.caseKey === caseKey)
        .filter((i) => {
          const own = decideFor(p, caseKey, {
            id: i.id,
            category: i.category,
            sensitivity: i.sensitivity,
            owners: [i.author],
          });
          return own.visibility === 'FULL' && own.grantedBy !== 'BREAK_GLASS';
        })
        .map((i) => i.id);
      // The OM as if it took part (a member): decide() says what it may receive of each.
      const om = { ...caseAccess('OM declined', caseKey), participation: 'MEMBER' as const };
      const offered = ITEMS.filter((i) => expected.includes(i.id)).flatMap((i) => {
        const v = decide(om, {
          id: i.id,
          category: i.category,
          sensitivity: i.sensitivity,
          owners: [IDS.orgs[i.author]],
        }).visibility;
        return v === 'NONE' ? [] : [`${i.id} ${v === 'FULL' ? 'FULL' : 'CATEGORY_SUMMARY'}`];
      });
      expect(body.candidates.map((c) => `${c.itemId} ${c.allowed}`).sort()).toEqual(offered.sort());
      expect(body.recipient.id).toBe(IDS.orgs[EXTRACT_RECIPIENT]);
    },
  },
  {
    route: 'GET /api/extracts/:id',
    permission: 'extracts.compose',
    scenario: 'one extract, for the managers of its table',
    phase: 'read',
    targets: ISSUED,
    request: () => ({ method: 'GET', ...extractUrl(EXTRACTS.issued.id) }),
    expected: (p, t) => manager(p, t, { status: 200 }),
    check: (_p, _t, res) => {
      const e = res.body as ExtractDto;
      expect(e).toMatchObject({ id: EXTRACTS.issued.id, state: 'VERSTREKT' });
      expect(e.items.map((i) => i.itemId)).toEqual([EXTRACT_ITEM.id]);
    },
  },
  {
    route: 'GET /api/extracts/:id/document.pdf',
    permission: 'extracts.receive',
    scenario: 'the stored PDF: the recipient organisation and the managers',
    phase: 'read',
    targets: ISSUED,
    request: () => ({ method: 'GET', ...extractUrl(EXTRACTS.issued.id, '/document.pdf') }),
    expected: (p, t) => (isRecipient(p) || manages(p, caseOf(t)) ? { status: 200 } : 'DENIED'),
    check: (_p, _t, res) => expect(res.headers['content-type']).toBe('application/pdf'),
  },
  {
    route: 'GET /api/extracts/:id/document.json',
    permission: 'extracts.receive',
    scenario: 'the stored JSON: the recipient organisation and the managers',
    phase: 'read',
    targets: ISSUED,
    request: () => ({ method: 'GET', ...extractUrl(EXTRACTS.issued.id, '/document.json') }),
    expected: (p, t) => (isRecipient(p) || manages(p, caseOf(t)) ? { status: 200 } : 'DENIED'),
  },
  {
    route: 'GET /api/received-extracts',
    permission: 'extracts.receive',
    scenario: "Uittreksels voor mijn organisatie: only those addressed to the user's organisation",
    phase: 'read',
    targets: [{ kind: 'none', label: 'mine' }],
    request: () => ({ method: 'GET', path: '/api/received-extracts' }),
    expected: (p) => (canAnywhere(p, 'extracts.receive') ? { status: 200 } : 'DENIED'),
    check: (p, _t, res) => {
      expect((res.body as ReceivedExtractDto[]).map((e) => e.id)).toEqual(
        isRecipient(p) ? [EXTRACTS.issued.id] : [],
      );
    },
  },
  {
    route: 'GET /api/received-extracts/:id',
    permission: 'extracts.receive',
    scenario: 'one received extract: the recipient organisation only (never the pending one)',
    phase: 'read',
    targets: [...ISSUED, ...PENDING],
    request: (_p, t) => ({
      method: 'GET',
      path: `/api/received-extracts/${t === PENDING[0] ? EXTRACTS.pending.id : EXTRACTS.issued.id}`,
      random: { path: '/api/received-extracts/RANDOM' },
    }),
    expected: (p, t) => (isRecipient(p) && t !== PENDING[0] ? { status: 200 } : 'DENIED'),
    check: (_p, _t, res) => expect((res.body as ReceivedExtractDto).state).toBe('VERSTREKT'),
  },
  {
    route: 'POST /api/cases/:id/extracts',
    permission: 'extracts.compose',
    scenario: 'compose for an unknown recipient (probe: 400 for a manager once past the access check)',
    phase: 'write',
    targets: CASE_TARGETS,
    request: (_p, t) => ({
      method: 'POST',
      ...caseUrl(t, '/extracts'),
      body: {
        recipientOrganisationId: UNKNOWN_ORG,
        purpose: 'Matrix (fictief)',
        legalGround: 'WJSG_AANWIJZING',
        items: [{ itemId: EXTRACT_ITEM.id, mode: 'FULL' }],
      },
    }),
    expected: (p, t) =>
      manager(p, t, { status: 400, problem: 'validation', errorCode: 'unknownOrganisation' }),
  },
  {
    route: 'POST /api/extracts/:id/decision',
    permission: 'extracts.compose',
    scenario: 'stale version (probe: 409 for a manager once past the access check)',
    phase: 'write',
    targets: PENDING,
    request: () => ({
      method: 'POST',
      ...extractUrl(EXTRACTS.pending.id, '/decision'),
      body: { approve: true, version: STALE },
    }),
    expected: (p, t) => manager(p, t, { status: 409, problem: 'conflict' }),
  },
  {
    route: 'POST /api/extracts/:id/recall',
    permission: 'extracts.compose',
    scenario: 'stale version (probe: 409 for a manager once past the access check)',
    phase: 'write',
    targets: ISSUED,
    request: () => ({
      method: 'POST',
      ...extractUrl(EXTRACTS.issued.id, '/recall'),
      body: { reason: 'Matrix (fictief).', version: STALE },
    }),
    expected: (p, t) => manager(p, t, { status: 409, problem: 'conflict' }),
  },
];
