import { Injectable } from '@nestjs/common';
import { AuditWriter } from '@casustafel/api/audit';
import { TransactionRunner } from '@casustafel/api/database';
import { NotFoundError, RequestValidationError } from '@casustafel/api/platform';
import type {
  AuditEventDto,
  AuditPersonDto,
  AuditPersonEventsResponse,
  AuditPersonHitDto,
  AuditPersonLinkDto,
  AuditPersonSearchQuery,
  AuditUserDto,
  AuditUserEventsResponse,
  TableRole,
} from '@casustafel/shared/contracts';
import type { EntityManager } from 'typeorm';
import type { AuditEventQueryDto, AuditPeriodQueryDto } from './audit-log.dto';

/** An export holds at most this many records; a longer period must be split. */
export const EXPORT_LIMIT = 10000;
const DEFAULT_PAGE_SIZE = 50;

/** A day boundary in Dutch time, as the SQL functions take it. */
const DAY_START = (param: string) => `(${param}::date::timestamp AT TIME ZONE 'Europe/Amsterdam')`;
const DAY_END = (param: string) => `((${param}::date + 1)::timestamp AT TIME ZONE 'Europe/Amsterdam')`;

interface EventRow {
  seq: number | string;
  occurred_at: string;
  action: string;
  outcome: AuditEventDto['outcome'];
  status_code: AuditEventDto['statusCode'];
  actor_user_id: string | null;
  actor_name: string | null;
  actor_organisation_id: string | null;
  organisation_name: string | null;
  actor_roles: TableRole[] | null;
  on_behalf_of_user_id: string | null;
  on_behalf_of_name: string | null;
  object_type: string | null;
  object_id: string | null;
  data_subject_id: string | null;
  data_subject_id_type: string | null;
  data_category: string | null;
  authorisation_rule: string | null;
  break_glass: boolean;
  processing_activity_id: string | null;
  processing_activity_name: string | null;
  legal_ground: string | null;
  purpose: string | null;
  trace_id: string | null;
  span_id: string | null;
  parent_span_id: string | null;
  subject_count?: number;
}

interface PersonRow {
  person_id: string;
  given_name: string;
  family_name: string;
  date_of_birth: string | null;
  person_ids: string[];
  links: AuditPersonLinkDto[];
}

interface UserRow {
  user_id: string;
  display_name: string;
  organisation_id: string;
  organisation_name: string;
  active: boolean;
}

/** The person with all their records (same BSN in the region), or "not found" outside the FG's region. */
interface PersonScope {
  person: AuditPersonDto;
  personIds: string[];
}

/**
 * The FG's views of the audit log (DOMAIN.md §2.7–2.8, scenario 17), read through the SECURITY
 * DEFINER functions of migration 1764440000000, which check the FG role and region themselves: the
 * app role cannot read the log. Every view is itself audited, with the persons it showed as subjects
 * (never the search terms: a family name is personal data).
 */
@Injectable()
export class AuditLogService {
  constructor(
    private readonly tx: TransactionRunner,
    private readonly audit: AuditWriter,
  ) {}

  searchPersons(query: AuditPersonSearchQuery): Promise<AuditPersonHitDto[]> {
    if (!query.familyName && !query.dateOfBirth && !query.number) {
      throw new RequestValidationError([
        {
          field: 'familyName',
          code: 'searchTermRequired',
          message: 'give a family name, date of birth or number',
        },
      ]);
    }
    return this.tx.run(async (em) => {
      const rows: AuditPersonHitDto[] = await em.query(
        `select person_id as "personId", given_name as "givenName", family_name as "familyName",
                to_char(date_of_birth, 'YYYY-MM-DD') as "dateOfBirth", role, case_number as "caseNumber",
                registration_number as "registrationNumber", table_name as "tableName"
         from cst_audit_person_search($1, $2::date, $3)`,
        [query.familyName?.trim() ?? null, query.dateOfBirth ?? null, query.number?.trim() ?? null],
      );
      const persons = [...new Set(rows.map((r) => r.personId))];
      await this.audit.record(em, {
        action: 'audit.subject.search',
        subjects: { persons },
        details: {
          by: [
            query.familyName && 'familyName',
            query.dateOfBirth && 'dateOfBirth',
            query.number && 'number',
          ].filter((x): x is string => !!x),
          returned: persons.length,
        },
      });
      return rows;
    });
  }

  personEvents(personId: string, query: AuditEventQueryDto): Promise<AuditPersonEventsResponse> {
    const { page, pageSize } = paging(query);
    return this.tx.run(async (em) => {
      const scope = await this.personScope(em, personId);
      const result = await this.subjectEvents(em, personId, query, pageSize, (page - 1) * pageSize);
      await this.audit.record(em, {
        action: 'audit.subject.read',
        objectType: 'person',
        objectId: personId,
        subjects: { persons: scope.personIds },
        details: { from: query.from ?? null, to: query.to ?? null, page, returned: result.items.length },
      });
      return { person: scope.person, ...result, page, pageSize };
    });
  }

