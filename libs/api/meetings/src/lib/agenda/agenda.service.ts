import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, ConflictError, NotFoundError, RequestValidationError } from '@casustafel/api/platform';
import type { MeetingDetailDto, ParticipationBasis } from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { LivePublisher } from '../events/live-publisher';
import { appendMeetingEvent, type StoredMeetingEvent } from '../events/meeting-events';
import { loadMeeting, mayPlan, type LoadedMeeting } from '../meetings/meeting-access';
import { MeetingForbiddenError } from '../meetings/meeting-errors';
import { PLANNING_STATUSES } from '../meetings/meeting-detail';
import { MeetingsService } from '../meetings/meetings.service';
import type { AddAgendaItemDto, UpdateAgendaItemDto } from './agenda.dto';

/**
 * The agenda of a meeting: items for cases of the meeting's table that the planner's organisation
 * takes part in, each with invited organisations (every one a participant of the case; basis
 * MEMBER for a signatory of the table, GUEST otherwise), in order. Planners and the chair change
 * it while the meeting is planned; the chair also while it is live. Every change is an
 * AGENDA_CHANGED event, pushed after commit.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly publisher: LivePublisher,
    private readonly meetings: MeetingsService,
  ) {}

  async add(actor: Actor, meetingId: string, input: AddAgendaItemDto): Promise<MeetingDetailDto> {
    const result = await this.tx.run(async (em) => {
      const meeting = await this.forChange(em, actor, meetingId);
      const cases = await queryRows<{ table_id: string }>(
        em,
        `select table_id from casus where id = $1 and state not in ('AFGESLOTEN', 'VERNIETIGD')`,
        [input.caseId],
      );
      if (!cases[0] || cases[0].table_id !== meeting.row.table_id) {
        throw new RequestValidationError([
          {
            field: 'caseId',
            code: 'unknownCase',
            message: 'is not an open case of this table that you take part in',
          },
        ]);
      }
      const already = await queryRows(
        em,
        'select 1 from agenda_item where meeting_id = $1 and case_id = $2',
        [meetingId, input.caseId],
      );
      if (already.length > 0) {
        throw new RequestValidationError([
          { field: 'caseId', code: 'alreadyOnAgenda', message: 'the case is already on this agenda' },
        ]);
      }
      const invitees = await this.invitees(em, meeting, input.caseId, input.invitedOrganisationIds);
      const now = this.clock.now();
      const itemId = randomUUID();
      await em.query(
        `insert into agenda_item (id, meeting_id, case_id, position, timebox_minutes, created_at)
         values ($5, $1, $2, (select count(*) from agenda_item where meeting_id = $1), $3, $4)`,
        [meetingId, input.caseId, input.timeboxMinutes, now, itemId],
      );
      await this.writeInvitees(em, itemId, invitees);
      return this.changed(em, actor, meeting, 'meeting.agenda.add', itemId, input.caseId, now, {
        invited: invitees.length,
      });
    });
    this.publisher.published([result.event]);
    return this.meetings.get(actor, meetingId);
  }

  async update(
    actor: Actor,
    meetingId: string,
    itemId: string,
    input: UpdateAgendaItemDto,
  ): Promise<MeetingDetailDto> {
    const result = await this.tx.run(async (em) => {
      const meeting = await this.forChange(em, actor, meetingId);
      const item = await this.item(em, meetingId, itemId);
      const invitees = await this.invitees(em, meeting, item.case_id, input.invitedOrganisationIds);
      await em.query('update agenda_item set timebox_minutes = $2 where id = $1', [
        itemId,
        input.timeboxMinutes,
      ]);
      await em.query('delete from agenda_invitee where agenda_item_id = $1', [itemId]);
      await this.writeInvitees(em, itemId, invitees);
      await this.reorder(em, meetingId, itemId, input.order - 1);
      return this.changed(
        em,
        actor,
        meeting,
        'meeting.agenda.update',
        itemId,
        item.case_id,
        this.clock.now(),
        {
          invited: invitees.length,
          order: input.order,
        },
      );
    });
    this.publisher.published([result.event]);
    return this.meetings.get(actor, meetingId);
  }

  async remove(actor: Actor, meetingId: string, itemId: string): Promise<MeetingDetailDto> {
    const result = await this.tx.run(async (em) => {
      const meeting = await this.forChange(em, actor, meetingId);
      const item = await this.item(em, meetingId, itemId);
      // What was said and decided at an item stays with the meeting: such an item is not removed.
      const recorded = await queryRows(
        em,
        `select 1 from meeting_decision where agenda_item_id = $1
         union all select 1 from case_action where agenda_item_id = $1
         union all select 1 from meeting_event where agenda_item_id = $1 and type = 'NOTE_ADDED' limit 1`,
        [itemId],
      );
      if (recorded.length > 0) {
        throw new ConflictError(
          'Notes, decisions or actions were recorded at this item; it stays on the agenda.',
          'meeting.item_has_records',
        );
      }
      await em.query('delete from agenda_item where id = $1', [itemId]);
      await em.query(
        `update agenda_item a set position = x.n - 1
           from (select id, row_number() over (order by position) as n from agenda_item where meeting_id = $1) x
          where a.id = x.id`,
        [meetingId],
      );
      return this.changed(
        em,
        actor,
        meeting,
        'meeting.agenda.remove',
        itemId,
        item.case_id,
        this.clock.now(),
        {},
      );
    });
    this.publisher.published([result.event]);
    return this.meetings.get(actor, meetingId);
  }

  /** The meeting, locked, if the actor may change its agenda now. */
  private async forChange(em: EntityManager, actor: Actor, meetingId: string): Promise<LoadedMeeting> {
    const meeting = await loadMeeting(em, actor, meetingId, true);
    if (!mayPlan(meeting.relation)) {
      throw new MeetingForbiddenError(
        'meeting.plan_only',
        'Only the chair or a planner of the table changes the agenda.',
      );
    }
    const open =
      PLANNING_STATUSES.includes(meeting.row.status) ||
      (meeting.row.status === 'LIVE' && meeting.relation.chair);
    if (!open) {
      throw new ConflictError(
        'The agenda of this meeting can no longer be changed.',
        'meeting.agenda_closed',
      );
    }
    return meeting;
  }

  private async item(em: EntityManager, meetingId: string, itemId: string): Promise<{ case_id: string }> {
    const rows = await queryRows<{ case_id: string }>(
      em,
      'select case_id from agenda_item where id = $1 and meeting_id = $2',
      [itemId, meetingId],
    );
    if (!rows[0]) {
      throw new NotFoundError('No such agenda item.');
    }
    return rows[0];
  }

  /** Every invited organisation takes part in the case; its basis follows its covenant at the table. */
  private async invitees(
    em: EntityManager,
    meeting: LoadedMeeting,
    caseId: string,
    organisationIds: string[],
  ): Promise<Array<{ organisationId: string; basis: ParticipationBasis }>> {
    const rows = await queryRows<{ organisation_id: string; basis: ParticipationBasis }>(
      em,
      `select p.organisation_id,
              case when exists (select 1 from table_membership m where m.table_id = $3
                                  and m.organisation_id = p.organisation_id and m.status = 'SIGNATORY'
                                  and m.since <= current_date and (m.until is null or m.until >= current_date))
                   then 'MEMBER' else 'GUEST' end as basis
         from case_participant p where p.case_id = $1 and p.organisation_id = any($2)`,
      [caseId, organisationIds, meeting.row.table_id],
    );
    if (rows.length !== organisationIds.length) {
      const missing = organisationIds.filter((id) => !rows.some((r) => r.organisation_id === id));
      throw new RequestValidationError([
        {
          field: 'invitedOrganisationIds',
          code: 'notAParticipant',
          message: `${missing.length} of the organisations do not take part in the case`,
        },
      ]);
    }
    return rows.map((r) => ({ organisationId: r.organisation_id, basis: r.basis }));
  }

  private async writeInvitees(
    em: EntityManager,
    itemId: string,
    invitees: Array<{ organisationId: string; basis: ParticipationBasis }>,
  ): Promise<void> {
    await em.query(
      `insert into agenda_invitee (agenda_item_id, organisation_id, basis)
       select $1, o, b from unnest($2::uuid[], $3::text[]) as x(o, b)`,
      [itemId, invitees.map((i) => i.organisationId), invitees.map((i) => i.basis)],
    );
  }

  /** Moves the item to `index` (clamped) and numbers the agenda 0..n-1. */
  private async reorder(em: EntityManager, meetingId: string, itemId: string, index: number): Promise<void> {
    const rows = await queryRows<{ id: string }>(
      em,
      'select id from agenda_item where meeting_id = $1 order by position, created_at',
      [meetingId],
    );
    const ids = rows.map((r) => r.id).filter((id) => id !== itemId);
    ids.splice(Math.min(Math.max(index, 0), ids.length), 0, itemId);
    await em.query(
      `update agenda_item a set position = x.n - 1 from unnest($1::uuid[]) with ordinality as x(id, n) where a.id = x.id`,
      [ids],
    );
  }

  private async changed(
    em: EntityManager,
    actor: Actor,
    meeting: LoadedMeeting,
    action: string,
    itemId: string,
    caseId: string,
    now: Date,
    details: Record<string, number>,
  ): Promise<{ event: StoredMeetingEvent }> {
    await em.query('update meeting set updated_at = $2 where id = $1', [meeting.row.id, now]);
    const event = await appendMeetingEvent(em, {
      meetingId: meeting.row.id,
      type: 'AGENDA_CHANGED',
      agendaItemId: action === 'meeting.agenda.remove' ? null : itemId,
      data: { change: action.slice('meeting.agenda.'.length) },
      actor,
      occurredAt: now,
    });
    await this.audit.record(em, {
      action,
      objectType: 'agenda_item',
      objectId: itemId,
      subjects: { cases: [caseId] },
      authorisationRule: meeting.relation.chair ? 'MEETING:CHAIR' : 'MEETING:PLANNER',
      processingActivityId: meeting.row.processing_activity_id,
      details: { meetingId: meeting.row.id, caseId, ...details },
    });
    return { event };
  }
}
