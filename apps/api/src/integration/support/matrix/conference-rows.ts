import type { AgentResponse } from '@casustafel/api/testing';
import type { ActionDto, MinutesDto } from '@casustafel/shared/contracts';
import {
  canAnywhere,
  CASE_KEYS,
  CASES,
  decideFor,
  IDS,
  orgOf,
  seesCase,
  type PartyKey,
} from './authorization-world';
import {
  caseAction,
  CONFERENCE_ACTIONS,
  CONFERENCE_ITEMS,
  isChair,
  isOfficer,
  itemsKnownTo,
  MEETING_ID,
  seesMeeting,
} from './conference-world';
import type { EndpointRow, Outcome, Target } from './endpoints';

/**
 * Matrix rows of the minutes and the actions (issue 6 §6–7). Outcomes derive from the policy data
 * (participation, the meeting's officers, decide()); a denial answers like an unknown meeting or
 * action. Notifications hold no case data (opaque ids) and are tested in actions-minutes.int-spec.ts.
 */

const NONE: Target[] = [{ kind: 'none', label: 'the meeting' }];
const ACTION_TARGETS: Target[] = CASE_KEYS.map((caseKey) => ({
  kind: 'case',
  caseKey,
  label: `action of ${CASES[caseKey].label}`,
}));
const STALE = 999;

const minutesUrl = (rest = '') => ({
  path: `/api/meetings/${MEETING_ID}/minutes${rest}`,
  random: { path: `/api/meetings/RANDOM/minutes${rest}` },
});

/** What a participant may see of the meeting is read; an officer's action by someone else is a 403. */
const officerProbe = (
  party: PartyKey,
  allowed: (p: PartyKey) => boolean,
  outcome: Exclude<Outcome, 'DENIED'>,
): Outcome =>
  !seesMeeting(party) || !canAnywhere(party, 'meetings.attend')
    ? 'DENIED'
    : allowed(party)
      ? outcome
      : { status: 403, problem: 'auth.forbidden' };

/** The minutes as one organisation reads them: exactly the items, notes, decisions and actions decide() grants. */
function checkMinutes(party: PartyKey, res: AgentResponse): void {
  const minutes = res.body as MinutesDto;
  const known = itemsKnownTo(party);
  expect(minutes.items.map((i) => i.agendaItemId).sort()).toEqual(known.map((i) => i.id).sort());
  const text = JSON.stringify(minutes);
  for (const item of CONFERENCE_ITEMS) {
    const shown = minutes.items.find((i) => i.agendaItemId === item.id);
    const open = shown !== undefined && seesCase(party, item.caseKey);
    if (shown) {
      expect(shown.restricted).toBe(!open);
      expect(shown.caseNumber === null).toBe(!open);
    }
    for (const note of item.notes) {
      const decision = decideFor(party, item.caseKey, {
        id: note.id,
        category: note.category,
        sensitivity: note.sensitivity,
        owners: [note.author],
      }).visibility;
      const got = shown?.notes.find((n) => n.id === note.id);
      if (!open || decision === 'NONE') {
        expect(got).toBeUndefined();
        expect(text).not.toContain(note.id);
      } else {
        expect(got?.visibility).toBe(decision);
      }
      if (!open || decision !== 'FULL') {
        expect(text).not.toContain(note.text);
      } else {
        expect(got?.text).toBe(note.text);
      }
    }
    const c3 = (owners: Parameters<typeof decideFor>[2]['owners']) =>
      open && decideFor(party, item.caseKey, { category: 'C3', owners }).visibility === 'FULL';
    expect(text.includes(item.decision.text)).toBe(c3([item.decision.author]));
    for (const action of CONFERENCE_ACTIONS.filter((a) => a.itemId === item.id)) {
      expect(text.includes(action.description)).toBe(c3([action.author, action.owner]));
    }
    const summary = decideFor(party, item.caseKey, {
      category: item.summary.category,
      owners: [item.summary.author],
    });
    expect(text.includes(item.summary.text)).toBe(open && summary.visibility === 'FULL');
  }
}

