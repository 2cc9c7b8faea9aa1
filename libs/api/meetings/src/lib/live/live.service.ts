import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, ConflictError, RequestValidationError } from '@casustafel/api/platform';
import {
  CONFIDENTIALITY_STATEMENT_VERSION,
  type ActionMessage,
  type AttendanceMessage,
  type CurrentItemMessage,
  type DecisionMessage,
  type FieldProblem,
  type LiveEventDto,
  type LiveEventType,
  type LiveStateDto,
  type NoteMessage,
  type TimerDto,
  type TimerMessage,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { LivePublisher } from '../events/live-publisher';
import {
  appendMeetingEvent,
  eventsSince,
  storedByKey,
  type StoredMeetingEvent,
} from '../events/meeting-events';
import { loadMeeting, type LoadedMeeting, type MeetingRow } from '../meetings/meeting-access';
import { meetingDetail, mayBeInRoomNow, PLANNING_STATUSES } from '../meetings/meeting-detail';
import { ChairOnlyRefusal, MeetingForbiddenError } from '../meetings/meeting-errors';
import { MeetingsService } from '../meetings/meetings.service';
import { actionVisible, toActionDto } from './action-dto';
import {
  ActionMessageDto,
  AttendanceMessageDto,
  CurrentItemMessageDto,
  DecisionMessageDto,
  JoinMessageDto,
  NoteMessageDto,
  ResyncMessageDto,
  TimerMessageDto,
} from './live.dto';
import {
  casesOfAgendaItems,
  contentItemOf,
  MeetingProjector,
  toDecisionDto,
  toNoteDto,
} from './meeting-projector';
import { validated } from './validate-message';

export type WriteResult = { event: StoredMeetingEvent; duplicate: boolean };

/** What a write stores besides its event: the event's type, item, reference and codes, and its audit record. */
interface WriteOutcome {
  type: LiveEventType;
  agendaItemId?: string | null;
  refId?: string | null;
  data?: Record<string, unknown>;
  audit: {
    action: string;
    objectType: string;
    objectId: string;
    caseId?: string;
    category?: string;
    details?: Record<string, string | number | boolean | null>;
  };
}

interface ItemRow {
  id: string;
  case_id: string;
  timer_elapsed_seconds: number;
}

/**
 * The live room's commands and reads (ADR 0023), shared by the socket gateway and the REST twins.
 * Every write: under the meeting's row lock, an idempotency check (a retry returns the stored event
 * and stores nothing), the change, its event and its audit record in ONE transaction; after commit
 * the event is handed to the LivePublisher (the gateway pushes each organisation its projection).
 * A non-chair trying a chair action gets a 403 problem and an audit record of the refusal.
 */
@Injectable()
export class LiveService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly publisher: LivePublisher,
    private readonly projector: MeetingProjector,
    private readonly meetings: MeetingsService,
  ) {}

  /**
   * Enters the room: the confidentiality statement is acknowledged (the first acknowledgement per
   * user and meeting is kept; acknowledgements are never changed), every join audited.
   */
  join(actor: Actor, meetingId: string, confidentialityAccepted: boolean): Promise<LiveStateDto> {
    validated(JoinMessageDto, { meetingId, confidentialityAccepted });
    return this.tx.run(async (em) => {
      const meeting = await loadMeeting(em, actor, meetingId);
      this.assertInRoom(meeting);
      await em.query(
        `insert into meeting_confidentiality_ack (meeting_id, user_id, organisation_id, statement_version, acknowledged_at)
         values ($1, $2, $3, $4, $5)
         on conflict (meeting_id, user_id) do nothing`,
        [meetingId, actor.userId, actor.organisationId, CONFIDENTIALITY_STATEMENT_VERSION, this.clock.now()],
      );
      return this.stateIn(em, actor, meeting, 'meeting.join');
    });
  }

  /** The room as the actor's organisation sees it now (after joining). */
  state(actor: Actor, meetingId: string): Promise<LiveStateDto> {
    return this.tx.run(async (em) => {
      const meeting = await loadMeeting(em, actor, meetingId);
      this.assertInRoom(meeting);
      await this.assertJoined(em, actor, meetingId);
      return this.stateIn(em, actor, meeting, 'meeting.read');
    });
  }

  /** The events after `sinceSeq`, projected for the actor's organisation under the actor's own context. */
  resync(
    actor: Actor,
    meetingId: string,
    sinceSeq: number,
  ): Promise<{ events: LiveEventDto[]; seq: number }> {
    validated(ResyncMessageDto, { meetingId, sinceSeq });
    return this.tx.run(async (em) => {
      const meeting = await loadMeeting(em, actor, meetingId);
      this.assertInRoom(meeting);
      await this.assertJoined(em, actor, meetingId);
      const stored = await eventsSince(em, meetingId, sinceSeq);
      const events = await this.projector.projectIn(em, meeting, stored, actor.organisationId);
      const cases = await casesOfAgendaItems(
        em,
        events.flatMap((e) => contentItemOf(e) ?? []),
      );
      await this.audit.record(em, {
        action: 'meeting.resync',
        objectType: 'meeting',
        objectId: meetingId,
        subjects: { cases },
        authorisationRule: meeting.relation.guest ? 'MEETING:GUEST' : 'MEETING:MEMBER',
        processingActivityId: meeting.row.processing_activity_id,
        details: { meetingId, sinceSeq, events: events.length },
      });
      return { events, seq: Number(meeting.row.last_seq) };
    });
  }

  setCurrentItem(actor: Actor, m: CurrentItemMessage): Promise<WriteResult> {
    const message = validated(CurrentItemMessageDto, m);
    return this.write(
      actor,
      message.meetingId,
      message.idempotencyKey,
      'current-item',
      true,
      async (em, meeting, now) => {
        const target =
          message.agendaItemId === null ? null : await this.itemOf(em, meeting, message.agendaItemId);
        const row = meeting.row;
        if (row.current_agenda_item_id) {
          await em.query('update agenda_item set timer_elapsed_seconds = $2 where id = $1', [
            row.current_agenda_item_id,
            elapsedNow(row, now),
          ]);
        }
        await em.query(
          `update meeting set current_agenda_item_id = $2, timer_running = false, timer_started_at = null,
           timer_elapsed_seconds = $3, updated_at = $4 where id = $1`,
          [row.id, target?.id ?? null, target?.timer_elapsed_seconds ?? 0, now],
        );
        return {
          type: 'CURRENT_ITEM_CHANGED',
          agendaItemId: target?.id ?? null,
          data: { agendaItemId: target?.id ?? null },
          audit: {
            action: 'meeting.current-item.set',
            objectType: 'meeting',
            objectId: row.id,
            caseId: target?.case_id,
            details: { agendaItemId: target?.id ?? null },
          },
        };
      },
    );
  }

  timer(actor: Actor, m: TimerMessage): Promise<WriteResult> {
    const message = validated(TimerMessageDto, m);
    return this.write(
      actor,
      message.meetingId,
      message.idempotencyKey,
      'timer',
      true,
      async (em, meeting, now) => {
        const row = meeting.row;
        if (row.current_agenda_item_id !== message.agendaItemId) {
          throw new RequestValidationError([
            {
              field: 'agendaItemId',
              code: 'notCurrentItem',
              message: 'the timer runs for the current item only',
            },
          ]);
        }
        let timer: TimerDto;
        if (message.command === 'START') {
          timer = {
            agendaItemId: message.agendaItemId,
            running: true,
            startedAt:
              row.timer_running && row.timer_started_at
                ? new Date(row.timer_started_at).toISOString()
                : now.toISOString(),
            elapsedSeconds: row.timer_elapsed_seconds,
          };
        } else {
          timer = {
            agendaItemId: message.agendaItemId,
            running: false,
            startedAt: null,
            elapsedSeconds: message.command === 'RESET' ? 0 : elapsedNow(row, now),
          };
        }
        await em.query(
          `update meeting set timer_running = $2, timer_started_at = $3, timer_elapsed_seconds = $4, updated_at = $5
          where id = $1`,
          [
            row.id,
            timer.running,
            timer.startedAt ? new Date(timer.startedAt) : null,
            timer.elapsedSeconds,
            now,
          ],
        );
        return {
          type: 'TIMER_CHANGED',
          agendaItemId: message.agendaItemId,
          data: { timer, command: message.command },
          audit: {
            action: 'meeting.timer',
            objectType: 'meeting',
            objectId: row.id,
            details: { agendaItemId: message.agendaItemId, command: message.command },
          },
        };
      },
    );
  }

  /** The chair keeps attendance; an organisation may send its own apology or information (also before the meeting). */
  setAttendance(actor: Actor, m: AttendanceMessage): Promise<WriteResult> {
    const message = validated(AttendanceMessageDto, m);
    const own = message.organisationId === actor.organisationId;
    return this.write(
      actor,
      message.meetingId,
      message.idempotencyKey,
      'attendance',
      !own,
      async (em, meeting, now) => {
        const audience = await queryRows<{ organisation_id: string }>(
          em,
          'select organisation_id from cst_meeting_audience($1) where organisation_id = $2',
          [meeting.row.id, message.organisationId],
        );
        if (audience.length === 0) {
          throw new RequestValidationError([
            {
              field: 'organisationId',
              code: 'notInMeeting',
              message: 'the organisation does not take part in this meeting',
            },
          ]);
        }
        await em.query(
          `insert into meeting_attendance (meeting_id, organisation_id, status, note, updated_by, updated_at)
           values ($1, $2, $3, $4, $5, $6)
           on conflict (meeting_id, organisation_id) do update set status = excluded.status, note = excluded.note,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
          [
            meeting.row.id,
            message.organisationId,
            message.status,
            message.note?.trim() || null,
            actor.userId,
            now,
          ],
        );
        return {
          type: 'ATTENDANCE_CHANGED',
          refId: message.organisationId,
          data: { organisationId: message.organisationId, status: message.status },
          audit: {
            action: 'meeting.attendance.set',
            objectType: 'meeting',
            objectId: meeting.row.id,
            details: { organisationId: message.organisationId, status: message.status },
          },
        };
      },
      { statuses: [...PLANNING_STATUSES, 'LIVE'], requireJoined: false },
    );
  }

  /** A note on the current item by a joined participant whose organisation takes part in the case. */
  addNote(actor: Actor, m: NoteMessage): Promise<WriteResult> {
    const message = validated(NoteMessageDto, m);
    return this.write(
      actor,
      message.meetingId,
      message.idempotencyKey,
      'note',
      false,
      async (em, meeting, now) => {
        if (meeting.row.current_agenda_item_id !== message.agendaItemId) {
          throw new RequestValidationError([
            { field: 'agendaItemId', code: 'notCurrentItem', message: 'notes are taken on the current item' },
          ]);
        }
        this.assertOwnItem(meeting, message.agendaItemId);
        const item = await this.itemOf(em, meeting, message.agendaItemId);
        await this.assertTakesPart(em, item.case_id);
        if (
          message.sensitivity === 'EMBARGO' &&
          !meeting.row.embargo_partner_types.includes(actor.partnerType)
        ) {
          throw new RequestValidationError([
            {
              field: 'sensitivity',
              code: 'embargoNotAllowed',
              message: 'only organisations on the embargo list can place an embargo',
            },
          ]);
        }
        const text = message.text.trim();
        const id = randomUUID();
        await em.query(
          `insert into case_item (id, case_id, category, sensitivity, title, body, author_organisation_id, author_id,
           meeting_id, agenda_item_id, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)`,
          [
            id,
            item.case_id,
            message.category,
            message.sensitivity,
            noteTitle(text),
            text,
            actor.organisationId,
            actor.userId,
            meeting.row.id,
            item.id,
            now,
          ],
        );
        await em.query('update casus set updated_at = $2 where id = $1', [item.case_id, now]);
        return {
          type: 'NOTE_ADDED',
          agendaItemId: item.id,
          refId: id,
          data: { category: message.category, sensitivity: message.sensitivity },
          audit: {
            action: 'meeting.note.create',
            objectType: 'case_item',
            objectId: id,
            caseId: item.case_id,
            category: message.category,
            details: { meetingId: meeting.row.id, agendaItemId: item.id, sensitivity: message.sensitivity },
          },
        };
      },
    );
  }

  addDecision(actor: Actor, m: DecisionMessage): Promise<WriteResult> {
    const message = validated(DecisionMessageDto, m);
    return this.write(
      actor,
      message.meetingId,
      message.idempotencyKey,
      'decision',
      true,
      async (em, meeting, now) => {
        const item = await this.itemOf(em, meeting, message.agendaItemId);
        await this.assertTakesPart(em, item.case_id);
        const rows = await queryRows<{ id: string }>(
          em,
          `insert into meeting_decision (meeting_id, agenda_item_id, case_id, type, text, author_organisation_id,
           decided_by, decided_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
          [
            meeting.row.id,
            item.id,
            item.case_id,
            message.type,
            message.text.trim(),
            actor.organisationId,
            actor.userId,
            now,
          ],
        );
        return {
          type: 'DECISION_RECORDED',
          agendaItemId: item.id,
          refId: rows[0].id,
          data: { decisionType: message.type },
          audit: {
            action: 'meeting.decision.create',
            objectType: 'meeting_decision',
            objectId: rows[0].id,
            caseId: item.case_id,
            category: 'C3',
            details: { meetingId: meeting.row.id, agendaItemId: item.id, type: message.type },
          },
        };
      },
    );
  }

  /** An action with an owner organisation (a participant of the case), optionally one of its users, and a due date. */
  addAction(actor: Actor, m: ActionMessage): Promise<WriteResult> {
    const message = validated(ActionMessageDto, m);
    return this.write(
      actor,
      message.meetingId,
      message.idempotencyKey,
      'action',
      true,
      async (em, meeting, now) => {
        const item = await this.itemOf(em, meeting, message.agendaItemId);
        await this.assertTakesPart(em, item.case_id);
        const problems: FieldProblem[] = [];
        const owner = await queryRows(
          em,
          'select 1 from case_participant where case_id = $1 and organisation_id = $2',
          [item.case_id, message.ownerOrganisationId],
        );
        if (owner.length === 0) {
          problems.push({
            field: 'ownerOrganisationId',
            code: 'notAParticipant',
            message: 'the owner organisation does not take part in the case',
          });
        }
        if (message.ownerUserId) {
          const user = await queryRows(
            em,
            'select 1 from app_user where id = $1 and organisation_id = $2 and active',
            [message.ownerUserId, message.ownerOrganisationId],
          );
          if (user.length === 0) {
            problems.push({
              field: 'ownerUserId',
              code: 'notOfOwner',
              message: 'is not a user of the owner organisation',
            });
          }
        }
        if (message.dueDate < this.clock.today()) {
          problems.push({ field: 'dueDate', code: 'inThePast', message: 'must be today or later' });
        }
        if (problems.length > 0) {
          throw new RequestValidationError(problems);
        }
        const rows = await queryRows<{ id: string }>(
          em,
          `insert into case_action (case_id, meeting_id, agenda_item_id, description, author_organisation_id,
           owner_organisation_id, owner_user_id, due_date, created_by, created_at, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10) returning id`,
          [
            item.case_id,
            meeting.row.id,
            item.id,
            message.description.trim(),
            actor.organisationId,
            message.ownerOrganisationId,
            message.ownerUserId ?? null,
            message.dueDate,
            actor.userId,
            now,
          ],
        );
        return {
          type: 'ACTION_CREATED',
          agendaItemId: item.id,
          refId: rows[0].id,
          data: { ownerOrganisationId: message.ownerOrganisationId },
          audit: {
            action: 'action.create',
            objectType: 'case_action',
            objectId: rows[0].id,
            caseId: item.case_id,
            category: 'C3',
            details: {
              meetingId: meeting.row.id,
              agendaItemId: item.id,
              ownerOrganisationId: message.ownerOrganisationId,
              dueDate: message.dueDate,
            },
          },
        };
      },
    );
  }

  /**
   * One client write: lock, idempotency, the rules, the change and its event and audit in one
   * transaction; the event is published after commit (a duplicate is not published again).
   */
  private async write(
    actor: Actor,
    meetingId: string,
    idempotencyKey: string,
    attempted: string,
    chairOnly: boolean,
    change: (em: EntityManager, meeting: LoadedMeeting, now: Date) => Promise<WriteOutcome>,
    options: { statuses?: readonly string[]; requireJoined?: boolean } = {},
  ): Promise<WriteResult> {
    const result = await this.meetings.withChairRefusalAudit(() =>
      this.tx.run(async (em): Promise<WriteResult> => {
        const meeting = await loadMeeting(em, actor, meetingId, true);
        const stored = await storedByKey(em, meetingId, actor, idempotencyKey);
        if (stored) {
          return { event: stored, duplicate: true };
        }
        if (chairOnly && !meeting.relation.chair) {
          throw new ChairOnlyRefusal(meetingId, attempted, meeting.row.processing_activity_id);
        }
        const statuses = options.statuses ?? ['LIVE'];
        if (!statuses.includes(meeting.row.status)) {
          throw new ConflictError('The meeting is not live.', 'meeting.not_live');
        }
        if (options.requireJoined !== false) {
          this.assertInRoom(meeting);
          await this.assertJoined(em, actor, meetingId);
        }
        const now = this.clock.now();
        const outcome = await change(em, meeting, now);
        const event = await appendMeetingEvent(em, {
          meetingId,
          type: outcome.type,
          agendaItemId: outcome.agendaItemId ?? null,
          refId: outcome.refId ?? null,
          data: outcome.data,
          actor,
          idempotencyKey,
          occurredAt: now,
        });
        await this.audit.record(em, {
          action: outcome.audit.action,
          objectType: outcome.audit.objectType,
          objectId: outcome.audit.objectId,
          subjects: outcome.audit.caseId ? { cases: [outcome.audit.caseId] } : undefined,
          category: outcome.audit.category,
          authorisationRule: meeting.relation.chair
            ? 'MEETING:CHAIR'
            : meeting.relation.guest
              ? 'MEETING:GUEST'
              : 'MEETING:MEMBER',
          processingActivityId: meeting.row.processing_activity_id,
          details: { meetingId, seq: event.seq, ...(outcome.audit.details ?? {}) },
        });
        return { event, duplicate: false };
      }),
    );
    if (!result.duplicate) {
      this.publisher.published([result.event]);
    }
    return result;
  }

  private async stateIn(
    em: EntityManager,
    actor: Actor,
    meeting: LoadedMeeting,
    auditAction: 'meeting.join' | 'meeting.read',
  ): Promise<LiveStateDto> {
    const { row, relation } = meeting;
    const reader = { organisationId: actor.organisationId, today: this.clock.today() };
    const { detail, caseIds } = await meetingDetail(em, row, relation, reader, 'cst_org_access');
    const own = (itemId: string | null) =>
      !relation.guest || (itemId !== null && relation.guestItemIds.includes(itemId));
    const notes = (await this.projector.notes(em, { meetingId: row.id }))
      .filter((n) => own(n.agenda_item_id) && n.access !== 'NONE')
      .map(toNoteDto);
    const decisions = (await this.projector.decisions(em, { meetingId: row.id }))
      .filter((d) => own(d.agenda_item_id) && d.access.startsWith('FULL'))
      .map(toDecisionDto);
    const mayCancel = relation.planner || relation.chair;
    const actions = (await this.projector.actionRows(em, { meetingId: row.id }))
      .filter((a) => own(a.agenda_item_id) && actionVisible(a))
      .map((a) => toActionDto(a, { ...reader, mayCancel }));
    const current = own(row.current_agenda_item_id) ? row.current_agenda_item_id : null;
    await this.audit.record(em, {
      action: auditAction,
      objectType: 'meeting',
      objectId: row.id,
      subjects: { cases: caseIds },
      authorisationRule: relation.guest ? 'MEETING:GUEST' : 'MEETING:MEMBER',
      processingActivityId: row.processing_activity_id,
      details: { meetingId: row.id, seq: Number(row.last_seq), notes: notes.length },
    });
    return {
      meeting: detail,
      seq: Number(row.last_seq),
      currentAgendaItemId: current,
      timer:
        current === null
          ? null
          : {
              agendaItemId: current,
              running: row.timer_running,
              startedAt: row.timer_started_at ? new Date(row.timer_started_at).toISOString() : null,
              elapsedSeconds: row.timer_elapsed_seconds,
            },
      notes,
      decisions,
      actions,
      presence: [],
      guest: relation.guest,
    };
  }

  /** The room is open while the agenda is out or the meeting is live; a guest only while its item is current. */
  private assertInRoom(meeting: LoadedMeeting): void {
    if (mayBeInRoomNow(meeting.row, meeting.relation)) {
      return;
    }
    if (
      meeting.relation.guest &&
      (meeting.row.status === 'AGENDA_VERZONDEN' || meeting.row.status === 'LIVE')
    ) {
      throw new MeetingForbiddenError(
        'notYourItem',
        'A guest is in the room only while its own item is discussed.',
      );
    }
    throw new ConflictError('The room of this meeting is not open.', 'meeting.room_closed');
  }

  private assertOwnItem(meeting: LoadedMeeting, itemId: string): void {
    if (meeting.relation.guest && !meeting.relation.guestItemIds.includes(itemId)) {
      throw new MeetingForbiddenError('notYourItem', 'A guest writes on its own item only.');
    }
  }

  private async assertJoined(em: EntityManager, actor: Actor, meetingId: string): Promise<void> {
    const rows = await queryRows(
      em,
      'select 1 from meeting_confidentiality_ack where meeting_id = $1 and user_id = $2 and statement_version = $3',
      [meetingId, actor.userId, CONFIDENTIALITY_STATEMENT_VERSION],
    );
    if (rows.length === 0) {
      throw new MeetingForbiddenError(
        'meeting.confidentiality_not_accepted',
        'Join the meeting and accept the confidentiality statement first.',
      );
    }
  }

  /** The organisation takes part in the item's case (a restricted item is not its to write on). */
  private async assertTakesPart(em: EntityManager, caseId: string): Promise<void> {
    const rows = await queryRows(em, `select 1 from casus where id = $1 and state <> 'VERNIETIGD'`, [caseId]);
    if (rows.length === 0) {
      throw new MeetingForbiddenError(
        'meeting.case_not_shared',
        'Your organisation does not take part in this case.',
      );
    }
  }

  private async itemOf(em: EntityManager, meeting: LoadedMeeting, itemId: string): Promise<ItemRow> {
    const rows = await queryRows<ItemRow>(
      em,
      'select id, case_id, timer_elapsed_seconds from agenda_item where id = $1 and meeting_id = $2',
      [itemId, meeting.row.id],
    );
    if (!rows[0]) {
      throw new RequestValidationError([
        { field: 'agendaItemId', code: 'unknownItem', message: 'is not an item of this meeting' },
      ]);
    }
    return rows[0];
  }
}

/** Seconds counted on the current item, including the running part. */
function elapsedNow(row: MeetingRow, now: Date): number {
  const running =
    row.timer_running && row.timer_started_at
      ? Math.max(0, Math.round((now.getTime() - new Date(row.timer_started_at).getTime()) / 1000))
      : 0;
  return row.timer_elapsed_seconds + running;
}

function noteTitle(text: string): string {
  const first = text.split('\n')[0].trim();
  return first ? first.slice(0, 80) : 'Notitie casusoverleg';
}
