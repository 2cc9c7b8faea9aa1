import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, ConflictError, NotFoundError } from '@casustafel/api/platform';
import {
  CASE_ROLES,
  type AnswerRightsTaskRequest,
  type MyRightsTaskDto,
  type RightsRequestStatus,
  type RightsRequestType,
  type RightsTaskStatus,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { taskRegions } from '../regions';

interface TaskRow {
  id: string;
  status: RightsTaskStatus;
  note: string | null;
  answered_at: Date | null;
  version: number;
  item_count: number;
  number: string;
  type: RightsRequestType;
  request_status: RightsRequestStatus;
  due_at: string;
  cases: Array<{ id: string; number: string }>;
}

/**
 * A joint controller's side of data-subject requests: the tasks of the user's organisation, with
 * the request's type, number and deadline and the matched cases the user takes part in — the case
 * number only, never the person's name or anything the user may not see — and completing a task
 * (done, nothing found, or refused with its ground).
 */
@Injectable()
export class RightsTasksService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  mine(actor: Actor): Promise<MyRightsTaskDto[]> {
    return this.tx.run(async (em) => {
      const result = await this.load(em, actor, null);
      await this.audit.record(em, {
        action: 'rights_task.list',
        objectType: 'rights_task',
        details: { returned: result.map((t) => t.id) },
      });
      return result;
    });
  }

  answer(actor: Actor, taskId: string, input: AnswerRightsTaskRequest): Promise<MyRightsTaskDto> {
    return this.tx.run(async (em) => {
      const regions = await taskRegions(em, actor);
      const rows = await queryRows<{
        status: RightsTaskStatus;
        version: number;
        request_id: string;
        request_status: RightsRequestStatus;
      }>(
        em,
        `select k.status, k.version, k.request_id, r.status as request_status
           from rights_task k join rights_request r on r.id = k.request_id
          where k.id = $1 and k.organisation_id = $2 and r.region_id = any($3::uuid[])
          for update of k`,
        [taskId, actor.organisationId, regions],
      );
      const row = rows[0];
      if (!row) {
        throw new NotFoundError('No such task.');
      }
      if (row.version !== input.version) {
        throw new ConflictError('The task was changed by someone else.');
      }
      if (row.status !== 'OPEN') {
        throw new ConflictError(`The task is ${row.status} already.`, 'rights_task.state');
      }
      if (row.request_status !== 'IN_BEHANDELING') {
        throw new ConflictError(`The request is ${row.request_status}.`, 'rights_request.closed');
      }
      await em.query(
        `update rights_task set status = $2, note = $3, answered_by = $4, answered_at = $5, version = version + 1
          where id = $1`,
        [taskId, input.status, input.note?.trim() || null, actor.userId, this.clock.now()],
      );
      await this.audit.record(em, {
        action: 'rights_task.answer',
        objectType: 'rights_task',
        objectId: taskId,
        details: { requestId: row.request_id, status: input.status },
      });
      const [task] = await this.load(em, actor, taskId);
      return task;
    });
  }

  /** The organisation's tasks (or one of them), open ones of running requests first, by deadline. */
  private async load(em: EntityManager, actor: Actor, taskId: string | null): Promise<MyRightsTaskDto[]> {
    const caseTables = [
      ...new Set(actor.tableRoles.filter((r) => CASE_ROLES.includes(r.role)).map((r) => r.tableId)),
    ];
    const regions = await taskRegions(em, actor);
    // Cases: those of the task that the organisation takes part in, at a table where the user holds
    // a case role (row-level security asks the same again).
    const rows = await queryRows<TaskRow>(
      em,
      `select k.id, k.status, k.note, k.answered_at, k.version, k.item_count, r.number, r.type,
              r.status as request_status, to_char(r.due_at, 'YYYY-MM-DD') as due_at,
              coalesce((select json_agg(json_build_object('id', c.id, 'number', c.number) order by c.number)
                          from casus c
                         where c.id = any(k.case_ids) and c.state <> 'VERNIETIGD' and c.table_id = any($3::uuid[])
                           and exists (select 1 from case_participant p
                                        where p.case_id = c.id and p.organisation_id = $1)), '[]') as cases
         from rights_task k
         join rights_request r on r.id = k.request_id
        where k.organisation_id = $1 and r.region_id = any($2::uuid[]) and ($4::uuid is null or k.id = $4)
        order by (k.status = 'OPEN' and r.status = 'IN_BEHANDELING') desc, r.due_at, r.number
        limit 200`,
      [actor.organisationId, regions, caseTables, taskId],
    );
    const today = this.clock.today();
    return rows.map((row) => ({
      id: row.id,
      status: row.status,
      note: row.note,
      answeredAt: row.answered_at?.toISOString() ?? null,
      version: row.version,
      itemCount: row.item_count,
      request: {
        number: row.number,
        type: row.type,
        status: row.request_status,
        dueAt: row.due_at,
        overdue: row.request_status === 'IN_BEHANDELING' && row.status === 'OPEN' && today > row.due_at,
      },
      cases: row.cases,
    }));
  }
}
