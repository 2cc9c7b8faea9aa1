import { computed, signal } from '@angular/core';
import type {
  ActionDto,
  AgendaItemDto,
  AttendanceDto,
  LiveEventDto,
  LiveNoteDto,
  LiveStateDto,
  PresenceDto,
} from '@casustafel/shared/contracts';

/** Replaces the element with the same id, or appends it: applying an entity twice changes nothing. */
function upsert<T extends { id: string }>(list: readonly T[], value: T): T[] {
  const index = list.findIndex((entry) => entry.id === value.id);
  return index === -1 ? [...list, value] : list.map((entry, i) => (i === index ? value : entry));
}

function upsertAttendance(list: readonly AttendanceDto[], value: AttendanceDto): AttendanceDto[] {
  const index = list.findIndex((entry) => entry.organisation.id === value.organisation.id);
  return index === -1 ? [...list, value] : list.map((entry, i) => (i === index ? value : entry));
}

/**
 * One event applied to the room's state. Pure: the caller has decided that it applies (see
 * {@link LiveStore}). `seq` becomes the highest number applied. Exported for the tests.
 */
export function reduceLiveEvent(state: LiveStateDto, event: LiveEventDto): LiveStateDto {
  const next: LiveStateDto = { ...state, seq: Math.max(state.seq, event.seq) };
  switch (event.type) {
    case 'STATUS_CHANGED':
      return { ...next, meeting: { ...state.meeting, status: event.status } };
    case 'CURRENT_ITEM_CHANGED':
      return { ...next, currentAgendaItemId: event.agendaItemId };
    case 'TIMER_CHANGED':
      return { ...next, timer: event.timer };
    case 'ATTENDANCE_CHANGED':
      return {
        ...next,
        meeting: { ...state.meeting, attendance: upsertAttendance(state.meeting.attendance, event.attendance) },
      };
    case 'NOTE_ADDED':
      return { ...next, notes: upsert(state.notes, event.note) };
    case 'DECISION_RECORDED':
      return { ...next, decisions: upsert(state.decisions, event.decision) };
    case 'ACTION_CREATED':
    case 'ACTION_CHANGED':
      return { ...next, actions: upsert(state.actions, event.action) };
    case 'AGENDA_CHANGED':
      return { ...next, meeting: { ...state.meeting, agenda: event.agenda } };
    default:
      // An event type this client does not know yet: keep its place in the sequence, change nothing.
      return next;
  }
}

/**
 * What a state-setting event sets: a later event of the same key replaces it, so an older one that
 * arrives late must not. Additive events (a note, a decision) have no key: they apply once, whenever
 * they come. An action's creation and its changes share the action's key.
 */
export function stateKey(event: LiveEventDto): string | null {
  switch (event.type) {
    case 'STATUS_CHANGED':
      return 'status';
    case 'CURRENT_ITEM_CHANGED':
      return 'current-item';
    case 'TIMER_CHANGED':
      return 'timer';
    case 'ATTENDANCE_CHANGED':
      return `attendance:${event.attendance.organisation.id}`;
    case 'ACTION_CREATED':
    case 'ACTION_CHANGED':
      return `action:${event.action.id}`;
    case 'AGENDA_CHANGED':
      return 'agenda';
    default:
      return null;
  }
}

/**
 * The live room as the user's organisation sees it (DESIGN-NOTES §4, §6), in signals.
 *
 * - A snapshot (`reset`, from the join) carries the sequence number it was taken at: it already
 *   holds every event up to that number, so those are ignored.
 * - Pushes of two API instances can interleave, so an event is not dropped just because a higher
 *   number was seen. The store keeps the set of numbers it applied (a duplicate is ignored), and:
 *   additive events (NOTE_ADDED, DECISION_RECORDED) apply whenever they were not applied yet;
 *   state-setting events (status, current item, timer, attendance per organisation, an action by
 *   its id — ACTION_CREATED included —, agenda) apply only if newer than the last applied one of the
 *   same key. A late ACTION_CREATED still counts as applied but does not undo a newer change.
 * - The server leaves out events the organisation may not see, so the numbers have gaps: the store
 *   never waits for a "missing" number. Instead the room resyncs after every (re)connect from
 *   {@link LiveStore.resyncFrom} — the number up to which the store knows it has everything (the
 *   snapshot's, then each resync answer's) — and duplicates of the answer are ignored. While a
 *   resync runs (`beginResync`), pushed events are held back and applied together with the answer.
 *
 * Kept in memory only; one instance per room page.
 */
