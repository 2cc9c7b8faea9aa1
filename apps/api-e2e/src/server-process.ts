import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WORKSPACE = resolve(__dirname, '../../..');
export const MAIN_JS = join(WORKSPACE, 'dist/apps/api/main.js');
export const WEB_DIST = join(WORKSPACE, 'dist/apps/web/browser');

export function assertBuilt(): void {
  if (!existsSync(MAIN_JS) || !existsSync(join(WEB_DIST, 'index.html'))) {
    throw new Error('Build first: npx nx run-many -t build -p api web');
  }
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => done(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'casustafel-e2e-data-'));
}

/** The built server as a user runs it, with only the given variables (plus PATH/HOME) set. */
export class ServerProcess {
  readonly child: ChildProcess;
  private out = '';
  private readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>, args: string[] = []) {
    this.child = spawn(process.execPath, [MAIN_JS, ...args], {
      cwd: WORKSPACE,
      env: { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child.stdout?.on('data', (chunk: Buffer) => (this.out += chunk.toString()));
    this.child.stderr?.on('data', (chunk: Buffer) => (this.out += chunk.toString()));
    this.exited = new Promise((done) => this.child.once('exit', (code) => done(code)));
  }

  get output(): string {
    return this.out;
  }

  /** Resolves when `text` has been printed; rejects when the process exits first or on timeout. */
  async waitFor(text: string | RegExp, timeoutMs = 90000): Promise<void> {
    const started = Date.now();
    let exitCode: number | null | undefined;
    void this.exited.then((code) => (exitCode = code));
    while (!(typeof text === 'string' ? this.out.includes(text) : text.test(this.out))) {
      if (exitCode !== undefined) {
        throw new Error(`Server exited (${exitCode}) before printing ${text}:\n${this.out}`);
      }
      if (Date.now() - started > timeoutMs) {
        throw new Error(`Timed out waiting for ${text}:\n${this.out}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async exit(timeoutMs = 60000): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        this.exited,
        new Promise<never>((_, fail) => {
          timer = setTimeout(() => fail(new Error(`No exit:\n${this.out}`)), timeoutMs);
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill(signal);
    }
    return this.exit();
  }
}

/** PID of the embedded PostgreSQL of a data folder, if one is running. */
export function postmasterPid(dataDir: string): number | undefined {
  const file = join(dataDir, 'postgres', 'postmaster.pid');
  if (!existsSync(file)) {
    return undefined;
  }
  const pid = Number(readFileSync(file, 'utf8').split('\n')[0]);
  return isAlive(pid) ? pid : undefined;
}

/** Running and not a zombie (an orphan nobody reaps still answers kill(pid, 0)). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

export async function waitUntilDead(pid: number, timeoutMs = 30000): Promise<void> {
  const started = Date.now();
  while (isAlive(pid)) {
    if (Date.now() - started > timeoutMs) {
      throw new Error(`process ${pid} still alive`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function embeddedAdminUrl(dataDir: string, port: number): string {
  const password = readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/casustafel`;
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
