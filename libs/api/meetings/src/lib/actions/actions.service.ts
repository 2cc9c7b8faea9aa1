import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import {
  Actor,
  Clock,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  RequestValidationError,
} from '@casustafel/api/platform';
import type {
  ActionDto,
  ActionScope,
  ActionStatus,
  UpdateActionStatusRequest,
} from '@casustafel/shared/contracts';
import { appendMeetingEvent, type StoredMeetingEvent } from '../events/meeting-events';
import { LivePublisher } from '../events/live-publisher';
import { ACTION_FROM, actionVisible, toActionDto } from '../live/action-dto';
import {
  ACTION_STATUS_COLUMNS,
  ACTION_VISIBLE,
  FINAL_ACTION_STATUSES,
  mayCancel,
  type ActionStatusRow,
} from './action-view';

/** Which status may follow which (DOMAIN.md b.2 Action). */
const NEXT: Record<ActionStatus, readonly ActionStatus[]> = {
  OPEN: ['IN_UITVOERING', 'NIET_UITGEVOERD', 'VERVALLEN'],
  IN_UITVOERING: ['AFGEROND', 'NIET_UITGEVOERD', 'VERVALLEN'],
  AFGEROND: [],
  NIET_UITGEVOERD: [],
  VERVALLEN: [],
};

type Outcome =
  | { kind: 'ok'; dto: ActionDto; event?: StoredMeetingEvent }
  | { kind: 'forbidden'; message: string };

/**
 * Partner-owned actions (DOMAIN.md b.1 Action, b.2): "Mijn acties" and status changes. Visibility
 * is the one access policy (C3, owners = author and owner organisation); the owner organisation
 * works on an action (OPEN → IN_UITVOERING → AFGEROND, or NIET_UITGEVOERD with a reason), the
 * meeting's chair or a procesregisseur / voorzitter of the table may cancel it (VERVALLEN).
 * A change of an action of a meeting appends ACTION_CHANGED to the meeting's event log in the
 * same transaction and is pushed after commit.
 */