export class LiveStore {
  private readonly stateSignal = signal<LiveStateDto | null>(null);
  private readonly presenceSignal = signal<PresenceDto[] | null>(null);
  private held: LiveEventDto[] | null = null;
  /** Everything up to this number is in the state (the snapshot's, raised by resync answers). */
  private complete = 0;
  /** Numbers above `complete` that were applied. */
  private readonly applied = new Set<number>();
  /** Per state key: the number of the last applied event. */
  private readonly latest = new Map<string, number>();

  readonly state = this.stateSignal.asReadonly();
  /** The highest sequence number applied. */
  readonly lastSeq = computed(() => this.stateSignal()?.seq ?? 0);
  readonly meeting = computed(() => this.stateSignal()?.meeting ?? null);
  readonly agenda = computed<AgendaItemDto[]>(() =>
    [...(this.stateSignal()?.meeting.agenda ?? [])].sort((a, b) => a.order - b.order),
  );
  readonly currentItem = computed<AgendaItemDto | null>(() => {
    const state = this.stateSignal();
    return state?.meeting.agenda.find((item) => item.id === state.currentAgendaItemId) ?? null;
  });
  readonly timer = computed(() => this.stateSignal()?.timer ?? null);
  readonly notes = computed<LiveNoteDto[]>(() => this.stateSignal()?.notes ?? []);
  readonly decisions = computed(() => this.stateSignal()?.decisions ?? []);
  readonly actions = computed<ActionDto[]>(() => this.stateSignal()?.actions ?? []);
  readonly attendance = computed(() => this.stateSignal()?.meeting.attendance ?? []);
  /** Who is in the room now: the latest presence push, else the join's. */
  readonly presence = computed<PresenceDto[]>(() => this.presenceSignal() ?? this.stateSignal()?.presence ?? []);
  readonly guest = computed(() => this.stateSignal()?.guest ?? false);

  /** The number a resync asks from: everything up to it is known to be applied. */
  resyncFrom(): number {
    return this.complete;
  }

  /** Takes the join's snapshot; later events continue from its sequence number. */
  reset(state: LiveStateDto): void {
    this.stateSignal.set(state);
    this.presenceSignal.set(null);
    this.complete = state.seq;
    this.applied.clear();
    this.latest.clear();
  }

  /**
   * Applies one event unless it was applied already, is in the snapshot, or (state-setting) is older
   * than the last one of its key; answers whether it changed the state. Events of another meeting,
   * or before a snapshot exists, are ignored.
   */
  apply(event: LiveEventDto): boolean {
    const state = this.stateSignal();
    if (!state || event.meetingId !== state.meeting.id || event.seq <= this.complete || this.applied.has(event.seq)) {
      return false;
    }
    this.applied.add(event.seq);
    const key = stateKey(event);
    if (key !== null) {
      if ((this.latest.get(key) ?? this.complete) > event.seq) {
        // Superseded by a newer event of the same key that came first: keep its place, change nothing.
        this.stateSignal.set({ ...state, seq: Math.max(state.seq, event.seq) });
        return false;
      }
      this.latest.set(key, event.seq);
    }
    this.stateSignal.set(reduceLiveEvent(state, event));
    return true;
  }

  /** Applies events in sequence order (the input may be unordered or hold duplicates); answers how many. */
  applyAll(events: readonly LiveEventDto[]): number {
    return [...events].sort((a, b) => a.seq - b.seq).filter((event) => this.apply(event)).length;
  }

  /** A pushed event: held back while a resync runs, applied at once otherwise. */
  receive(event: LiveEventDto): void {
    if (this.held) {
      this.held.push(event);
    } else {
      this.apply(event);
    }
  }

  /** From now until `endResync`, pushed events wait (see the class comment). */
  beginResync(): void {
    this.held ??= [];
  }

  get resyncing(): boolean {
    return this.held !== null;
  }

  /**
   * The resync's answer (every event after `resyncFrom()` the organisation may see, up to the
   * server's `seq` at that moment): applied together with the held-back events, in order.
   */
  endResync(events: readonly LiveEventDto[], serverSeq?: number): number {
    const held = this.held ?? [];
    this.held = null;
    const count = this.applyAll([...events, ...held]);
    if (serverSeq !== undefined && serverSeq > this.complete && this.stateSignal()) {
      this.complete = serverSeq;
      for (const seq of [...this.applied]) {
        if (seq <= serverSeq) {
          this.applied.delete(seq);
        }
      }
    }
    return count;
  }

  setPresence(presence: PresenceDto[]): void {
    this.presenceSignal.set(presence);
  }
}
