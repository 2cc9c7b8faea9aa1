import { Body, Controller, Get, Module, Post } from '@nestjs/common';
import { Public } from '@casustafel/api/auth';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DatabaseService } from '@casustafel/api/database';
import { ConflictError } from '@casustafel/api/platform';
import { createTestDatabase, TestDatabase, testConfig } from '@casustafel/api/testing';
import type { ProblemDetails } from '@casustafel/shared/contracts';
import { Type } from 'class-transformer';
import { IsEmail, IsInt, IsString, Length, Min, ValidateNested } from 'class-validator';
import { createApiApp } from '../app/create-api-app';

class ProbeAddress {
  @IsString()
  @Length(4, 7)
  postcode!: string;
}

class ProbeInput {
  @IsString()
  @Length(1, 50)
  name!: string;

  @IsInt()
  @Min(1)
  count!: number;

  @IsEmail()
  email!: string;

  @ValidateNested()
  @Type(() => ProbeAddress)
  address!: ProbeAddress;
}

/** A controller only this test mounts, to exercise the global pipe and filter. */
@Public()
@Controller('probe')
class ProbeController {
  @Post()
  accept(@Body() input: ProbeInput): { accepted: string } {
    return { accepted: input.name };
  }

  @Get('boom')
  boom(): never {
    throw new Error('secret detail: BSN 123456782 of Jan Fictief');
  }

  @Get('conflict')
  conflict(): never {
    throw new ConflictError('The case was changed by someone else; reload and try again.');
  }
}

@Module({ controllers: [ProbeController] })
class ProbeModule {}

const valid = { name: 'x', count: 2, email: 'a@example.org', address: { postcode: '1211AB' } };

describe('HTTP platform (real app, real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let csrf: Record<string, string>;

  beforeAll(async () => {
    db = await createTestDatabase();
    app = await createApiApp(testConfig(db.url), [ProbeModule]);
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(DatabaseService).ready();
    // State-changing requests echo the CSRF cookie in a header, as the web app does.
    const config = await app.inject({ method: 'GET', url: '/api/auth/config' });
    const token = /cst_csrf=([^;]+)/.exec(String(config.headers['set-cookie']))?.[1] ?? '';
    csrf = { cookie: `cst_csrf=${token}`, 'x-csrf-token': token };
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const problem = (body: string) => JSON.parse(body) as ProblemDetails;

  it('reports health with a database check', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toMatchObject({ status: 'ok', checks: { database: { status: 'up' } } });
  });

  it('answers unknown routes with a 404 problem carrying the correlation id', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/bestaat-niet' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = problem(res.body);
    expect(body).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/bestaat-niet' });
    expect(body.correlationId).toMatch(/^[\w-]{8,}$/);
    expect(res.headers['x-correlation-id']).toBe(body.correlationId);
  });

  it('keeps a safe incoming correlation id and replaces an unsafe one', async () => {
    const kept = await app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'x-correlation-id': 'abc-123-def' },
    });
    expect(problem(kept.body).correlationId).toBe('abc-123-def');
    const replaced = await app.inject({
      method: 'GET',
      url: '/api/nope',
      headers: { 'x-correlation-id': '<script>alert(1)</script>' },
    });
    expect(problem(replaced.body).correlationId).not.toContain('<');
  });

  it('accepts a valid body', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/probe', headers: csrf, payload: valid });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ accepted: 'x' });
  });

  it('names every invalid field, nested ones by path', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe',
      headers: csrf,
      payload: { name: '', count: 0, email: 'not-an-email', address: { postcode: '1' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = problem(res.body);
    expect(body.type).toBe('urn:casustafel:problem:validation');
    expect([...new Set(body.errors?.map((e) => e.field))].sort()).toEqual([
      'address.postcode',
      'count',
      'email',
      'name',
    ]);
    expect(body.errors?.find((e) => e.field === 'email')?.code).toBe('isEmail');
    // Values are never echoed back.
    expect(res.body).not.toContain('not-an-email');
  });

  it('rejects unknown properties instead of dropping them', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe',
      headers: csrf,
      payload: { ...valid, isAdmin: true },
    });
    expect(res.statusCode).toBe(400);
    expect(problem(res.body).errors).toEqual([
      { field: 'isAdmin', code: 'whitelistValidation', message: 'property isAdmin is not allowed' },
    ]);
  });

  it('answers malformed JSON with a 400 problem that does not quote the body', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe',
      headers: {
        ...csrf,
        'content-type': 'application/json',
      },
      payload: '{"name": "Jan Fictief", oops',
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(problem(res.body).detail).toMatch(/not valid JSON/);
    expect(res.body).not.toContain('Fictief');
  });

  it('answers an unsupported content type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe',
      headers: {
        ...csrf,
        'content-type': 'application/xml',
      },
      payload: '<probe/>',
    });
    expect(res.statusCode).toBe(415);
    expect(problem(res.body).status).toBe(415);
  });

  it('hides unexpected errors behind a generic 500 without stack or message', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/probe/boom' });
    expect(res.statusCode).toBe(500);
    const body = problem(res.body);
    expect(body.title).toBe('Internal Server Error');
    expect(res.body).not.toMatch(/secret|123456782|Fictief|at \w+ \(|\.ts:\d+/);
    expect(body.correlationId).toBeTruthy();
  });

  it('maps a conflict to 409', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/probe/conflict' });
    expect(res.statusCode).toBe(409);
    expect(problem(res.body)).toMatchObject({ status: 409, type: 'urn:casustafel:problem:conflict' });
  });

  it('serves the OpenAPI 3 document and its viewer', async () => {
    const doc = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const openapi = doc.json() as { openapi: string; paths: Record<string, unknown> };
    expect(openapi.openapi).toMatch(/^3\./);
    expect(Object.keys(openapi.paths)).toContain('/api/health');
    const viewer = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(viewer.statusCode).toBe(200);
    expect(viewer.headers['content-type']).toContain('text/html');
  });
});
