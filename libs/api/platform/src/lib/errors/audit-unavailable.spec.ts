import { AuditUnavailableError, isAuditWriteFailure } from './audit-unavailable';

/** PostgreSQL errors as node-postgres reports them, wrapped the way TypeORM wraps them. */
function pgError(fields: { code: string; where?: string; table?: string }) {
  const driverError = Object.assign(new Error('boom'), fields);
  return Object.assign(new Error('query failed'), { ...fields, driverError });
}

describe('isAuditWriteFailure', () => {
  it("recognises the audit writer's own error", () => {
    expect(isAuditWriteFailure(new AuditUnavailableError())).toBe(true);
  });

  it('recognises a failure inside an audit insert of a SQL function (cst_case_read)', () => {
    const where = [
      'PL/pgSQL function raise_it() line 1 at RAISE',
      'SQL statement "INSERT INTO audit_event (occurred_at, action) SELECT p_at, \'case.read\'"',
      'PL/pgSQL function cst_case_read(uuid,uuid,uuid,uuid,text[],text,text,text,timestamp with time zone) line 12 at SQL statement',
    ].join('\n');
    expect(isAuditWriteFailure(pgError({ code: 'P0001', where }))).toBe(true);
    expect(
      isAuditWriteFailure(
        pgError({ code: '55P03', where: 'PL/pgSQL function cst_audit_chain_link() line 9 at SQL statement' }),
      ),
    ).toBe(true);
    expect(isAuditWriteFailure(pgError({ code: '23514', table: 'audit_event_y2026m11' }))).toBe(true);
  });

  it('leaves every other error alone', () => {
    expect(isAuditWriteFailure(pgError({ code: '23505', table: 'app_user' }))).toBe(false);
    expect(
      isAuditWriteFailure(
        pgError({ code: '22P02', where: 'PL/pgSQL function cst_case_read(uuid) line 30 at SQL statement' }),
      ),
    ).toBe(false);
    expect(isAuditWriteFailure(new Error('audit_event'))).toBe(false);
    expect(isAuditWriteFailure(undefined)).toBe(false);
  });
});
