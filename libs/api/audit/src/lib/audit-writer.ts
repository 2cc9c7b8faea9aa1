import { Injectable } from '@nestjs/common';
import { Clock, newSpanId, RequestContext, rolesOf } from '@casustafel/api/platform';
import type { EntityManager } from 'typeorm';

export type AuditOutcome = 'OK' | 'DENIED' | 'ERROR';

/** Values allowed in `details`: codes, ids, counts. Never names, addresses or free text. */
export type AuditDetail = string | number | boolean | null | string[];

export interface AuditEntry {
  /** Dotted event code, e.g. `auth.login`, `admin.user.create`. */
  action: string;
  outcome?: AuditOutcome;
  objectType?: string;
  objectId?: string;
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

/**
 * The one audit writer (DESIGN-NOTES §3). It writes inside the caller's transaction, so a change
 * and its record commit together, and a failing audit insert fails the action. Actor, origin,
 * time and W3C trace come from the request context.
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
    const actor = this.context.actorOrUndefined;
    const trace = this.context.trace;
    const origin = this.context.origin ?? null;
    const occurredAt = this.clock.now();
    const columns = 16;
    const values: unknown[] = [];
    const rows = entries.map((entry, index) => {
      values.push(
        occurredAt,
        entry.action,
        entry.outcome ?? 'OK',
        entry.actor?.userId ?? actor?.userId ?? null,
        entry.actor?.organisationId ?? actor?.organisationId ?? null,
        entry.actor?.roles ?? (actor ? rolesOf(actor) : []),
        entry.actor?.sessionId ?? actor?.sessionId ?? null,
        origin,
        entry.objectType ?? null,
        entry.objectId ?? null,
        entry.processingActivityId ?? null,
        entry.legalGround ?? null,
        entry.purpose ?? null,
        trace?.traceId ?? null,
        newSpanId(),
        JSON.stringify(entry.details ?? {}),
      );
      const base = index * columns;
      return `(${Array.from({ length: columns }, (_, i) => `$${base + i + 1}`).join(', ')})`;
    });
    await em.query(
      `insert into audit_event (occurred_at, action, outcome, actor_user_id, actor_organisation_id, actor_roles,
         session_id, origin, object_type, object_id, processing_activity_id, legal_ground, purpose, trace_id,
         span_id, details)
       values ${rows.join(', ')}`,
      values,
    );
  }
}
