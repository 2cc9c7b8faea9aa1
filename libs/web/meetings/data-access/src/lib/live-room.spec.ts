import { TestBed } from '@angular/core/testing';
import { LIVE_CLIENT_EVENTS, LIVE_SERVER_EVENTS, type LiveAck } from '@casustafel/shared/contracts';
import { LiveRoom } from './live-room';
import { LIVE_SOCKET_FACTORY, type LiveSocket } from './live-socket';
import { MEETING_ID, event, liveState, noteAdded } from './testing/live-fixtures';

interface Sent {
  event: string;
  payload: Record<string, unknown>;
  answer: (ack: LiveAck) => void;
  fail: (error: Error) => void;
}

/** A socket whose acknowledgements the test gives by hand. */
class FakeSocket implements LiveSocket {
  active = true;
  readonly sent: Sent[] = [];
  private readonly listeners = new Map<string, Array<(...args: never[]) => void>>();

  on(event: string, listener: (...args: never[]) => void): void {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
  }
  emitWithAck(event: string, payload: unknown): Promise<LiveAck> {
    return new Promise((answer, fail) =>
      this.sent.push({ event, payload: payload as Record<string, unknown>, answer, fail }),
    );
  }
  connect(): void {
    this.fire('connect');
  }
  disconnect(): void {
    this.active = false;
  }
  fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) {
      (listener as (...a: unknown[]) => void)(...args);
    }
  }
  last(event: string): Sent {
    const found = [...this.sent].reverse().find((s) => s.event === event);
    if (!found) {
      throw new Error(`nothing sent as ${event}`);
    }
    return found;
  }
}

const flush = () => new Promise((resolve) => setTimeout(resolve));

