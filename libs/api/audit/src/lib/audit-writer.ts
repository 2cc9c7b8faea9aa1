import { Injectable } from '@nestjs/common';
import {
  AuditUnavailableError,
  Clock,
  isUuid,
  newSpanId,
  RequestContext,
  rolesOf,
} from '@casustafel/api/platform';
import type { EntityManager } from 'typeorm';

export type AuditOutcome = 'OK' | 'DENIED' | 'ERROR';

/** Values allowed in `details`: codes, ids, counts. Never names, addresses or free text. */
export type AuditDetail = string | number | boolean | null | string[];

/**
 * Whose personal data an action touched. Besides the action's own row, the writer records one row
 * per person of these cases, registrations and persons (Logboek Dataverwerkingen: one log line per
 * data subject, a child span each), with the person's pseudonym, never a name or BSN.
 */
export interface AuditSubjects {
  cases?: string[];
  registrations?: string[];
  persons?: string[];
}

export interface AuditEntry {
  /** Dotted event code, e.g. `auth.login`, `admin.user.create`. */
  action: string;
  outcome?: AuditOutcome;
  /**
   * What the action was about. `case`, `registration` and `person` with an id are data subjects
   * by themselves; other objects name theirs in `subjects`.
   */
  objectType?: string;
  objectId?: string;
  subjects?: AuditSubjects;
  /** Data category (C1…C14) of what was read or changed, when the action concerns one. */
  category?: string;
  /**
   * Why the actor was allowed (NEN 7513 autorisatieprotocol), e.g. `MATRIX`, `DISCLOSURE:<id>`,
   * `OWN_ORGANISATION`, `TABLE_ROLE:<role>`.
   */
  authorisationRule?: string;
  /** Access outside the normal procedure (noodknop). */
  breakGlass?: boolean;
  /** NEN 7513 responsible user, when the actor acts on someone else's behalf; default the actor. */
  onBehalfOfUserId?: string;
  processingActivityId?: string;
  legalGround?: string;
  purpose?: string;
  details?: Record<string, AuditDetail>;
  /**
   * Who acted, when the request has no actor yet (a login): the user the attempt was for. Left
   * empty when the account is unknown; the attempted e-mail address is never recorded.
   */
  actor?: { userId?: string; organisationId?: string; sessionId?: string; roles?: string[] };
}

/** One entry as the INSERT … SELECT reads it from its JSON parameter. */
interface EntryRow {
  action: string;
  outcome: AuditOutcome;
  actor_user_id: string | null;
  on_behalf_of_user_id: string | null;
  actor_organisation_id: string | null;
  actor_roles: string[];
  session_id: string | null;
  object_type: string | null;
  object_id: string | null;
  data_category: string | null;
  authorisation_rule: string | null;
  break_glass: boolean;
  processing_activity_id: string | null;
  legal_ground: string | null;
  purpose: string | null;
  span_id: string;
  details: Record<string, AuditDetail>;
  cases: string[] | null;
  registrations: string[] | null;
  persons: string[] | null;
}

/**
 * All entries of one call in one statement. Per entry: the action's row (its span, a child of the
 * caller's span, with the details) and a row per person it touched (a child span of the action,
 * with the person's pseudonym and no details: a list's ids are stored once, not once per person).
 * Subjects are resolved in the same statement by a SECURITY DEFINER function (row-level security
 * must not hide the persons of a denied read). The BEFORE INSERT trigger links every row into a
 * hash chain (ADR 0017).
 */
