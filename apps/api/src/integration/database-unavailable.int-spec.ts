import { Controller, Get, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Public } from '@casustafel/api/auth';
import { DatabaseService } from '@casustafel/api/database';
import { TestDatabase, testConfig, withDatabase, TEST_PG_ENV } from '@casustafel/api/testing';
import { Client } from 'pg';
import { createApiApp } from '../app/create-api-app';

/**
 * The API starts without its database, answers 503 meanwhile, and connects by itself (with back-off)
 * once the database appears. Here the database "appears" by being created after the app started.
 */
describe('database unreachable at start', () => {
  let app: NestFastifyApplication;
  let late: TestDatabase | undefined;
  const serverUrl = process.env[TEST_PG_ENV.serverUrl] as string;

  afterAll(async () => {
    await app?.close();
    await late?.drop();
  });

  it('reports 503 until the database is there, then 200', async () => {
    const name = `cst_t_${process.env[TEST_PG_ENV.runId]}_late`;
    app = await createApiApp(
      testConfig(withDatabase(serverUrl, name), { DATABASE_CONNECT_RETRY_MAX_MS: '200' }),
    );
    await app.init();

    const down = await app.inject({ method: 'GET', url: '/api/health' });
    expect(down.statusCode).toBe(503);
    expect(down.json()).toMatchObject({ status: 'unavailable', checks: { database: { status: 'down' } } });
    expect(app.get(DatabaseService).state).toBe('connecting');
    // Liveness does not depend on the database.
    const live = await app.inject({ method: 'GET', url: '/api/health/live' });
    expect(live.statusCode).toBe(200);
    expect(live.json()).toEqual({ status: 'ok' });

    late = await createLateDatabase(name);
    await app.get(DatabaseService).ready();
    const up = await app.inject({ method: 'GET', url: '/api/health' });
    expect(up.statusCode).toBe(200);
    expect(up.json()).toMatchObject({ status: 'ok' });
  });

  async function createLateDatabase(name: string): Promise<TestDatabase> {
    // A fresh database without the template: the app must migrate it itself on connect.
    const admin = new Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    return {
      name,
      url: withDatabase(serverUrl, name),
      drop: async () => {
        const c = new Client({ connectionString: serverUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
});

@Public()
@Controller('probe-db')
class ProbeDbController {
  constructor(private readonly database: DatabaseService) {}

  @Get()
  async count(): Promise<{ n: number }> {
    const rows: { n: number }[] = await this.database.manager.query('select 1 as n');
    return rows[0];
  }
}

@Module({ controllers: [ProbeDbController] })
class ProbeDbModule {}

describe('a request that needs the database while it is unreachable', () => {
  let app: NestFastifyApplication;

  afterAll(async () => {
    await app?.close();
  });

  it('gets a 503 problem, not a 500, and the address is not revealed', async () => {
    app = await createApiApp(
      testConfig('postgres://postgres@127.0.0.1:9/none', { DATABASE_CONNECT_RETRY_MAX_MS: '100' }),
      [ProbeDbModule],
    );
    await app.init();
    const res = await app.inject({ method: 'GET', url: '/api/probe-db' });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 503, type: 'urn:casustafel:problem:service.unavailable' });
    expect(res.body).not.toContain('127.0.0.1:9');
  });
});
