import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { base32Decode, totp } from '@casustafel/api/auth';
import { Clock } from '@casustafel/api/platform';
import {
  createTestDatabase,
  IdentityFactory,
  TestAgent,
  TestDatabase,
  TEST_PASSWORD,
} from '@casustafel/api/testing';
import type {
  LoginStepResponse,
  ProblemDetails,
  SecondFactorEnrolmentResponse,
  SessionResponse,
} from '@casustafel/shared/contracts';
import { startTestApi } from './support/test-api';

const MINUTE = 60_000;

describe('authentication (real app, real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let clock: Clock;
  let factory: IdentityFactory;
  let orgId: string;
  let tableId: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app, clock } = await startTestApi(db.url, { DEMO_MODE: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
    factory = await IdentityFactory.connect(db.url);
    const region = await factory.region();
    orgId = await factory.organisation(region, 'POLITIE');
    tableId = await factory.table(region);
    await factory.membership(tableId, orgId);
  });

  afterEach(() => clock.reset());

  afterAll(async () => {
    await factory?.close();
    await app?.close();
    await db?.drop();
  });

  async function agent(): Promise<TestAgent> {
    const a = new TestAgent(app);
    a.headers['user-agent'] = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/156.0 Safari/537.36';
    const config = await a.get('/api/auth/config');
    expect(config.status).toBe(200);
    return a;
  }

  const newUser = (options: Parameters<IdentityFactory['user']>[1] = {}) =>
    factory.user(orgId, { roles: [{ tableId, role: 'DEELNEMER' }], ...options });

  async function auditActions(userId: string): Promise<string[]> {
    const { rows } = await factory.client.query<{ action: string; outcome: string }>(
      'select action, outcome from audit_event where actor_user_id = $1 order by seq',
      [userId],
    );
    return rows.map((r) => `${r.action}:${r.outcome}`);
  }

  /** Enrols a second factor for a fresh user through the API; returns the secret and recovery codes. */
  async function enrol(a: TestAgent, email: string): Promise<{ secret: Buffer; recoveryCodes: string[] }> {
    const login = await a.post<LoginStepResponse>('/api/auth/login', { email, password: TEST_PASSWORD });
    expect(login.body.next).toBe('ENROL_SECOND_FACTOR');
    const start = await a.post<SecondFactorEnrolmentResponse>('/api/auth/second-factor/enrolment');
    expect(start.status).toBe(200);
    expect(start.body.qrCodeDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(start.body.otpauthUri).toContain('otpauth://totp/Casustafel:');
    const secret = base32Decode(start.body.secret);
    const confirm = await a.post<LoginStepResponse & { recoveryCodes: string[] }>(
      '/api/auth/second-factor/enrolment/confirm',
      {
        code: totp(secret, clock.nowMs()),
      },
    );
    expect(confirm.status).toBe(200);
    expect(confirm.body.next).toBe('DONE');
    return { secret, recoveryCodes: confirm.body.recoveryCodes };
  }

  describe('password step', () => {
    it('lets a demo account in at once while demo mode is on', async () => {
      const user = await newUser({ isDemo: true });
      const a = await agent();
      const login = await a.post<LoginStepResponse>('/api/auth/login', {
        email: user.email.toUpperCase(),
        password: TEST_PASSWORD,
      });
      expect(login.status).toBe(200);
      expect(login.body).toEqual({ next: 'DONE' });
      const session = await a.get<SessionResponse>('/api/auth/session');
      expect(session.status).toBe(200);
      expect(session.body.user.id).toBe(user.id);
      expect(session.body.roles).toEqual([expect.objectContaining({ tableId, role: 'DEELNEMER' })]);
      expect(session.body.permissions).toEqual([
        'account.manage',
        'cases.read',
        'cases.write',
        'registrations.create',
        'rights.tasks',
        'meetings.attend',
        'actions.work',
        'extracts.receive',
      ]);
      expect(await auditActions(user.id)).toEqual(['auth.login:OK', 'auth.login.completed:OK']);
    });

    it('sets the session cookie httpOnly and SameSite=Strict, and the CSRF cookie readable', async () => {
      const user = await newUser({ isDemo: true });
      const a = new TestAgent(app);
      await a.get('/api/auth/config');
      const login = await a.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
      const cookies = ([] as string[]).concat(login.headers['set-cookie'] as string[]);
      const session = cookies.find((c) => c.startsWith('cst_session='));
      const csrf = cookies.find((c) => c.startsWith('cst_csrf='));
      expect(session).toMatch(/HttpOnly/i);
      expect(session).toMatch(/SameSite=Strict/i);
      expect(session).toMatch(/Path=\//);
      expect(csrf).not.toMatch(/HttpOnly/i);
      expect(csrf).toMatch(/SameSite=Strict/i);
    });

    it('answers an unknown account exactly like a wrong password (no enumeration)', async () => {
      const user = await newUser();
      const a = await agent();
      const wrong = await a.post<ProblemDetails>('/api/auth/login', {
        email: user.email,
        password: 'niet-het-wachtwoord',
      });
      const unknown = await a.post<ProblemDetails>('/api/auth/login', {
        email: 'niemand@test.example',
        password: 'niet-het-wachtwoord',
      });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      const strip = (problem: ProblemDetails) => ({ ...problem, correlationId: undefined });
      expect(strip(unknown.body)).toEqual(strip(wrong.body));
      expect(wrong.body.type).toBe('urn:casustafel:problem:auth.invalid_credentials');
      expect(await auditActions(user.id)).toEqual(['auth.login:DENIED']);
    });

    it('answers a deactivated account like a wrong password', async () => {
      const user = await newUser({ isDemo: true, active: false });
      const a = await agent();
      const login = await a.post<ProblemDetails>('/api/auth/login', {
        email: user.email,
        password: TEST_PASSWORD,
      });
      expect(login.status).toBe(401);
      expect(login.body.type).toBe('urn:casustafel:problem:auth.invalid_credentials');
    });

    it('names each invalid field and writes nothing', async () => {
      const a = await agent();
      const { rows: before } = await factory.client.query('select count(*)::int as n from audit_event');
      const res = await a.post<ProblemDetails>('/api/auth/login', {
        email: 'geen-adres',
        password: '',
        extra: 1,
      });
      expect(res.status).toBe(400);
      expect(res.body.errors?.map((e) => e.field).sort()).toEqual(['email', 'extra', 'password']);
      const { rows: after } = await factory.client.query('select count(*)::int as n from audit_event');
      expect(after[0].n).toBe(before[0].n);
    });

    it('locks the account after five failures, refuses even the right password meanwhile, and locks longer the next time', async () => {
      const user = await newUser({ isDemo: true });
      const a = await agent();
      for (let i = 0; i < 5; i++) {
        expect(
          (await a.post('/api/auth/login', { email: user.email, password: `fout-${i}-wachtwoord` })).status,
        ).toBe(401);
      }
      const locked = await a.post<ProblemDetails>('/api/auth/login', {
        email: user.email,
        password: TEST_PASSWORD,
      });
      expect(locked.status).toBe(401);
      expect(locked.body.type).toBe('urn:casustafel:problem:auth.invalid_credentials');
      expect(await auditActions(user.id)).toEqual([
        ...Array(5).fill('auth.login:DENIED'),
        'auth.lockout:OK',
        'auth.login:DENIED',
      ]);

      clock.advance(16 * MINUTE);
      for (let i = 0; i < 5; i++) {
        await a.post('/api/auth/login', { email: user.email, password: `weer-fout-${i}-wachtwoord` });
      }
      // The second lock lasts 30 minutes: still locked after 16.
      clock.advance(16 * MINUTE);
      expect((await a.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(
        401,
      );
      clock.advance(15 * MINUTE);
      const again = await a.post<LoginStepResponse>('/api/auth/login', {
        email: user.email,
        password: TEST_PASSWORD,
      });
      expect(again.status).toBe(200);
      expect(again.body.next).toBe('DONE');
    });

    it('limits attempts per client address with 429 and Retry-After', async () => {
      const { app: limited } = await startTestApi(db.url, { LOGIN_RATE_LIMIT_PER_MINUTE: '3' });
      try {
        const a = new TestAgent(limited);
        await a.get('/api/auth/config');
        const statuses: number[] = [];
        for (let i = 0; i < 4; i++) {
          statuses.push(
            (await a.post('/api/auth/login', { email: 'iemand@test.example', password: 'x' })).status,
          );
        }
        expect(statuses).toEqual([401, 401, 401, 429]);
        const last = await a.post<ProblemDetails>('/api/auth/login', {
          email: 'iemand@test.example',
          password: 'x',
        });
        expect(last.headers['retry-after']).toMatch(/^\d+$/);
        expect(last.headers['content-type']).toContain('application/problem+json');
      } finally {
        await limited.close();
      }
    });
  });

  describe('second factor', () => {
    it('enrols with a QR code and recovery codes, then requires a fresh code at every login', async () => {
      const user = await newUser();
      const a = await agent();
      const { secret, recoveryCodes } = await enrol(a, user.email);
      expect(recoveryCodes).toHaveLength(10);
      expect(new Set(recoveryCodes).size).toBe(10);
      expect((await a.get('/api/auth/session')).status).toBe(200);

      // Only hashes are stored.
      const { rows } = await factory.client.query(
        'select code_hash from user_recovery_code where user_id = $1',
        [user.id],
      );
      expect(rows).toHaveLength(10);
      expect(JSON.stringify(rows)).not.toContain(recoveryCodes[0]);

      clock.advance(2 * MINUTE);
      const b = await agent();
      const login = await b.post<LoginStepResponse>('/api/auth/login', {
        email: user.email,
        password: TEST_PASSWORD,
      });
      expect(login.body.next).toBe('SECOND_FACTOR');
      // A login in progress cannot read anything yet.
      expect((await b.get('/api/auth/session')).status).toBe(401);

      const wrong = await b.post<ProblemDetails>('/api/auth/second-factor', {
        code: '000000' === totp(secret, clock.nowMs()) ? '111111' : '000000',
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'code', code: 'invalidCode' })]);

      const code = totp(secret, clock.nowMs());
      const ok = await b.post<LoginStepResponse>('/api/auth/second-factor', { code });
      expect(ok.body).toEqual({ next: 'DONE' });
      expect((await b.get('/api/auth/session')).status).toBe(200);

      // The same code does not work twice (RFC 6238 §5.2).
      const c = await agent();
      await c.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
      expect((await c.post('/api/auth/second-factor', { code })).status).toBe(400);

      // A recovery code works once.
      const viaRecovery = await c.post<LoginStepResponse>('/api/auth/second-factor', {
        recoveryCode: recoveryCodes[3].toUpperCase(),
      });
      expect(viaRecovery.text).toContain('DONE');
      const d = await agent();
      await d.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
      expect((await d.post('/api/auth/second-factor', { recoveryCode: recoveryCodes[3] })).status).toBe(400);
    });

    it('ends the login after five wrong codes', async () => {
      const user = await newUser();
      const a = await agent();
      const { secret } = await enrol(a, user.email);
      const b = await agent();
      await b.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
      const good = totp(secret, clock.nowMs());
      const bad = good === '123456' ? '654321' : '123456';
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        statuses.push((await b.post('/api/auth/second-factor', { code: bad })).status);
      }
      expect(statuses).toEqual([400, 400, 400, 400, 401]);
      expect((await b.post('/api/auth/second-factor', { code: good })).status).toBe(401);
    });

    it('does not let a demo account skip the second factor when demo mode is off', async () => {
      const { app: strict } = await startTestApi(db.url, { DEMO_MODE: 'false' });
      try {
        const user = await newUser({ isDemo: true });
        const a = new TestAgent(strict);
        const config = await a.get<{ demoMode: boolean }>('/api/auth/config');
        expect(config.body.demoMode).toBe(false);
        const login = await a.post<LoginStepResponse>('/api/auth/login', {
          email: user.email,
          password: TEST_PASSWORD,
        });
        expect(login.body.next).toBe('ENROL_SECOND_FACTOR');
      } finally {
        await strict.close();
      }
    });
  });

  describe('temporary password', () => {
    it('must be replaced after the second factor, and a weak new password is refused naming the rule', async () => {
      const user = await newUser({
        mustChangePassword: true,
        email: 'nina.nieuw@test.example',
        displayName: 'Nina Nieuw',
      });
      const a = await agent();
      const login = await a.post<LoginStepResponse>('/api/auth/login', {
        email: user.email,
        password: TEST_PASSWORD,
      });
      expect(login.body.next).toBe('ENROL_SECOND_FACTOR');
      // The password step cannot be skipped ahead of the second factor.
      expect(
        (
          await a.post('/api/auth/password', {
            currentPassword: TEST_PASSWORD,
            newPassword: 'een-heel-nieuw-wachtwoord',
          })
        ).status,
      ).toBe(409);
      const start = await a.post<SecondFactorEnrolmentResponse>('/api/auth/second-factor/enrolment');
      const secret = base32Decode(start.body.secret);
      const confirm = await a.post<LoginStepResponse>('/api/auth/second-factor/enrolment/confirm', {
        code: totp(secret, clock.nowMs()),
      });
      expect(confirm.body.next).toBe('CHANGE_PASSWORD');
      expect((await a.get('/api/auth/session')).status).toBe(401);

      const weak = await a.post<ProblemDetails>('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'nina-wachtwoord',
      });
      expect(weak.status).toBe(400);
      expect(weak.body.errors?.map((e) => e.code)).toEqual(['passwordContainsName']);
      const short = await a.post<ProblemDetails>('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'kort',
      });
      expect(short.body.errors?.map((e) => `${e.field}:${e.code}`)).toContain('newPassword:passwordTooShort');

      const done = await a.post<LoginStepResponse>('/api/auth/password', {
        currentPassword: TEST_PASSWORD,
        newPassword: 'paarse-fiets-onder-de-brug',
      });
      expect(done.body.next).toBe('DONE');
      expect((await a.get('/api/auth/session')).status).toBe(200);
    });
  });

  describe('sessions', () => {
    async function signedIn(): Promise<{ a: TestAgent; userId: string }> {
      const user = await newUser({ isDemo: true });
      const a = await agent();
      expect(
        (await a.post<LoginStepResponse>('/api/auth/login', { email: user.email, password: TEST_PASSWORD }))
          .body.next,
      ).toBe('DONE');
      return { a, userId: user.id };
    }

    it('end after 30 idle minutes', async () => {
      const { a } = await signedIn();
      clock.advance(29 * MINUTE);
      expect((await a.get('/api/auth/session')).status).toBe(200);
      clock.advance(29 * MINUTE);
      expect((await a.get('/api/auth/session')).status).toBe(200);
      clock.advance(31 * MINUTE);
      const expired = await a.get<ProblemDetails>('/api/auth/session');
      expect(expired.status).toBe(401);
      expect(expired.body.type).toBe('urn:casustafel:problem:auth.unauthenticated');
    });

    it('end 12 hours after login, however active', async () => {
      const { a } = await signedIn();
      for (let hour = 0; hour < 24; hour++) {
        clock.advance(29 * MINUTE);
        expect((await a.get('/api/auth/session')).status).toBe(200);
      }
      clock.advance(25 * MINUTE); // 24 × 29 + 25 = 721 minutes: just over 12 hours
      expect((await a.get('/api/auth/session')).status).toBe(401);
    });

    it('end at logout, on the very next request', async () => {
      const { a } = await signedIn();
      expect((await a.post('/api/auth/logout')).status).toBe(204);
      expect(a.cookie('cst_session')).toBeUndefined();
      const token = (await signedIn()).a.cookie('cst_session') as string;
      expect(token).toBeTruthy();
    });

    it('keep working after logout when the cookie is replayed? No: the token is dead server-side', async () => {
      const { a } = await signedIn();
      const stolen = a.cookie('cst_session') as string;
      await a.post('/api/auth/logout');
      const replay = new TestAgent(app);
      replay.cookies.set('cst_session', stolen);
      expect((await replay.get('/api/auth/session')).status).toBe(401);
    });

    it('can be listed and ended elsewhere by their owner', async () => {
      const user = await newUser({ isDemo: true });
      const laptop = await agent();
      const phone = await agent();
      phone.headers['user-agent'] = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) Safari/604.1';
      await laptop.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
      await phone.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
      const list =
        await laptop.get<Array<{ id: string; device: string; current: boolean }>>('/api/account/sessions');
      expect(list.body.map((s) => [s.device, s.current]).sort()).toEqual([
        ['Chrome / Linux', true],
        ['Safari / iOS', false],
      ]);
      expect((await laptop.post('/api/account/sessions/end-others')).status).toBe(204);
      expect((await phone.get('/api/auth/session')).status).toBe(401);
      expect((await laptop.get('/api/auth/session')).status).toBe(200);
    });

    it('cannot end a session of someone else (looks like not found)', async () => {
      const { a } = await signedIn();
      const other = await signedIn();
      const theirs = await other.a.get<Array<{ id: string }>>('/api/account/sessions');
      expect((await a.delete(`/api/account/sessions/${theirs.body[0].id}`)).status).toBe(404);
      expect((await other.a.get('/api/auth/session')).status).toBe(200);
      expect((await a.delete('/api/account/sessions/geen-uuid')).status).toBe(400);
    });

    it('end on every instance when revoked on one (LISTEN/NOTIFY), within a second', async () => {
      const { app: second } = await startTestApi(db.url, { DEMO_MODE: 'true' });
      try {
        const { a } = await signedIn();
        const onSecond = new TestAgent(second);
        a.cookies.forEach((value, name) => onSecond.cookies.set(name, value));
        expect((await onSecond.get('/api/auth/session')).status).toBe(200);
        await a.post('/api/auth/logout');
        const deadline = Date.now() + 1000;
        let status = 200;
        while (Date.now() < deadline && status === 200) {
          // inject() never touches a socket: give the event loop a turn to read the NOTIFY.
          await new Promise((resolve) => setTimeout(resolve, 10));
          status = (await onSecond.get('/api/auth/session')).status;
        }
        expect(status).toBe(401);
      } finally {
        await second.close();
      }
    });

    it('rotate the session token when the login completes', async () => {
      const user = await newUser();
      const a = await agent();
      const { secret } = await enrol(a, user.email);
      const b = await agent();
      await b.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
      const pending = b.cookie('cst_session');
      clock.advance(MINUTE);
      await b.post('/api/auth/second-factor', { code: totp(secret, clock.nowMs()) });
      const full = b.cookie('cst_session');
      expect(full).toBeTruthy();
      expect(full).not.toBe(pending);
      const old = new TestAgent(app);
      old.cookies.set('cst_session', pending as string);
      expect((await old.get('/api/auth/session')).status).toBe(401);
    });
  });

  describe('CSRF and origin', () => {
    it('refuses a state-changing request without the CSRF header, with a wrong one, or from another origin', async () => {
      const user = await newUser({ isDemo: true });
      const a = await agent();
      await a.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD });
      a.sendCsrf = false;
      expect((await a.post('/api/account/sessions/end-others')).status).toBe(403);
      expect(
        (await a.post('/api/account/sessions/end-others', undefined, { 'x-csrf-token': 'geraden' })).status,
      ).toBe(403);
      a.sendCsrf = true;
      expect(
        (
          await a.post('/api/account/sessions/end-others', undefined, {
            origin: 'https://kwaadwillend.example',
          })
        ).status,
      ).toBe(403);
      expect(
        (await a.post('/api/account/sessions/end-others', undefined, { origin: 'http://localhost:80' }))
          .status,
      ).toBe(204);
    });

    it('refuses a login without the double-submit CSRF token', async () => {
      const user = await newUser({ isDemo: true });
      const a = new TestAgent(app);
      const res = await a.post<ProblemDetails>('/api/auth/login', {
        email: user.email,
        password: TEST_PASSWORD,
      });
      expect(res.status).toBe(403);
      expect(res.headers['content-type']).toContain('application/problem+json');
    });

    it('binds the CSRF token to the session: another session’s token does not work', async () => {
      const one = await newUser({ isDemo: true });
      const two = await newUser({ isDemo: true });
      const a = await agent();
      const b = await agent();
      await a.post('/api/auth/login', { email: one.email, password: TEST_PASSWORD });
      await b.post('/api/auth/login', { email: two.email, password: TEST_PASSWORD });
      const foreign = b.cookie('cst_csrf') as string;
      a.cookies.set('cst_csrf', foreign);
      expect((await a.post('/api/account/sessions/end-others')).status).toBe(403);
    });
  });
});