@Injectable()
export class ActionsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    private readonly publisher: LivePublisher,
  ) {}

  list(actor: Actor, scope: ActionScope = 'mine', statuses: ActionStatus[] = []): Promise<ActionDto[]> {
    return this.tx.run(async (em) => {
      const rows = await queryRows<ActionStatusRow>(
        em,
        `select ${ACTION_STATUS_COLUMNS} from ${ACTION_FROM}
          where a.owner_organisation_id = $1
            and ($2 = 'organisation' or a.owner_user_id = $3 or a.owner_user_id is null)
            and (cardinality($4::text[]) = 0 or a.status = any ($4::text[]))
            and ${ACTION_VISIBLE}
          order by a.due_date, c.number, a.id`,
        [actor.organisationId, scope, actor.userId, statuses],
      );
      const cases = [...new Set(rows.map((r) => r.case_id))];
      await this.audit.record(em, {
        action: 'action.read',
        objectType: 'case_action',
        subjects: cases.length > 0 ? { cases } : undefined,
        category: 'C3',
        authorisationRule: 'OWN_ORGANISATION',
        details: { scope, count: rows.length, statuses: statuses.length > 0 ? statuses : null },
      });
      const today = this.clock.today();
      return rows.map((row) => this.dto(actor, row, today));
    });
  }

  async updateStatus(actor: Actor, id: string, input: UpdateActionStatusRequest): Promise<ActionDto> {
    if (input.status === 'NIET_UITGEVOERD' && !input.notDoneReason) {
      throw new RequestValidationError([
        { field: 'notDoneReason', code: 'required', message: 'a reason is required for NIET_UITGEVOERD' },
      ]);
    }
    const outcome = await this.tx.run<Outcome>(async (em) => {
      const rows = await queryRows<ActionStatusRow>(
        em,
        `select ${ACTION_STATUS_COLUMNS} from ${ACTION_FROM} where a.id = $1`,
        [id],
      );
      const row = rows[0] && actionVisible(rows[0]) ? rows[0] : undefined;
      if (!row) {
        throw new NotFoundError('No such action.');
      }
      const cancelling = input.status === 'VERVALLEN';
      const allowed = cancelling ? mayCancel(actor, row) : row.owner_organisation_id === actor.organisationId;
      if (!allowed) {
        // They can see the action, so it is no secret that it exists: a refusal, audited.
        await this.audit.record(em, {
          action: cancelling ? 'meeting.chair.denied' : 'action.status',
          outcome: 'DENIED',
          objectType: 'case_action',
          objectId: id,
          subjects: { cases: [row.case_id] },
          category: 'C3',
          details: { status: input.status, meetingId: row.meeting_id },
        });
        return {
          kind: 'forbidden',
          message: cancelling
            ? 'Only the chair of the meeting or a procesregisseur or voorzitter of the table can cancel an action.'
            : 'Only the owner organisation works on this action.',
        };
      }
      // Row-level security lets only those who may change it lock the row.
      const locked = await queryRows<Pick<ActionStatusRow, 'status' | 'version'>>(
        em,
        'select status, version from case_action where id = $1 for update',
        [id],
      );
      if (!locked[0]) {
        throw new NotFoundError('No such action.');
      }
      Object.assign(row, locked[0]);
      if (FINAL_ACTION_STATUSES.includes(row.status)) {
        throw new ConflictError('The action is finished; its status is final.', 'action.final');
      }
      if (row.version !== input.version) {
        throw new ConflictError('The action was changed by someone else; reload and try again.');
      }
      if (!NEXT[row.status].includes(input.status)) {
        throw new ConflictError(
          `An action cannot go from ${row.status} to ${input.status}.`,
          'action.transition',
        );
      }
      const now = this.clock.now();
      const note = input.note?.trim() ? input.note.trim() : null;
      await em.query(
        `update case_action set status = $2, not_done_reason = $3, status_note = coalesce($4, status_note),
           updated_at = $5, version = version + 1 where id = $1`,
        [id, input.status, input.status === 'NIET_UITGEVOERD' ? input.notDoneReason : null, note, now],
      );
      let event: StoredMeetingEvent | undefined;
      if (row.meeting_id) {
        event = await appendMeetingEvent(em, {
          meetingId: row.meeting_id,
          type: 'ACTION_CHANGED',
          agendaItemId: row.agenda_item_id,
          refId: id,
          data: { status: input.status },
          actor,
          occurredAt: now,
        });
      }
      await this.audit.record(em, {
        action: 'action.status',
        objectType: 'case_action',
        objectId: id,
        subjects: { cases: [row.case_id] },
        category: 'C3',
        authorisationRule: cancelling ? 'MEETING_CHAIR_OR_PLANNER' : 'OWN_ORGANISATION',
        details: {
          caseId: row.case_id,
          from: row.status,
          to: input.status,
          notDoneReason: input.status === 'NIET_UITGEVOERD' ? (input.notDoneReason ?? null) : null,
          meetingId: row.meeting_id,
        },
      });
      const updated = await queryRows<ActionStatusRow>(
        em,
        `select ${ACTION_STATUS_COLUMNS} from ${ACTION_FROM} where a.id = $1`,
        [id],
      );
      return { kind: 'ok', dto: this.dto(actor, updated[0], this.clock.today()), event };
    });
    if (outcome.kind === 'forbidden') {
      throw new ForbiddenError(outcome.message);
    }
    // Persist first, then push (DESIGN-NOTES §4).
    if (outcome.event) {
      this.publisher.published([outcome.event]);
    }
    return outcome.dto;
  }

  private dto(actor: Actor, row: ActionStatusRow, today: string): ActionDto {
    return toActionDto(row, {
      organisationId: actor.organisationId,
      today,
      mayCancel: mayCancel(actor, row),
    });
  }
}
