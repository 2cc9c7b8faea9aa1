import { Controller, Get, Module } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { EndpointInventory } from '@casustafel/api/auth';
import { createTestDatabase, TestAgent, TestDatabase } from '@casustafel/api/testing';
import { startTestApi } from './support/test-api';

/** A controller that forgot to declare who may call it. */
@Controller('vergeten')
class UndeclaredController {
  @Get()
  open(): string {
    return 'open';
  }
}

@Module({ controllers: [UndeclaredController] })
class UndeclaredModule {}

describe('endpoint access declarations (deny by default)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await startTestApi(db.url));
  });

  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  /**
   * Review a change of this snapshot as a security change: it is the list of who may call what.
   * Update deliberately with `npx jest -c apps/api/jest.integration.config.cts endpoint-access -u`.
   */
  it('lists every endpoint with its access declaration', () => {
    const lines = app
      .get(EndpointInventory)
      .list()
      .map((e) => `${e.method.padEnd(6)} ${e.path.padEnd(55)} ${e.access}`);
    expect(lines.join('\n')).toMatchSnapshot();
  });

  it('refuses to start when an endpoint declares no access', async () => {
    await expect(startTestApi(db.url, {}, [UndeclaredModule])).rejects.toThrow(/GET \/api\/vergeten/);
  });

  it('answers an anonymous call to a protected endpoint with 401 problem details', async () => {
    const res = await new TestAgent(app).get<{ type: string }>('/api/account/sessions');
    expect(res.status).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.type).toBe('urn:casustafel:problem:auth.unauthenticated');
  });
});

describe('security headers', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });

  afterAll(async () => {
    await db?.drop();
  });

  it('sends a CSP without inline scripts, no framing, nosniff, no referrer, and no-store on the API', async () => {
    const { app } = await startTestApi(db.url);
    try {
      for (const url of ['/api/health', '/api/auth/config', '/api/bestaat-niet']) {
        const res = await app.inject({ method: 'GET', url });
        const csp = String(res.headers['content-security-policy']);
        expect(csp).toContain("default-src 'self'");
        expect(csp).toContain("script-src 'self'");
        expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
        expect(csp).toContain("frame-ancestors 'none'");
        expect(res.headers['x-frame-options']).toBe('DENY');
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['referrer-policy']).toBe('no-referrer');
        expect(res.headers['cache-control']).toBe('no-store');
        // Plain HTTP (tests, a laptop): no HSTS, which would lock the browser out of http://127.0.0.1.
        expect(res.headers['strict-transport-security']).toBeUndefined();
      }
    } finally {
      await app.close();
    }
  });

  it('adds HSTS and __Host- cookies when cookies are Secure (production behind HTTPS)', async () => {
    const { app } = await startTestApi(db.url, { COOKIE_SECURE: 'true' });
    try {
      const res = await app.inject({ method: 'GET', url: '/api/auth/config' });
      expect(res.headers['strict-transport-security']).toMatch(/max-age=31536000/);
      expect(String(res.headers['set-cookie'])).toMatch(
        /^__Host-cst_csrf=.*; Path=\/; Secure; SameSite=Strict/,
      );
    } finally {
      await app.close();
    }
  });
});
