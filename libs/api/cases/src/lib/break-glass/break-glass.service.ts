import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import {
  Actor,
  APP_CONFIG,
  type AppConfig,
  Clock,
  ConflictError,
  NotFoundError,
  RequestValidationError,
} from '@casustafel/api/platform';
import type {
  BreakGlassGrantDto,
  BreakGlassOutcome,
  BreakGlassReviewDto,
  CaseState,
  DataCategory,
  PartnerType,
  ReviewBreakGlassRequest,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { isOpenState } from '../case-lookup';
import { hasRoleAt } from '../case-roles';

interface ReviewRow {
  id: string;
  case_id: string;
  case_number: string;
  table_name: string;
  item_id: string;
  category: DataCategory;
  user_name: string;
  organisation_name: string;
  partner_type: PartnerType;
  reason: string;
  opened_at: Date;
  expires_at: Date;
  review_outcome: BreakGlassOutcome | null;
  review_note: string | null;
  reviewed_by_name: string | null;
  reviewed_at: Date | null;
  version: number;
}

type Opening = { grant: BreakGlassGrantDto } | { denied: 'NOT_FOUND' | 'ALREADY_VISIBLE' | 'CASE_CLOSED' };

/**
 * Break-the-glass (noodknop; DOMAIN.md §2.7, b.3; ADR 0020). The procesregisseur of a case opens
 * one item the policy shows them only as a summary (or not at all) with a written reason; for
 * BREAK_GLASS_MINUTES the policy (cst_access) shows it to them in full, every read under it is
 * audited with the break-glass flag, and the FG/auditor of the table reviews each opening. Embargo
 * is not broken: an embargoed item of others is "not found". Nobody else can open anything.
 */
@Injectable()
export class BreakGlassService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async open(actor: Actor, caseId: string, itemId: string, reason: string): Promise<BreakGlassGrantDto> {
    const opening = await this.tx.run((em) => this.tryOpen(em, actor, caseId, itemId, reason.trim()));
    if ('grant' in opening) {
      return opening.grant;
    }
    if (opening.denied === 'ALREADY_VISIBLE') {
      throw new ConflictError('You already see this item in full.');
    }
    if (opening.denied === 'CASE_CLOSED') {
      throw new ConflictError('The case is closed; reopen it before opening an item.');
    }
    throw new NotFoundError('No such item.');
  }

  /** The opening, or why not; a refusal is audited too (its transaction commits, nothing else changes). */
  private async tryOpen(
    em: EntityManager,
    actor: Actor,
    caseId: string,
    itemId: string,
    reason: string,
  ): Promise<Opening> {
    const c = await queryRows<{ table_id: string; state: CaseState; processing_activity_id: string }>(
      em,
      `select c.table_id, c.state, t.processing_activity_id from casus c join case_table t on t.id = c.table_id
        where c.id = $1 and c.state <> 'VERNIETIGD'`,
      [caseId],
    );
    const target = c[0] && hasRoleAt(actor, c[0].table_id, 'PROCESREGISSEUR') ? c[0] : undefined;
    // Row-level security hides embargoed items of others: those are "not found", as intended.
    const items = target
      ? await queryRows<{ category: DataCategory; access: string }>(
          em,
          `select category, cst_access(case_id, category, sensitivity, array[author_organisation_id], id) as access
             from case_item where id = $1 and case_id = $2`,
          [itemId, caseId],
        )
      : [];
    const item = items[0];
    const denied =
      !target || !item
        ? 'NOT_FOUND'
        : item.access.startsWith('FULL')
          ? 'ALREADY_VISIBLE'
          : !isOpenState(target.state)
            ? 'CASE_CLOSED'
            : undefined;
    if (denied) {
      await this.audit.record(em, {
        action: 'case.break_glass.open',
        outcome: 'DENIED',
        objectType: 'case_item',
        objectId: itemId,
        subjects: { cases: [caseId] },
        category: item?.category,
        breakGlass: true,
        details: { caseId, itemId, refusal: denied },
      });
      return { denied };
    }
    const id = randomUUID();
    const openedAt = this.clock.now();
    const expiresAt = new Date(openedAt.getTime() + this.config.access.breakGlassMs);
    await em.query(
      `insert into break_glass (id, case_id, item_id, category, user_id, organisation_id, reason, opened_at, expires_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, caseId, itemId, item.category, actor.userId, actor.organisationId, reason, openedAt, expiresAt],
    );
    await this.audit.record(em, {
      action: 'case.break_glass.open',
      objectType: 'break_glass',
      objectId: id,
      subjects: { cases: [caseId] },
      category: item.category,
      authorisationRule: 'TABLE_ROLE:PROCESREGISSEUR',
      breakGlass: true,
      processingActivityId: target?.processing_activity_id,
      // Never the reason: free text stays out of the log (the FG reads it in the queue).
      details: { caseId, itemId, minutes: Math.round(this.config.access.breakGlassMs / 60_000) },
    });
    return {
      grant: { id, caseId, itemId, openedAt: openedAt.toISOString(), expiresAt: expiresAt.toISOString() },
    };
  }

  /** The FG's queue: openings at the tables where the user is FG/auditor, unreviewed first. */
  reviews(actor: Actor): Promise<BreakGlassReviewDto[]> {
    return this.tx.run(async (em) => {
      const rows = await queryRows<ReviewRow>(em, 'select * from cst_break_glass_reviews()');
      await this.audit.record(em, {
        action: 'break_glass.review.list',
        subjects: { cases: [...new Set(rows.map((r) => r.case_id))] },
        authorisationRule: actor.tableRoles.some((r) => r.role === 'FG_AUDITOR')
          ? 'TABLE_ROLE:FG_AUDITOR'
          : undefined,
        details: { returned: rows.map((r) => r.id) },
      });
      return rows.map(toReview);
    });
  }

  /** Justified or not (then with a note); a stale version is a 409. Only the FG/auditor of the case's table. */
  review(actor: Actor, id: string, input: ReviewBreakGlassRequest): Promise<BreakGlassReviewDto> {
    const note = input.note?.trim() || null;
    if (input.outcome === 'NIET_GERECHTVAARDIGD' && !note) {
      throw new RequestValidationError([
        { field: 'note', code: 'noteRequired', message: 'explain why the opening was not justified' },
      ]);
    }
    return this.tx.run(async (em) => {
      const rows = await queryRows<{
        case_id: string;
        item_id: string;
        user_id: string;
        version: number;
        table_id: string;
      }>(
        em,
        `select case_id, item_id, user_id, version, cst_case_table(case_id) as table_id
           from break_glass where id = $1 for update`,
        [id],
      );
      const row = rows[0];
      // The opener reads their own opening but never reviews it.
      if (!row || row.user_id === actor.userId || !hasRoleAt(actor, row.table_id, 'FG_AUDITOR')) {
        throw new NotFoundError('No such break-glass opening.');
      }
      if (row.version !== input.version) {
        throw new ConflictError('The review was changed by someone else; reload and try again.');
      }
      await em.query(
        `update break_glass set review_outcome = $2, review_note = $3, reviewed_by = $4, reviewed_at = $5,
           version = version + 1 where id = $1`,
        [id, input.outcome, note, actor.userId, this.clock.now()],
      );
      await this.audit.record(em, {
        action: 'break_glass.review',
        objectType: 'break_glass',
        objectId: id,
        subjects: { cases: [row.case_id] },
        authorisationRule: 'TABLE_ROLE:FG_AUDITOR',
        details: { caseId: row.case_id, itemId: row.item_id, outcome: input.outcome },
      });
      const updated = await queryRows<ReviewRow>(
        em,
        'select * from cst_break_glass_reviews() where id = $1',
        [id],
      );
      return toReview(updated[0]);
    });
  }
}

function toReview(r: ReviewRow): BreakGlassReviewDto {
  return {
    id: r.id,
    caseId: r.case_id,
    caseNumber: r.case_number,
    tableName: r.table_name,
    itemId: r.item_id,
    category: r.category,
    openedBy: r.user_name,
    organisation: { name: r.organisation_name, partnerType: r.partner_type },
    reason: r.reason,
    openedAt: r.opened_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    review:
      r.review_outcome && r.reviewed_at
        ? {
            outcome: r.review_outcome,
            note: r.review_note,
            reviewedBy: r.reviewed_by_name ?? '',
            reviewedAt: r.reviewed_at.toISOString(),
          }
        : null,
    version: r.version,
  };
}
