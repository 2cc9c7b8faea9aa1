import { randomBytes } from 'node:crypto';
import { createTestDatabase, TestDatabase } from '@casustafel/api/testing';
import { Client } from 'pg';
import {
  APP_ROLE,
  appRoleClient,
  inSecurityContext,
  sqlState,
  type SecurityContext,
} from './support/matrix/db';
import {
  actorView,
  buildRlsWorld,
  CASE_DATA_TABLES,
  seedRlsWorld,
  type ActorKey,
  type CaseDataTable,
} from './support/matrix/rls-world';

/**
 * The second wall (issue 4 §12, ADR 0005/0016): a query that forgets every service-level filter,
 * run as the application role with the security context a request would set, still returns only
 * what the actor may see — nothing of a case the organisation does not take part in, of a table
 * where the user has no case role, of another region; with no context, nothing at all. And the
 * application role cannot switch the wall off.
 */

/**
 * Tables without row-level security, and why. A new table is case data until it is listed here:
 * the catalog test below fails for any other table without RLS.
 */
const TABLES_WITHOUT_RLS: Record<string, string> = {
  region: 'configuration: regions',
  organisation: 'identity: organisations (names and partner types, read at sign-in and in forms)',
  case_table: 'configuration: tables and their settings',
  table_membership: 'configuration: covenant status per table',
  app_user: 'identity: users (sign-in)',
  user_table_role: 'identity: roles (read by the policies themselves)',
  user_session: 'authentication',
  user_recovery_code: 'authentication',
  audit_event: 'append-only log of codes, ids and pseudonyms; INSERT only for the app role (ADR 0017)',
  audit_chain: 'heads of the audit hash chains; no privileges for the app role (ADR 0017)',
  schema_migration: 'migrations bookkeeping',
  visibility_matrix_version: 'configuration: the matrix history',
  visibility_rule: 'configuration: the matrix cells',
  number_sequence: 'counters for case and registration numbers',
  processing_activity: 'configuration: the register of processing activities, read per region (ADR 0018)',
};

const world = buildRlsWorld();
const LOGIN_ROLE = {
  name: `cst_rls_login_${randomBytes(4).toString('hex')}`,
  password: randomBytes(18).toString('base64url'),
};

type ActorCase = { label: string; actor: ActorKey | { org: 'A' } | null };
const ACTOR_CASES: ActorCase[] = [
  { label: 'user A of organisation A', actor: 'a' },
  { label: 'a beheerder/FG of organisation A (no case role)', actor: 'aNoCaseRole' },
  { label: 'user B (police, on the embargo list)', actor: 'b' },
  { label: 'a triagist of table T', actor: 'cTriagist' },
  { label: 'a user of an organisation that withdrew from the covenant', actor: 'wWithdrawn' },
  { label: 'a user of another region', actor: 'd' },
  { label: 'organisation A set without a user', actor: { org: 'A' } },
  { label: 'no security context at all', actor: null },
];

function contextOf(actor: ActorCase['actor']): SecurityContext | null {
  if (actor === null) {
    return null;
  }
  if (typeof actor === 'object') {
    return { userId: null, organisationId: world.ids.orgs[actor.org] };
  }
  return { userId: world.ids.users[actor], organisationId: world.ids.orgs[world.actors[actor].org] };
}

