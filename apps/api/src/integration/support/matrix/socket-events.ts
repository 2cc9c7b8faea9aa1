import { LIVE_CLIENT_EVENTS } from '@casustafel/shared/contracts';
import type { LiveParty } from '../live-world';

/**
 * The authorization matrix's section for the live room's socket events (ADR 0016: the generated
 * matrix is where endpoints *and events* are added). One row per client event and scenario; the
 * parties are the live world's (support/live-world.ts): the chair (ZVH), police and GGZ (both in
 * item A's case), reclassering (a member of the table outside item A's case), OM (a guest
 * organisation invited to item B only, which is not current) and RIEC (outside the table).
 *
 * 'ok' = stored (or answered); a number = the problem status of the acknowledgement. A denial
 * stores nothing and pushes nothing; a participant's attempt at a chair action is audited
 * (meeting.chair.denied); someone outside the meeting gets 404, exactly like an unknown meeting.
 * The rows run in live-room.int-spec.ts, in this order (the chair's successful row changes the
 * state the next row is tried against), with payload checks on what each organisation is pushed.
 */
export type SocketOutcome = 'ok' | number;

export interface SocketMatrixContext {
  meetingId: string;
  itemA: string;
  organisationOf(party: LiveParty): string;
  /** A fresh idempotency key. */
  key(): string;
}

export interface SocketEventRow {
  event: keyof typeof LIVE_CLIENT_EVENTS;
  scenario: string;
  payload(party: LiveParty, w: SocketMatrixContext): Record<string, unknown>;
  expected: Record<LiveParty, SocketOutcome>;
  /** The refusals of participants are audited as refused chair actions. */
  chairDenial?: boolean;
}

const chairOnly: Record<LiveParty, SocketOutcome> = {
  chair: 'ok',
  politie: 403,
  ggz: 403,
  reclassering: 403,
  om: 403,
  buiten: 404,
};

export const SOCKET_EVENT_ROWS: SocketEventRow[] = [
  {
    event: 'join',
    scenario: 'join (again): participants only, a guest only while its item is current',
    payload: (_party, w) => ({ meetingId: w.meetingId, confidentialityAccepted: true }),
    expected: { chair: 'ok', politie: 'ok', ggz: 'ok', reclassering: 'ok', om: 403, buiten: 404 },
  },
  {
    event: 'currentItem',
    scenario: 'move the current item to item A',
    payload: (_party, w) => ({ meetingId: w.meetingId, idempotencyKey: w.key(), agendaItemId: w.itemA }),
    expected: chairOnly,
    chairDenial: true,
  },
  {
    event: 'timer',
    scenario: 'start the timer of the current item',
    payload: (_party, w) => ({
      meetingId: w.meetingId,
      idempotencyKey: w.key(),
      agendaItemId: w.itemA,
      command: 'START',
    }),
    expected: chairOnly,
    chairDenial: true,
  },
  {
    event: 'attendance',
    scenario: "record another organisation's attendance (GGZ's)",
    payload: (_party, w) => ({
      meetingId: w.meetingId,
      idempotencyKey: w.key(),
      organisationId: w.organisationOf('ggz'),
      status: 'PRESENT',
    }),
    expected: { chair: 'ok', politie: 403, ggz: 'ok', reclassering: 403, om: 403, buiten: 404 },
    chairDenial: true,
  },
  {
    event: 'attendance',
    scenario: "record one's own organisation's attendance",
    payload: (party, w) => ({
      meetingId: w.meetingId,
      idempotencyKey: w.key(),
      organisationId: w.organisationOf(party),
      status: 'PRESENT',
    }),
    expected: { chair: 'ok', politie: 'ok', ggz: 'ok', reclassering: 'ok', om: 'ok', buiten: 404 },
  },
  {
    event: 'note',
    scenario: 'a note on the current item (case A)',
    payload: (party, w) => ({
      meetingId: w.meetingId,
      idempotencyKey: w.key(),
      agendaItemId: w.itemA,
      category: 'C2',
      sensitivity: 'NORMAAL',
      text: `Matrixnotitie van ${party} (fictief).`,
    }),
    expected: { chair: 'ok', politie: 'ok', ggz: 'ok', reclassering: 403, om: 403, buiten: 404 },
  },
  {
    event: 'decision',
    scenario: 'a decision on item A',
    payload: (party, w) => ({
      meetingId: w.meetingId,
      idempotencyKey: w.key(),
      agendaItemId: w.itemA,
      type: 'PLAN_VASTGESTELD',
      text: `Besluit door ${party} (fictief).`,
    }),
    expected: chairOnly,
    chairDenial: true,
  },
  {
    event: 'action',
    scenario: 'an action on item A for the police',
    payload: (party, w) => ({
      meetingId: w.meetingId,
      idempotencyKey: w.key(),
      agendaItemId: w.itemA,
      description: `Huisbezoek, gevraagd door ${party} (fictief).`,
      ownerOrganisationId: w.organisationOf('politie'),
      dueDate: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
    }),
    expected: chairOnly,
    chairDenial: true,
  },
  {
    event: 'resync',
    scenario: 'resync from the start',
    payload: (_party, w) => ({ meetingId: w.meetingId, sinceSeq: 0 }),
    expected: { chair: 'ok', politie: 'ok', ggz: 'ok', reclassering: 'ok', om: 403, buiten: 404 },
  },
  {
    event: 'leave',
    // Answers alike for any meeting id (reveals nothing); RIEC's user holds no role at a table its
    // organisation is not a member of, hence no meetings.attend: 404, as over HTTP.
    scenario: 'leave the room (answers alike for any meeting: reveals nothing)',
    payload: (_party, w) => ({ meetingId: w.meetingId }),
    expected: { chair: 'ok', politie: 'ok', ggz: 'ok', reclassering: 'ok', om: 'ok', buiten: 404 },
  },
];