export const CONFERENCE_ENDPOINTS: EndpointRow[] = [
  {
    route: 'GET /api/meetings/:id/minutes',
    permission: 'meetings.attend',
    scenario: 'each organisation reads its own filtered concept',
    phase: 'read',
    targets: NONE,
    request: () => ({ method: 'GET', ...minutesUrl() }),
    expected: (p) => officerProbe(p, () => true, { status: 200 }),
    check: (p, _t, res) => {
      expect((res.body as MinutesDto).status).toBe('CONCEPT');
      checkMinutes(p, res);
    },
  },
  {
    route: 'GET /api/meetings/:id/minutes/versions/:n',
    permission: 'meetings.attend',
    scenario: 'an established version is filtered for the reader from its snapshot',
    phase: 'read',
    targets: NONE,
    request: () => ({ method: 'GET', ...minutesUrl('/versions/1') }),
    expected: (p) => officerProbe(p, () => true, { status: 200 }),
    check: (p, _t, res) => {
      expect((res.body as MinutesDto).status).toBe('VASTGESTELD');
      checkMinutes(p, res);
    },
  },
  {
    route: 'GET /api/actions',
    permission: 'actions.work',
    scenario: "Mijn acties: only the organisation's own actions that the policy shows in full",
    phase: 'read',
    targets: [{ kind: 'none', label: 'mine' }],
    request: () => ({ method: 'GET', path: '/api/actions?scope=organisation' }),
    expected: (p) => (canAnywhere(p, 'actions.work') ? { status: 200 } : 'DENIED'),
    check: (p, _t, res) => {
      const expected = CONFERENCE_ACTIONS.filter(
        (a) =>
          IDS.orgs[a.owner] === IDS.orgs[orgOf(p)] &&
          decideFor(p, a.caseKey, { category: 'C3', owners: [a.author, a.owner] }).visibility === 'FULL',
      ).map((a) => a.id);
      expect((res.body as ActionDto[]).map((a) => a.id).sort()).toEqual(expected.sort());
    },
  },
  {
    route: 'POST /api/meetings/:id/minutes',
    permission: 'meetings.attend',
    scenario: 'draft again (probe: 409 for an officer once past the access check; the minutes exist)',
    phase: 'write',
    targets: NONE,
    request: () => ({ method: 'POST', ...minutesUrl() }),
    expected: (p) => officerProbe(p, isOfficer, { status: 409, problem: 'meeting.status' }),
  },
  {
    route: 'PUT /api/meetings/:id/minutes/items/:agendaItemId',
    permission: 'meetings.attend',
    scenario: 'stale summary (probe: 409 for an officer once past the access check)',
    phase: 'write',
    targets: NONE,
    request: () => ({
      method: 'PUT',
      ...minutesUrl(`/items/${CONFERENCE_ITEMS[0].id}`),
      body: { category: 'C2', text: 'Matrix (fictief).', version: STALE },
    }),
    expected: (p) => officerProbe(p, isOfficer, { status: 409, problem: 'conflict' }),
  },
  {
    route: 'POST /api/meetings/:id/minutes/establish',
    permission: 'meetings.attend',
    scenario: 'stale concept (probe: 409 for the chair once past the access check)',
    phase: 'write',
    targets: NONE,
    request: () => ({ method: 'POST', ...minutesUrl('/establish'), body: { version: STALE } }),
    expected: (p) => officerProbe(p, isChair, { status: 409, problem: 'conflict' }),
  },
  {
    route: 'POST /api/meetings/:id/minutes/revise',
    permission: 'meetings.attend',
    scenario: 'revise a concept (probe: 409 for the chair once past the access check)',
    phase: 'write',
    targets: NONE,
    request: () => ({
      method: 'POST',
      ...minutesUrl('/revise'),
      body: { reason: 'Matrix (fictief).', version: STALE },
    }),
    expected: (p) => officerProbe(p, isChair, { status: 409, problem: 'minutes.concept' }),
  },
  {
    route: 'PUT /api/actions/:id/status',
    permission: 'actions.work',
    scenario: 'stale version (probe: 409 for the owner organisation, 403 for others who see the action)',
    phase: 'write',
    targets: ACTION_TARGETS,
    request: (_p, t) => {
      const action = caseAction(t.kind === 'case' ? t.caseKey : 'open');
      return {
        method: 'PUT',
        path: `/api/actions/${action.id}/status`,
        body: { status: 'IN_UITVOERING', version: STALE },
        random: { path: '/api/actions/RANDOM/status' },
      };
    },
    expected: (p, t) => {
      const action = caseAction(t.kind === 'case' ? t.caseKey : 'open');
      const visible =
        canAnywhere(p, 'actions.work') &&
        decideFor(p, action.caseKey, { category: 'C3', owners: [action.author, action.owner] }).visibility ===
          'FULL';
      if (!visible) {
        return 'DENIED';
      }
      return orgOf(p) === action.owner
        ? { status: 409, problem: 'conflict' }
        : { status: 403, problem: 'auth.forbidden' };
    },
  },
];
