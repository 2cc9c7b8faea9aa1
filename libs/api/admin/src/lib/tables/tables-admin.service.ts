import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { SessionService } from '@casustafel/api/auth';
import { TransactionRunner } from '@casustafel/api/database';
import { Actor, ConflictError, NotFoundError, RequestValidationError } from '@casustafel/api/platform';
import type {
  CaseTableAdminDto,
  PutMembershipRequest,
  TableMembershipDto,
} from '@casustafel/shared/contracts';
import { adminScope } from '../admin-scope';

interface MembershipRow {
  table_id: string;
  organisation_id: string;
  organisation_name: string;
  partner_type: TableMembershipDto['partnerType'];
  status: TableMembershipDto['status'];
  since: string;
  until: string | null;
  document_ref: string;
  version: number;
}

const MEMBERSHIP_SELECT = `select m.table_id, m.organisation_id, o.name as organisation_name, o.partner_type, m.status,
  to_char(m.since, 'YYYY-MM-DD') as since, to_char(m.until, 'YYYY-MM-DD') as until, m.document_ref, m.version
  from table_membership m join organisation o on o.id = m.organisation_id`;

/** Covenant status per table: SIGNATORY, GUEST, DECLINED or WITHDRAWN, with dates and a document. */
@Injectable()
export class TablesAdminService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly sessions: SessionService,
  ) {}

  list(actor: Actor): Promise<CaseTableAdminDto[]> {
    const scope = adminScope(actor);
    return this.tx.run(async (em) => {
      const tables: Array<{ id: string; name: string; theme: CaseTableAdminDto['theme']; active: boolean }> =
        await em.query(
          'select id, name, theme, active from case_table where region_id = $1 and id = any($2::uuid[]) order by name',
          [scope.regionId, scope.tableIds],
        );
      const memberships: MembershipRow[] = await em.query(
        `${MEMBERSHIP_SELECT} where m.table_id = any($1::uuid[]) order by o.name`,
        [tables.map((t) => t.id)],
      );
      return tables.map((t) => ({
        ...t,
        memberships: memberships.filter((m) => m.table_id === t.id).map(toDto),
      }));
    });
  }

  putMembership(
    actor: Actor,
    tableId: string,
    organisationId: string,
    input: PutMembershipRequest,
  ): Promise<TableMembershipDto> {
    const scope = adminScope(actor);
    if (input.until && input.until < input.since) {
      throw new RequestValidationError([
        { field: 'until', code: 'untilBeforeSince', message: 'until must not be before since' },
      ]);
    }
    return this.tx.run(async (em) => {
      const visible: unknown[] = await em.query(
        `select 1 from case_table t, organisation o
         where t.id = $1 and t.region_id = $3 and t.id = any($4::uuid[]) and o.id = $2 and o.region_id = $3`,
        [tableId, organisationId, scope.regionId, scope.tableIds],
      );
      if (visible.length === 0) {
        throw new NotFoundError('No such table or organisation.');
      }
      const existing: Array<{ version: number; status: string }> = await em.query(
        'select version, status from table_membership where table_id = $1 and organisation_id = $2 for update',
        [tableId, organisationId],
      );
      const previous = existing[0];
      if (previous && input.version !== previous.version) {
        throw new ConflictError(
          input.version === undefined
            ? 'This organisation already has a covenant status at this table; send its version to change it.'
            : 'The covenant status was changed by someone else; reload and try again.',
        );
      }
      if (previous) {
        await em.query(
          `update table_membership set status = $3, since = $4, until = $5, document_ref = $6, version = version + 1,
             updated_at = now() where table_id = $1 and organisation_id = $2`,
          [tableId, organisationId, input.status, input.since, input.until ?? null, input.documentRef.trim()],
        );
      } else {
        await em.query(
          `insert into table_membership (table_id, organisation_id, status, since, until, document_ref)
           values ($1, $2, $3, $4, $5, $6)`,
          [tableId, organisationId, input.status, input.since, input.until ?? null, input.documentRef.trim()],
        );
      }
      // Roles at a table count only while the organisation takes part: refresh its users' sessions.
      const users: Array<{ id: string }> = await em.query(
        'select id from app_user where organisation_id = $1',
        [organisationId],
      );
      await this.sessions.userChanged(
        em,
        users.map((u) => u.id),
      );
      await this.audit.record(em, {
        action: 'admin.membership.set',
        objectType: 'table_membership',
        objectId: `${tableId}/${organisationId}`,
        details: { status: input.status, previousStatus: previous?.status ?? null },
      });
      const rows: MembershipRow[] = await em.query(
        `${MEMBERSHIP_SELECT} where m.table_id = $1 and m.organisation_id = $2`,
        [tableId, organisationId],
      );
      return toDto(rows[0]);
    });
  }
}

function toDto(row: MembershipRow): TableMembershipDto {
  return {
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    partnerType: row.partner_type,
    status: row.status,
    since: row.since,
    until: row.until,
    documentRef: row.document_ref,
    version: row.version,
  };
}
