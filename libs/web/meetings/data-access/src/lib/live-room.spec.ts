import { TestBed } from '@angular/core/testing';
import { LIVE_CLIENT_EVENTS, LIVE_SERVER_EVENTS, type LiveAck } from '@casustafel/shared/contracts';
import { LiveRoom } from './live-room';
import { LIVE_SOCKET_FACTORY, type LiveSocket } from './live-socket';
import { MEETING_ID, liveState, noteAdded } from './testing/live-fixtures';

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
    expect(socket.last(LIVE_CLIENT_EVENTS.resync).payload).toEqual({ meetingId: MEETING_ID, sinceSeq: 6 });
    socket
      .last(LIVE_CLIENT_EVENTS.resync)
      .answer({ ok: true, data: [noteAdded(7, 'n2'), noteAdded(8, 'n3'), noteAdded(9, 'n4')] });
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
    socket.fire(LIVE_SERVER_EVENTS.removed, { meetingId: MEETING_ID, reason: 'NOT_CURRENT_ITEM' });
    expect(room.connection()).toBe('removed');
    expect(room.removedReason()).toBe('NOT_CURRENT_ITEM');

    socket.active = true;
    room.rejoin();
    expect(socket.last(LIVE_CLIENT_EVENTS.join).payload).toEqual({ meetingId: MEETING_ID, confidentialityAccepted: true });
    socket.last(LIVE_CLIENT_EVENTS.join).answer({ ok: true, data: liveState({ seq: 9 }) });
    await flush();
    expect(socket.last(LIVE_CLIENT_EVENTS.resync).payload).toEqual({ meetingId: MEETING_ID, sinceSeq: 7 });
    expect(room.connection()).toBe('connected');
    expect(room.removedReason()).toBeNull();
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
