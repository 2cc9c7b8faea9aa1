import { Injectable, OnDestroy, inject, signal } from '@angular/core';
import {
  LIVE_CLIENT_EVENTS,
  LIVE_SERVER_EVENTS,
  type ActionMessage,
  type AttendanceMessage,
  type CurrentItemMessage,
  type DecisionMessage,
  type LiveAck,
  type LiveEventDto,
  type LiveRemovedDto,
  type LiveRemovedReason,
  type LiveStateDto,
  type NoteMessage,
  type PresenceDto,
  type TimerMessage,
} from '@casustafel/shared/contracts';
import { LIVE_SOCKET_FACTORY, type LiveSocket } from './live-socket';
import { LiveStore } from './live-store';

export type LiveProblem = Extract<LiveAck, { ok: false }>['problem'];

export type LiveConnectionState =
  | 'idle'
  | 'connecting'
  | 'connected'
  | 'reconnecting'
  /** The server refused the join (not a participant, no acknowledgement, meeting not live). */
  | 'refused'
  /**
   * A guest organisation whose item is not current: still connected, outside the room; it joins
   * again by itself when the server says one of its items became current.
   */
  | 'waiting'
  /** The server took the user out (session ended, organisation no longer invited, meeting closed). */
  | 'removed'
  | 'closed';


export type LiveWriteKind = 'note' | 'decision' | 'action' | 'currentItem' | 'timer' | 'attendance';

/** A write the server has not confirmed: pending, or failed with the server's problem. */
export interface LiveWriteEntry {
  key: string;
  kind: LiveWriteKind;
  /** Which agenda item it belongs to (notes, decisions, actions, timer), to show it there. */
  agendaItemId: string | null;
  status: 'pending' | 'failed';
  problem: LiveProblem | null;
  readonly event: string;
  readonly payload: Record<string, unknown>;
}

type WithoutWrite<T> = Omit<T, 'meetingId' | 'idempotencyKey'>;

/** How long a write waits for its acknowledgement before it is reported failed (and can be retried). */
export const LIVE_ACK_TIMEOUT_MS = 10_000;
const RESYNC_RETRY_MS = 2_000;

const TIMEOUT_PROBLEM: LiveProblem = { status: 0, title: 'timeout', code: 'live.timeout' };

/** The chair's commands: sent one at a time, each after the previous one's acknowledgement. */
const CHAIR_KINDS: ReadonlySet<LiveWriteKind> = new Set(['decision', 'action', 'currentItem', 'timer', 'attendance']);

/** The join refusal of a guest organisation whose item is not current (the server keeps it waiting). */
const NOT_YOUR_ITEM = 'notYourItem';

function removedOf(data: unknown): LiveRemovedDto | null {
  if (data && typeof data === 'object' && 'reason' in data && typeof data.reason === 'string') {
    return data as LiveRemovedDto;
  }
  return null;
}

/** socket.io passes the acknowledgement of a failed handler in various shapes; make it one. */
function asProblem(ack: unknown): LiveProblem {
  if (ack && typeof ack === 'object' && 'problem' in ack && ack.problem && typeof ack.problem === 'object') {
    return ack.problem as LiveProblem;
  }
  return { status: 0, title: 'error', code: 'live.error' };
}

/** The resync answer: an array of events, or `{ events }`. */
function eventsOf(data: unknown): LiveEventDto[] {
  if (Array.isArray(data)) {
    return data as LiveEventDto[];
  }
  if (data && typeof data === 'object' && 'events' in data && Array.isArray(data.events)) {
    return data.events as LiveEventDto[];
  }
  return [];
}

/** The join answer: the state itself, or `{ state }`. */
function stateOf(data: unknown): LiveStateDto | null {
  if (data && typeof data === 'object') {
    if ('meeting' in data && 'seq' in data) {
      return data as LiveStateDto;
    }
    if ('state' in data && data.state && typeof data.state === 'object') {
      return data.state as LiveStateDto;
    }
  }
  return null;
}

