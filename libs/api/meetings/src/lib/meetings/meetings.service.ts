import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, ConflictError, NotFoundError, RequestValidationError } from '@casustafel/api/platform';
import {
  CASE_ROLES,
  type FieldProblem,
  type MeetingDetailDto,
  type MeetingRole,
  type MeetingStaffDto,
  type MeetingStatus,
  type MeetingSummaryDto,
  type MeetingTransition,
  type OrganisationRef,
  type ParticipationBasis,
  type UserRef,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { appendMeetingEvent } from '../events/meeting-events';
import { LivePublisher } from '../events/live-publisher';
import { ChairOnlyRefusal, MeetingForbiddenError } from './meeting-errors';
import { loadMeeting, mayPlan, PLANNER_ROLES, relationTo, type MeetingRow } from './meeting-access';
import { meetingDetail, PLANNING_STATUSES } from './meeting-detail';
import type { CreateMeetingDto, MeetingTransitionDto, UpdateMeetingDto } from './meetings.dto';

const MINUTES_TRANSITIONS: readonly MeetingTransition[] = ['VERSLAG_OPSTELLEN', 'VERSLAG_VASTSTELLEN'];

/** The order of b.2 for the transitions this service runs: from → to, and whether only the chair may. */
const LIFECYCLE: Partial<
  Record<MeetingTransition, { from: MeetingStatus; to: MeetingStatus; chairOnly: boolean }>
> = {
  AGENDA_VERZENDEN: { from: 'GEPLAND', to: 'AGENDA_VERZONDEN', chairOnly: false },
  STARTEN: { from: 'AGENDA_VERZONDEN', to: 'LIVE', chairOnly: true },
  BEEINDIGEN: { from: 'LIVE', to: 'AFGEROND', chairOnly: true },
};

/**
 * Meetings of a table (DOMAIN.md b.1 Meeting, b.2): planning by the table's procesregisseur or
 * voorzitter, the lifecycle up to AFGEROND (the minutes' transitions are the minutes' own), and
 * every read projected for the actor's organisation (ADR 0023).
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly publisher: LivePublisher,
  ) {}

  /** Meetings of the actor's tables that the organisation takes part in (a guest: where invited). */
  list(actor: Actor, tableId?: string): Promise<MeetingSummaryDto[]> {
    return this.tx.run(async (em) => {
      const rows = await queryRows<MeetingRow & { item_count: number; guest_items: number }>(
        em,
        `select m.id, m.table_id, t.name as table_name, t.processing_activity_id, t.embargo_partner_types, m.type,
                m.scheduled_at, m.duration_minutes, m.location, m.online_link, m.chair_user_id,
                m.minute_taker_user_id, m.status, m.current_agenda_item_id, m.timer_running, m.timer_started_at,
                m.timer_elapsed_seconds, m.last_seq, m.created_at, m.version
           from meeting m join case_table t on t.id = m.table_id
          where ($1::uuid is null or m.table_id = $1)
          order by m.scheduled_at desc
          limit 500`,
        [tableId ?? null],
      );
      const users = await this.users(
        em,
        rows.flatMap((r) => [r.chair_user_id, r.minute_taker_user_id]),
      );
      const result: MeetingSummaryDto[] = [];
      for (const row of rows) {
        const relation = await relationTo(em, actor, row);
        const count = relation.guest
          ? relation.guestItemIds.length
          : Number(
              (
                await queryRows<{ n: string }>(
                  em,
                  'select count(*) as n from agenda_item where meeting_id = $1',
                  [row.id],
                )
              )[0].n,
            );
        result.push(this.summary(row, users, count, relation.role));
      }
      return result;
    });
  }

  get(actor: Actor, meetingId: string): Promise<MeetingDetailDto> {
    return this.tx.run(async (em) => {
      const { row, relation } = await loadMeeting(em, actor, meetingId);
      const { detail, caseIds } = await meetingDetail(
        em,
        row,
        relation,
        { organisationId: actor.organisationId, today: this.clock.today() },
        'cst_access',
      );
      await this.audit.record(em, {
        action: 'meeting.read',
        objectType: 'meeting',
        objectId: meetingId,
        subjects: { cases: caseIds },
        authorisationRule: relation.guest ? 'MEETING:GUEST' : 'MEETING:MEMBER',
        processingActivityId: row.processing_activity_id,
        details: { meetingId, items: detail.agenda.length },
      });
      return detail;
    });
  }

  create(actor: Actor, input: CreateMeetingDto): Promise<MeetingDetailDto> {
    return this.tx.run(async (em) => {
      if (!this.plansAt(actor, input.tableId)) {
        throw new RequestValidationError([
          { field: 'tableId', code: 'notYourTable', message: 'is not a table whose meetings you plan' },
        ]);
      }
      const table = await queryRows<{ processing_activity_id: string }>(
        em,
        'select processing_activity_id from case_table where id = $1 and active',
        [input.tableId],
      );
      if (!table[0]) {
        throw new RequestValidationError([
          { field: 'tableId', code: 'unknownTable', message: 'no such table' },
        ]);
      }
      await this.checkStaff(em, input.tableId, input.chairUserId, input.minuteTakerUserId ?? null);
      const now = this.clock.now();
      // No RETURNING: the new row is not visible to the policy's lookup within its own statement.
      const id = randomUUID();
      await em.query(
        `insert into meeting (table_id, type, scheduled_at, duration_minutes, location, online_link, chair_user_id,
           minute_taker_user_id, created_by, created_at, updated_at, id)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11)`,
        [
          input.tableId,
          input.type,
          new Date(input.scheduledAt),
          input.durationMinutes,
          blankToNull(input.location),
          blankToNull(input.onlineLink),
          input.chairUserId,
          input.minuteTakerUserId ?? null,
          actor.userId,
          now,
          id,
        ],
      );
      await this.audit.record(em, {
        action: 'meeting.create',
        objectType: 'meeting',
        objectId: id,
        authorisationRule: `TABLE_ROLE:${this.plannerRole(actor, input.tableId)}`,
        processingActivityId: table[0].processing_activity_id,
        details: { meetingId: id, tableId: input.tableId, type: input.type },
      });
      return this.get(actor, id);
    });
  }

  update(actor: Actor, meetingId: string, input: UpdateMeetingDto): Promise<MeetingDetailDto> {
    return this.tx.run(async (em) => {
      const { row, relation } = await loadMeeting(em, actor, meetingId, true);
      if (!mayPlan(relation)) {
        throw new MeetingForbiddenError(
          'meeting.plan_only',
          'Only the chair or a planner of the table changes a meeting.',
        );
      }
      if (row.version !== input.version) {
        throw new ConflictError('The meeting was changed by someone else; reload and try again.');
      }
      if (!PLANNING_STATUSES.includes(row.status)) {
        throw new ConflictError(
          'The meeting has started; it can no longer be changed.',
          'meeting.not_planning',
        );
      }
      await this.checkStaff(em, row.table_id, input.chairUserId, input.minuteTakerUserId ?? null);
      await em.query(
        `update meeting set type = $2, scheduled_at = $3, duration_minutes = $4, location = $5, online_link = $6,
           chair_user_id = $7, minute_taker_user_id = $8, updated_at = $9, version = version + 1 where id = $1`,
        [
          meetingId,
          input.type,
          new Date(input.scheduledAt),
          input.durationMinutes,
          blankToNull(input.location),
          blankToNull(input.onlineLink),
          input.chairUserId,
          input.minuteTakerUserId ?? null,
          this.clock.now(),
        ],
      );
      await this.audit.record(em, {
        action: 'meeting.update',
        objectType: 'meeting',
        objectId: meetingId,
        authorisationRule: relation.chair
          ? 'MEETING:CHAIR'
          : `TABLE_ROLE:${this.plannerRole(actor, row.table_id)}`,
        processingActivityId: row.processing_activity_id,
        details: { meetingId, type: input.type },
      });
      return this.get(actor, meetingId);
    });
  }

  /**
   * AGENDA_VERZENDEN (a planner or the chair; at least one item), STARTEN and BEEINDIGEN (the
   * chair), in the order of b.2, with a STATUS_CHANGED event pushed after commit. The minutes'
   * transitions are refused here: they belong to the minutes endpoints.
   */
  async transition(actor: Actor, meetingId: string, input: MeetingTransitionDto): Promise<MeetingDetailDto> {
    if (MINUTES_TRANSITIONS.includes(input.transition)) {
      throw new RequestValidationError([
        {
          field: 'transition',
          code: 'minutesTransition',
          message: 'the minutes are drawn up and established with /api/meetings/:id/minutes',
        },
      ]);
    }
    const step = LIFECYCLE[input.transition];
    if (!step) {
      throw new RequestValidationError([
        { field: 'transition', code: 'isIn', message: 'unknown transition' },
      ]);
    }
    const result = await this.withChairRefusalAudit(() =>
      this.tx.run(async (em) => {
        const { row, relation } = await loadMeeting(em, actor, meetingId, true);
        const allowed = step.chairOnly ? relation.chair : mayPlan(relation);
        if (!allowed) {
          if (step.chairOnly) {
            throw new ChairOnlyRefusal(
              meetingId,
              `transition:${input.transition}`,
              row.processing_activity_id,
            );
          }
          throw new MeetingForbiddenError(
            'meeting.plan_only',
            'Only the chair or a planner of the table sends the agenda.',
          );
        }
        if (row.version !== input.version) {
          throw new ConflictError('The meeting was changed by someone else; reload and try again.');
        }
        if (row.status !== step.from) {
          throw new ConflictError(
            `A meeting in status ${row.status} cannot take the transition ${input.transition}.`,
            'meeting.invalid_transition',
          );
        }
        if (input.transition === 'AGENDA_VERZENDEN') {
          const items = await queryRows(em, 'select 1 from agenda_item where meeting_id = $1 limit 1', [
            meetingId,
          ]);
          if (items.length === 0) {
            throw new ConflictError('An empty agenda cannot be sent.', 'meeting.empty_agenda');
          }
        }
        const now = this.clock.now();
        await em.query(
          `update meeting set status = $2, updated_at = $3, version = version + 1,
             started_at = case when $2 = 'LIVE' then $3 else started_at end,
             ended_at = case when $2 = 'AFGEROND' then $3 else ended_at end,
             timer_running = case when $2 = 'AFGEROND' then false else timer_running end
           where id = $1`,
          [meetingId, step.to, now],
        );
        const event = await appendMeetingEvent(em, {
          meetingId,
          type: 'STATUS_CHANGED',
          data: { status: step.to, transition: input.transition },
          actor,
          occurredAt: now,
        });
        await this.audit.record(em, {
          action: 'meeting.transition',
          objectType: 'meeting',
          objectId: meetingId,
          authorisationRule: relation.chair
            ? 'MEETING:CHAIR'
            : `TABLE_ROLE:${this.plannerRole(actor, row.table_id)}`,
          processingActivityId: row.processing_activity_id,
          details: { meetingId, transition: input.transition, from: row.status, to: step.to },
        });
        return { event, detail: await this.get(actor, meetingId) };
      }),
    );
    this.publisher.published([result.event]);
    return result.detail;
  }

  /** Who can chair (voorzitter, procesregisseur) and take the minutes (the ZVH's case roles) at a table. */
  staff(actor: Actor, tableId: string): Promise<MeetingStaffDto> {
    return this.tx.run(async (em) => {
      if (!this.plansAt(actor, tableId)) {
        throw new NotFoundError('No such table.');
      }
      const chairs = await this.staffUsers(em, tableId, [...PLANNER_ROLES], false);
      const minuteTakers = await this.staffUsers(em, tableId, [...CASE_ROLES], true);
      const organisations = await queryRows<OrganisationRef & { basis: ParticipationBasis }>(
        em,
        `select o.id, o.name, o.partner_type as "partnerType",
                case when m.status = 'SIGNATORY' then 'MEMBER' else 'GUEST' end as basis
           from table_membership m join organisation o on o.id = m.organisation_id
          where m.table_id = $1 and m.status in ('SIGNATORY', 'GUEST') and o.active
            and m.since <= current_date and (m.until is null or m.until >= current_date)
          order by basis desc, o.name`,
        [tableId],
      );
      return { chairs, minuteTakers, organisations };
    });
  }

  /**
   * Runs work that may refuse a non-chair; the refusal is audited (`meeting.chair.denied`) in a
   * transaction of its own, since the work's transaction rolls back, and answered with a 403 problem.
   */
  async withChairRefusalAudit<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (!(error instanceof ChairOnlyRefusal)) {
        throw error;
      }
      await this.tx.run((em) =>
        this.audit.record(em, {
          action: 'meeting.chair.denied',
          outcome: 'DENIED',
          objectType: 'meeting',
          objectId: error.meetingId,
          processingActivityId: error.processingActivityId,
          details: { meetingId: error.meetingId, attempted: error.attempted },
        }),
      );
      throw new MeetingForbiddenError('meeting.chair_only', 'Only the chair of the meeting may do this.');
    }
  }

  private async staffUsers(
    em: EntityManager,
    tableId: string,
    roles: string[],
    zvhOnly: boolean,
  ): Promise<UserRef[]> {
    return queryRows<UserRef>(
      em,
      `select distinct u.id, u.display_name as "displayName", u.organisation_id as "organisationId"
         from user_table_role r join app_user u on u.id = r.user_id and u.active
         join organisation o on o.id = u.organisation_id
         join table_membership m on m.table_id = r.table_id and m.organisation_id = u.organisation_id
              and m.status in ('SIGNATORY', 'GUEST') and m.since <= current_date
              and (m.until is null or m.until >= current_date)
        where r.table_id = $1 and r.role = any($2) and ($3 = false or o.partner_type = 'ZVH')
        order by "displayName"`,
      [tableId, roles, zvhOnly],
    );
  }

  private async checkStaff(
    em: EntityManager,
    tableId: string,
    chairUserId: string,
    minuteTakerUserId: string | null,
  ): Promise<void> {
    const problems: FieldProblem[] = [];
    const chairs = await this.staffUsers(em, tableId, [...PLANNER_ROLES], false);
    if (!chairs.some((u) => u.id === chairUserId)) {
      problems.push({
        field: 'chairUserId',
        code: 'notAChair',
        message: 'is not a voorzitter or procesregisseur of the table',
      });
    }
    if (minuteTakerUserId !== null) {
      const takers = await this.staffUsers(em, tableId, [...CASE_ROLES], true);
      if (!takers.some((u) => u.id === minuteTakerUserId)) {
        problems.push({
          field: 'minuteTakerUserId',
          code: 'notAMinuteTaker',
          message: 'is not a user of the Zorg- en Veiligheidshuis with a case role at the table',
        });
      }
    }
    if (problems.length > 0) {
      throw new RequestValidationError(problems);
    }
  }

  private plansAt(actor: Actor, tableId: string): boolean {
    return this.plannerRole(actor, tableId) !== undefined && actor.permissions.has('meetings.plan');
  }

  private plannerRole(actor: Actor, tableId: string): string | undefined {
    return actor.tableRoles.find(
      (r) => r.tableId === tableId && (PLANNER_ROLES as readonly string[]).includes(r.role),
    )?.role;
  }

  private async users(em: EntityManager, ids: Array<string | null>): Promise<Map<string, UserRef>> {
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    const rows = await queryRows<UserRef>(
      em,
      'select id, display_name as "displayName", organisation_id as "organisationId" from app_user where id = any($1)',
      [wanted],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  private summary(
    row: MeetingRow,
    users: Map<string, UserRef>,
    itemCount: number,
    myRole: MeetingRole,
  ): MeetingSummaryDto {
    return {
      id: row.id,
      tableId: row.table_id,
      tableName: row.table_name,
      type: row.type,
      scheduledAt: new Date(row.scheduled_at).toISOString(),
      durationMinutes: row.duration_minutes,
      location: row.location,
      onlineLink: row.online_link,
      chair: users.get(row.chair_user_id) as UserRef,
      minuteTaker: row.minute_taker_user_id ? (users.get(row.minute_taker_user_id) ?? null) : null,
      status: row.status,
      itemCount,
      myRole,
      version: row.version,
    };
  }
}

function blankToNull(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
