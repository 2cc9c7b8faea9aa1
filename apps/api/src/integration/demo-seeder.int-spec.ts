import { DatabaseService } from '@casustafel/api/database';
import { DEMO_PASSWORD, DEMO_TABLES, DEMO_USERS, DemoSeeder } from '@casustafel/api/demo';
import { Clock, KeyedHasher, requireSecrets, SecretBox } from '@casustafel/api/platform';
import { createTestDatabase, TestDatabase, testConfig } from '@casustafel/api/testing';
import { verify } from 'argon2';
import { Client } from 'pg';

describe('demo region seed (real PostgreSQL)', () => {
  let db: TestDatabase;
  let database: DatabaseService;
  let seeder: DemoSeeder;
  let sql: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = testConfig(db.url);
    const secrets = requireSecrets(config);
    database = new DatabaseService(config);
    seeder = new DemoSeeder(
      database,
      new Clock(),
      new SecretBox(secrets.encryptionKeys),
      new KeyedHasher(secrets.hashKey),
    );
    database.onModuleInit();
    await database.ready();
    sql = new Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    await sql?.end();
    await database?.onApplicationShutdown();
    await db?.drop();
  });

  it('seeds exactly once, even when two instances start together', async () => {
    const outcomes = await Promise.all([seeder.seedOnce(), seeder.seedOnce()]);
    expect(outcomes.sort()).toEqual(['already-present', 'seeded']);
    await expect(seeder.seedOnce()).resolves.toBe('already-present');
    const { rows } = await sql.query('select count(*)::int as n from region');
    expect(rows[0].n).toBe(1);
  });

  it('marks the region and every person as fictional', async () => {
    const region = await sql.query('select name, is_demo from region');
    expect(region.rows).toEqual([{ name: 'Gooi en Vechtstreek (demo, fictief)', is_demo: true }]);
    const users = await sql.query<{ display_name: string; email: string }>(
      'select display_name, email from app_user',
    );
    expect(users.rows).toHaveLength(DEMO_USERS.length);
    for (const user of users.rows) {
      expect(user.display_name).toContain('(fictief)');
      expect(user.email).toMatch(/@demo\.casustafel\.example$/);
    }
  });

  it('has the partners of DOMAIN.md §5 and both tables', async () => {
    const orgs = await sql.query<{ partner_type: string }>('select distinct partner_type from organisation');
    expect(orgs.rows.map((r) => r.partner_type)).toEqual(
      expect.arrayContaining([
        'ZVH',
        'GEMEENTE_SOCIAAL_DOMEIN',
        'POLITIE',
        'OM',
        'RECLASSERING',
        'RVDK_GI',
        'GGZ_ZORGAANBIEDER',
        'VEILIG_THUIS',
        'COMENSHA',
        'ZORGCOORDINATOR',
      ]),
    );
    const names = await sql.query<{ name: string }>(
      "select name from organisation where name like 'Gemeente %'",
    );
    expect(names.rows.map((r) => r.name)).toEqual(
      expect.arrayContaining([
        'Gemeente Hilversum',
        'Gemeente Gooise Meren',
        'Gemeente Huizen',
        'Gemeente Wijdemeren',
      ]),
    );
    const tables = await sql.query<{ name: string }>('select name from case_table order by name');
    expect(tables.rows.map((r) => r.name)).toEqual(['Complexe casuïstiek', 'Mensenhandel']);
  });

  it('registers the processing activity of each table with its own texts, under the id the table points to', async () => {
    const { rows } = await sql.query<{
      table_name: string;
      id: string;
      name: string;
      version: number;
      legal_grounds: string[];
      purpose: string;
      valid_until: Date | null;
    }>(
      `select t.name as table_name, a.id, a.name, a.version, a.legal_grounds, a.purpose, a.valid_until
         from case_table t join processing_activity a on a.id = t.processing_activity_id and a.table_id = t.id
        order by t.name`,
    );
    expect(rows).toEqual(
      DEMO_TABLES.map((table) => ({
        table_name: table.name,
        id: table.processingActivityId,
        name: table.register.name,
        version: 1,
        legal_grounds: table.register.legalGrounds,
        purpose: expect.stringContaining('(demonstratietekst, fictief)'),
        valid_until: null,
      })).sort((a, b) => a.table_name.localeCompare(b.table_name)),
    );
    // Besides the tables' activities: the access-and-accountability activity of the region and of
    // the installation (every audit record points to one).
    const { rows: all } = await sql.query(
      'select count(*)::int as n, count(*) filter (where system)::int as system from processing_activity',
    );
    expect(all[0]).toEqual({ n: DEMO_TABLES.length + 2, system: 2 });
  });

  it('records that the OM declined the mensenhandel table', async () => {
    const { rows } = await sql.query(
      `select m.status from table_membership m
         join organisation o on o.id = m.organisation_id
         join case_table t on t.id = m.table_id
        where o.partner_type = 'OM' and t.theme = 'MENSENHANDEL'`,
    );
    expect(rows).toEqual([{ status: 'DECLINED' }]);
  });

  it('gives one demo user per role, with an argon2id hash of the demo password', async () => {
    const roles = await sql.query<{ role: string }>(
      'select distinct role from user_table_role order by role',
    );
    expect(roles.rows.map((r) => r.role)).toEqual([
      'BEHEERDER',
      'CASUSREGISSEUR',
      'CONTACTPUNT',
      'DEELNEMER',
      'FG_AUDITOR',
      'PROCESREGISSEUR',
      'TRIAGIST',
      'VOORZITTER',
      'ZORGCOORDINATOR',
    ]);
    const { rows } = await sql.query<{ password_hash: string }>(
      "select password_hash from app_user where email = 'voorzitter@demo.casustafel.example'",
    );
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    await expect(verify(rows[0].password_hash, DEMO_PASSWORD)).resolves.toBe(true);
    await expect(verify(rows[0].password_hash, 'wrong')).resolves.toBe(false);
  });

  it('plans a case conference for tomorrow at the mensenhandel table, with the police and the GGZ invited', async () => {
    const { rows } = await sql.query(
      `select m.status, t.theme, ch.email as chair, mt.email as minute_taker,
              to_char(m.scheduled_at at time zone 'Europe/Amsterdam', 'HH24:MI') as at,
              (m.scheduled_at at time zone 'Europe/Amsterdam')::date - (now() at time zone 'Europe/Amsterdam')::date as days,
              (select array_agg(distinct o.partner_type order by o.partner_type) from agenda_item a
                 join agenda_invitee i on i.agenda_item_id = a.id join organisation o on o.id = i.organisation_id
                where a.meeting_id = m.id) as invited,
              (select count(*)::int from agenda_item a where a.meeting_id = m.id) as items
         from meeting m join case_table t on t.id = m.table_id
         join app_user ch on ch.id = m.chair_user_id join app_user mt on mt.id = m.minute_taker_user_id`,
    );
    expect(rows).toEqual([
      {
        status: 'AGENDA_VERZONDEN',
        theme: 'MENSENHANDEL',
        chair: 'voorzitter@demo.casustafel.example',
        minute_taker: 'procesregisseur@demo.casustafel.example',
        at: '10:00',
        days: 1,
        invited: ['GGZ_ZORGAANBIEDER', 'POLITIE'],
        items: 2,
      },
    ]);
  });
});
