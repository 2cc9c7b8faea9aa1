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
 * One event applied to the room's state. Pure: the caller has checked the sequence number.
 * Exported for the tests.
 */
export function reduceLiveEvent(state: LiveStateDto, event: LiveEventDto): LiveStateDto {
  const next: LiveStateDto = { ...state, seq: event.seq };
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
 * The live room as the user's organisation sees it (DESIGN-NOTES §4, §6), in signals.
 *
 * - A snapshot (`reset`, from the join) carries the sequence number it was taken at.
 * - Events are applied in sequence order; an event with `seq <= lastSeq` is a duplicate and ignored.
 * - The server leaves out events the organisation may not see, so the numbers have gaps: the store
 *   never waits for a "missing" number. Instead the room resyncs after every (re)connect; while a
 *   resync runs (`beginResync`), pushed events are held back and applied together with the resync's
 *   answer, in order, so a late answer cannot skip them.
 *
 * Kept in memory only; one instance per room page.
 */
export class LiveStore {
  private readonly stateSignal = signal<LiveStateDto | null>(null);
  private readonly presenceSignal = signal<PresenceDto[] | null>(null);
  private held: LiveEventDto[] | null = null;

  readonly state = this.stateSignal.asReadonly();
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

  /** Takes the join's snapshot; later events continue from its sequence number. */
  reset(state: LiveStateDto): void {
    this.stateSignal.set(state);
    this.presenceSignal.set(null);
  }

  /**
   * Applies one event if it is newer than the state; answers whether it did. Events of another
   * meeting, or before a snapshot exists, are ignored.
   */
  apply(event: LiveEventDto): boolean {
    const state = this.stateSignal();
    if (!state || event.meetingId !== state.meeting.id || event.seq <= state.seq) {
      return false;
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

  /** The resync's answer: applied together with the held-back events, in order. */
  endResync(events: readonly LiveEventDto[]): number {
    const held = this.held ?? [];
    this.held = null;
    return this.applyAll([...events, ...held]);
  }

  setPresence(presence: PresenceDto[]): void {
    this.presenceSignal.set(presence);
  }
}
