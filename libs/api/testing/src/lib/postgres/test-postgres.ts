import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { EmbeddedPostgresServer, findFreePort, runMigrations } from '@casustafel/api/database';

/**
 * Real PostgreSQL for integration tests (ADR 0011).
 *
 * One server per test run: the server in `DATABASE_URL` when set (only databases named `cst_t_<run>_…`
 * are created and dropped there, never the one in the URL), otherwise a throwaway embedded server in a
 * temp folder on a free port. The schema is migrated once into a template database; every test file
 * gets its own database copied from it (`CREATE DATABASE … TEMPLATE`, ~50 ms), so files run in
 * parallel without seeing each other's rows, and a running `npm start` is never touched.
 */
export const TEST_PG_ENV = {
  serverUrl: 'CST_TEST_PG_SERVER_URL',
  template: 'CST_TEST_PG_TEMPLATE',
  runId: 'CST_TEST_PG_RUN',
} as const;

export interface TestPostgresRun {
  serverUrl: string;
  template: string;
  runId: string;
  stop(): Promise<void>;
}

export async function startTestPostgres(env: NodeJS.ProcessEnv = process.env): Promise<TestPostgresRun> {
  const runId = randomBytes(4).toString('hex');
  let embedded: EmbeddedPostgresServer | undefined;
  let serverUrl = env['DATABASE_URL'];
  if (!serverUrl) {
    embedded = new EmbeddedPostgresServer({
      dataDir: mkdtempSync(join(tmpdir(), 'casustafel-test-pg-')),
      port: await findFreePort(),
      database: 'postgres',
      ephemeral: true,
    });
    await embedded.start();
    serverUrl = embedded.adminUrl;
  }
  const template = `cst_t_${runId}_template`;
  await admin(serverUrl, (client) => client.query(`create database ${template}`));
  await runMigrations(withDatabase(serverUrl, template));
  await admin(serverUrl, (client) => client.query(`alter database ${template} with is_template true`));
  return {
    serverUrl,
    template,
    runId,
    stop: async () => {
      await dropRunDatabases(serverUrl as string, runId);
      await embedded?.destroy();
    },
  };
}

export interface TestDatabase {
  /** Owner URL of a fresh, migrated database of its own. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A migrated database for one test file; call `drop()` in `afterAll`. */
export async function createTestDatabase(env: NodeJS.ProcessEnv = process.env): Promise<TestDatabase> {
  const serverUrl = required(env, TEST_PG_ENV.serverUrl);
  const template = required(env, TEST_PG_ENV.template);
  const runId = required(env, TEST_PG_ENV.runId);
  const name = `cst_t_${runId}_${randomBytes(5).toString('hex')}`;
  await admin(serverUrl, (client) => client.query(`create database ${name} template ${template}`));
  return {
    url: withDatabase(serverUrl, name),
    name,
    drop: () =>
      admin(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`)).then(
        () => undefined,
      ),
  };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function dropRunDatabases(serverUrl: string, runId: string): Promise<void> {
  await admin(serverUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'select datname from pg_database where datname like $1',
      [`cst\\_t\\_${runId}\\_%`],
    );
    for (const { datname } of rows) {
      await client.query(`alter database ${datname} with is_template false`);
      await client.query(`drop database if exists ${datname} with (force)`);
    }
  });
}

async function admin<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl, application_name: 'casustafel-test-admin' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) {
    throw new Error(`${name} is not set: run integration tests through their jest config (globalSetup).`);
  }
  return value;
}
