import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, ConflictError, ForbiddenError, NotFoundError } from '@casustafel/api/platform';
import {
  CASE_ROLES,
  CONFIDENTIALITY_STATEMENT_TEXT,
  type ActionDto,
  type AttendanceDto,
  type DataCategory,
  type DecisionDto,
  type EstablishMinutesRequest,
  type LiveNoteDto,
  type MeetingStatus,
  type MinutesDto,
  type MinutesStatus,
  type ReviseMinutesRequest,
  type UpdateMinutesItemRequest,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { FINAL_ACTION_STATUSES, isOverdue, mayCancel } from '../actions/action-view';
import { LivePublisher } from '../events/live-publisher';
import { appendMeetingEvent, type StoredMeetingEvent } from '../events/meeting-events';

/** Shown in the live room before joining and printed in every version of the minutes (Dutch, then English). */
export const CONFIDENTIALITY_STATEMENT = `${CONFIDENTIALITY_STATEMENT_TEXT.nl}\n\n${CONFIDENTIALITY_STATEMENT_TEXT.en}`;

interface MeetingRow {
  id: string;
  table_id: string;
  status: MeetingStatus;
  chair_user_id: string;
  minute_taker_user_id: string | null;
  processing_activity_id: string;
}

interface MinutesRow {
  version: number;
  status: MinutesStatus;
  change_reason: string | null;
  row_version: number;
}

/** What `cst_minutes_read` answers: the reader organisation's filtered content. */
interface MinutesContent {
  attendance: AttendanceDto[];
  items: Array<{
    agendaItemId: string;
    order: number;
    restricted: boolean;
    caseId: string | null;
    caseNumber: string | null;
    summary: {
      category: DataCategory;
      text: string | null;
      visibility: 'FULL' | 'SUMMARY';
      version: number;
    } | null;
    notes: LiveNoteDto[];
    decisions: DecisionDto[];
    actions: Array<Omit<ActionDto, 'overdue' | 'can'>>;
  }>;
}

type Outcome<T> =
  | { kind: 'ok'; value: T; events: StoredMeetingEvent[] }
  | { kind: 'forbidden'; message: string };

/**
 * The minutes (verslag) of a meeting (DOMAIN.md b.1 Minutes, b.2; issue 6 §6). Generated as a
 * concept once the meeting is AFGEROND (chair or minute-taker), edited per agenda item (the
 * minute-taker's summary with its data category), established by the chair (an immutable
 * snapshot, `minutes_version`), revised only with a reason (a new concept version n+1).
 *
 * Every organisation reads its own filtered minutes: the content is filtered in the database
 * (`cst_minutes_read`, the one access policy `cst_access` per piece, for concept and versions
 * alike), so what an organisation may not see never reaches the application. Every read and change
 * is audited with the cases of the items as data subjects.
 */
@Injectable()
export class MinutesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly publisher: LivePublisher,
  ) {}

  /** AFGEROND → VERSLAG_CONCEPT: the concept is generated from the meeting's own records. */
  async generate(actor: Actor, meetingId: string): Promise<MinutesDto> {
    const outcome = await this.tx.run<Outcome<null>>(async (em) => {
      const meeting = await this.visibleMeeting(em, meetingId);
      if (!isOfficer(actor, meeting)) {
        return this.refuse(
          em,
          meeting,
          'minutes.generate',
          'Only the chair or the minute-taker drafts the minutes.',
        );
      }
      const status = await this.lockMeeting(em, meetingId);
      if (status !== 'AFGEROND') {
        throw new ConflictError(
          'Minutes are drafted once the meeting has ended (AFGEROND).',
          'meeting.status',
        );
      }
      const now = this.clock.now();
      await em.query(
        `insert into minutes (meeting_id, version, status, updated_at) values ($1, 1, 'CONCEPT', $2)
         on conflict (meeting_id) do nothing`,
        [meetingId, now],
      );
      const event = await this.setMeetingStatus(em, actor, meetingId, 'VERSLAG_CONCEPT', now);
      await this.audit.record(em, {
        action: 'minutes.generate',
        objectType: 'meeting',
        objectId: meetingId,
        subjects: await this.subjects(em, meetingId),
        authorisationRule: officerRule(actor, meeting),
        processingActivityId: meeting.processing_activity_id,
        details: { meetingId, version: 1 },
      });
      return { kind: 'ok', value: null, events: [event] };
    });
    this.after(outcome);
    return this.read(actor, meetingId);
  }

  /** The minutes as the actor's organisation may read them: the current concept or version, or version `n`. */
  read(actor: Actor, meetingId: string, version?: number): Promise<MinutesDto> {
    return this.tx.run(async (em) => {
      const meeting = await this.visibleMeeting(em, meetingId);
      const minutes = await this.minutes(em, meetingId);
      const versions = await queryRows<{
        version: number;
        established_at: Date;
        established_by: string;
        change_reason: string | null;
      }>(
        em,
        `select version, established_at, established_by, change_reason from minutes_version
          where meeting_id = $1 order by version`,
        [meetingId],
      );
      let shown: (typeof versions)[number] | undefined;
      if (version !== undefined) {
        shown = versions.find((v) => v.version === version);
        if (!shown) {
          throw new NotFoundError('No such version of the minutes.');
        }
      } else if (minutes.status === 'VASTGESTELD') {
        shown = versions.find((v) => v.version === minutes.version);
      }
      const rows = await queryRows<{ content: MinutesContent | null }>(
        em,
        'select cst_minutes_read($1, $2) as content',
        [meetingId, shown ? shown.version : null],
      );
      const content = rows[0]?.content;
      if (!content) {
        throw new NotFoundError('No such meeting.');
      }
      const establishedBy = shown
        ? (
            await queryRows<{ id: string; display_name: string; organisation_id: string }>(
              em,
              'select id, display_name, organisation_id from app_user where id = $1',
              [shown.established_by],
            )
          )[0]
        : undefined;
      const cases = [
        ...new Set(content.items.filter((i) => !i.restricted && i.caseId).map((i) => i.caseId as string)),
      ];
      await this.audit.record(em, {
        action: 'minutes.read',
        objectType: 'meeting',
        objectId: meetingId,
        subjects: cases.length > 0 ? { cases } : undefined,
        authorisationRule: 'MEETING_PARTICIPANT',
        processingActivityId: meeting.processing_activity_id,
        details: {
          meetingId,
          version: shown?.version ?? minutes.version,
          status: shown ? 'VASTGESTELD' : 'CONCEPT',
        },
      });

      const today = this.clock.today();
      const concept = !shown;
      const status: MinutesStatus = shown ? 'VASTGESTELD' : 'CONCEPT';
      const chair = meeting.chair_user_id === actor.userId;
      const history: MinutesDto['versions'] = versions.map((v) => ({
        version: v.version,
        status: 'VASTGESTELD',
        establishedAt: v.established_at.toISOString(),
        changeReason: v.change_reason,
      }));
      if (minutes.status === 'CONCEPT') {
        history.push({
          version: minutes.version,
          status: 'CONCEPT',
          establishedAt: null,
          changeReason: minutes.change_reason,
        });
      }
      const current = version === undefined || version === minutes.version;
      return {
        meetingId,
        version: shown?.version ?? minutes.version,
        status,
        confidentialityStatement: CONFIDENTIALITY_STATEMENT,
        attendance: content.attendance,
        items: content.items.map((item) => ({
          agendaItemId: item.agendaItemId,
          order: item.order,
          restricted: item.restricted,
          caseNumber: item.caseNumber,
          summary: item.summary,
          notes: item.notes,
          decisions: item.decisions,
          actions: item.actions.map((a) => ({
            ...a,
            overdue: isOverdue(a.status, a.dueDate, today),
            can: concept ? actionCan(actor, a, meeting) : { changeStatus: false, cancel: false },
          })),
        })),
        establishedAt: shown ? shown.established_at.toISOString() : null,
        establishedBy: establishedBy
          ? {
              id: establishedBy.id,
              displayName: establishedBy.display_name,
              organisationId: establishedBy.organisation_id,
            }
          : null,
        changeReason: shown ? shown.change_reason : minutes.change_reason,
        versions: history,
        can: {
          edit: current && concept && isOfficer(actor, meeting),
          establish: current && concept && chair,
          revise: current && minutes.status === 'VASTGESTELD' && chair,
        },
        rowVersion: minutes.row_version,
      };
    });
  }

  /** The minute-taker's summary of one agenda item in the concept, with its data category. */
  async updateItem(
    actor: Actor,
    meetingId: string,
    agendaItemId: string,
    input: UpdateMinutesItemRequest,
  ): Promise<MinutesDto> {
    const outcome = await this.tx.run<Outcome<null>>(async (em) => {
      const meeting = await this.visibleMeeting(em, meetingId);
      if (!isOfficer(actor, meeting)) {
        return this.refuse(
          em,
          meeting,
          'minutes.update',
          'Only the chair or the minute-taker edits the minutes.',
        );
      }
      const minutes = await this.lockMinutes(em, meetingId);
      if (minutes.status !== 'CONCEPT') {
        throw new ConflictError(
          'The minutes are established; revise them with a reason first.',
          'minutes.established',
        );
      }
      const items = await queryRows<{ case_id: string }>(
        em,
        'select case_id from agenda_item where id = $1 and meeting_id = $2',
        [agendaItemId, meetingId],
      );
      if (!items[0]) {
        throw new NotFoundError('No such agenda item.');
      }
      const existing = await queryRows<{ version: number }>(
        em,
        'select version from minutes_item_summary where meeting_id = $1 and agenda_item_id = $2 for update',
        [meetingId, agendaItemId],
      );
      if ((existing[0]?.version ?? 0) !== input.version) {
        throw new ConflictError('The summary was changed by someone else; reload and try again.');
      }
      const now = this.clock.now();
      await em.query(
        `insert into minutes_item_summary (meeting_id, agenda_item_id, category, text, author_organisation_id,
           updated_by, updated_at)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (meeting_id, agenda_item_id) do update set category = excluded.category, text = excluded.text,
           author_organisation_id = excluded.author_organisation_id, updated_by = excluded.updated_by,
           updated_at = excluded.updated_at, version = minutes_item_summary.version + 1`,
        [meetingId, agendaItemId, input.category, input.text, actor.organisationId, actor.userId, now],
      );
      await em.query(
        'update minutes set row_version = row_version + 1, updated_at = $2 where meeting_id = $1',
        [meetingId, now],
      );
      await this.audit.record(em, {
        action: 'minutes.update',
        objectType: 'minutes_item_summary',
        objectId: agendaItemId,
        subjects: { cases: [items[0].case_id] },
        category: input.category,
        authorisationRule: officerRule(actor, meeting),
        processingActivityId: meeting.processing_activity_id,
        details: { meetingId, agendaItemId, category: input.category, version: minutes.version },
      });
      return { kind: 'ok', value: null, events: [] };
    });
    this.after(outcome);
    return this.read(actor, meetingId);
  }

  /** The chair establishes the concept: an immutable version; the participants are notified. */
  async establish(actor: Actor, meetingId: string, input: EstablishMinutesRequest): Promise<MinutesDto> {
    const outcome = await this.tx.run<Outcome<null>>(async (em) => {
      const meeting = await this.visibleMeeting(em, meetingId);
      if (meeting.chair_user_id !== actor.userId) {
        return this.refuse(em, meeting, 'minutes.establish', 'Only the chair establishes the minutes.');
      }
      await this.lockMeeting(em, meetingId);
      const minutes = await this.lockMinutes(em, meetingId);
      if (minutes.status !== 'CONCEPT') {
        throw new ConflictError('These minutes are already established.', 'minutes.established');
      }
      if (minutes.row_version !== input.version) {
        throw new ConflictError('The concept was changed since you read it; reload and try again.');
      }
      const now = this.clock.now();
      await em.query('select cst_minutes_snapshot($1, $2, $3, $4)', [
        meetingId,
        minutes.version,
        now,
        minutes.change_reason,
      ]);
      await em.query(
        `update minutes set status = 'VASTGESTELD', row_version = row_version + 1, updated_at = $2 where meeting_id = $1`,
        [meetingId, now],
      );
      const event = await this.setMeetingStatus(em, actor, meetingId, 'VERSLAG_VASTGESTELD', now);
      // Every active user with a case role at the table, of each organisation taking part.
      await em.query(
        `insert into notification (user_id, type, meeting_id, created_at)
         select distinct u.id, 'MINUTES_ESTABLISHED', $1::uuid, $3::timestamptz from app_user u
           join user_table_role r on r.user_id = u.id and r.table_id = $2 and r.role = any ($4::text[])
          where u.active
            and (u.organisation_id in (select tm.organisation_id from table_membership tm
                                        where tm.table_id = $2 and tm.status = 'SIGNATORY')
                 or u.organisation_id in (select i.organisation_id from agenda_invitee i
                                           join agenda_item a on a.id = i.agenda_item_id where a.meeting_id = $1))`,
        [meetingId, meeting.table_id, now, CASE_ROLES],
      );
      await this.audit.record(em, {
        action: 'minutes.establish',
        objectType: 'meeting',
        objectId: meetingId,
        subjects: await this.subjects(em, meetingId),
        authorisationRule: 'MEETING_CHAIR',
        processingActivityId: meeting.processing_activity_id,
        details: { meetingId, version: minutes.version },
      });
      return { kind: 'ok', value: null, events: [event] };
    });
    this.after(outcome);
    return this.read(actor, meetingId);
  }

  /** A change after vaststelling: a new concept version with a reason; establishing it makes version n+1. */
  async revise(actor: Actor, meetingId: string, input: ReviseMinutesRequest): Promise<MinutesDto> {
    const outcome = await this.tx.run<Outcome<null>>(async (em) => {
      const meeting = await this.visibleMeeting(em, meetingId);
      if (meeting.chair_user_id !== actor.userId) {
        return this.refuse(em, meeting, 'minutes.revise', 'Only the chair revises established minutes.');
      }
      await this.lockMeeting(em, meetingId);
      const minutes = await this.lockMinutes(em, meetingId);
      if (minutes.status !== 'VASTGESTELD') {
        throw new ConflictError(
          'Only established minutes are revised; edit the concept instead.',
          'minutes.concept',
        );
      }
      if (minutes.row_version !== input.version) {
        throw new ConflictError('The minutes were changed since you read them; reload and try again.');
      }
      const now = this.clock.now();
      await em.query(
        `update minutes set version = version + 1, status = 'CONCEPT', change_reason = $2,
           row_version = row_version + 1, updated_at = $3 where meeting_id = $1`,
        [meetingId, input.reason.trim(), now],
      );
      const event = await this.setMeetingStatus(em, actor, meetingId, 'VERSLAG_CONCEPT', now);
      await this.audit.record(em, {
        action: 'minutes.revise',
        objectType: 'meeting',
        objectId: meetingId,
        subjects: await this.subjects(em, meetingId),
        authorisationRule: 'MEETING_CHAIR',
        processingActivityId: meeting.processing_activity_id,
        // The reason is free text: stored with the minutes, not in the audit log.
        details: { meetingId, version: minutes.version + 1 },
      });
      return { kind: 'ok', value: null, events: [event] };
    });
    this.after(outcome);
    return this.read(actor, meetingId);
  }

  private after(outcome: Outcome<unknown>): void {
    if (outcome.kind === 'forbidden') {
      throw new ForbiddenError(outcome.message);
    }
    // Persist first, then push (DESIGN-NOTES §4).
    this.publisher.published(outcome.events);
  }

  /** The meeting exists for the actor (row-level security: their organisation takes part); else 404. */
  private async visibleMeeting(em: EntityManager, meetingId: string): Promise<MeetingRow> {
    const rows = await queryRows<MeetingRow>(
      em,
      `select m.id, m.table_id, m.status, m.chair_user_id, m.minute_taker_user_id, t.processing_activity_id
         from meeting m join case_table t on t.id = m.table_id where m.id = $1`,
      [meetingId],
    );
    if (!rows[0]) {
      throw new NotFoundError('No such meeting.');
    }
    return rows[0];
  }

  /** Serialises changes of one meeting (the event log's sequence is taken under the same lock). */
  private async lockMeeting(em: EntityManager, meetingId: string): Promise<MeetingStatus> {
    const rows = await queryRows<{ status: MeetingStatus }>(
      em,
      'select status from meeting where id = $1 for update',
      [meetingId],
    );
    if (!rows[0]) {
      throw new NotFoundError('No such meeting.');
    }
    return rows[0].status;
  }

  private async minutes(em: EntityManager, meetingId: string): Promise<MinutesRow> {
    const rows = await queryRows<MinutesRow>(
      em,
      'select version, status, change_reason, row_version from minutes where meeting_id = $1',
      [meetingId],
    );
    if (!rows[0]) {
      throw new NotFoundError('The minutes have not been drafted yet.');
    }
    return rows[0];
  }

  private async lockMinutes(em: EntityManager, meetingId: string): Promise<MinutesRow> {
    const rows = await queryRows<MinutesRow>(
      em,
      'select version, status, change_reason, row_version from minutes where meeting_id = $1 for update',
      [meetingId],
    );
    if (!rows[0]) {
      throw new NotFoundError('The minutes have not been drafted yet.');
    }
    return rows[0];
  }

  private async setMeetingStatus(
    em: EntityManager,
    actor: Actor,
    meetingId: string,
    status: MeetingStatus,
    now: Date,
  ): Promise<StoredMeetingEvent> {
    await em.query('update meeting set status = $2, version = version + 1, updated_at = $3 where id = $1', [
      meetingId,
      status,
      now,
    ]);
    return appendMeetingEvent(em, {
      meetingId,
      type: 'STATUS_CHANGED',
      data: { status },
      actor,
      occurredAt: now,
    });
  }

  /** The cases of the meeting's agenda items: the data subjects of a change of its minutes. */
  private async subjects(em: EntityManager, meetingId: string): Promise<{ cases: string[] } | undefined> {
    const rows = await queryRows<{ case_id: string }>(
      em,
      'select distinct case_id from agenda_item where meeting_id = $1',
      [meetingId],
    );
    return rows.length > 0 ? { cases: rows.map((r) => r.case_id) } : undefined;
  }

  /** A refused officer action by a participant: audited (meeting.chair.denied), answered 403 after commit. */
  private async refuse(
    em: EntityManager,
    meeting: MeetingRow,
    attempted: string,
    message: string,
  ): Promise<Outcome<never>> {
    await this.audit.record(em, {
      action: 'meeting.chair.denied',
      outcome: 'DENIED',
      objectType: 'meeting',
      objectId: meeting.id,
      processingActivityId: meeting.processing_activity_id,
      details: { meetingId: meeting.id, attempted },
    });
    return { kind: 'forbidden', message };
  }
}

function isOfficer(actor: Actor, meeting: MeetingRow): boolean {
  return actor.userId === meeting.chair_user_id || actor.userId === meeting.minute_taker_user_id;
}

function officerRule(actor: Actor, meeting: MeetingRow): string {
  return actor.userId === meeting.chair_user_id ? 'MEETING_CHAIR' : 'MEETING_MINUTE_TAKER';
}

/** What the reader may do with an action shown in the concept (the same rules as PUT /api/actions/:id/status). */
function actionCan(
  actor: Actor,
  action: Omit<ActionDto, 'overdue' | 'can'>,
  meeting: MeetingRow,
): ActionDto['can'] {
  const open = !FINAL_ACTION_STATUSES.includes(action.status);
  return {
    changeStatus: open && action.ownerOrganisation.id === actor.organisationId,
    cancel: open && mayCancel(actor, meeting),
  };
}