describe('row-level security: the second wall', () => {
  let db: TestDatabase;
  let owner: Client;
  const clients: Record<string, Client> = {};

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = new Client({ connectionString: db.url });
    await owner.connect();
    await seedRlsWorld(owner, world);
    // Production's DATABASE_APP_URL: a login role of its own that is a member of the app role.
    await owner.query(
      `create role ${LOGIN_ROLE.name} login password '${LOGIN_ROLE.password}' nosuperuser nobypassrls in role ${APP_ROLE}`,
    );
    await owner.query(`grant connect on database ${db.name} to ${LOGIN_ROLE.name}`);
    clients['the app pool role (owner URL, -c role=casustafel_app)'] = await appRoleClient(db.url);
    clients['a login role in casustafel_app (DATABASE_APP_URL)'] = await appRoleClient(db.url, LOGIN_ROLE);
  });

  afterAll(async () => {
    for (const client of Object.values(clients)) {
      await client.end();
    }
    // Roles are server-wide: remove this run's login role before the database goes.
    await owner
      ?.query(`revoke connect on database ${db.name} from ${LOGIN_ROLE.name}`)
      .catch(() => undefined);
    await owner?.query(`drop role if exists ${LOGIN_ROLE.name}`);
    await owner?.end();
    await db?.drop();
  });

  const connections = [
    'the app pool role (owner URL, -c role=casustafel_app)',
    'a login role in casustafel_app (DATABASE_APP_URL)',
  ];
  const tables = Object.keys(CASE_DATA_TABLES) as CaseDataTable[];

  describe.each(connections)('as %s', (connection) => {
    it('runs as the application role, never as a table owner', async () => {
      const { rows } = await clients[connection].query<{ current_user: string; app: boolean }>(
        `select current_user, pg_has_role(current_user, '${APP_ROLE}', 'MEMBER') as app`,
      );
      expect(rows[0].current_user).not.toBe('postgres');
      expect(rows[0].app).toBe(true);
    });

    describe.each(ACTOR_CASES.map((c) => [c.label, c] as const))('%s', (_label, actorCase) => {
      it.each(tables)('select * from %s returns only the rows the policy grants', async (table) => {
        const view = actorView(world, actorCase.actor);
        const expected = world.rows[table]
          .filter((r) => r.visibleIf(view))
          .map((r) => r.key)
          .sort();
        const actual = await inSecurityContext(
          clients[connection],
          contextOf(actorCase.actor),
          async (client) =>
            (
              await client.query<{ key: string }>(`select ${CASE_DATA_TABLES[table]} as key from ${table}`)
            ).rows
              .map((r) => r.key)
              .sort(),
        );
        expect(actual).toEqual(expected);
      });
    });

    it('changes made without a filter touch only what user A may change', async () => {
      const a = contextOf('a') as SecurityContext;
      await inSecurityContext(clients[connection], a, async (client) => {
        expect((await client.query('update casus set updated_at = updated_at')).rowCount).toBe(1);
        expect(
          (
            await client.query(
              'update case_item set updated_at = updated_at where author_organisation_id = $1',
              [a.organisationId],
            )
          ).rowCount,
        ).toBe(1);
        // Another organisation's item: visible, but not A's to change (WITH CHECK author = organisation).
        expect(await sqlState(client, 'update case_item set body = body')).toBe('42501');
        // Only managers remove participants; A is not one, so nothing goes.
        expect((await client.query('delete from case_participant')).rowCount).toBe(0);
        // Consents recorded by the ZVH: A (a deelnemer of another organisation) withdraws none, and
        // the register and the informing history cannot be rewritten or deleted at all.
        expect(
          (
            await client.query(
              `update consent_record set withdrawn_at = now(), withdrawn_by = $1, withdrawal_note = 'x'`,
              [a.userId],
            )
          ).rowCount,
        ).toBe(0);
        expect(await sqlState(client, 'update consent_record set purpose = purpose')).toBe('42501');
        expect(await sqlState(client, 'delete from consent_record')).toBe('42501');
        expect(await sqlState(client, 'update case_informing set reason = reason')).toBe('42501');
        expect(await sqlState(client, 'delete from case_informing')).toBe('42501');
        // Only managers set the informing status.
        expect(
          await sqlState(
            client,
            `insert into case_informing (case_id, seq, status, set_by, set_organisation_id, set_at)
             values ($1, 2, 'INFORMED', $2, $3, now())`,
            [world.ids.cases['K1'], a.userId, a.organisationId],
          ),
        ).toBe('42501');
        expect(await sqlState(client, 'delete from casus')).toBe('42501');
        expect(await sqlState(client, 'delete from case_item')).toBe('42501');
        expect(
          await sqlState(
            client,
            `insert into case_item (case_id, category, sensitivity, title, body, author_organisation_id, author_id, created_at, updated_at)
             values ($1, 'C3', 'NORMAAL', 'x', 'x', $2, $3, now(), now())`,
            [world.ids.cases['K2'], a.organisationId, a.userId],
          ),
        ).toBe('42501');
        expect(
          await sqlState(
            client,
            `insert into case_participant (case_id, organisation_id, basis, since) values ($1, $2, 'MEMBER', now())`,
            [world.ids.cases['K2'], a.organisationId],
          ),
        ).toBe('42501');
        expect(
          await sqlState(
            client,
            `insert into casus (number, table_id, state, opened_at, responsible_organisation_id, updated_at)
             values ('RLS-NEW', $1, 'INFORMATIEVERZAMELING', now(), $2, now())`,
            [world.ids.tables.U, a.organisationId],
          ),
        ).toBe('42501');
      });
    });

    it('cannot switch row-level security off, change the policies or take over a table', async () => {
      await inSecurityContext(clients[connection], contextOf('a'), async (client) => {
        // With row_security off, a query that RLS would filter fails instead of returning everything.
        await client.query('set local row_security = off');
        expect(await sqlState(client, 'select * from casus')).toBe('42501');
        expect(await sqlState(client, 'select * from case_item')).toBe('42501');
      });
      await inSecurityContext(clients[connection], contextOf('a'), async (client) => {
        for (const statement of [
          'alter table casus disable row level security',
          'alter table casus no force row level security',
          'alter table case_item disable row level security',
          'drop policy casus_participants on casus',
          'create policy everything on casus for select using (true)',
          `alter table casus owner to ${APP_ROLE}`,
          'truncate case_item',
          'truncate audit_event',
          'create table casus_copy as select * from casus',
        ]) {
          expect([statement, await sqlState(client, statement)]).toEqual([statement, '42501']);
        }
      });
    });
  });

  it('a login role cannot become another role or the superuser, and after RESET ROLE is still walled in', async () => {
    const login = clients['a login role in casustafel_app (DATABASE_APP_URL)'];
    await inSecurityContext(login, null, async (client) => {
      expect(await sqlState(client, 'set role postgres')).toBe('42501');
      expect(await sqlState(client, 'set session authorization postgres')).toBe('42501');
      await client.query('reset role');
      const { rows } = await client.query<{ n: string }>('select count(*) as n from casus');
      expect(Number(rows[0].n)).toBe(0);
    });
  });

  it('the app role has no BYPASSRLS, no superuser, no login, and owns nothing in the database', async () => {
    const { rows } = await owner.query(
      `select rolsuper, rolbypassrls, rolcanlogin, rolcreaterole, rolcreatedb from pg_roles where rolname = $1`,
      [APP_ROLE],
    );
    expect(rows[0]).toEqual({
      rolsuper: false,
      rolbypassrls: false,
      rolcanlogin: false,
      rolcreaterole: false,
      rolcreatedb: false,
    });
    const owned = await owner.query<{ kind: string; name: string }>(
      `select 'relation' as kind, relname::text as name from pg_class where relowner = $1::regrole
       union all select 'function', proname::text from pg_proc where proowner = $1::regrole
       union all select 'schema', nspname::text from pg_namespace where nspowner = $1::regrole
       union all select 'type', typname::text from pg_type where typowner = $1::regrole`,
      [APP_ROLE],
    );
    expect(owned.rows).toEqual([]);
    const login = await owner.query(`select rolsuper, rolbypassrls from pg_roles where rolname = $1`, [
      LOGIN_ROLE.name,
    ]);
    expect(login.rows[0]).toEqual({ rolsuper: false, rolbypassrls: false });
  });

  it('every table outside the allow-list has row-level security; the app role owns none and is no member of an owner', async () => {
    const { rows } = await owner.query<{
      name: string;
      rls: boolean;
      app_is_owner: boolean;
    }>(
      `select c.relname as name, c.relrowsecurity as rls, pg_has_role($1, c.relowner, 'MEMBER') as app_is_owner
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname`,
      [APP_ROLE],
    );
    const names = rows.map((r) => r.name);
    // Partitions (of audit_event) are reached through their parent; the app role holds no
    // privilege on any of them (audit-chain.int-spec.ts).
    // The allow-list names real tables only (a renamed table must not keep a stale exemption).
    expect(Object.keys(TABLES_WITHOUT_RLS).filter((t) => !names.includes(t))).toEqual([]);
    const unprotected = rows.filter((r) => !r.rls && !(r.name in TABLES_WITHOUT_RLS)).map((r) => r.name);
    expect(unprotected).toEqual([]);
    for (const table of Object.keys(CASE_DATA_TABLES)) {
      expect([table, rows.find((r) => r.name === table)?.rls]).toEqual([table, true]);
    }
    // RLS is not FORCEd on purpose: the owner (migrations, seeder, the SECURITY DEFINER helpers the
    // policies call) must see all rows. That is safe only while the app role is neither the owner
    // nor a member of it — which is what this asserts.
    expect(rows.filter((r) => r.app_is_owner).map((r) => r.name)).toEqual([]);
  });

  it('every policy applies to the app role only, and none lets everything through', async () => {
    const { rows } = await owner.query<{
      tablename: string;
      policyname: string;
      roles: string[];
      qual: string | null;
      with_check: string | null;
    }>(
      `select tablename, policyname, roles::text[] as roles, qual, with_check from pg_policies where schemaname = 'public'`,
    );
    expect(rows.length).toBeGreaterThan(10);
    const rlsTables = (
      await owner.query<{ relname: string }>(
        `select relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'public' and c.relrowsecurity`,
      )
    ).rows.map((r) => r.relname);
    for (const table of rlsTables) {
      expect([table, rows.some((p) => p.tablename === table)]).toEqual([table, true]);
    }
    for (const policy of rows) {
      expect([policy.policyname, policy.roles]).toEqual([policy.policyname, [APP_ROLE]]);
      expect([
        policy.policyname,
        policy.qual?.trim() === 'true' || policy.with_check?.trim() === 'true',
      ]).toEqual([policy.policyname, false]);
    }
  });

  it('the app role cannot truncate or put triggers on any table, nor create objects in the schema', async () => {
    const { rows } = await owner.query<{ name: string }>(
      `select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind in ('r', 'p')
         and (has_table_privilege($1, c.oid, 'TRUNCATE') or has_table_privilege($1, c.oid, 'TRIGGER'))`,
      [APP_ROLE],
    );
    expect(rows).toEqual([]);
    const schema = await owner.query(`select has_schema_privilege($1, 'public', 'CREATE') as create`, [
      APP_ROLE,
    ]);
    expect(schema.rows[0].create).toBe(false);
  });

  it('the audit log is append-only for the app role (it may add; never read, change or remove)', async () => {
    await inSecurityContext(
      clients['a login role in casustafel_app (DATABASE_APP_URL)'],
      contextOf('a'),
      async (client) => {
        expect(
          await sqlState(
            client,
            `insert into audit_event (occurred_at, action, outcome) values (now(), 'rls.test', 'OK')`,
          ),
        ).toBe('OK');
        await client.query(
          `insert into audit_event (occurred_at, action, outcome) values (now(), 'rls.test', 'OK')`,
        );
        expect(await sqlState(client, 'select count(*) from audit_event')).toBe('42501');
        expect(await sqlState(client, `update audit_event set outcome = 'DENIED'`)).toBe('42501');
        expect(await sqlState(client, 'delete from audit_event')).toBe('42501');
        expect(await sqlState(client, 'truncate audit_event')).toBe('42501');
      },
    );
  });
});
