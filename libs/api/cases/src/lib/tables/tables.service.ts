import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, ConflictError, NotFoundError, RequestValidationError } from '@casustafel/api/platform';
import {
  DATA_CATEGORIES,
  PARTNER_TYPES,
  type CaseTableDto,
  type MembershipStatus,
  type OrganisationRef,
  type PutVisibilityMatrixRequest,
  type SignalDefinition,
  type TableTheme,
  type VisibilityMatrixDto,
  type VisibilityMatrixHistoryEntry,
  type TableOrganisation,
  type VisibilityRule,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import { caseTables, rolesAt } from '../case-roles';

/** Tables as case workers see them, the organisations at a table, and the visibility matrix. */
@Injectable()
export class TablesService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  /** The tables where the actor holds a case role, with the configuration forms need. */
  myTables(actor: Actor): Promise<CaseTableDto[]> {
    return this.tx.run(async (em) => {
      const rows: Array<{
        id: string;
        name: string;
        theme: TableTheme;
        description: string;
        re_referral_window_months: number;
        signals: SignalDefinition[];
      }> = await em.query(
        `select id, name, theme, description, re_referral_window_months, signals from case_table
         where id = any($1::uuid[]) and active order by name`,
        [caseTables(actor)],
      );
      return rows.map((r) => ({
        id: r.id,
        name: r.name,
        theme: r.theme,
        description: r.description,
        reReferralWindowMonths: r.re_referral_window_months,
        signals: r.signals,
        myRoles: rolesAt(actor, r.id),
      }));
    });
  }

  /** Organisations with a covenant status at one of the actor's tables (for forms: participants, requests). */
  organisations(actor: Actor, tableId: string): Promise<TableOrganisation[]> {
    if (!caseTables(actor).includes(tableId)) {
      throw new NotFoundError('No such table.');
    }
    return this.tx.run(async (em) => {
      const rows: Array<{
        id: string;
        name: string;
        partner_type: OrganisationRef['partnerType'];
        status: MembershipStatus;
      }> = await em.query(
        `select o.id, o.name, o.partner_type, m.status from table_membership m join organisation o on o.id = m.organisation_id
           where m.table_id = $1 and o.active order by o.name`,
        [tableId],
      );
      return rows.map((r) => ({ id: r.id, name: r.name, partnerType: r.partner_type, membership: r.status }));
    });
  }

  matrix(actor: Actor, tableId: string): Promise<VisibilityMatrixDto> {
    return this.tx.run(async (em) => {
      await this.assertConfigurable(em, actor, tableId);
      return this.loadMatrix(em, tableId);
    });
  }

  history(actor: Actor, tableId: string): Promise<VisibilityMatrixHistoryEntry[]> {
    return this.tx.run(async (em) => {
      await this.assertConfigurable(em, actor, tableId);
      const rows: Array<{
        version: number;
        changed_at: Date;
        changed_by: string | null;
        reason: string;
        changes: string;
      }> = await em.query(
        `select v.version, v.changed_at, u.display_name as changed_by, v.reason,
                  (select count(*) from visibility_rule r
                   left join visibility_rule p on p.table_id = r.table_id and p.version = v.version - 1
                        and p.category = r.category and p.partner_type = r.partner_type
                   where r.table_id = v.table_id and r.version = v.version and (p.level is distinct from r.level)) as changes
           from visibility_matrix_version v left join app_user u on u.id = v.changed_by
           where v.table_id = $1 order by v.version desc`,
        [tableId],
      );
      return rows.map((r) => ({
        version: r.version,
        changedAt: r.changed_at.toISOString(),
        changedBy: r.changed_by,
        reason: r.reason,
        changes: Number(r.changes),
      }));
    });
  }

  /**
   * A new version of the matrix (the old ones stay, as history). Every cell must be given exactly
   * once; the change takes effect for every request from the next one on, RLS included.
   */
  putMatrix(actor: Actor, tableId: string, input: PutVisibilityMatrixRequest): Promise<VisibilityMatrixDto> {
    const problems = completeness(input.rules);
    if (problems.length > 0) {
      throw new RequestValidationError(problems);
    }
    return this.tx.run(async (em) => {
      await this.assertConfigurable(em, actor, tableId);
      const current = await queryRows<{ matrix_version: number }>(
        em,
        'select matrix_version from case_table where id = $1 for update',
        [tableId],
      );
      if (current[0].matrix_version !== input.version) {
        throw new ConflictError('The matrix was changed by someone else; reload and try again.');
      }
      const version = input.version + 1;
      await em.query(
        `insert into visibility_matrix_version (table_id, version, changed_at, changed_by, reason, embargo_partner_types)
         values ($1, $2, $3, $4, $5, $6)`,
        [tableId, version, this.clock.now(), actor.userId, input.reason.trim(), input.embargoPartnerTypes],
      );
      await em.query(
        `insert into visibility_rule (table_id, version, category, partner_type, level)
         select $1, $2, c, p, l from unnest($3::text[], $4::text[], $5::text[]) as x(c, p, l)`,
        [
          tableId,
          version,
          input.rules.map((r) => r.category),
          input.rules.map((r) => r.partnerType),
          input.rules.map((r) => r.level),
        ],
      );
      await em.query(
        `update case_table set matrix_version = $2, embargo_partner_types = $3,
           extract_four_eyes = coalesce($4, extract_four_eyes), updated_at = now() where id = $1`,
        [tableId, version, input.embargoPartnerTypes, input.extractFourEyes ?? null],
      );
      await this.audit.record(em, {
        action: 'table.matrix.change',
        objectType: 'case_table',
        objectId: tableId,
        details: {
          version,
          embargoPartnerTypes: input.embargoPartnerTypes,
          extractFourEyes: input.extractFourEyes ?? null,
        },
      });
      return this.loadMatrix(em, tableId);
    });
  }

  private async assertConfigurable(em: EntityManager, actor: Actor, tableId: string): Promise<void> {
    const rows: unknown[] = await em.query('select 1 from case_table where id = $1 and region_id = $2', [
      tableId,
      actor.regionId,
    ]);
    if (rows.length === 0 || !rolesAt(actor, tableId).includes('BEHEERDER')) {
      throw new NotFoundError('No such table.');
    }
  }

  private async loadMatrix(em: EntityManager, tableId: string): Promise<VisibilityMatrixDto> {
    const head: Array<{
      version: number;
      changed_at: Date;
      changed_by: string | null;
      reason: string;
      embargo_partner_types: string[];
      extract_four_eyes: boolean;
    }> = await em.query(
      `select v.version, v.changed_at, u.display_name as changed_by, v.reason, v.embargo_partner_types,
              t.extract_four_eyes
         from case_table t join visibility_matrix_version v on v.table_id = t.id and v.version = t.matrix_version
         left join app_user u on u.id = v.changed_by where t.id = $1`,
      [tableId],
    );
    const rules: VisibilityRule[] = (
      await em.query(
        `select r.category, r.partner_type as "partnerType", r.level from visibility_rule r
         join case_table t on t.id = r.table_id and t.matrix_version = r.version where t.id = $1`,
        [tableId],
      )
    ).map((r: VisibilityRule) => r);
    const h = head[0];
    return {
      tableId,
      version: h.version,
      rules,
      embargoPartnerTypes: h.embargo_partner_types as VisibilityMatrixDto['embargoPartnerTypes'],
      extractFourEyes: h.extract_four_eyes,
      changedAt: h.changed_at.toISOString(),
      changedBy: h.changed_by,
      reason: h.reason,
    };
  }
}

/** Every (category, partner type) exactly once. */
function completeness(rules: VisibilityRule[]): Array<{ field: string; code: string; message: string }> {
  const seen = new Set<string>();
  const problems: Array<{ field: string; code: string; message: string }> = [];
  rules.forEach((rule, index) => {
    const key = `${rule.category}/${rule.partnerType}`;
    if (seen.has(key)) {
      problems.push({ field: `rules[${index}]`, code: 'duplicateRule', message: `${key} is given twice` });
    }
    seen.add(key);
  });
  const missing = DATA_CATEGORIES.length * PARTNER_TYPES.length - seen.size;
  if (missing > 0) {
    problems.push({
      field: 'rules',
      code: 'incompleteMatrix',
      message: `${missing} cells are missing; give every category for every partner type`,
    });
  }
  return problems;
}
