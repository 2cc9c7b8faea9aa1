import { Client, type ClientConfig } from 'pg';

/** The role every request runs as (ADR 0005): NOLOGIN, no BYPASSRLS, owns nothing. */
export const APP_ROLE = 'casustafel_app';

export interface SecurityContext {
  userId: string | null;
  organisationId: string | null;
  sessionId?: string | null;
}

/**
 * A connection as the application role, made the way the app's pool makes it when only an owner
 * URL is given (`-c role=casustafel_app`, see dataSourceOptions), or — with `loginRole` — as a
 * separate login role that is a member of the app role (production's DATABASE_APP_URL).
 */
export async function appRoleClient(
  ownerUrl: string,
  loginRole?: { name: string; password: string },
): Promise<Client> {
  const config: ClientConfig = { connectionString: ownerUrl, application_name: 'casustafel-matrix-test' };
  if (loginRole) {
    const url = new URL(ownerUrl);
    url.username = loginRole.name;
    url.password = encodeURIComponent(loginRole.password);
    config.connectionString = url.toString();
  } else {
    config.options = `-c role=${APP_ROLE}`;
  }
  const client = new Client(config);
  await client.connect();
  return client;
}

/**
 * Runs `work` in a transaction whose first statement sets the security context exactly as
 * TransactionRunner does (transaction-local set_config of user, organisation and session), then
 * rolls back: what the work saw is the answer, nothing it did stays.
 */
export async function inSecurityContext<T>(
  client: Client,
  context: SecurityContext | null,
  work: (client: Client) => Promise<T>,
): Promise<T> {
  await client.query('begin');
  try {
    if (context) {
      await client.query(
        `select set_config('app.user_id', $1, true), set_config('app.organisation_id', $2, true),
                set_config('app.session_id', $3, true)`,
        [context.userId ?? '', context.organisationId ?? '', context.sessionId ?? ''],
      );
    }
    return await work(client);
  } finally {
    await client.query('rollback');
  }
}

/** The SQLSTATE of a failed statement, or 'OK' when it succeeded (rolled back to a savepoint either way). */
export async function sqlState(client: Client, statement: string, params: unknown[] = []): Promise<string> {
  await client.query('savepoint probe');
  try {
    await client.query(statement, params);
    return 'OK';
  } catch (error) {
    return String((error as { code?: string }).code ?? 'unknown');
  } finally {
    await client.query('rollback to savepoint probe');
  }
}