/** The server's sequence number at the resync (every event up to it is in the answer). */
function serverSeqOf(ack: LiveAck): number | undefined {
  if (!ack.ok) {
    return undefined;
  }
  const data = ack.data;
  if (data && typeof data === 'object' && 'seq' in data && typeof data.seq === 'number') {
    return data.seq;
  }
  return typeof ack.seq === 'number' ? ack.seq : undefined;
}

function presenceOf(data: unknown): PresenceDto[] | null {
  if (Array.isArray(data)) {
    return data as PresenceDto[];
  }
  if (data && typeof data === 'object' && 'presence' in data && Array.isArray(data.presence)) {
    return data.presence as PresenceDto[];
  }
  return null;
}

/**
 * One user's connection to one meeting's live room (provide it on the room page).
 *
 * Every (re)connect joins again and then resyncs from the store's last sequence number; pushed events
 * go to the {@link LiveStore}, which orders them and drops duplicates. Every write carries an
 * idempotency key (`crypto.randomUUID()`); a refused or unanswered write stays in `writes` as failed
 * until its author retries it — with the same key, so the server stores it at most once — or
 * dismisses it.
 */
@Injectable()
export class LiveRoom implements OnDestroy {
  private readonly socketFactory = inject(LIVE_SOCKET_FACTORY);
  private socket: LiveSocket | null = null;
  private meetingId: string | null = null;
  private resyncTimer: ReturnType<typeof setTimeout> | null = null;
  /** The tail of the chair's command queue. */
  private chairQueue: Promise<unknown> = Promise.resolve();

  readonly store = new LiveStore();
  readonly connection = signal<LiveConnectionState>('idle');
  /** Why the join was refused or the user removed. */
  readonly problem = signal<LiveProblem | null>(null);
  readonly writes = signal<LiveWriteEntry[]>([]);
  /** Why the server took the user out (LIVE_SERVER_EVENTS.removed), if it said. */
  readonly removedReason = signal<LiveRemovedReason | null>(null);

  /** Connects and joins; call after the user acknowledged the confidentiality statement. */
  async enter(meetingId: string): Promise<void> {
    if (this.socket) {
      return;
    }
    this.meetingId = meetingId;
    this.connection.set('connecting');
    const socket = await this.socketFactory();
    this.socket = socket;
    socket.on('connect', () => void this.joined());
    socket.on('disconnect', (reason: string) => {
      if (this.connection() === 'removed' || this.connection() === 'closed') {
        return;
      }
      // A server-side disconnect is not retried by socket.io: the session ended or the room closed.
      this.connection.set(reason === 'io server disconnect' || !socket.active ? 'removed' : 'reconnecting');
    });
    socket.on('connect_error', () => {
      if (this.connection() !== 'removed' && this.connection() !== 'closed') {
        this.connection.set(socket.active ? 'reconnecting' : 'refused');
      }
    });
    socket.on(LIVE_SERVER_EVENTS.event, (event: LiveEventDto) => this.received(event));
    socket.on(LIVE_SERVER_EVENTS.presence, (data: unknown) => {
      const presence = presenceOf(data);
      if (presence) {
        this.store.setPresence(presence);
      }
    });
    socket.on(LIVE_SERVER_EVENTS.removed, (data: unknown) => {
      const removed = removedOf(data);
      if (removed?.meetingId !== undefined && removed.meetingId !== this.meetingId) {
        return;
      }
      this.problem.set(data && typeof data === 'object' && 'problem' in data ? asProblem(data) : null);
      this.removedReason.set(removed?.reason ?? null);
      if (removed?.reason === 'NOT_CURRENT_ITEM') {
        // The server moved this socket to the meeting's waiting room: stay connected and wait for the
        // item change that calls the organisation back in.
        this.connection.set('waiting');
        return;
      }
      this.connection.set('removed');
      socket.disconnect();
    });
    socket.connect();
  }