describe('LiveRoom', () => {
  let socket: FakeSocket;
  let room: LiveRoom;

  beforeEach(() => {
    socket = new FakeSocket();
    TestBed.configureTestingModule({
      providers: [LiveRoom, { provide: LIVE_SOCKET_FACTORY, useValue: () => Promise.resolve(socket) }],
    });
    room = TestBed.inject(LiveRoom);
  });

  async function enterAndJoin(): Promise<void> {
    await room.enter(MEETING_ID);
    socket.last(LIVE_CLIENT_EVENTS.join).answer({ ok: true, data: liveState({ seq: 5 }) });
    await flush();
    socket.last(LIVE_CLIENT_EVENTS.resync).answer({ ok: true, data: [] });
    await flush();
  }

  it('joins with the confidentiality acknowledgement, takes the snapshot and resyncs from its sequence number', async () => {
    await room.enter(MEETING_ID);
    expect(socket.last(LIVE_CLIENT_EVENTS.join).payload).toEqual({
      meetingId: MEETING_ID,
      confidentialityAccepted: true,
    });
    socket.last(LIVE_CLIENT_EVENTS.join).answer({ ok: true, data: liveState({ seq: 5 }) });
    await flush();

    expect(room.connection()).toBe('connected');
    expect(socket.last(LIVE_CLIENT_EVENTS.resync).payload).toEqual({ meetingId: MEETING_ID, sinceSeq: 5 });
    socket.last(LIVE_CLIENT_EVENTS.resync).answer({ ok: true, data: [noteAdded(6, 'n1')] });
    await flush();
    expect(room.store.notes().map((n) => n.id)).toEqual(['n1']);
  });

  it('applies pushed events and ignores their duplicates', async () => {
    await enterAndJoin();
    socket.fire(LIVE_SERVER_EVENTS.event, noteAdded(6, 'n1'));
    socket.fire(LIVE_SERVER_EVENTS.event, noteAdded(6, 'n1'));
    socket.fire(LIVE_SERVER_EVENTS.event, noteAdded(9, 'n2'));
    expect(room.store.notes().map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(room.store.lastSeq()).toBe(9);
  });

  it('after a reconnect joins again and resyncs from the last sequence number, missing nothing and doubling nothing', async () => {
    await enterAndJoin();
    socket.fire(LIVE_SERVER_EVENTS.event, noteAdded(6, 'n1'));
    socket.fire('disconnect', 'transport close');
    expect(room.connection()).toBe('reconnecting');

    socket.fire('connect');
    // The join after the reconnect: its snapshot does not replace the state.
    socket.last(LIVE_CLIENT_EVENTS.join).answer({ ok: true, data: liveState({ seq: 8 }) });
    await flush();
    // A push arrives before the resync's answer.
    socket.fire(LIVE_SERVER_EVENTS.event, noteAdded(9, 'n4'));
    // From the last number up to which it has everything (the snapshot's): 6 was only pushed.
    expect(socket.last(LIVE_CLIENT_EVENTS.resync).payload).toEqual({ meetingId: MEETING_ID, sinceSeq: 5 });
    socket.last(LIVE_CLIENT_EVENTS.resync).answer({
      ok: true,
      seq: 9,
      data: { seq: 9, events: [noteAdded(6, 'n1'), noteAdded(7, 'n2'), noteAdded(8, 'n3'), noteAdded(9, 'n4')] },
    });
    await flush();

    expect(room.connection()).toBe('connected');
    expect(room.store.notes().map((n) => n.id)).toEqual(['n1', 'n2', 'n3', 'n4']);
    expect(room.store.lastSeq()).toBe(9);
  });

  it('reports a refused join with the server problem', async () => {
    await room.enter(MEETING_ID);
    socket
      .last(LIVE_CLIENT_EVENTS.join)
      .answer({ ok: false, problem: { status: 404, title: 'Not Found', code: 'meeting.not_found' } });
    await flush();
    expect(room.connection()).toBe('refused');
    expect(room.problem()?.status).toBe(404);
  });

  it('shows that the server took the user out of the room, and joins again on request from the last sequence number', async () => {
    await enterAndJoin();
    socket.fire(LIVE_SERVER_EVENTS.event, noteAdded(7, 'n1'));
    socket.fire(LIVE_SERVER_EVENTS.removed, { meetingId: MEETING_ID, reason: 'NOT_INVITED' });
    expect(room.connection()).toBe('removed');
    expect(room.removedReason()).toBe('NOT_INVITED');
    expect(socket.active).toBe(false);

    socket.active = true;
    room.rejoin();
    expect(socket.last(LIVE_CLIENT_EVENTS.join).payload).toEqual({ meetingId: MEETING_ID, confidentialityAccepted: true });
    socket.last(LIVE_CLIENT_EVENTS.join).answer({ ok: true, data: liveState({ seq: 9 }) });
    await flush();
    expect(socket.last(LIVE_CLIENT_EVENTS.resync).payload).toEqual({ meetingId: MEETING_ID, sinceSeq: 5 });
    expect(room.connection()).toBe('connected');
    expect(room.removedReason()).toBeNull();
  });

  it('a guest taken out of the room (NOT_CURRENT_ITEM) stays connected and joins again when one of its items becomes current', async () => {
    await enterAndJoin();
    socket.fire(LIVE_SERVER_EVENTS.removed, { meetingId: MEETING_ID, reason: 'NOT_CURRENT_ITEM' });
    expect(room.connection()).toBe('waiting');
    expect(room.removedReason()).toBe('NOT_CURRENT_ITEM');
    expect(socket.active).toBe(true);
    const joins = socket.sent.filter((s) => s.event === LIVE_CLIENT_EVENTS.join).length;

    // An item the organisation does not see (restricted for it) is no cue.
    socket.fire(LIVE_SERVER_EVENTS.event, event(8, { type: 'CURRENT_ITEM_CHANGED', agendaItemId: 'a2' }));
    expect(socket.sent.filter((s) => s.event === LIVE_CLIENT_EVENTS.join)).toHaveLength(joins);
    expect(room.connection()).toBe('waiting');

    // Its own item: the server's call back in.
    socket.fire(LIVE_SERVER_EVENTS.event, event(9, { type: 'CURRENT_ITEM_CHANGED', agendaItemId: 'a1' }));
    expect(socket.sent.filter((s) => s.event === LIVE_CLIENT_EVENTS.join)).toHaveLength(joins + 1);
    socket.last(LIVE_CLIENT_EVENTS.join).answer({ ok: true, data: liveState({ seq: 9 }) });
    await flush();
    expect(socket.last(LIVE_CLIENT_EVENTS.resync).payload).toEqual({ meetingId: MEETING_ID, sinceSeq: 5 });
    socket.last(LIVE_CLIENT_EVENTS.resync).answer({
      ok: true,
      data: { seq: 9, events: [event(9, { type: 'CURRENT_ITEM_CHANGED', agendaItemId: 'a1' })] },
    });
    await flush();
    expect(room.connection()).toBe('connected');
    expect(room.removedReason()).toBeNull();
    expect(room.store.state()?.currentAgendaItemId).toBe('a1');
  });

  it('a guest refused because its item is not current waits connected, and joins on the call', async () => {
    await room.enter(MEETING_ID);
    socket
      .last(LIVE_CLIENT_EVENTS.join)
      .answer({ ok: false, problem: { status: 403, title: 'Forbidden', code: 'notYourItem' } });
    await flush();
    expect(room.connection()).toBe('waiting');
    expect(socket.active).toBe(true);
    socket.fire(LIVE_SERVER_EVENTS.event, event(4, { type: 'CURRENT_ITEM_CHANGED', agendaItemId: 'a1' }));
    socket.last(LIVE_CLIENT_EVENTS.join).answer({ ok: true, data: liveState({ seq: 4, guest: true }) });
    await flush();
    socket.last(LIVE_CLIENT_EVENTS.resync).answer({ ok: true, data: { seq: 4, events: [] } });
    await flush();
    expect(room.connection()).toBe('connected');
    expect(room.store.guest()).toBe(true);
  });

  it('an ended session takes the user out for good', async () => {
    await enterAndJoin();
    socket.fire(LIVE_SERVER_EVENTS.removed, { reason: 'SESSION_ENDED' });
    expect(room.connection()).toBe('removed');
    expect(room.removedReason()).toBe('SESSION_ENDED');
    expect(socket.active).toBe(false);
  });

  it('sends the chair commands one at a time, each after the acknowledgement of the one before', async () => {
    await enterAndJoin();
    const moved = room.setCurrentItem('a2');
    const started = room.timer('a2', 'START');
    const decided = room.recordDecision({ agendaItemId: 'a2', type: 'PLAN_VASTGESTELD', text: 'Plan' });
    await flush();
    const chairEvents = () =>
      socket.sent
        .map((s) => s.event)
        .filter((e) => [LIVE_CLIENT_EVENTS.currentItem, LIVE_CLIENT_EVENTS.timer, LIVE_CLIENT_EVENTS.decision].includes(e as never));
    expect(chairEvents()).toEqual([LIVE_CLIENT_EVENTS.currentItem]);
    expect(room.writes().map((w) => w.status)).toEqual(['pending', 'pending', 'pending']);

    // A note is not the chair's command: it does not wait.
    void room.addNote({ agendaItemId: 'a2', category: 'C2', sensitivity: 'NORMAAL', text: 'Tussendoor' });
    expect(socket.last(LIVE_CLIENT_EVENTS.note)).toBeTruthy();

    socket.last(LIVE_CLIENT_EVENTS.currentItem).answer({ ok: true, seq: 6 });
    await expect(moved).resolves.toBe(true);
    await flush();
    expect(chairEvents()).toEqual([LIVE_CLIENT_EVENTS.currentItem, LIVE_CLIENT_EVENTS.timer]);

    // A refused command does not block the next one.
    socket.last(LIVE_CLIENT_EVENTS.timer).answer({ ok: false, problem: { status: 403, title: 'Forbidden' } });
    await expect(started).resolves.toBe(false);
    await flush();
    expect(chairEvents()).toEqual([
      LIVE_CLIENT_EVENTS.currentItem,
      LIVE_CLIENT_EVENTS.timer,
      LIVE_CLIENT_EVENTS.decision,
    ]);
    socket.last(LIVE_CLIENT_EVENTS.decision).answer({ ok: true, seq: 8 });
    await expect(decided).resolves.toBe(true);
  });

  it('sends every write with a fresh idempotency key and forgets it once acknowledged', async () => {
    await enterAndJoin();
    const done = room.addNote({ agendaItemId: 'a1', category: 'C4', sensitivity: 'GEVOELIG', text: 'Zorg' });
    const sent = socket.last(LIVE_CLIENT_EVENTS.note);
    expect(sent.payload).toEqual({
      meetingId: MEETING_ID,
      agendaItemId: 'a1',
      category: 'C4',
      sensitivity: 'GEVOELIG',
      text: 'Zorg',
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(room.writes()).toEqual([expect.objectContaining({ status: 'pending', kind: 'note' })]);
    sent.answer({ ok: true, seq: 6 });
    await expect(done).resolves.toBe(true);
    expect(room.writes()).toEqual([]);

    void room.addNote({ agendaItemId: 'a1', category: 'C4', sensitivity: 'NORMAAL', text: 'Nog een' });
    expect(socket.last(LIVE_CLIENT_EVENTS.note).payload['idempotencyKey']).not.toBe(sent.payload['idempotencyKey']);
  });

  it('reports a refused write to its author and retries it with the same key', async () => {
    await enterAndJoin();
    const done = room.createAction({
      agendaItemId: 'a1',
      description: 'Huisbezoek',
      ownerOrganisationId: 'o-ggz',
      dueDate: '2026-12-15',
    });
    // The chair's commands go through a queue: sent on the next tick.
    await flush();
    const first = socket.last(LIVE_CLIENT_EVENTS.action);
    first.answer({
      ok: false,
      problem: {
        status: 400,
        title: 'Bad Request',
        errors: [{ field: 'dueDate', code: 'isIsoDate', message: 'dueDate must be a date' }],
      },
    });
    await expect(done).resolves.toBe(false);
    const [failed] = room.writes();
    expect(failed).toEqual(expect.objectContaining({ status: 'failed', kind: 'action', agendaItemId: 'a1' }));
    expect(failed.problem?.errors?.[0].field).toBe('dueDate');

    const retried = room.retry(failed.key);
    await flush();
    const second = socket.last(LIVE_CLIENT_EVENTS.action);
    expect(second).not.toBe(first);
    expect(second.payload['idempotencyKey']).toBe(first.payload['idempotencyKey']);
    second.answer({ ok: true, seq: 7 });
    await expect(retried).resolves.toBe(true);
    expect(room.writes()).toEqual([]);
  });

  it('reports a write without an answer (connection lost) as failed, retryable', async () => {
    await enterAndJoin();
    const done = room.setCurrentItem('a2');
    await flush();
    socket.last(LIVE_CLIENT_EVENTS.currentItem).fail(new Error('operation has timed out'));
    await expect(done).resolves.toBe(false);
    expect(room.writes()[0]).toEqual(
      expect.objectContaining({ status: 'failed', problem: expect.objectContaining({ code: 'live.timeout' }) }),
    );
    room.dismiss(room.writes()[0].key);
    expect(room.writes()).toEqual([]);
  });

  it('keeps nothing in browser storage', async () => {
    localStorage.clear();
    sessionStorage.clear();
    await enterAndJoin();
    socket.fire(LIVE_SERVER_EVENTS.event, noteAdded(6, 'n1'));
    expect(localStorage.length).toBe(0);
    expect(sessionStorage.length).toBe(0);
  });
});
