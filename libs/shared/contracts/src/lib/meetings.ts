import type { DataCategory, OrganisationRef, ParticipationBasis, Sensitivity } from './cases';

/**
 * The case conference (DOMAIN.md b.1 Meeting, b.2, scenarios 11, 12, 14): meetings per table, a
 * time-boxed agenda with invited organisations, a live room over socket.io whose every push is the
 * access policy's projection for one organisation, minutes per organisation, and actions owned by
 * partners. ADR 0023.
 */

export const MEETING_TYPES = ['TRIAGE', 'CASUSOVERLEG', 'EVALUATIE'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

/** b.2: GEPLAND → AGENDA_VERZONDEN → LIVE → AFGEROND → VERSLAG_CONCEPT → VERSLAG_VASTGESTELD. */
export const MEETING_STATUSES = [
  'GEPLAND',
  'AGENDA_VERZONDEN',
  'LIVE',
  'AFGEROND',
  'VERSLAG_CONCEPT',
  'VERSLAG_VASTGESTELD',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Transitions a user asks for; the server checks the order and who may. */
export const MEETING_TRANSITIONS = [
  'AGENDA_VERZENDEN', // GEPLAND → AGENDA_VERZONDEN (chair or procesregisseur)
  'STARTEN', // AGENDA_VERZONDEN → LIVE (chair)
  'BEEINDIGEN', // LIVE → AFGEROND (chair)
  'VERSLAG_OPSTELLEN', // AFGEROND → VERSLAG_CONCEPT (chair or minute-taker): generates the concept
  'VERSLAG_VASTSTELLEN', // VERSLAG_CONCEPT → VERSLAG_VASTGESTELD (chair)
] as const;
export type MeetingTransition = (typeof MEETING_TRANSITIONS)[number];

export const ATTENDANCE_STATUSES = ['PRESENT', 'APOLOGY', 'INFO_SENT', 'ABSENT'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export const DECISION_TYPES = [
  'INCLUSIE',
  'PLAN_VASTGESTELD',
  'OPSCHALEN',
  'AFSCHALEN',
  'AFSLUITEN',
  'MONITOREN',
  'ANDERS',
] as const;
export type DecisionType = (typeof DECISION_TYPES)[number];

export const ACTION_STATUSES = ['OPEN', 'IN_UITVOERING', 'AFGEROND', 'NIET_UITGEVOERD', 'VERVALLEN'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_NOT_DONE_REASONS = ['OMSTANDIGHEDEN_GEWIJZIGD', 'NIET_OPGEPAKT', 'ANDERS'] as const;
export type ActionNotDoneReason = (typeof ACTION_NOT_DONE_REASONS)[number];

/** The statement every participant acknowledges before joining the live room (shown again in the minutes). */
export const CONFIDENTIALITY_STATEMENT_VERSION = 1;

/**
 * Its text (version 1), Dutch and English: the live room shows both before joining and the minutes
 * print the same words, so what is on record is what the participants acknowledged.
 */
export const CONFIDENTIALITY_STATEMENT_TEXT = {
  nl:
    'Wat in dit overleg wordt besproken, is vertrouwelijk. U gebruikt de informatie alleen voor het doel van dit ' +
    'casusoverleg en deelt haar niet verder dan nodig (need-to-know): alleen met collega’s die haar voor hun taak in ' +
    'deze casus nodig hebben. U ziet alleen wat uw organisatie mag zien; punten van casussen waarbij uw organisatie ' +
    'niet betrokken is, ziet u zonder inhoud. Uw deelname wordt gelogd.',
  en:
    'What is discussed in this meeting is confidential. You use the information only for the purpose of this case ' +
    'conference and share it no further than needed (need-to-know): only with colleagues who need it for their task ' +
    'in this case. You see only what your organisation may see; items of cases your organisation is not involved in ' +
    'are shown without content. Your participation is logged.',
} as const;

/** How the acting user relates to a meeting: decides what they may do, not what they may see. */
export type MeetingRole = 'CHAIR' | 'MINUTE_TAKER' | 'MEMBER' | 'GUEST';

export interface UserRef {
  id: string;
  displayName: string;
  organisationId: string;
}

export interface MeetingSummaryDto {
  id: string;
  tableId: string;
  tableName: string;
  type: MeetingType;
  /** ISO date-time. */
  scheduledAt: string;
  durationMinutes: number;
  location: string | null;
  onlineLink: string | null;
  chair: UserRef;
  minuteTaker: UserRef | null;
  status: MeetingStatus;
  /** Agenda items this organisation may know of. */
  itemCount: number;
  myRole: MeetingRole;
  version: number;
}

/**
 * An agenda item as one organisation sees it. An organisation that does not take part in the case
 * sees that there is an item (order and time box) but not which case (`restricted`); a guest
 * organisation sees only the items it is invited to.
 */
export interface AgendaItemDto {
  id: string;
  order: number;
  timeboxMinutes: number;
  restricted: boolean;
  caseId: string | null;
  caseNumber: string | null;
  /** Organisations invited for this item; basis GUEST for an organisation that is not a member of the table. */
  invited: Array<OrganisationRef & { basis: ParticipationBasis }>;
  /** Open actions of the case from earlier meetings, carried onto this item. */
  carriedActions: ActionDto[];
}

export interface AttendanceDto {
  organisation: OrganisationRef;
  status: AttendanceStatus;
  /** The organisation is a guest for some items only. */
  guest: boolean;
  note: string | null;
}

export interface MeetingDetailDto extends MeetingSummaryDto {
  agenda: AgendaItemDto[];
  attendance: AttendanceDto[];
  /** What the acting user may do now. */
  can: {
    edit: boolean;
    transition: MeetingTransition[];
    join: boolean;
    chair: boolean;
    editMinutes: boolean;
  };
}

export interface CreateMeetingRequest {
  tableId: string;
  type: MeetingType;
  scheduledAt: string;
  durationMinutes: number;
  location?: string | null;
  onlineLink?: string | null;
  chairUserId: string;
  minuteTakerUserId?: string | null;
}

export interface UpdateMeetingRequest extends Omit<CreateMeetingRequest, 'tableId'> {
  version: number;
}

export interface AddAgendaItemRequest {
  caseId: string;
  timeboxMinutes: number;
  /** Organisations invited for this item (members of the table or guests). */
  invitedOrganisationIds: string[];
}

export interface UpdateAgendaItemRequest {
  timeboxMinutes: number;
  invitedOrganisationIds: string[];
  order: number;
}

export interface MeetingTransitionRequest {
  transition: MeetingTransition;
  version: number;
  /** Required when the minutes are changed after they were vastgesteld. */
  reason?: string;
}

export interface SetAttendanceRequest {
  status: AttendanceStatus;
  note?: string | null;
}

/** Users who can chair or take minutes at a table (for the planner's choices). */
export interface MeetingStaffDto {
  chairs: UserRef[];
  minuteTakers: UserRef[];
  organisations: Array<OrganisationRef & { basis: ParticipationBasis }>;
}

// ---------- The live room ----------

/** A live note as one organisation sees it: full text, or only that there is one of this category. */
export interface LiveNoteDto {
  id: string;
  agendaItemId: string;
  category: DataCategory;
  sensitivity: Sensitivity;
  visibility: 'FULL' | 'SUMMARY';
  text: string | null;
  authorOrganisation: OrganisationRef;
  createdAt: string;
}

export interface DecisionDto {
  id: string;
  agendaItemId: string;
  caseId: string;
  type: DecisionType;
  text: string;
  decidedAt: string;
}

export interface ActionDto {
  id: string;
  caseId: string;
  caseNumber: string;
  meetingId: string | null;
  agendaItemId: string | null;
  description: string;
  ownerOrganisation: OrganisationRef;
  ownerUser: UserRef | null;
  /** YYYY-MM-DD */
  dueDate: string;
  status: ActionStatus;
  notDoneReason: ActionNotDoneReason | null;
  statusNote: string | null;
  overdue: boolean;
  version: number;
  can: { changeStatus: boolean; cancel: boolean };
}

export interface TimerDto {
  agendaItemId: string;
  running: boolean;
  /** ISO date-time the timer last started (running), else null. */
  startedAt: string | null;
  /** Seconds counted before the last start. */
  elapsedSeconds: number;
}

export interface PresenceDto {
  organisation: OrganisationRef;
  /** Number of signed-in users of the organisation in the room now. */
  users: number;
  guest: boolean;
}

/** The room as one organisation sees it after `seq`. */
export interface LiveStateDto {
  meeting: MeetingDetailDto;
  seq: number;
  currentAgendaItemId: string | null;
  timer: TimerDto | null;
  notes: LiveNoteDto[];
  decisions: DecisionDto[];
  actions: ActionDto[];
  presence: PresenceDto[];
  /** The acting user's organisation is a guest: it sees its own items only. */
  guest: boolean;
}

export const LIVE_EVENT_TYPES = [
  'STATUS_CHANGED',
  'CURRENT_ITEM_CHANGED',
  'TIMER_CHANGED',
  'ATTENDANCE_CHANGED',
  'NOTE_ADDED',
  'DECISION_RECORDED',
  'ACTION_CREATED',
  'ACTION_CHANGED',
  'AGENDA_CHANGED',
] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** One stored event of a meeting, projected for one organisation (DESIGN-NOTES §4). */
export type LiveEventDto = { meetingId: string; seq: number; at: string } & (
  | { type: 'STATUS_CHANGED'; status: MeetingStatus }
  | { type: 'CURRENT_ITEM_CHANGED'; agendaItemId: string | null }
  | { type: 'TIMER_CHANGED'; timer: TimerDto }
  | { type: 'ATTENDANCE_CHANGED'; attendance: AttendanceDto }
  | { type: 'NOTE_ADDED'; note: LiveNoteDto }
  | { type: 'DECISION_RECORDED'; decision: DecisionDto }
  | { type: 'ACTION_CREATED'; action: ActionDto }
  | { type: 'ACTION_CHANGED'; action: ActionDto }
  | { type: 'AGENDA_CHANGED'; agenda: AgendaItemDto[] }
);

/** Socket.io namespace of the live room. */
export const LIVE_NAMESPACE = '/live';

/** Client → server events; every one is answered through the acknowledgement callback with a LiveAck. */
export const LIVE_CLIENT_EVENTS = {
  join: 'meeting:join',
  leave: 'meeting:leave',
  resync: 'meeting:resync',
  currentItem: 'chair:current-item',
  timer: 'chair:timer',
  attendance: 'chair:attendance',
  decision: 'chair:decision',
  action: 'chair:action',
  note: 'note:add',
} as const;

/** Server → client events. */
export const LIVE_SERVER_EVENTS = {
  event: 'meeting:event',
  presence: 'meeting:presence',
  /** The user may no longer be in the room (session ended, organisation left the item, meeting closed). */
  removed: 'meeting:removed',
} as const;

export interface JoinMeetingMessage {
  meetingId: string;
  /** Must be true: the user acknowledged the confidentiality statement. */
  confidentialityAccepted: boolean;
}
export interface ResyncMessage {
  meetingId: string;
  sinceSeq: number;
}
/** Every client write carries an idempotency key: a retry after a dropped connection stores nothing twice. */
export interface LiveWrite {
  meetingId: string;
  idempotencyKey: string;
}
export interface CurrentItemMessage extends LiveWrite {
  agendaItemId: string | null;
}
export interface TimerMessage extends LiveWrite {
  agendaItemId: string;
  command: 'START' | 'PAUSE' | 'RESET';
}
export interface AttendanceMessage extends LiveWrite {
  organisationId: string;
  status: AttendanceStatus;
  note?: string | null;
}
export interface NoteMessage extends LiveWrite {
  agendaItemId: string;
  category: DataCategory;
  sensitivity: Sensitivity;
  text: string;
}
export interface DecisionMessage extends LiveWrite {
  agendaItemId: string;
  type: DecisionType;
  text: string;
}
export interface ActionMessage extends LiveWrite {
  agendaItemId: string;
  description: string;
  ownerOrganisationId: string;
  ownerUserId?: string | null;
  dueDate: string;
}

/** The answer to every client message: the stored event's sequence number, or a problem (RFC 9457 shape). */
export type LiveAck<T = unknown> =
  | { ok: true; seq?: number; data?: T }
  | {
      ok: false;
      problem: {
        status: number;
        title: string;
        code?: string;
        detail?: string;
        /** Quote it when reporting an unexpected error (status 500). */
        correlationId?: string;
        errors?: Array<{ field: string; code: string; message: string }>;
      };
    };

/** Why the server took a socket out of a meeting's room (LIVE_SERVER_EVENTS.removed). */
export type LiveRemovedReason =
  /** The session ended (logout, revocation, expiry): sign in again. */
  | 'SESSION_ENDED'
  /** A guest organisation's item is no longer the current one: it may rejoin when it is. */
  | 'NOT_CURRENT_ITEM'
  /** The organisation no longer takes part in the meeting. */
  | 'NOT_INVITED';

export interface LiveRemovedDto {
  reason: LiveRemovedReason;
  /** The meeting the socket was removed from; absent when the whole connection ends. */
  meetingId?: string;
}

// ---------- Minutes ----------

export const MINUTES_STATUSES = ['CONCEPT', 'VASTGESTELD'] as const;
export type MinutesStatus = (typeof MINUTES_STATUSES)[number];

/** The minutes of one meeting as one organisation reads them. */
export interface MinutesDto {
  meetingId: string;
  version: number;
  status: MinutesStatus;
  confidentialityStatement: string;
  attendance: AttendanceDto[];
  items: Array<{
    agendaItemId: string;
    order: number;
    restricted: boolean;
    caseNumber: string | null;
    /** The minute-taker's summary of the item (concept: editable), with its category. */
    summary: {
      category: DataCategory;
      text: string | null;
      visibility: 'FULL' | 'SUMMARY';
      /** The summary's version, for UpdateMinutesItemRequest (0 = none written yet). */
      version: number;
    } | null;
    notes: LiveNoteDto[];
    decisions: DecisionDto[];
    actions: ActionDto[];
  }>;
  establishedAt: string | null;
  establishedBy: UserRef | null;
  /** Why this version replaced the previous one (versions after vaststelling). */
  changeReason: string | null;
  versions: Array<{
    version: number;
    status: MinutesStatus;
    establishedAt: string | null;
    changeReason: string | null;
  }>;
  can: { edit: boolean; establish: boolean; revise: boolean };
  /** Changes with every edit of the concept; EstablishMinutesRequest and ReviseMinutesRequest carry it. */
  rowVersion: number;
}

export interface UpdateMinutesItemRequest {
  category: DataCategory;
  text: string;
  /** The summary's version as read (0 when there is none yet). */
  version: number;
}

export interface EstablishMinutesRequest {
  /** MinutesDto.rowVersion as read: a concept changed since then is a 409. */
  version: number;
}

export interface ReviseMinutesRequest {
  reason: string;
  version: number;
}

// ---------- Actions and notifications ----------

export interface UpdateActionStatusRequest {
  status: Exclude<ActionStatus, 'VERVALLEN'> | 'VERVALLEN';
  notDoneReason?: ActionNotDoneReason | null;
  note?: string | null;
  version: number;
}

export const NOTIFICATION_TYPES = [
  'ACTION_ASSIGNED',
  'ACTION_DUE_SOON',
  'ACTION_OVERDUE',
  'AGENDA_SENT',
  'MINUTES_ESTABLISHED',
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/** In-app notification: a type and opaque references only, never personal data. */
export interface NotificationDto {
  id: string;
  type: NotificationType;
  /** Opaque ids to link to (/acties, /overleggen/:id). */
  actionId: string | null;
  meetingId: string | null;
  createdAt: string;
  readAt: string | null;
}

/** One page of the user's notifications, newest first. */
export interface NotificationListResponse {
  items: NotificationDto[];
  total: number;
  unread: number;
  page: number;
  pageSize: number;
}

export interface UnreadCountDto {
  unread: number;
}

/** "Mijn acties": the actions of the user (owner user, or their organisation's without one) or of the whole organisation. */
export const ACTION_SCOPES = ['mine', 'organisation'] as const;
export type ActionScope = (typeof ACTION_SCOPES)[number];
