import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, ConflictError, NotFoundError, RequestValidationError } from '@casustafel/api/platform';
import {
  INFORMING_REASON_CODES,
  type CaseInformingDto,
  type CaseState,
  type DeferralReason,
  type InformingEntryDto,
  type InformingReasonCode,
  type InformingReviewDto,
  type InformingStatus,
  type OrganisationRef,
  type PutInformingRequest,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { assertOpenState, isOpenState, visibleCase } from '../case-lookup';
import { hasRoleAt, MANAGER_ROLES } from '../case-roles';

type FieldProblem = { field: string; code: string; message: string };

/**
 * Informing the person (DOMAIN.md §2.5, scenario 10): informed, deferred (with a reason and a
 * review date) or not informed (with the legal exception). Each change is a new row (history);
 * the latest counts, and a change names the version it replaces (409 when stale). Those who manage
 * the case change it; everyone who sees the case reads it. On the review date the deferral shows
 * on the manager's dashboard (`reviewsDue`). Audited with codes and dates only, never the text.
 */
@Injectable()
export class InformingService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  get(actor: Actor, caseId: string): Promise<CaseInformingDto> {
    return this.tx.run(async (em) => {
      const c = await visibleCase(em, caseId);
      const history = await this.history(em, caseId);
      await this.audit.record(em, {
        action: 'case.informing.read',
        objectType: 'case',
        objectId: caseId,
        details: { entries: history.length },
      });
      return this.toDto(actor, c, history);
    });
  }

  put(actor: Actor, caseId: string, input: PutInformingRequest): Promise<CaseInformingDto> {
    const entry = this.validate(input);
    return this.tx.run(async (em) => {
      const c = await visibleCase(em, caseId, true);
      if (!hasRoleAt(actor, c.table_id, ...MANAGER_ROLES)) {
        throw new NotFoundError('No such case.');
      }
      assertOpenState(c.state);
      const current = await queryRows<{ seq: number; status: InformingStatus }>(
        em,
        'select seq, status from case_informing where case_id = $1 order by seq desc limit 1',
        [caseId],
      );
      const version = current[0]?.seq ?? 0;
      if (version !== input.version) {
        throw new ConflictError('The informing status was changed by someone else; reload and try again.');
      }
      const now = this.clock.now();
      await em.query(
        `insert into case_informing (id, case_id, seq, status, reason_code, reason, review_at, set_by,
           set_organisation_id, set_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          randomUUID(),
          caseId,
          version + 1,
          input.status,
          entry.reasonCode,
          entry.reason,
          entry.reviewAt,
          actor.userId,
          actor.organisationId,
          now,
        ],
      );
      await em.query('update casus set updated_at = $2 where id = $1', [caseId, now]);
      await this.audit.record(em, {
        action: 'case.informing.set',
        objectType: 'case',
        objectId: caseId,
        details: {
          status: input.status,
          reasonCode: entry.reasonCode,
          reviewAt: entry.reviewAt,
          previous: current[0]?.status ?? null,
          version: version + 1,
        },
      });
      return this.toDto(actor, c, await this.history(em, caseId));
    });
  }

  /**
   * The reminders of the signed-in user: cases at the tables they manage whose current status is
   * DEFERRED with a review date of today or earlier (open cases only, read through RLS). Codes and
   * dates only. The returned case ids are audited.
   */
  reviewsDue(actor: Actor): Promise<InformingReviewDto[]> {
    const managed = [
      ...new Set(actor.tableRoles.filter((r) => MANAGER_ROLES.includes(r.role)).map((r) => r.tableId)),
    ];
    const today = this.clock.today();
    return this.tx.run(async (em) => {
      const rows = await queryRows<{
        case_id: string;
        number: string;
        table_name: string;
        reason_code: DeferralReason;
        review_at: string;
      }>(
        em,
        `select c.id as case_id, c.number, t.name as table_name, x.reason_code, to_char(x.review_at, 'YYYY-MM-DD') as review_at
           from casus c
           join case_table t on t.id = c.table_id
           cross join lateral (select i.status, i.reason_code, i.review_at from case_informing i
                               where i.case_id = c.id order by i.seq desc limit 1) x
          where c.table_id = any($1::uuid[]) and c.state not in ('AFGESLOTEN', 'VERNIETIGD')
            and x.status = 'DEFERRED' and x.review_at <= $2::date
          order by x.review_at, c.number
          limit 200`,
        [managed, today],
      );
      const result = rows.map(
        (r): InformingReviewDto => ({
          caseId: r.case_id,
          caseNumber: r.number,
          tableName: r.table_name,
          reasonCode: r.reason_code,
          reviewAt: r.review_at,
          overdue: r.review_at < today,
        }),
      );
      await this.audit.record(em, {
        action: 'case.informing.reviews',
        objectType: 'case',
        details: { returned: result.map((r) => r.caseId) },
        subjects: { cases: result.map((r) => r.caseId) },
      });
      return result;
    });
  }

  /** The rules per status, every broken one named (400). */
  private validate(input: PutInformingRequest): {
    reasonCode: InformingReasonCode | null;
    reason: string | null;
    reviewAt: string | null;
  } {
    const problems: FieldProblem[] = [];
    const codes = INFORMING_REASON_CODES[input.status];
    const reasonCode = input.reasonCode ?? null;
    const reason = input.reason?.trim() || null;
    const reviewAt = input.reviewAt ?? null;
    if (codes.length === 0 && reasonCode !== null) {
      problems.push({
        field: 'reasonCode',
        code: 'notForStatus',
        message: `no reason code with ${input.status}`,
      });
    } else if (codes.length > 0 && (reasonCode === null || !codes.includes(reasonCode))) {
      problems.push({
        field: 'reasonCode',
        code: reasonCode === null ? 'reasonCodeRequired' : 'notForStatus',
        message: `choose one of ${codes.join(', ')}`,
      });
    }
    if (reasonCode === 'ANDERS' && reason === null) {
      problems.push({ field: 'reason', code: 'reasonRequired', message: 'describe the reason' });
    }
    if (input.status === 'DEFERRED') {
      if (reviewAt === null) {
        problems.push({
          field: 'reviewAt',
          code: 'reviewDateRequired',
          message: 'give a date to review the deferral',
        });
      } else if (reviewAt < this.clock.today()) {
        problems.push({
          field: 'reviewAt',
          code: 'inThePast',
          message: 'the review date cannot be in the past',
        });
      }
    } else if (reviewAt !== null) {
      problems.push({
        field: 'reviewAt',
        code: 'onlyWhenDeferred',
        message: 'a review date goes with DEFERRED only',
      });
    }
    if (problems.length > 0) {
      throw new RequestValidationError(problems);
    }
    return { reasonCode, reason, reviewAt };
  }

  private history(em: EntityManager, caseId: string): Promise<InformingEntryDto[]> {
    return queryRows<{
      id: string;
      status: InformingStatus;
      reason_code: InformingReasonCode | null;
      reason: string | null;
      review_at: string | null;
      set_by: string;
      organisation: OrganisationRef;
      set_at: Date;
      seq: number;
    }>(
      em,
      `select i.id, i.status, i.reason_code, i.reason, to_char(i.review_at, 'YYYY-MM-DD') as review_at,
              u.display_name as set_by, i.set_at, i.seq,
              jsonb_build_object('id', o.id, 'name', o.name, 'partnerType', o.partner_type) as organisation
         from case_informing i
         join app_user u on u.id = i.set_by
         join organisation o on o.id = i.set_organisation_id
        where i.case_id = $1
        order by i.seq desc`,
      [caseId],
    ).then((rows) =>
      rows.map((r) => ({
        id: r.id,
        status: r.status,
        reasonCode: r.reason_code,
        reason: r.reason,
        reviewAt: r.review_at,
        setBy: r.set_by,
        setByOrganisation: r.organisation,
        setAt: r.set_at.toISOString(),
        version: r.seq,
      })),
    );
  }

  private toDto(
    actor: Actor,
    c: { table_id: string; state: CaseState },
    history: InformingEntryDto[],
  ): CaseInformingDto {
    const current = history[0] ?? null;
    return {
      current,
      history,
      version: current?.version ?? 0,
      reviewDue:
        current?.status === 'DEFERRED' && current.reviewAt !== null && current.reviewAt <= this.clock.today(),
      canChange:
        isOpenState(c.state) &&
        hasRoleAt(actor, c.table_id, ...MANAGER_ROLES) &&
        actor.permissions.has('cases.manage'),
    };
  }
}
