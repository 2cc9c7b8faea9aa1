import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { queryRows, TransactionRunner } from '@casustafel/api/database';
import { Actor, Clock, ConflictError, NotFoundError } from '@casustafel/api/platform';
import type { DataCategory, RightsTaskStatus, TableRole } from '@casustafel/shared/contracts';
import { contactpuntRegions } from '../regions';
import { renderInzagePdf, type InzageAccess, type InzageController, type InzageReport } from './inzage-pdf';

interface CaseRow {
  case_id: string;
  case_number: string;
  table_name: string;
  person_id: string;
  role: string;
}

interface ItemRow {
  case_id: string;
  organisation_id: string;
  created_at: Date;
  category: DataCategory;
  sensitivity: string;
  title: string;
}

interface AccessRow {
  occurred_at: string;
  action: string;
  outcome: string;
  organisation_name: string | null;
  actor_roles: TableRole[] | null;
  data_category: string | null;
  authorisation_rule: string | null;
  legal_ground: string | null;
  break_glass: boolean;
}

/**
 * The inzage report of an INZAGE request (ADR 0021, 0022): per joint controller its task status and,
 * per matched case, the items it wrote (date, category, title — never the content), then who had
 * access to the person's data, from the audit log. The contactpunt reads cases, items and the log
 * only through the SECURITY DEFINER functions of migration 1764460000000, which check its role and
 * region themselves. Making the report is audited with the matched persons and counts.
 */
@Injectable()
export class InzageReportService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
    private readonly clock: Clock,
  ) {}

  /** The PDF and the request number (for the file name); 404 outside the contactpunt's region. */
  report(actor: Actor, id: string): Promise<{ number: string; pdf: Buffer }> {
    return this.tx.run(async (em) => {
      const regions = await contactpuntRegions(em, actor);
      const requests = await queryRows<{
        number: string;
        type: string;
        status: string;
        received_at: string;
        given_name: string;
        family_name: string;
        date_of_birth: string;
        bsn_given: boolean;
      }>(
        em,
        `select r.number, r.type, r.status, to_char(r.received_at, 'YYYY-MM-DD') as received_at, s.given_name,
                s.family_name, to_char(s.date_of_birth, 'YYYY-MM-DD') as date_of_birth,
                s.bsn_hash is not null as bsn_given
           from rights_request r join rights_request_subject s on s.request_id = r.id
          where r.id = $1 and r.region_id = any($2::uuid[])`,
        [id, regions],
      );
      const request = requests[0];
      if (!request) {
        throw new NotFoundError('No such request.');
      }
      if (request.type !== 'INZAGE' || !['IN_BEHANDELING', 'AFGEROND'].includes(request.status)) {
        throw new ConflictError(
          'An inzage report exists only for an INZAGE request that has gone out.',
          'rights_request.no_report',
        );
      }
      const tasks = await queryRows<{
        organisation_id: string;
        name: string;
        status: RightsTaskStatus;
        case_ids: string[];
      }>(
        em,
        `select k.organisation_id, o.name, k.status, k.case_ids
           from rights_task k join organisation o on o.id = k.organisation_id
          where k.request_id = $1 order by o.name, o.id`,
        [id],
      );
      const cases = await queryRows<CaseRow>(em, 'select * from cst_rights_report_cases($1)', [id]);
      const items = await queryRows<ItemRow>(em, 'select * from cst_rights_report_items($1)', [id]);
      const [access] = await queryRows<{ result: { total: number; items: AccessRow[] } }>(
        em,
        'select cst_rights_report_access($1) as result',
        [id],
      );
      const personIds = [...new Set(cases.map((c) => c.person_id))].sort();
      const controllers = tasks.map((t) => controller(t, cases, items));
      const report: InzageReport = {
        number: request.number,
        receivedAt: request.received_at,
        generatedAt: this.clock.now(),
        subject: {
          givenName: request.given_name,
          familyName: request.family_name,
          dateOfBirth: request.date_of_birth,
          bsnGiven: request.bsn_given,
        },
        controllers,
        access: { total: Number(access.result.total), items: access.result.items.map(toAccess) },
      };
      await this.audit.record(em, {
        action: 'rights_request.report',
        objectType: 'rights_request',
        objectId: id,
        subjects: { persons: personIds },
        details: {
          controllers: controllers.length,
          cases: new Set(cases.map((c) => c.case_id)).size,
          items: items.length,
          accessRecords: report.access.items.length,
        },
      });
      return { number: request.number, pdf: await renderInzagePdf(report) };
    });
  }
}

/** One joint controller: its matched cases (by number), the person's roles there and its own items. */
function controller(
  task: { organisation_id: string; name: string; status: RightsTaskStatus; case_ids: string[] },
  cases: CaseRow[],
  items: ItemRow[],
): InzageController {
  const byCase = new Map<string, { number: string; table: string; roles: string[] }>();
  for (const c of cases) {
    if (!task.case_ids.includes(c.case_id)) {
      continue;
    }
    const entry = byCase.get(c.case_id) ?? { number: c.case_number, table: c.table_name, roles: [] };
    if (!entry.roles.includes(c.role)) {
      entry.roles.push(c.role);
    }
    byCase.set(c.case_id, entry);
  }
  return {
    name: task.name,
    taskStatus: task.status,
    cases: [...byCase.entries()]
      .sort(([, a], [, b]) => a.number.localeCompare(b.number))
      .map(([caseId, c]) => ({
        ...c,
        items: items
          .filter((i) => i.case_id === caseId && i.organisation_id === task.organisation_id)
          .map((i) => ({
            createdAt: new Date(i.created_at),
            category: i.category,
            title: i.sensitivity === 'EMBARGO' ? null : i.title,
          })),
      })),
  };
}

function toAccess(row: AccessRow): InzageAccess {
  return {
    occurredAt: new Date(row.occurred_at),
    organisation: row.organisation_name,
    roles: row.actor_roles ?? [],
    action: row.action,
    outcome: row.outcome,
    category: row.data_category,
    authorisation: row.authorisation_rule,
    legalGround: row.legal_ground,
    breakGlass: row.break_glass,
  };
}
