import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  createWriteStream,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
// This Node-side harness creates and drops the throwaway test database; nothing here reaches the browser.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { Client } from 'pg';

export const WORKSPACE_ROOT = join(__dirname, '..', '..', '..', '..');
export const API_MAIN = join(WORKSPACE_ROOT, 'dist', 'apps', 'api', 'main.js');
export const WEB_DIST = join(WORKSPACE_ROOT, 'dist', 'apps', 'web', 'browser');
export const SERVER_LOG = join(WORKSPACE_ROOT, 'tmp', 'test-results', 'e2e-server.log');

/** Printed by apps/api/src/main.ts once migrations and the demo seed are done. */
const READY_BANNER = 'Casustafel is running at';
const START_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

/** Variables of the developer's shell that must not leak into the test server. */
const SERVER_ENV_KEYS = [
  'NODE_ENV',
  'HOST',
  'PORT',
  'DATABASE_URL',
  'DATABASE_APP_URL',
  'DATA_DIR',
  'EMBEDDED_PG_PORT',
  'SEED_DEMO',
  'LOG_LEVEL',
  'LOG_PRETTY',
  'WEB_DIST_DIR',
  'DEMO_MODE',
  'SESSION_IDLE_MINUTES',
  'SESSION_ABSOLUTE_HOURS',
  'COOKIE_SECURE',
  'LOGIN_RATE_LIMIT_PER_MINUTE',
  'LOGIN_LOCKOUT_THRESHOLD',
  'LOGIN_LOCKOUT_MINUTES',
  'ENCRYPTION_KEYS',
  'HASH_KEY',
  'JOBS_POLL_SECONDS',
  'REMINDER_INTERVAL_SECONDS',
  'REMINDER_DAYS_BEFORE',
  'SMTP_URL',
  'SMTP_FROM',
  'PUBLIC_BASE_URL',
  'REDIS_URL',
  'WEB_ORIGINS',
];

export interface E2eServer {
  baseUrl: string;
  child: ChildProcess;
  /** Stops the local SMTP sink the app sends its e-mails to. */
  stopMailSink?: () => Promise<void>;
  /** Temporary folder of the embedded PostgreSQL (when DATABASE_URL is unset). */
  dataDir?: string;
  /** Throwaway database created on the developer's server (when DATABASE_URL is set). */
  database?: { adminUrl: string; name: string };
}

/**
 * Starts the built app (`dist/apps/api/main.js`, which also serves `dist/apps/web/browser`) on free
 * ports with throwaway data, and resolves once it is seeded and healthy.
 *
 * - `DATABASE_URL` unset: the app's embedded PostgreSQL in a new temporary folder.
 * - `DATABASE_URL` set: never that database itself (a developer's data may live there), but a new
 *   `casustafel_e2e_<random>` database on the same server, dropped again by {@link stopE2eServer}.
 */