  /**
   * Joins again after being taken out (a guest whose item is current again): connects, which joins
   * and resyncs from the last sequence number.
   */
  rejoin(): void {
    if (this.socket && (this.connection() === 'removed' || this.connection() === 'refused')) {
      this.problem.set(null);
      this.removedReason.set(null);
      this.connection.set('connecting');
      this.socket.connect();
    } else if (this.socket && this.connection() === 'waiting') {
      void this.joined();
    }
  }

  /**
   * A pushed event. While waiting outside (a guest), the only push is the item change that makes
   * one of the organisation's items current: the cue to join again (the join's resync then brings
   * everything missed).
   */
  private received(event: LiveEventDto): void {
    if (event.meetingId !== this.meetingId) {
      return;
    }
    if (this.connection() === 'waiting') {
      if (event.type === 'CURRENT_ITEM_CHANGED' && event.agendaItemId !== null && this.isOwnItem(event.agendaItemId)) {
        this.problem.set(null);
        this.removedReason.set(null);
        void this.joined();
      }
      return;
    }
    this.store.receive(event);
  }

  /** An item this organisation sees (a guest sees only its own); unknown before the first snapshot. */
  private isOwnItem(agendaItemId: string): boolean {
    const agenda = this.store.state()?.meeting.agenda;
    return !agenda || agenda.some((item) => item.id === agendaItemId && !item.restricted);
  }

  /** Leaves the room and closes the socket. */
  leave(): void {
    const socket = this.socket;
    if (this.resyncTimer) {
      clearTimeout(this.resyncTimer);
      this.resyncTimer = null;
    }
    if (!socket) {
      return;
    }
    this.connection.set('closed');
    this.socket = null;
    socket.emitWithAck(LIVE_CLIENT_EVENTS.leave, { meetingId: this.meetingId }, 2_000).catch(() => undefined);
    socket.disconnect();
  }

  ngOnDestroy(): void {
    this.leave();
  }

  // Chair and participant writes ------------------------------------------------------------------

  addNote(message: WithoutWrite<NoteMessage>): Promise<boolean> {
    return this.write('note', LIVE_CLIENT_EVENTS.note, message.agendaItemId, message);
  }

  recordDecision(message: WithoutWrite<DecisionMessage>): Promise<boolean> {
    return this.write('decision', LIVE_CLIENT_EVENTS.decision, message.agendaItemId, message);
  }

  createAction(message: WithoutWrite<ActionMessage>): Promise<boolean> {
    return this.write('action', LIVE_CLIENT_EVENTS.action, message.agendaItemId, message);
  }

  setCurrentItem(agendaItemId: string | null): Promise<boolean> {
    const message: WithoutWrite<CurrentItemMessage> = { agendaItemId };
    return this.write('currentItem', LIVE_CLIENT_EVENTS.currentItem, null, message);
  }

  timer(agendaItemId: string, command: TimerMessage['command']): Promise<boolean> {
    const message: WithoutWrite<TimerMessage> = { agendaItemId, command };
    return this.write('timer', LIVE_CLIENT_EVENTS.timer, agendaItemId, message);
  }

  setAttendance(message: WithoutWrite<AttendanceMessage>): Promise<boolean> {
    return this.write('attendance', LIVE_CLIENT_EVENTS.attendance, null, message);
  }

  /** Sends a failed write again with the same idempotency key. */
  retry(key: string): Promise<boolean> {
    const entry = this.writes().find((w) => w.key === key);
    return entry ? this.send(entry) : Promise.resolve(false);
  }

  /** The author gives up on a failed write. */
  dismiss(key: string): void {
    this.writes.update((writes) => writes.filter((w) => w.key !== key));
  }

  private write(
    kind: LiveWriteKind,
    event: string,
    agendaItemId: string | null,
    message: object,
  ): Promise<boolean> {
    const key = crypto.randomUUID();
    const entry: LiveWriteEntry = {
      key,
      kind,
      agendaItemId,
      status: 'pending',
      problem: null,
      event,
      payload: { ...message, meetingId: this.meetingId, idempotencyKey: key },
    };
    this.writes.update((writes) => [...writes, entry]);
    return this.send(entry);
  }

