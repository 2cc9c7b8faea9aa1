import { createServer, Server } from 'node:net';
import { createTestDatabase, TestDatabase } from '@casustafel/api/testing';
import { Client } from 'pg';
import {
  assertBuilt,
  embeddedAdminUrl,
  freePort,
  isAlive,
  postmasterPid,
  removeDir,
  ServerProcess,
  tempDataDir,
  waitUntilDead,
} from './server-process';

/**
 * What `npm start` does on a user's machine, against the built server: embedded PostgreSQL with data
 * kept between runs, clean stop on SIGTERM/SIGINT, recovery after a crash, and clear messages for a
 * taken port, invalid configuration and an unreachable database.
 */
describe('the built server (npm start)', () => {
  beforeAll(() => assertBuilt());

  describe('with the embedded PostgreSQL', () => {
    let dataDir: string;
    let port: number;
    let pgPort: number;
    const env = () => ({
      DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(pgPort),
      LOG_LEVEL: 'warn',
    });

    beforeAll(async () => {
      dataDir = tempDataDir();
      port = await freePort();
      pgPort = await freePort();
    });

    afterAll(() => removeDir(dataDir));

    it('starts, seeds the demo region, serves web and API, prints URL and logins, and stops cleanly', async () => {
      const server = new ServerProcess(env());
      try {
        await server.waitFor('Press Ctrl-C to stop.');
        expect(server.output).toContain(`Casustafel is running at http://127.0.0.1:${port}/`);
        expect(server.output).toContain('voorzitter@demo.casustafel.example');
        expect(server.output).toContain('Casustafel-demo-2026');
        expect(server.output).toMatch(/fictional/i);

        const health = await fetch(`http://127.0.0.1:${port}/api/health`);
        expect(health.status).toBe(200);
        expect(await health.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });

        const page = await fetch(`http://127.0.0.1:${port}/`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<html lang="nl"');

        const deepLink = await fetch(`http://127.0.0.1:${port}/inloggen`, {
          headers: { accept: 'text/html' },
        });
        expect(deepLink.status).toBe(200);
        expect(deepLink.headers.get('content-type')).toContain('text/html');

        const openapi = await fetch(`http://127.0.0.1:${port}/api/openapi.json`);
        expect((await openapi.json()).openapi).toMatch(/^3\./);

        const missing = await fetch(`http://127.0.0.1:${port}/api/bestaat-niet`);
        expect(missing.status).toBe(404);
        expect(missing.headers.get('content-type')).toContain('application/problem+json');

        // Only loopback by default.
        expect(server.output).not.toContain('0.0.0.0');
      } finally {
        const pgPid = postmasterPid(dataDir);
        expect(pgPid).toBeDefined();
        await expect(server.stop('SIGTERM')).resolves.toBe(0);
        await waitUntilDead(pgPid as number, 5000);
      }
      expect(postmasterPid(dataDir)).toBeUndefined();
    });

    it('keeps the data on a second start and does not seed twice (Ctrl-C = SIGINT)', async () => {
      const server = new ServerProcess(env());
      try {
        await server.waitFor('Press Ctrl-C to stop.');
        const sql = new Client({ connectionString: embeddedAdminUrl(dataDir, pgPort) });
        await sql.connect();
        try {
          const { rows } = await sql.query('select count(*)::int as n from region');
          expect(rows[0].n).toBe(1);
          const users = await sql.query('select count(*)::int as n from app_user');
          // The thirteen demo logins of the README, once.
          expect(users.rows[0].n).toBe(13);
        } finally {
          await sql.end();
        }
      } finally {
        await expect(server.stop('SIGINT')).resolves.toBe(0);
      }
      expect(postmasterPid(dataDir)).toBeUndefined();
    });

    it('recovers from a crash that left PostgreSQL running (kill -9)', async () => {
      const crashed = new ServerProcess(env());
      await crashed.waitFor('Press Ctrl-C to stop.');
      const stalePid = postmasterPid(dataDir) as number;
      await crashed.stop('SIGKILL');
      expect(isAlive(stalePid)).toBe(true);

      const server = new ServerProcess(env());
      try {
        await server.waitFor('Press Ctrl-C to stop.');
        expect(server.output).toMatch(/stale embedded PostgreSQL/);
        expect(isAlive(stalePid)).toBe(false);
        expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      } finally {
        await expect(server.stop()).resolves.toBe(0);
      }
    });

    it('says clearly that the port is taken, without a stack trace, and leaves no PostgreSQL behind', async () => {
      const blocker: Server = createServer();
      await new Promise<void>((done) => blocker.listen(port, '127.0.0.1', done));
      try {
        const server = new ServerProcess(env());
        const code = await server.exit();
        expect(code).not.toBe(0);
        expect(server.output).toContain(`Port ${port} on 127.0.0.1 is already in use`);
        expect(server.output).not.toMatch(/\n\s+at /);
        expect(postmasterPid(dataDir)).toBeUndefined();
      } finally {
        await new Promise((done) => blocker.close(done));
      }
    });
  });

  it('refuses to start with invalid configuration, listing every problem', async () => {
    const server = new ServerProcess({ PORT: 'eighty', NODE_ENV: 'staging', EMBEDDED_PG_PORT: '5432' });
    await expect(server.exit()).resolves.toBe(78);
    expect(server.output).toContain('PORT: must be a whole number');
    expect(server.output).toContain('NODE_ENV: must be one of');
    expect(server.output).toContain('EMBEDDED_PG_PORT: must not be 5432');
    expect(server.output).not.toMatch(/\n\s+at /);
  });

  describe('with DATABASE_URL', () => {
    let db: TestDatabase;

    beforeAll(async () => {
      db = await createTestDatabase();
    });

    afterAll(() => db?.drop());

    it('uses that server, starts no embedded one, and seeds nothing unless asked', async () => {
      const dataDir = tempDataDir();
      const port = await freePort();
      const server = new ServerProcess({
        DATABASE_URL: db.url,
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
      });
      try {
        await server.waitFor('Press Ctrl-C to stop.');
        expect(server.output).toContain('Database: DATABASE_URL');
        expect(server.output).not.toContain('demo.casustafel.example');
        expect(postmasterPid(dataDir)).toBeUndefined();
        expect((await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
      } finally {
        await expect(server.stop()).resolves.toBe(0);
        removeDir(dataDir);
      }
    });

    it('keeps serving 503 with a clear, password-free message while the database is unreachable', async () => {
      const port = await freePort();
      const deadPort = await freePort();
      const server = new ServerProcess({
        DATABASE_URL: `postgres://casustafel:s3cret-pw@127.0.0.1:${deadPort}/casustafel`,
        PORT: String(port),
        DATABASE_CONNECT_RETRY_MAX_MS: '500',
        LOG_LEVEL: 'info',
      });
      try {
        await server.waitFor(/Database not reachable.*retrying/);
        const health = await fetch(`http://127.0.0.1:${port}/api/health`);
        expect(health.status).toBe(503);
        expect(server.output).not.toContain('s3cret-pw');
      } finally {
        await expect(server.stop()).resolves.toBe(0);
      }
    });
  });
});
