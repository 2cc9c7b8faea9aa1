import { createDataSource, MIGRATIONS, runMigrations } from '@casustafel/api/database';
import { createTestDatabase, TestDatabase } from '@casustafel/api/testing';
import { Client } from 'pg';

describe('schema and roles (real PostgreSQL)', () => {
  let db: TestDatabase;
  let owner: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = new Client({ connectionString: db.url });
    await owner.connect();
  });

  afterAll(async () => {
    await owner?.end();
    await db?.drop();
  });

  it('has applied every migration, recorded in schema_migration', async () => {
    const { rows } = await owner.query<{ name: string }>('select name from schema_migration order by id');
    expect(rows.map((r) => r.name)).toEqual(MIGRATIONS.map((m) => m.name));
  });

  it('applies nothing the second time (idempotent start-up)', async () => {
    await expect(runMigrations(db.url)).resolves.toEqual([]);
  });

  it('serialises concurrent migrators without errors', async () => {
    await expect(
      Promise.all([runMigrations(db.url), runMigrations(db.url), runMigrations(db.url)]),
    ).resolves.toEqual([[], [], []]);
  });

  it('creates the app role without login, superuser or RLS bypass', async () => {
    const { rows } = await owner.query(
      "select rolcanlogin, rolsuper, rolbypassrls, rolcreatedb from pg_roles where rolname = 'casustafel_app'",
    );
    expect(rows).toEqual([{ rolcanlogin: false, rolsuper: false, rolbypassrls: false, rolcreatedb: false }]);
  });

  describe('a session of the request pool', () => {
    const source = () => createDataSource({ url: db.url, role: 'casustafel_app', poolSize: 1 });

    it('runs as casustafel_app', async () => {
      const ds = await source().initialize();
      try {
        const [row] = await ds.query('select current_user as who');
        expect(row.who).toBe('casustafel_app');
      } finally {
        await ds.destroy();
      }
    });

    it('cannot change the schema or the migration history', async () => {
      const ds = await source().initialize();
      try {
        await expect(ds.query('create table intruder (id int)')).rejects.toThrow(/permission denied/);
        await expect(ds.query('drop table organisation')).rejects.toThrow(/must be owner/);
        await expect(ds.query('delete from schema_migration')).rejects.toThrow(/permission denied/);
        await expect(ds.query("insert into region (code, name) values ('x1', 'x')")).rejects.toThrow(
          /permission denied/,
        );
      } finally {
        await ds.destroy();
      }
    });

    it('can read the identity tables it is granted', async () => {
      const ds = await source().initialize();
      try {
        await expect(ds.query('select count(*) from organisation')).resolves.toEqual([{ count: '0' }]);
      } finally {
        await ds.destroy();
      }
    });
  });

  it('never synchronises the schema from entities', () => {
    expect(createDataSource({ url: db.url }).options.synchronize).toBe(false);
  });

  it('enforces enumerations and e-mail shape in the database itself', async () => {
    await expect(
      owner.query("insert into organisation (name, partner_type) values ('Test (fictief)', 'MAFFIA')"),
    ).rejects.toThrow(/check constraint/);
  });
});
