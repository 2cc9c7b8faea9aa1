import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AuditVerifier } from '@casustafel/api/audit';
import { createTestDatabase, IdentityFactory, TestAgent, TestDatabase } from '@casustafel/api/testing';
import type { ProblemDetails, ProcessingActivityDto } from '@casustafel/shared/contracts';
import { startTestApi } from './support/test-api';
import { buildWorld, Party } from './support/world';

/**
 * The register of processing activities: versions are immutable, a change is a new identifier, the
 * table moves to it, and audit records keep pointing at the version that was in force.
 */
describe('processing-activity register (verwerkingsregister)', () => {
  let db: TestDatabase;
  let app: NestFastifyApplication;
  let factory: IdentityFactory;
  let tableId: string;
  let p: Record<string, Party>;

  beforeAll(async () => {
    db = await createTestDatabase();
    ({ app } = await startTestApi(db.url, { DEMO_MODE: 'true', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' }));
    factory = await IdentityFactory.connect(db.url);
    const world = await buildWorld(app, factory, {
      parties: {
        beheerder: { partnerType: 'ZVH', roles: ['BEHEERDER'] },
        fg: { partnerType: 'ZVH', roles: ['FG_AUDITOR'] },
        regisseur: { partnerType: 'ZVH', roles: ['PROCESREGISSEUR'] },
      },
    });
    tableId = world.tableId;
    p = world.parties;
  });

  afterAll(async () => {
    await factory?.close();
    await app?.close();
    await db?.drop();
  });

  const body = {
    name: 'Casusoverleg Mensenhandel (test)',
    purpose: 'Gezamenlijke aanpak van signalen van mensenhandel.',
    legalGrounds: ['WGS', 'AVG_6_1_E'],
    controllers: 'De partners van het convenant, gezamenlijk.',
    dataCategories: ['C1', 'C2', 'C4'],
    subjectCategories: ['SLACHTOFFER', 'VERDACHTE'],
    retention: 'Vijf jaar na afsluiting.',
  };

  it('every table has a registered activity, readable by the beheerder and the FG, not by case workers', async () => {
    const { rows } = await factory.client.query('select processing_activity_id from case_table where id = $1', [tableId]);
    const list = await p.fg.agent.get<ProcessingActivityDto[]>('/api/register/processing-activities');
    expect(list.status).toBe(200);
    const entry = list.body.find((a) => a.id === rows[0].processing_activity_id);
    expect(entry).toMatchObject({ version: 1, validUntil: null, table: { id: tableId } });
    expect((await p.beheerder.agent.get('/api/register/processing-activities')).status).toBe(200);
    expect((await p.regisseur.agent.get('/api/register/processing-activities')).status).toBe(404);
  });

  it('a change is a new version with a new identifier; the table and later audit records point to it', async () => {
    const list = await p.beheerder.agent.get<ProcessingActivityDto[]>('/api/register/processing-activities');
    const current = list.body.find((a) => a.table?.id === tableId && a.validUntil === null) as ProcessingActivityDto;

    const changed = await p.beheerder.agent.post<ProcessingActivityDto>(
      `/api/register/processing-activities/${current.activityKey}/versions`,
      { ...body, basedOn: current.id },
    );
    expect(changed.status).toBe(201);
    expect(changed.body).toMatchObject({ version: 2, activityKey: current.activityKey, validUntil: null, name: body.name });
    expect(changed.body.id).not.toBe(current.id);

    const after = await p.fg.agent.get<ProcessingActivityDto[]>('/api/register/processing-activities');
    const old = after.body.find((a) => a.id === current.id);
    expect(old?.validUntil).not.toBeNull();
    expect(old?.name).toBe(current.name);
    const { rows } = await factory.client.query('select processing_activity_id from case_table where id = $1', [tableId]);
    expect(rows[0].processing_activity_id).toBe(changed.body.id);
    const audit = await factory.client.query(
      `select processing_activity_id from audit_event where action = 'register.version' and object_id = $1`,
      [changed.body.id],
    );
    expect(audit.rows).toEqual([{ processing_activity_id: changed.body.id }]);

    // Based on the old version: someone else changed it meanwhile.
    const stale = await p.beheerder.agent.post<ProblemDetails>(
      `/api/register/processing-activities/${current.activityKey}/versions`,
      { ...body, basedOn: current.id },
    );
    expect(stale.status).toBe(409);
    expect(await versions(current.activityKey)).toBe(2);
  });

  it('a version cannot be edited or deleted, not even by the owner role', async () => {
    const { rows } = await factory.client.query<{ id: string }>(
      'select id from processing_activity where table_id = $1 and valid_until is not null',
      [tableId],
    );
    await expect(
      factory.client.query(`update processing_activity set purpose = 'anders' where id = $1`, [rows[0].id]),
    ).rejects.toThrow(/cannot be changed or deleted/);
    await expect(factory.client.query('delete from processing_activity where id = $1', [rows[0].id])).rejects.toThrow(
      /cannot be changed or deleted/,
    );
  });

  it('bad input names the fields and writes nothing; others cannot change the activity', async () => {
    const before = await count();
    const bad = await p.beheerder.agent.post<ProblemDetails>('/api/register/processing-activities', {
      ...body,
      purpose: '   ',
      legalGrounds: [],
      dataCategories: ['C99'],
      tableId: null,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.map((e) => e.field).sort()).toEqual(['dataCategories', 'legalGrounds', 'purpose']);
    const foreign = await p.beheerder.agent.post<ProblemDetails>('/api/register/processing-activities', {
      ...body,
      tableId: '00000000-0000-4000-8000-000000000000',
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors?.map((e) => `${e.field}:${e.code}`)).toEqual(['tableId:unknownTable']);
    expect(await count()).toBe(before);

    const list = await p.beheerder.agent.get<ProcessingActivityDto[]>('/api/register/processing-activities');
    const current = list.body.find((a) => a.table?.id === tableId && a.validUntil === null) as ProcessingActivityDto;
    const byFg = await p.fg.agent.post(`/api/register/processing-activities/${current.activityKey}/versions`, {
      ...body,
      basedOn: current.id,
    });
    expect(byFg.status).toBe(404);
    expect(await count()).toBe(before);
  });

  it('a region-wide activity is registered without a table', async () => {
    const created = await p.beheerder.agent.post<ProcessingActivityDto>('/api/register/processing-activities', {
      ...body,
      name: 'Toegang en beveiliging (test)',
      tableId: null,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ version: 1, table: null });
    expect(created.body.id).toMatch(/^urn:casustafel:verwerking:[0-9a-f-]{36}:v1$/);
  });

  it('a new activity for a table replaces the one in force, which ends', async () => {
    const before = await p.beheerder.agent.get<ProcessingActivityDto[]>('/api/register/processing-activities');
    const old = before.body.find((a) => a.table?.id === tableId && a.validUntil === null) as ProcessingActivityDto;
    const created = await p.beheerder.agent.post<ProcessingActivityDto>('/api/register/processing-activities', {
      ...body,
      name: 'Nazorg mensenhandel (test)',
      tableId,
    });
    expect(created.status).toBe(201);
    expect(created.body.activityKey).not.toBe(old.activityKey);
    const after = await p.beheerder.agent.get<ProcessingActivityDto[]>('/api/register/processing-activities');
    expect(after.body.filter((a) => a.table?.id === tableId && a.validUntil === null).map((a) => a.id)).toEqual([
      created.body.id,
    ]);
    expect(after.body.find((a) => a.id === old.id)?.validUntil).not.toBeNull();
    const { rows } = await factory.client.query('select processing_activity_id from case_table where id = $1', [tableId]);
    expect(rows[0].processing_activity_id).toBe(created.body.id);
  });

  it('every audit record points to exactly one registered version, sign-in and failed attempts included', async () => {
    // A login attempt for an account nobody knows: no region, so the installation's activity.
    const stranger = new TestAgent(app);
    await stranger.get('/api/auth/config');
    await stranger.post('/api/auth/login', { email: 'niemand@elders.example', password: 'fout-wachtwoord-123' });

    const { rows } = await factory.client.query<{ n: number; known: number }>(
      `select count(*)::int as n, count(a.id)::int as known
         from audit_event e left join processing_activity a on a.id = e.processing_activity_id`,
    );
    expect(rows[0].n).toBeGreaterThan(10);
    expect(rows[0].known).toBe(rows[0].n);
    // Signing in and the register itself fall under the region's access-and-accountability activity.
    const { rows: logins } = await factory.client.query<{ system: boolean; region: string | null }>(
      `select distinct a.system, a.region_id as region from audit_event e
         join processing_activity a on a.id = e.processing_activity_id where e.action like 'auth.login%'`,
    );
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((l) => l.system)).toBe(true);
    expect(logins.map((l) => l.region)).toContain(null);
    // The chains still verify: the activity is filled before the row is hashed.
    expect((await new AuditVerifier(db.url).verify()).ok).toBe(true);
  });

  async function versions(key: string): Promise<number> {
    const { rows } = await factory.client.query('select count(*)::int as n from processing_activity where activity_key = $1', [key]);
    return rows[0].n;
  }

  async function count(): Promise<number> {
    const { rows } = await factory.client.query('select count(*)::int as n from processing_activity');
    return rows[0].n;
  }
});
