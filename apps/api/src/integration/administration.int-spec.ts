import { NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  createTestDatabase,
  IdentityFactory,
  TestAgent,
  TestDatabase,
  TEST_PASSWORD,
} from '@casustafel/api/testing';
import type {
  AdminUserDto,
  CaseTableAdminDto,
  LoginStepResponse,
  OrganisationDto,
  ProblemDetails,
  SessionResponse,
  TemporaryPasswordResponse,
} from '@casustafel/shared/contracts';
import { startTestApi } from './support/test-api';

describe('administration by the beheerder (real app, real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let factory: IdentityFactory;
  let region: string;
  let zvh: string;
  let politie: string;
  let om: string;
  let table: string;
  let otherTable: string;
  let beheerder: TestAgent;
  let beheerderId: string;

  async function signIn(email: string, password = TEST_PASSWORD): Promise<TestAgent> {
    const agent = new TestAgent(app);
    await agent.get('/api/auth/config');
    const login = await agent.post<LoginStepResponse>('/api/auth/login', { email, password });
    expect(login.body.next).toBe('DONE');
    return agent;
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await startTestApi(db.url, { DEMO_MODE: 'true' }));
    factory = await IdentityFactory.connect(db.url);
    region = await factory.region();
    zvh = await factory.organisation(region, 'ZVH', 'ZVH Testregio');
    politie = await factory.organisation(region, 'POLITIE', 'Politie Testregio');
    om = await factory.organisation(region, 'OM', 'OM Testregio');
    table = await factory.table(region, 'MENSENHANDEL', 'Mensenhandel');
    otherTable = await factory.table(region, 'COMPLEX', 'Complexe casuïstiek');
    for (const org of [zvh, politie]) {
      await factory.membership(table, org);
    }
    await factory.membership(otherTable, zvh);
    await factory.membership(table, om, 'DECLINED');
    const admin = await factory.user(zvh, { isDemo: true, roles: [{ tableId: table, role: 'BEHEERDER' }] });
    beheerderId = admin.id;
    beheerder = await signIn(admin.email);
  });

  afterAll(async () => {
    await factory?.close();
    await app?.close();
    await db?.drop();
  });

  it('is not there for users without the beheerder role (looks like not found)', async () => {
    const police = await factory.user(politie, {
      isDemo: true,
      roles: [{ tableId: table, role: 'DEELNEMER' }],
    });
    const agent = await signIn(police.email);
    for (const url of ['/api/admin/organisations', '/api/admin/users', '/api/admin/tables']) {
      expect((await agent.get(url)).status).toBe(404);
    }
    expect(
      (await agent.post('/api/admin/organisations', { name: 'x', partnerType: 'OM', legalRegimes: [] }))
        .status,
    ).toBe(404);
    expect((await new TestAgent(app).get('/api/admin/users')).status).toBe(401);
  });

  it('creates and edits organisations, with 409 on a stale version and field names on bad input', async () => {
    const created = await beheerder.post<OrganisationDto>('/api/admin/organisations', {
      name: 'Gemeente Fictiefstad',
      partnerType: 'GEMEENTE_SOCIAAL_DOMEIN',
      legalRegimes: ['AVG', 'WMO'],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Gemeente Fictiefstad', active: true, version: 1 });

    const bad = await beheerder.post<ProblemDetails>('/api/admin/organisations', {
      name: '',
      partnerType: 'KERK',
      legalRegimes: ['X'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['legalRegimes', 'name', 'partnerType']);

    const duplicate = await beheerder.post('/api/admin/organisations', {
      name: 'Gemeente Fictiefstad',
      partnerType: 'GEMEENTE_OOV',
      legalRegimes: [],
    });
    expect(duplicate.status).toBe(409);

    const update = {
      name: 'Gemeente Fictiefstad (OOV)',
      partnerType: 'GEMEENTE_OOV',
      legalRegimes: ['AVG'],
      active: true,
      version: 1,
    };
    const first = await beheerder.put<OrganisationDto>(`/api/admin/organisations/${created.body.id}`, update);
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(2);
    const stale = await beheerder.put<ProblemDetails>(`/api/admin/organisations/${created.body.id}`, {
      ...update,
      name: 'Overschreven',
    });
    expect(stale.status).toBe(409);
    const list = await beheerder.get<OrganisationDto[]>('/api/admin/organisations');
    expect(list.body.find((o) => o.id === created.body.id)?.name).toBe('Gemeente Fictiefstad (OOV)');
  });

  it('sees only its own region', async () => {
    const elsewhere = await factory.region();
    const foreignOrg = await factory.organisation(elsewhere, 'POLITIE', 'Politie Elders');
    const foreignUser = await factory.user(foreignOrg);
    const orgs = await beheerder.get<OrganisationDto[]>('/api/admin/organisations');
    expect(orgs.body.map((o) => o.id)).not.toContain(foreignOrg);
    const users = await beheerder.get<AdminUserDto[]>('/api/admin/users');
    expect(users.body.map((u) => u.id)).not.toContain(foreignUser.id);
    expect((await beheerder.post(`/api/admin/users/${foreignUser.id}/deactivate`)).status).toBe(404);
    expect(
      (
        await beheerder.put(`/api/admin/organisations/${foreignOrg}`, {
          name: 'x',
          partnerType: 'POLITIE',
          legalRegimes: [],
          active: false,
          version: 1,
        })
      ).status,
    ).toBe(404);
  });

  it('lists the tables it administers with each organisation’s covenant status, and changes it', async () => {
    const tables = await beheerder.get<CaseTableAdminDto[]>('/api/admin/tables');
    expect(tables.body.map((t) => t.name)).toEqual(['Mensenhandel']);
    const declined = tables.body[0].memberships.find((m) => m.organisationId === om);
    expect(declined).toMatchObject({ status: 'DECLINED', partnerType: 'OM' });

    const guest = await beheerder.put(`/api/admin/tables/${table}/memberships/${om}`, {
      status: 'GUEST',
      since: '2026-01-01',
      documentRef: 'Uitnodiging per casus',
      version: declined?.version,
    });
    expect(guest.status).toBe(200);
    expect(guest.body).toMatchObject({ status: 'GUEST', since: '2026-01-01', until: null });

    const backwards = await beheerder.put<ProblemDetails>(`/api/admin/tables/${table}/memberships/${om}`, {
      status: 'WITHDRAWN',
      since: '2026-03-01',
      until: '2026-02-01',
      documentRef: '',
      version: 2,
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.errors?.[0]).toMatchObject({ field: 'until' });
    const badDate = await beheerder.put<ProblemDetails>(`/api/admin/tables/${table}/memberships/${om}`, {
      status: 'GUEST',
      since: '1 januari',
      documentRef: '',
    });
    expect(badDate.body.errors?.map((e) => e.field)).toEqual(['since']);
    // A table this beheerder does not administer does not exist for them.
    expect(
      (
        await beheerder.put(`/api/admin/tables/${otherTable}/memberships/${om}`, {
          status: 'GUEST',
          since: '2026-01-01',
          documentRef: '',
        })
      ).status,
    ).toBe(404);
  });

  it('takes a role away when the organisation withdraws from the table', async () => {
    const org = await factory.organisation(region, 'GGZ_ZORGAANBIEDER', 'GGZ Testregio');
    await factory.membership(table, org);
    const worker = await factory.user(org, { isDemo: true, roles: [{ tableId: table, role: 'DEELNEMER' }] });
    const agent = await signIn(worker.email);
    expect((await agent.get<SessionResponse>('/api/auth/session')).body.roles).toHaveLength(1);
    const current = (await beheerder.get<CaseTableAdminDto[]>('/api/admin/tables')).body[0].memberships.find(
      (m) => m.organisationId === org,
    );
    await beheerder.put(`/api/admin/tables/${table}/memberships/${org}`, {
      status: 'WITHDRAWN',
      since: '2020-01-01',
      documentRef: 'Opzegging convenant',
      version: current?.version,
    });
    expect((await agent.get<SessionResponse>('/api/auth/session')).body.roles).toEqual([]);
  });

  it('creates a user with a temporary password, who must set up a second factor and a new password', async () => {
    const created = await beheerder.post<TemporaryPasswordResponse>('/api/admin/users', {
      email: 'Nieuwe.Collega@Politie.example',
      displayName: 'Nieuwe Collega (fictief)',
      organisationId: politie,
      roles: [{ tableId: table, role: 'DEELNEMER' }],
    });
    expect(created.status).toBe(201);
    expect(created.body.user).toMatchObject({
      email: 'nieuwe.collega@politie.example',
      secondFactorEnrolled: false,
      active: true,
    });
    expect(created.body.temporaryPassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const agent = new TestAgent(app);
    await agent.get('/api/auth/config');
    const login = await agent.post<LoginStepResponse>('/api/auth/login', {
      email: 'nieuwe.collega@politie.example',
      password: created.body.temporaryPassword,
    });
    expect(login.body.next).toBe('ENROL_SECOND_FACTOR');

    const { rows } = await factory.client.query('select action from audit_event where object_id = $1', [
      created.body.user.id,
    ]);
    expect(rows.map((r) => r.action)).toContain('admin.user.create');
  });

  it('refuses roles at tables it does not administer, and unknown organisations, naming the field', async () => {
    const res = await beheerder.post<ProblemDetails>('/api/admin/users', {
      email: 'x@y.example',
      displayName: 'X',
      organisationId: politie,
      roles: [
        { tableId: table, role: 'DEELNEMER' },
        { tableId: otherTable, role: 'VOORZITTER' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.field)).toEqual(['roles[1].tableId']);
    const elsewhere = await factory.organisation(await factory.region(), 'OM');
    const foreign = await beheerder.post<ProblemDetails>('/api/admin/users', {
      email: 'z@y.example',
      displayName: 'Z',
      organisationId: elsewhere,
      roles: [],
    });
    expect(foreign.body.errors?.map((e) => e.field)).toEqual(['organisationId']);
  });

  it('deactivates a user: their open session stops working on the next request', async () => {
    const user = await factory.user(politie, {
      isDemo: true,
      roles: [{ tableId: table, role: 'DEELNEMER' }],
    });
    const agent = await signIn(user.email);
    expect((await agent.get('/api/auth/session')).status).toBe(200);
    const res = await beheerder.post<AdminUserDto>(`/api/admin/users/${user.id}/deactivate`);
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect((await agent.get('/api/auth/session')).status).toBe(401);
    const again = new TestAgent(app);
    await again.get('/api/auth/config');
    expect((await again.post('/api/auth/login', { email: user.email, password: TEST_PASSWORD })).status).toBe(
      401,
    );
    expect((await beheerder.post(`/api/admin/users/${beheerderId}/deactivate`)).status).toBe(409);
  });

  it('changes roles (the user sees them on the next request) with optimistic locking', async () => {
    const user = await factory.user(politie, {
      isDemo: true,
      roles: [{ tableId: table, role: 'DEELNEMER' }],
    });
    const agent = await signIn(user.email);
    const before = (await beheerder.get<AdminUserDto[]>('/api/admin/users')).body.find(
      (u) => u.id === user.id,
    ) as AdminUserDto;
    const changed = await beheerder.put<AdminUserDto>(`/api/admin/users/${user.id}`, {
      displayName: 'Hernoemd (fictief)',
      roles: [{ tableId: table, role: 'CASUSREGISSEUR' }],
      version: before.version,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.roles).toEqual([{ tableId: table, role: 'CASUSREGISSEUR' }]);
    const session = await agent.get<SessionResponse>('/api/auth/session');
    expect(session.body.user.displayName).toBe('Hernoemd (fictief)');
    expect(session.body.roles.map((r) => r.role)).toEqual(['CASUSREGISSEUR']);
    const stale = await beheerder.put(`/api/admin/users/${user.id}`, {
      displayName: 'Nog eens',
      roles: [],
      version: before.version,
    });
    expect(stale.status).toBe(409);
  });

  it('resets the second factor and the password, and ends sessions, each ending the user’s sessions', async () => {
    const user = await factory.user(politie, {
      isDemo: true,
      roles: [{ tableId: table, role: 'DEELNEMER' }],
    });
    for (const action of ['reset-second-factor', 'end-sessions', 'reset-password']) {
      const agent = await signIn(user.email);
      const res = await beheerder.post(`/api/admin/users/${user.id}/${action}`);
      expect(res.status).toBe(200);
      expect((await agent.get('/api/auth/session')).status).toBe(401);
    }
    const { rows } = await factory.client.query<{ action: string; actor_user_id: string }>(
      `select action, actor_user_id from audit_event where object_id = $1 and action like 'admin.%' order by seq`,
      [user.id],
    );
    expect(rows.map((r) => r.action)).toEqual([
      'admin.user.reset_second_factor',
      'admin.user.end_sessions',
      'admin.user.reset_password',
    ]);
    expect(new Set(rows.map((r) => r.actor_user_id))).toEqual(new Set([beheerderId]));
  });
});