  /** Every record about the person in the period (at most EXPORT_LIMIT), for an export; audited. */
  exportPersonEvents(
    personId: string,
    query: AuditPeriodQueryDto,
    format: 'CSV' | 'LDV',
  ): Promise<{ person: AuditPersonDto; items: AuditEventDto[] }> {
    return this.tx.run(async (em) => {
      const scope = await this.personScope(em, personId);
      const result = await this.subjectEvents(em, personId, query, EXPORT_LIMIT, 0);
      await this.audit.record(em, {
        action: 'audit.subject.export',
        objectType: 'person',
        objectId: personId,
        subjects: { persons: scope.personIds },
        details: { format, from: query.from ?? null, to: query.to ?? null, returned: result.items.length },
      });
      return { person: scope.person, items: result.items };
    });
  }

  users(name: string | undefined): Promise<AuditUserDto[]> {
    return this.tx.run(async (em) => {
      const rows: UserRow[] = await em.query(`select * from cst_audit_region_users($1)`, [
        name?.trim() || null,
      ]);
      await this.audit.record(em, {
        action: 'audit.user.search',
        objectType: 'user',
        details: { returned: rows.length },
      });
      return rows.map(toUser);
    });
  }

  userEvents(userId: string, query: AuditEventQueryDto): Promise<AuditUserEventsResponse> {
    const { page, pageSize } = paging(query);
    return this.tx.run(async (em) => {
      const users: UserRow[] = await em.query(`select * from cst_audit_user($1)`, [userId]);
      if (users.length === 0) {
        throw new NotFoundError('No such user.');
      }
      const { from, to } = period(query);
      const [row]: Array<{ result: { total: number; items: EventRow[] } }> = await em.query(
        `select cst_audit_user_events($1, ${DAY_START('$2')}, ${DAY_END('$3')}, $4, $5) as result`,
        [userId, from, to, pageSize, (page - 1) * pageSize],
      );
      await this.audit.record(em, {
        action: 'audit.user.read',
        objectType: 'user',
        objectId: userId,
        details: { from: query.from ?? null, to: query.to ?? null, page, returned: row.result.items.length },
      });
      return {
        user: toUser(users[0]),
        items: row.result.items.map(toEvent),
        total: Number(row.result.total),
        page,
        pageSize,
      };
    });
  }

  private async personScope(em: EntityManager, personId: string): Promise<PersonScope> {
    const rows: PersonRow[] = await em.query(
      `select person_id, given_name, family_name, to_char(date_of_birth, 'YYYY-MM-DD') as date_of_birth, person_ids, links
       from cst_audit_person($1)`,
      [personId],
    );
    const row = rows[0];
    if (!row) {
      throw new NotFoundError('No such person.');
    }
    return {
      personIds: row.person_ids,
      person: {
        id: row.person_id,
        givenName: row.given_name,
        familyName: row.family_name,
        dateOfBirth: row.date_of_birth,
        links: row.links,
        records: row.person_ids.length,
      },
    };
  }

  private async subjectEvents(
    em: EntityManager,
    personId: string,
    query: AuditPeriodQueryDto,
    limit: number,
    offset: number,
  ): Promise<{ total: number; items: AuditEventDto[] }> {
    const { from, to } = period(query);
    const [row]: Array<{ result: { total: number; items: EventRow[] } }> = await em.query(
      `select cst_audit_subject_events($1, ${DAY_START('$2')}, ${DAY_END('$3')}, $4, $5) as result`,
      [personId, from, to, limit, offset],
    );
    return { total: Number(row.result.total), items: row.result.items.map(toEvent) };
  }
}

function paging(query: AuditEventQueryDto): { page: number; pageSize: number } {
  return { page: query.page ?? 1, pageSize: query.pageSize ?? DEFAULT_PAGE_SIZE };
}

/** The period's days; `to` before `from` is a field error on `to`. */
function period(query: AuditPeriodQueryDto): { from: string | null; to: string | null } {
  if (query.from && query.to && query.to < query.from) {
    throw new RequestValidationError([
      { field: 'to', code: 'toBeforeFrom', message: 'to must not be before from' },
    ]);
  }
  return { from: query.from ?? null, to: query.to ?? null };
}

function toUser(row: UserRow): AuditUserDto {
  return {
    id: row.user_id,
    displayName: row.display_name,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    active: row.active,
  };
}

function toEvent(row: EventRow): AuditEventDto {
  return {
    seq: String(row.seq),
    occurredAt: new Date(row.occurred_at).toISOString(),
    action: row.action,
    outcome: row.outcome,
    statusCode: row.status_code,
    user: row.actor_user_id ? { id: row.actor_user_id, displayName: row.actor_name ?? '' } : null,
    organisation: row.actor_organisation_id
      ? { id: row.actor_organisation_id, name: row.organisation_name ?? '' }
      : null,
    roles: row.actor_roles ?? [],
    onBehalfOf:
      row.on_behalf_of_user_id && row.on_behalf_of_user_id !== row.actor_user_id
        ? { id: row.on_behalf_of_user_id, displayName: row.on_behalf_of_name ?? '' }
        : null,
    objectType: row.object_type,
    objectId: row.object_id,
    dataSubjectId: row.data_subject_id,
    dataSubjectIdType: row.data_subject_id_type,
    dataCategory: row.data_category,
    authorisationRule: row.authorisation_rule,
    legalGround: row.legal_ground,
    purpose: row.purpose,
    breakGlass: row.break_glass,
    processingActivity: row.processing_activity_id
      ? { id: row.processing_activity_id, name: row.processing_activity_name }
      : null,
    traceId: row.trace_id,
    spanId: row.span_id,
    parentSpanId: row.parent_span_id,
    ...(row.subject_count === undefined ? {} : { subjectCount: Number(row.subject_count) }),
  };
}