export async function startE2eServer(options: { smtpPort?: number } = {}): Promise<E2eServer> {
  assertBuilt();
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = withoutServerEnv(process.env);
  Object.assign(env, {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    SEED_DEMO: 'true',
    LOG_LEVEL: 'warn',
    WEB_DIST_DIR: WEB_DIST,
    // Demo accounts sign in without a second factor; journeys that test the second factor use new accounts.
    DEMO_MODE: 'true',
    // Plain http://127.0.0.1: cookies without Secure (production behind HTTPS keeps the default, true).
    COOKIE_SECURE: 'false',
    // Throwaway keys for throwaway data.
    ENCRYPTION_KEYS: `e2e:${randomBytes(32).toString('base64')}`,
    HASH_KEY: randomBytes(32).toString('base64'),
    // The journeys log in many times from one address.
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    // Durable jobs every second, the action reminders too: a new action's owner is notified at once
    // (in production: JOBS_POLL_SECONDS 10, REMINDER_INTERVAL_SECONDS 60).
    JOBS_POLL_SECONDS: '1',
    REMINDER_INTERVAL_SECONDS: '1',
  });
  if (options.smtpPort) {
    // The notification e-mails go to the journeys' local SMTP sink (src/support/mail-sink.ts).
    env['SMTP_URL'] = `smtp://127.0.0.1:${options.smtpPort}`;
  }

  let dataDir: string | undefined;
  let database: E2eServer['database'];
  const developerUrl = process.env['DATABASE_URL']?.trim();
  if (developerUrl) {
    database = { adminUrl: developerUrl, name: `casustafel_e2e_${randomBytes(6).toString('hex')}` };
    await createDatabase(database.adminUrl, database.name);
    env['DATABASE_URL'] = withDatabase(developerUrl, database.name);
    const appUrl = process.env['DATABASE_APP_URL']?.trim();
    if (appUrl) {
      env['DATABASE_APP_URL'] = withDatabase(appUrl, database.name);
    }
  } else {
    dataDir = mkdtempSync(join(tmpdir(), 'casustafel-web-e2e-'));
    env['DATA_DIR'] = dataDir;
    env['EMBEDDED_PG_PORT'] = String(await findFreePort());
  }

  mkdirSync(dirname(SERVER_LOG), { recursive: true });
  const log = createWriteStream(SERVER_LOG);
  const child = spawn(process.execPath, [API_MAIN], {
    cwd: WORKSPACE_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  child.once('exit', () => log.end());

  const server: E2eServer = { baseUrl: `http://127.0.0.1:${port}`, child, dataDir, database };
  try {
    await waitUntilReady(server);
  } catch (error) {
    await stopE2eServer(server);
    throw error;
  }
  return server;
}

/** Stops the app (which stops its embedded PostgreSQL), then removes the temporary data. */
export async function stopE2eServer(server: E2eServer): Promise<void> {
  try {
    await stopProcess(server.child);
    await server.stopMailSink?.();
  } finally {
    if (server.dataDir) {
      await stopOrphanedPostgres(server.dataDir);
      rmSync(server.dataDir, { recursive: true, force: true });
    }
    if (server.database) {
      await dropDatabase(server.database.adminUrl, server.database.name);
    }
  }
}

function assertBuilt(): void {
  const missing = [API_MAIN, join(WEB_DIST, 'index.html')].filter((file) => !existsSync(file));
  if (missing.length > 0) {
    throw new Error(
      `The e2e journeys run against the built app, but ${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} missing.\n` +
        'Build it first: npx nx run-many -t build -p api web',
    );
  }
}

function withoutServerEnv(source: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env = { ...source };
  for (const key of SERVER_ENV_KEYS) {
    delete env[key];
  }
  return env;
}

async function waitUntilReady(server: E2eServer): Promise<void> {
  const { child } = server;
  let output = '';
  const banner = new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-8_000);
      if (output.includes(READY_BANNER)) {
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) =>
      reject(new Error(`The app stopped during start-up (${signal ?? `exit ${code}`}).`)),
    );
    child.once('error', reject);
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`The app did not print "${READY_BANNER}" within ${START_TIMEOUT_MS / 1000} s.`)),
      START_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([banner, timeout]);
    const health = await fetch(`${server.baseUrl}/api/health`);
    if (health.status !== 200) {
      throw new Error(`GET /api/health answered ${health.status} after start-up.`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\nLast output of the app (full log: ${SERVER_LOG}):\n${output.trim()}`);
  } finally {
    clearTimeout(timer);
  }
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      // The app did not stop in time; the caller still stops PostgreSQL and removes the data.
      child.kill('SIGKILL');
    }, STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The app stops its embedded PostgreSQL on SIGTERM. If it could not (crash, SIGKILL), the server
 * (started with pg_ctl in its own process group) would outlive it: stop it by its pid file.
 */
async function stopOrphanedPostgres(dataDir: string): Promise<void> {
  for (const pidFile of findFiles(dataDir, 'postmaster.pid')) {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid > 0 && isAlive(pid)) {
      process.kill(pid, 'SIGINT'); // "fast" shutdown
      const deadline = Date.now() + 10_000;
      while (isAlive(pid) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
}

function findFiles(dir: string, name: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === name)
    .map((entry) => join(entry.parentPath, entry.name));
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function createDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
  );
}

async function withClient(url: string, work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
