import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, ConflictError, NotFoundError, RequestValidationError } from '@casustafel/api/platform';
import type {
  CreateInformationRequestRequest,
  DataCategory,
  InformationRequestOverviewDto,
  InformationRequestState,
  MembershipStatus,
  PartnerType,
} from '@casustafel/shared/contracts';
import { hasRoleAt, MANAGER_ROLES, tableRoleRule, WRITER_ROLES } from '../case-roles';

/**
 * Information requests (bevraging): the case manager asks a partner for information in some
 * categories by a date. The partner answers with case items (they become the partner's own items)
 * or declines with a reason. Overdue is derived from the date.
 */
@Injectable()
export class InformationRequestsService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  /**
   * The open requests of the actor's dashboard: SENT for the tables where the actor manages cases,
   * RECEIVED for the actor's organisation at tables where the actor works on cases. One statement,
   * read through RLS (only cases the organisation takes part in); no question text, no content.
   * Overdue first. The returned ids are audited.
   */
  overview(actor: Actor): Promise<InformationRequestOverviewDto[]> {
    const tablesWhere = (roles: string[]) => [
      ...new Set(actor.tableRoles.filter((r) => roles.includes(r.role)).map((r) => r.tableId)),
    ];
    const managed = tablesWhere(MANAGER_ROLES);
    const working = tablesWhere(WRITER_ROLES);
    const today = this.clock.today();
    return this.tx.run(async (em) => {
      const rows: Array<{
        id: string;
        received: boolean;
        case_id: string;
        number: string;
        table_name: string;
        to_id: string;
        to_name: string;
        to_type: PartnerType;
        categories: DataCategory[];
        due_at: string;
        state: InformationRequestState;
      }> = await em.query(
        `select r.id, r.to_organisation_id = $1 and c.table_id = any($3::uuid[]) as received, r.case_id, c.number,
                t.name as table_name, o.id as to_id, o.name as to_name, o.partner_type as to_type, r.categories,
                to_char(r.due_at, 'YYYY-MM-DD') as due_at, r.state
           from information_request r
           join casus c on c.id = r.case_id
           join case_table t on t.id = c.table_id
           join organisation o on o.id = r.to_organisation_id
          where r.state = 'OPEN' and c.state not in ('AFGESLOTEN', 'VERNIETIGD')
            and (c.table_id = any($2::uuid[]) or (r.to_organisation_id = $1 and c.table_id = any($3::uuid[])))
          order by r.due_at, c.number
          limit 200`,
        [actor.organisationId, managed, working],
      );
      const result: InformationRequestOverviewDto[] = rows.map((r) => ({
        id: r.id,
        direction: r.received ? 'RECEIVED' : 'SENT',
        caseId: r.case_id,
        caseNumber: r.number,
        tableName: r.table_name,
        to: { id: r.to_id, name: r.to_name, partnerType: r.to_type },
        categories: r.categories,
        dueAt: r.due_at,
        state: r.state,
        overdue: r.due_at < today,
      }));
      await this.audit.record(em, {
        action: 'information_request.list',
        objectType: 'information_request',
        subjects: { cases: result.map((r) => r.caseId) },
        details: { returned: result.map((r) => r.id) },
      });
      return result;
    });
  }

  create(actor: Actor, caseId: string, input: CreateInformationRequestRequest): Promise<{ id: string }> {
    const today = this.clock.today();
    if (input.dueAt < today) {
      throw new RequestValidationError([
        { field: 'dueAt', code: 'inThePast', message: 'the deadline cannot be in the past' },
      ]);
    }
    return this.tx.run(async (em) => {
      const cases: Array<{ table_id: string }> = await em.query(
        `select table_id from casus where id = $1 and state not in ('AFGESLOTEN', 'VERNIETIGD')`,
        [caseId],
      );
      const tableId = cases[0]?.table_id;
      if (!tableId || !hasRoleAt(actor, tableId, ...MANAGER_ROLES)) {
        throw new NotFoundError('No such case.');
      }
      const membership: Array<{ status: MembershipStatus }> = await em.query(
        'select status from table_membership where table_id = $1 and organisation_id = $2',
        [tableId, input.toOrganisationId],
      );
      const status = membership[0]?.status;
      if (status !== 'SIGNATORY' && status !== 'GUEST') {
        throw new RequestValidationError([
          {
            field: 'toOrganisationId',
            code: 'notAtTable',
            message: 'ask a partner (signatory or guest) of this table',
          },
        ]);
      }
      const now = this.clock.now();
      // The asked partner takes part from now on, so it can read the request and answer it.
      await em.query(
        `insert into case_participant (case_id, organisation_id, basis, since, added_by) values ($1, $2, $3, $4, $5)
         on conflict (case_id, organisation_id) do nothing`,
        [caseId, input.toOrganisationId, status === 'SIGNATORY' ? 'MEMBER' : 'GUEST', now, actor.userId],
      );
      const id = randomUUID();
      await em.query(
        `insert into information_request (id, case_id, to_organisation_id, question, categories, due_at, state,
           requested_by, requested_at)
         values ($1, $2, $3, $4, $5, $6, 'OPEN', $7, $8)`,
        [
          id,
          caseId,
          input.toOrganisationId,
          input.question.trim(),
          input.categories,
          input.dueAt,
          actor.userId,
          now,
        ],
      );
      await this.audit.record(em, {
        action: 'information_request.create',
        objectType: 'information_request',
        objectId: id,
        subjects: { cases: [caseId] },
        authorisationRule: tableRoleRule(actor, tableId, MANAGER_ROLES),
        details: { caseId, to: input.toOrganisationId, categories: input.categories, dueAt: input.dueAt },
      });
      return { id };
    });
  }

  decline(actor: Actor, caseId: string, requestId: string, reason: string): Promise<void> {
    return this.tx.run(async (em) => {
      const rows = await queryRows<{ state: string; table_id: string }>(
        em,
        `select r.state, c.table_id from information_request r join casus c on c.id = r.case_id
          where r.id = $1 and r.case_id = $2 and r.to_organisation_id = $3 and c.state <> 'VERNIETIGD' for update of r`,
        [requestId, caseId, actor.organisationId],
      );
      if (!rows[0] || !hasRoleAt(actor, rows[0].table_id, ...WRITER_ROLES)) {
        throw new NotFoundError('No such information request.');
      }
      if (rows[0].state !== 'OPEN') {
        throw new ConflictError(`The request is ${rows[0].state} already.`, 'information_request.state');
      }
      await em.query(
        `update information_request set state = 'DECLINED', decline_reason = $2, answered_at = $3, answered_by = $4 where id = $1`,
        [requestId, reason.trim(), this.clock.now(), actor.userId],
      );
      await this.audit.record(em, {
        action: 'information_request.decline',
        objectType: 'information_request',
        objectId: requestId,
        subjects: { cases: [caseId] },
        authorisationRule: tableRoleRule(actor, rows[0].table_id, WRITER_ROLES),
        details: { caseId },
      });
    });
  }
}