  /** Sends a write; the chair's commands wait for the acknowledgement of the one before. */
  private send(entry: LiveWriteEntry): Promise<boolean> {
    if (!CHAIR_KINDS.has(entry.kind)) {
      return this.sendNow(entry);
    }
    this.patch(entry.key, { status: 'pending', problem: null });
    const sent = this.chairQueue.then(() => this.sendNow(entry));
    this.chairQueue = sent.catch(() => undefined);
    return sent;
  }

  private async sendNow(entry: LiveWriteEntry): Promise<boolean> {
    this.patch(entry.key, { status: 'pending', problem: null });
    const socket = this.socket;
    if (!socket) {
      this.patch(entry.key, { status: 'failed', problem: TIMEOUT_PROBLEM });
      return false;
    }
    try {
      const ack = await socket.emitWithAck(entry.event, entry.payload, LIVE_ACK_TIMEOUT_MS);
      if (ack && ack.ok) {
        this.dismiss(entry.key);
        return true;
      }
      this.patch(entry.key, { status: 'failed', problem: asProblem(ack) });
    } catch {
      this.patch(entry.key, { status: 'failed', problem: TIMEOUT_PROBLEM });
    }
    return false;
  }

  private patch(key: string, change: Partial<LiveWriteEntry>): void {
    this.writes.update((writes) => writes.map((w) => (w.key === key ? { ...w, ...change } : w)));
  }

  // Join and resync -------------------------------------------------------------------------------

  /** After every (re)connect: join (again), take the snapshot the first time, then resync. */
  private async joined(): Promise<void> {
    const socket = this.socket;
    const meetingId = this.meetingId;
    if (!socket || !meetingId) {
      return;
    }
    // Events pushed from the moment the room is joined wait for the resync's answer.
    this.store.beginResync();
    let ack: LiveAck;
    try {
      ack = await socket.emitWithAck(
        LIVE_CLIENT_EVENTS.join,
        { meetingId, confidentialityAccepted: true },
        LIVE_ACK_TIMEOUT_MS,
      );
    } catch {
      // No answer: join again shortly, unless the connection went in the meantime (then the next
      // connect joins).
      this.connection.set('reconnecting');
      setTimeout(() => {
        if (this.socket === socket && this.connection() === 'reconnecting') {
          void this.joined();
        }
      }, RESYNC_RETRY_MS);
      return;
    }
    if (!ack.ok) {
      this.problem.set(ack.problem);
      if (ack.problem.code === NOT_YOUR_ITEM) {
        // A guest whose item is not current: the server keeps the socket in the waiting room.
        this.connection.set('waiting');
        this.store.endResync([]);
        return;
      }
      this.connection.set('refused');
      socket.disconnect();
      return;
    }
    const snapshot = stateOf(ack.data);
    // The first join gives the starting state; after a reconnect the resync brings the store up to date.
    if (snapshot && !this.store.state()) {
      this.store.reset(snapshot);
    }
    if (snapshot) {
      this.store.setPresence(snapshot.presence);
    }
    this.connection.set('connected');
    await this.resync();
  }

  private async resync(): Promise<void> {
    const socket = this.socket;
    const meetingId = this.meetingId;
    if (!socket || !meetingId) {
      return;
    }
    this.store.beginResync();
    try {
      const ack = await socket.emitWithAck(
        LIVE_CLIENT_EVENTS.resync,
        { meetingId, sinceSeq: this.store.resyncFrom() },
        LIVE_ACK_TIMEOUT_MS,
      );
      if (ack.ok) {
        this.store.endResync(eventsOf(ack.data), serverSeqOf(ack));
        return;
      }
    } catch {
      // fall through: try again while connected
    }
    this.scheduleResync();
  }

  private scheduleResync(): void {
    if (this.resyncTimer) {
      return;
    }
    this.resyncTimer = setTimeout(() => {
      this.resyncTimer = null;
      if (this.connection() === 'connected') {
        void this.resync();
      }
    }, RESYNC_RETRY_MS);
  }
}
