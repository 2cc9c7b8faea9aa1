import type { PersonRole } from './cases';
import type { TableRole } from './identity';

/**
 * The FG's views of the audit log (DOMAIN.md §2.7–2.8, scenario 17): who had access to a person's
 * data, what a user did, and the export in Logboek Dataverwerkingen format.
 */

/** One place a person found by the FG appears: a case, or a registration that did not become one. */
export interface AuditPersonLinkDto {
  role: PersonRole;
  caseNumber: string | null;
  registrationNumber: string | null;
  tableName: string;
}

/** A search hit: one person in one case or registration of the FG's region. */
export interface AuditPersonHitDto extends AuditPersonLinkDto {
  personId: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
}

export interface AuditPersonDto {
  id: string;
  givenName: string;
  familyName: string;
  dateOfBirth: string | null;
  /** Where this person, and persons of the region with the same BSN, appear. */
  links: AuditPersonLinkDto[];
  /** How many person records (same BSN in other cases) the log covers. */
  records: number;
}

export type AuditEventOutcome = 'OK' | 'DENIED' | 'ERROR';

/** One audit record resolved for display. */
export interface AuditEventDto {
  seq: string;
  occurredAt: string;
  /** Action code, e.g. `case.read`; the UI translates it. */
  action: string;
  outcome: AuditEventOutcome;
  /** Logboek Dataverwerkingen status: `OK` or `ERROR`. */
  statusCode: 'OK' | 'ERROR';
  user: { id: string; displayName: string } | null;
  organisation: { id: string; name: string } | null;
  roles: TableRole[];
  /** The responsible user (NEN 7513) when not the user themselves. */
  onBehalfOf: { id: string; displayName: string } | null;
  objectType: string | null;
  objectId: string | null;
  /** Pseudonym of the person the record is about (null on a user's action rows). */
  dataSubjectId: string | null;
  dataSubjectIdType: string | null;
  dataCategory: string | null;
  authorisationRule: string | null;
  legalGround: string | null;
  purpose: string | null;
  breakGlass: boolean;
  processingActivity: { id: string; name: string | null } | null;
  traceId: string | null;
  spanId: string | null;
  parentSpanId: string | null;
  /** Per-user view: how many persons the action touched. */
  subjectCount?: number;
}

export interface AuditEventPage {
  items: AuditEventDto[];
  total: number;
  page: number;
  pageSize: number;
}

export interface AuditPersonEventsResponse extends AuditEventPage {
  person: AuditPersonDto;
}

export interface AuditUserDto {
  id: string;
  displayName: string;
  organisation: { id: string; name: string };
  active: boolean;
}

export interface AuditUserEventsResponse extends AuditEventPage {
  user: AuditUserDto;
}

/** Period filter and paging of the event lists; dates are days (Europe/Amsterdam), both inclusive. */
export interface AuditEventQuery {
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export interface AuditPersonSearchQuery {
  familyName?: string;
  dateOfBirth?: string;
  /** A case or registration number. */
  number?: string;
}

/** One record of the Logboek Dataverwerkingen export (one log line per span). */
export interface LdvLogRecord {
  trace_id: string | null;
  span_id: string | null;
  parent_span_id: string | null;
  name: string;
  start_time: string;
  end_time: string;
  status_code: 'OK' | 'ERROR';
  resource: { name: string };
  attributes: Record<string, string | boolean | string[] | null>;
}