const INSERT = `
  insert into audit_event (occurred_at, action, outcome, actor_user_id, on_behalf_of_user_id, actor_organisation_id,
    actor_roles, session_id, origin, object_type, object_id, data_subject_id, data_subject_id_type, data_category,
    authorisation_rule, break_glass, processing_activity_id, legal_ground, purpose, trace_id, span_id, parent_span_id,
    details)
  select $1::timestamptz, e.action, e.outcome, e.actor_user_id, e.on_behalf_of_user_id, e.actor_organisation_id,
    e.actor_roles, e.session_id, $2, e.object_type, e.object_id, s.data_subject_id, s.data_subject_id_type,
    e.data_category, e.authorisation_rule, e.break_glass, coalesce(e.processing_activity_id, s.processing_activity_id),
    e.legal_ground, e.purpose, $3,
    case when s.data_subject_id is null then e.span_id else cst_audit_span_id() end,
    case when s.data_subject_id is null then $4 else e.span_id end,
    case when s.data_subject_id is null then e.details else '{}'::jsonb end
  from jsonb_to_recordset($5::jsonb) as e(action text, outcome text, actor_user_id uuid, on_behalf_of_user_id uuid,
    actor_organisation_id uuid, actor_roles text[], session_id uuid, object_type text, object_id text,
    data_category text, authorisation_rule text, break_glass boolean, processing_activity_id text, legal_ground text,
    purpose text, span_id text, details jsonb, cases uuid[], registrations uuid[], persons uuid[])
  cross join lateral (
    select null::text as data_subject_id, null::text as data_subject_id_type, null::text as processing_activity_id
    union all
    select * from cst_audit_subjects(e.cases, e.registrations, e.persons)
    where e.cases is not null or e.registrations is not null or e.persons is not null
  ) s`;

/**
 * The one audit writer (DESIGN-NOTES §3). It writes inside the caller's transaction, so a change
 * and its record commit together; if the insert fails, the action fails with 503
 * (AuditUnavailableError) and its transaction rolls back. Actor, origin, time and W3C trace come
 * from the request context.
 */
@Injectable()
export class AuditWriter {
  constructor(
    private readonly context: RequestContext,
    private readonly clock: Clock,
  ) {}

  async record(em: EntityManager, ...entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) {
      return;
    }
    const trace = this.context.trace;
    const rows = entries.map((entry) => this.toRow(entry));
    try {
      await em.query(INSERT, [
        this.clock.now(),
        this.context.origin ?? null,
        trace?.traceId ?? null,
        trace?.parentSpanId ?? null,
        JSON.stringify(rows),
      ]);
    } catch (error) {
      throw new AuditUnavailableError(undefined, error);
    }
  }

  private toRow(entry: AuditEntry): EntryRow {
    const actor = this.context.actorOrUndefined;
    const userId = entry.actor?.userId ?? actor?.userId ?? null;
    const subjects = subjectsOf(entry);
    return {
      action: entry.action,
      outcome: entry.outcome ?? 'OK',
      actor_user_id: userId,
      on_behalf_of_user_id: entry.onBehalfOfUserId ?? userId,
      actor_organisation_id: entry.actor?.organisationId ?? actor?.organisationId ?? null,
      actor_roles: entry.actor?.roles ?? (actor ? rolesOf(actor) : []),
      session_id: entry.actor?.sessionId ?? actor?.sessionId ?? null,
      object_type: entry.objectType ?? null,
      object_id: entry.objectId ?? null,
      data_category: entry.category ?? null,
      authorisation_rule: entry.authorisationRule ?? null,
      break_glass: entry.breakGlass ?? false,
      processing_activity_id: entry.processingActivityId ?? null,
      legal_ground: entry.legalGround ?? null,
      purpose: entry.purpose ?? null,
      span_id: newSpanId(),
      details: entry.details ?? {},
      ...subjects,
    };
  }
}

/** The entry's own object, when it is a subject, plus the subjects it names. */
function subjectsOf(entry: AuditEntry): Pick<EntryRow, 'cases' | 'registrations' | 'persons'> {
  const own = (type: string) => (entry.objectType === type && entry.objectId ? [entry.objectId] : []);
  const merge = (type: string, named: string[] | undefined) => {
    // Only well-formed ids: a malformed one could only be "not found", and must not fail the record.
    const ids = [...new Set([...own(type), ...(named ?? [])])].filter(isUuid);
    return ids.length > 0 ? ids : null;
  };
  return {
    cases: merge('case', entry.subjects?.cases),
    registrations: merge('registration', entry.subjects?.registrations),
    persons: merge('person', entry.subjects?.persons),
  };
}
