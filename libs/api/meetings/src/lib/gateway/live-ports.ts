import type { Actor } from '@casustafel/api/platform';
import type {
  ActionMessage,
  AttendanceMessage,
  CurrentItemMessage,
  DecisionMessage,
  LiveEventDto,
  LiveStateDto,
  NoteMessage,
  TimerMessage,
} from '@casustafel/shared/contracts';
import type { StoredMeetingEvent } from '../events/meeting-events';

/** What a client write answers: the stored event (a retry with the same key: the one stored before). */
export interface LiveWriteResult {
  event: StoredMeetingEvent;
  duplicate: boolean;
}

/**
 * What the gateway needs of the live room's service (LiveService, live/): every command authorises
 * the actor itself (Nest's guards do not run for sockets), persists, audits and publishes after
 * commit. The gateway only authenticates, validates, acknowledges and pushes.
 */
export abstract class LiveRoomCommands {
  abstract join(actor: Actor, meetingId: string, confidentialityAccepted: boolean): Promise<LiveStateDto>;
  abstract state(actor: Actor, meetingId: string): Promise<LiveStateDto>;
  abstract resync(
    actor: Actor,
    meetingId: string,
    sinceSeq: number,
  ): Promise<{ events: LiveEventDto[]; seq: number }>;
  abstract setCurrentItem(actor: Actor, message: CurrentItemMessage): Promise<LiveWriteResult>;
  abstract timer(actor: Actor, message: TimerMessage): Promise<LiveWriteResult>;
  abstract setAttendance(actor: Actor, message: AttendanceMessage): Promise<LiveWriteResult>;
  abstract addNote(actor: Actor, message: NoteMessage): Promise<LiveWriteResult>;
  abstract addDecision(actor: Actor, message: DecisionMessage): Promise<LiveWriteResult>;
  abstract addAction(actor: Actor, message: ActionMessage): Promise<LiveWriteResult>;
}

/** One organisation taking part in a meeting, and (for a guest) the items it is invited to. */
export interface LiveAudienceMember {
  organisationId: string;
  guest: boolean;
  agendaItemIds: string[];
}

/** What the gateway needs of the per-organisation projection (MeetingProjector, live/). */
export abstract class LiveRoomProjection {
  abstract audience(meetingId: string): Promise<LiveAudienceMember[]>;
  abstract project(
    events: readonly StoredMeetingEvent[],
    organisationId: string,
    actor: Actor,
  ): Promise<LiveEventDto[]>;
  abstract mayBeInRoom(actor: Actor, meetingId: string): Promise<boolean>;
}
