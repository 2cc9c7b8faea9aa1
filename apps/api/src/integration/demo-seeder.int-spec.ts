import { DatabaseService } from '@casustafel/api/database';
import { DEMO_PASSWORD, DEMO_USERS, DemoSeeder } from '@casustafel/api/demo';
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
});
