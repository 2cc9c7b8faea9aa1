import { AppError } from './app-error';

/**
 * The audit record of an action could not be written, so the action is not carried out: it fails
 * closed with 503 and its transaction rolls back (DESIGN-NOTES §3, ASVS 16.5.3). `cause` is the
 * database error, for the log only.
 */
export class AuditUnavailableError extends AppError {
  readonly status = 503;
  readonly code = 'audit.unavailable';
  readonly title = 'Service temporarily unavailable';

  constructor(
    message = 'The action could not be recorded in the audit log, so it was not carried out. Try again later.',
    readonly cause?: unknown,
  ) {
    super(message);
  }
}

/**
 * A database error raised while writing audit rows: by the audit writer, or inside a SQL function
 * that writes its own audit rows in the same statement (`cst_case_read`), where PostgreSQL names
 * the failing INSERT or the chain trigger in the error's context.
 */
export function isAuditWriteFailure(error: unknown): boolean {
  if (error instanceof AuditUnavailableError) {
    return true;
  }
  const candidate = error as { driverError?: PgFields } & PgFields;
  const pg: PgFields | undefined = candidate?.driverError ?? candidate;
  if (typeof pg?.code !== 'string' || !/^[0-9A-Z]{5}$/.test(pg.code)) {
    return false;
  }
  return (
    (typeof pg.table === 'string' && pg.table.startsWith('audit_event')) ||
    (typeof pg.where === 'string' && /\baudit_event\b|\bcst_audit_\w+\(/i.test(pg.where))
  );
}

interface PgFields {
  code?: unknown;
  table?: unknown;
  where?: unknown;
}
