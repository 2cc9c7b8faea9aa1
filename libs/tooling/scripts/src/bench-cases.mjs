/**
 * The case benchmarks of `npm run bench` (P1-P3, QUALITY-TARGETS §5): the seeded benchmark data
 * set, the benchmark user, statement counting, the database-level RLS measurement and the
 * EXPLAIN ANALYZE plans. bench.mjs runs them and writes docs/benchmarks.md.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const CASES = Number(process.env.BENCH_CASES ?? 200000);
export const REGIONS = 25;
/** The benchmark user: a police participant, whose organisation takes part in a fraction of cases. */
export const CASE_USER = 'politie@demo.casustafel.example';
/** Must match CASE_ROLES in libs/shared/contracts (and the RLS policies). */
const CASE_ROLES = [
  'PROCESREGISSEUR',
  'VOORZITTER',
  'CASUSREGISSEUR',
  'DEELNEMER',
  'ZORGCOORDINATOR',
  'TRIAGIST',
];
const here = dirname(fileURLToPath(import.meta.url));

async function withClient(url, work, options = {}) {
  const client = new pg.Client({ connectionString: url, ...options });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Seeds the data set unless it is there (a kept BENCH_DATA_DIR), and asks PostgreSQL to load
 * pg_stat_statements at its next start, to count the statements per request. Returns whether the
 * server must be restarted for that.
 */
export async function prepareDatabase(ownerUrl, log) {
  return withClient(ownerUrl, async (client) => {
    const existing = (await client.query(`select count(*)::int as n from casus where number like 'BM-%'`))
      .rows[0].n;
    let seedSeconds;
    if (existing === 0) {
      log(`seeding ${CASES} cases in ${REGIONS} regions (set-based SQL, as the schema owner) …`);
      const sql = readFileSync(join(here, 'bench-seed.sql'), 'utf8')
        .replaceAll('{{CASES}}', String(CASES))
        .replaceAll('{{REGIONS_MINUS_ONE}}', String(REGIONS - 1));
      const started = performance.now();
      await client.query(sql);
      await client.query('vacuum analyze');
      seedSeconds = (performance.now() - started) / 1000;
      log(`seeded in ${seedSeconds.toFixed(0)} s`);
    } else if (existing !== CASES) {
      throw new Error(
        `The kept benchmark database holds ${existing} cases, not ${CASES}: use a new BENCH_DATA_DIR.`,
      );
    } else {
      log(`reusing the seeded benchmark database (${existing} cases)`);
    }
    const preload = (await client.query(`select current_setting('shared_preload_libraries') as v`)).rows[0].v;
    const restart = !preload.includes('pg_stat_statements');
    if (restart) {
      await client.query(`alter system set shared_preload_libraries = 'pg_stat_statements'`);
    }
    return { seedSeconds, restart };
  });
}

/** After the restart: the extension, counting off until a measurement asks for it. */
export async function enableStatementCounting(ownerUrl) {
  return withClient(ownerUrl, async (client) => {
    try {
      await client.query('create extension if not exists pg_stat_statements');
      await setTracking(client, 'none');
      return true;
    } catch {
      return false;
    }
  });
}

async function setTracking(client, mode) {
  await client.query(`alter system set pg_stat_statements.track = '${mode}'`);
  await client.query('select pg_reload_conf()');
  // Backends pick the new value up at their next command; give the signal a moment.
  await new Promise((done) => setTimeout(done, 300));
}

/** Sizes of the seeded data set, for the report. */
export async function dataSetSize(ownerUrl) {
  return withClient(ownerUrl, async (client) => {
    const { rows } = await client.query(`
      select (select count(*) from region)::int as regions, (select count(*) from organisation)::int as organisations,
             (select count(*) from case_table)::int as tables, (select count(*) from casus)::int as cases,
             (select count(*) from case_participant)::int as participants, (select count(*) from person)::int as persons,
             (select count(*) from case_item)::int as items, (select count(*) from case_mensenhandel)::int as mensenhandel,
             pg_size_pretty(pg_database_size(current_database())) as size,
             current_setting('server_version') as server`);
    return rows[0];
  });
}

/**
 * The benchmark user as the app sees it after sign-in, and the ids the load uses: half of them
 * cases the user's organisation takes part in (served), half not (denied and audited as such).
 */
export async function caseActor(ownerUrl, email = CASE_USER) {
  return withClient(ownerUrl, async (client) => {
    const user = (
      await client.query(
        `select u.id, u.organisation_id, o.name as organisation, o.partner_type,
                (select s.id from user_session s where s.user_id = u.id and s.ended_at is null
                  order by s.created_at desc limit 1) as session_id
           from app_user u join organisation o on o.id = u.organisation_id where u.email = $1`,
        [email],
      )
    ).rows[0];
    if (!user?.session_id) {
      throw new Error(`${email} has no open session; sign in first`);
    }
    const roles = (
      await client.query('select table_id, role from user_table_role where user_id = $1', [user.id])
    ).rows;
    const tables = [...new Set(roles.filter((r) => CASE_ROLES.includes(r.role)).map((r) => r.table_id))];
    const visibleSql = `from casus c join case_participant p on p.case_id = c.id and p.organisation_id = $1
         where c.table_id = any($2::uuid[]) and c.state <> 'VERNIETIGD'`;
    const visibleCount = (
      await client.query(`select count(*)::int as n ${visibleSql}`, [user.organisation_id, tables])
    ).rows[0].n;
    const visible = (
      await client.query(`select c.id ${visibleSql} order by hashtext(c.id::text) limit 1000`, [
        user.organisation_id,
        tables,
      ])
    ).rows.map((r) => r.id);
    const others = (
      await client.query(
        `select c.id from casus c where not exists (select 1 from case_participant p where p.case_id = c.id
           and p.organisation_id = $1) order by hashtext(c.id::text) limit 1000`,
        [user.organisation_id],
      )
    ).rows.map((r) => r.id);
    const ids = visible.flatMap((id, i) => [id, others[i]]).filter(Boolean);
    return {
      email,
      userId: user.id,
      organisationId: user.organisation_id,
      organisation: user.organisation,
      partnerType: user.partner_type,
      sessionId: user.session_id,
      roles: [...new Set(roles.map((r) => r.role))],
      tables,
      visibleCount,
      visibleIds: visible,
      otherIds: others,
      ids,
      /** Pages of 50 the load spreads over (offset paging: deeper pages cost more). */
      pages: Math.max(1, Math.min(20, Math.ceil(visibleCount / 50))),
    };
  });
}

/**
 * Statements the app sends per request (pg_stat_statements, top level, as casustafel_app),
 * over `n` sequential requests. Session housekeeping that happens now and then shows up as a
 * fraction; the per-request count is rounded.
 */
export async function countStatements(ownerUrl, n, request) {
  return withClient(ownerUrl, async (client) => {
    await waitIdle(client);
    await setTracking(client, 'top');
    try {
      await client.query('select pg_stat_statements_reset()');
      for (let i = 0; i < n; i++) {
        await request(i);
      }
      const { rows } = await client.query(`
        select s.calls::int as calls, regexp_replace(s.query, '\\s+', ' ', 'g') as query
        from pg_stat_statements s join pg_roles r on r.oid = s.userid
        where r.rolname = 'casustafel_app' order by s.calls desc, s.query`);
      const total = rows.reduce((sum, r) => sum + r.calls, 0);
      return {
        requests: n,
        total,
        perRequest: Math.round(total / n),
        statements: rows.map((r) => ({ perRequest: r.calls / n, query: r.query.slice(0, 110) })),
      };
    } finally {
      await setTracking(client, 'none');
    }
  });
}

/** Waits until the app has no statement running (a load just stopped may leave a queue behind). */
async function waitIdle(client) {
  for (let i = 0; i < 300; i++) {
    const { rows } = await client.query(
      `select count(*)::int as n from pg_stat_activity where application_name = 'casustafel' and state <> 'idle'`,
    );
    if (rows[0].n === 0) {
      return;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error('the app stayed busy for 30 s after the load');
}

// ---- P3: the cost of row-level security, at the database (no HTTP, no Node framework) ----

const PERSONS = `coalesce((select jsonb_agg(jsonb_build_object('role', cp.role, 'name', per.given_name || ' ' || per.family_name)
            order by cp.position) from case_person cp join person per on per.id = cp.person_id where cp.case_id = c.id), '[]') as persons`;
/** What the RLS policy on casus says, written out (the explicit-filter side). */
const FILTER = `exists (select 1 from case_participant p where p.case_id = c.id and p.organisation_id = $2)
    and exists (select 1 from user_table_role r where r.user_id = $3 and r.table_id = c.table_id and r.role = any($4::text[]))`;
const LIST = (filter) => `select c.id, c.number, c.state, c.updated_at, t.name as table_name, ${PERSONS}
  from casus c join case_table t on t.id = c.table_id
  where c.state <> 'VERNIETIGD'${filter ? ` and ${FILTER}` : ''}
  order by c.updated_at desc, c.id limit 50 offset $1`;
const ONE = (filter) => `select c.id, c.number, c.state, c.reason, c.goal, ${PERSONS}
  from casus c where c.id = $1${filter ? ` and ${FILTER}` : ''}`;
/** The app's own page statement (explicit join on the participant table), as CasesService.list sends it. */
const APP_PAGE = `select c.id, c.number, c.table_id, t.name as table_name, c.state, c.opened_at, c.updated_at, c.embargo,
    u.display_name as procesregisseur,
    coalesce((select jsonb_agg(jsonb_build_object('role', cp.role, 'name',
                case when cst_visibility(c.id, 'C1', 'NORMAAL', array[cp.owner_organisation_id], null) = 'FULL'
                     then per.given_name || ' ' || per.family_name end) order by cp.position)
              from case_person cp join person per on per.id = cp.person_id where cp.case_id = c.id), '[]') as persons
  from casus c
  join case_participant mine on mine.case_id = c.id and mine.organisation_id = $2
  join case_table t on t.id = c.table_id
  left join app_user u on u.id = c.procesregisseur_id
  where c.table_id = any($3::uuid[]) and c.state <> 'VERNIETIGD'
  order by c.updated_at desc, c.id
  limit 50 offset $1`;

/**
 * The P3 pairs. `rls` runs as casustafel_app with the security context set for the session;
 * `explicit` as the owner (a superuser: RLS does not apply) with the policy written out.
 */
export function rlsPairs(actor) {
  const offset = (n) => 50 * (n % actor.pages);
  const filterArgs = [actor.organisationId, actor.userId, CASE_ROLES];
  return [
    {
      id: 'P3',
      name: 'page of 50 cases: RLS policy only vs the same filter written out, RLS off',
      target: 0.85,
      rls: { text: LIST(false), values: (n) => [offset(n)] },
      explicit: { text: LIST(true), values: (n) => [offset(n), ...filterArgs] },
    },
    {
      id: 'P3b',
      name: 'one case with its persons by id (half not theirs): RLS vs filter written out',
      target: undefined,
      rls: { text: ONE(false), values: (n) => [actor.ids[n % actor.ids.length]] },
      explicit: {
        text: ONE(true),
        values: (n) => [actor.ids[n % actor.ids.length], ...filterArgs],
      },
    },
    {
      id: 'P3c',
      name: "the app's page statement (explicit filter) with RLS on vs off",
      target: undefined,
      rls: {
        text: APP_PAGE,
        values: (n) => [offset(n), actor.organisationId, actor.tables],
      },
      explicit: {
        text: APP_PAGE,
        values: (n) => [offset(n), actor.organisationId, actor.tables],
      },
    },
  ];
}

/** Opens `clients` connections for one side: the app role (RLS applies) or the owner (it does not). */
export async function openSide(ownerUrl, actor, side, clients) {
  const list = [];
  for (let i = 0; i < clients; i++) {
    const client = new pg.Client({
      connectionString: ownerUrl,
      application_name: `bench-p3-${side}`,
      ...(side === 'rls' ? { options: '-c role=casustafel_app' } : {}),
    });
    await client.connect();
    // Both sides carry the context: the app's statement calls cst_visibility, which reads it; the
    // owner is not subject to RLS, so on that side it changes nothing else.
    await client.query(
      `select set_config('app.user_id', $1, false), set_config('app.organisation_id', $2, false),
              set_config('app.session_id', $3, false)`,
      [actor.userId, actor.organisationId, actor.sessionId],
    );
    list.push(client);
  }
  return { clients: list, close: () => Promise.all(list.map((c) => c.end())) };
}

/** Both sides must return the same rows, or the comparison means nothing. */
export async function assertSameRows(rlsSide, explicitSide, pair, samples = 6) {
  for (let n = 0; n < samples; n++) {
    const a = await rlsSide.clients[0].query({ text: pair.rls.text, values: pair.rls.values(n) });
    const b = await explicitSide.clients[0].query({
      text: pair.explicit.text,
      values: pair.explicit.values(n),
    });
    if (JSON.stringify(a.rows) !== JSON.stringify(b.rows)) {
      throw new Error(`${pair.id}: the RLS and the explicit read return different rows (sample ${n})`);
    }
  }
}

/**
 * Every client runs the statement in a loop for `seconds`, sent as the app sends its statements
 * (node-postgres extended protocol, unnamed: planned on every execution, like `pgbench -M
 * extended`), so the planning of the policies' sub-queries is part of the price, as in the app.
 */
export async function dbLoad(side, statement, seconds) {
  const end = performance.now() + seconds * 1000;
  const latencies = [];
  let counter = 0;
  await Promise.all(
    side.clients.map(async (client) => {
      while (performance.now() < end) {
        const n = counter++;
        const started = performance.now();
        await client.query({ text: statement.text, values: statement.values(n) });
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), statuses: {} };
}

/** EXPLAIN ANALYZE of the statements behind P2 and P3, as the app role or the owner. */
export async function explainPlans(ownerUrl, actor) {
  const pairs = rlsPairs(actor);
  const plans = {};
  await withClient(ownerUrl, async (client) => {
    const run = async (key, asApp, text, values) => {
      await client.query('begin');
      try {
        if (asApp) {
          await client.query('set local role casustafel_app');
        }
        await client.query(
          `select set_config('app.user_id', $1, true), set_config('app.organisation_id', $2, true),
                  set_config('app.session_id', $3, true)`,
          [actor.userId, actor.organisationId, actor.sessionId],
        );
        // Twice: the first warms the cache; the second is the one reported.
        await client.query(`explain (analyze, costs off) ${text}`, values);
        const { rows } = await client.query(`explain (analyze, costs off) ${text}`, values);
        plans[key] = rows.map((r) => r['QUERY PLAN']).join('\n');
      } finally {
        await client.query('rollback');
      }
    };
    for (const pair of pairs) {
      await run(`${pair.id} rls`, true, pair.rls.text, pair.rls.values(0));
      await run(`${pair.id} explicit`, false, pair.explicit.text, pair.explicit.values(0));
    }
    await run('P2 count', true, APP_COUNT, [actor.organisationId, actor.tables]);
  });
  return plans;
}

const APP_COUNT = `select count(*) from casus c join case_participant mine on mine.case_id = c.id and mine.organisation_id = $1
  where c.table_id = any($2::uuid[]) and c.state <> 'VERNIETIGD'`;

/** "Execution Time: 1.234 ms" of a plan. */
export function executionTime(plan) {
  return Number(/Execution Time: ([\d.]+) ms/.exec(plan ?? '')?.[1] ?? NaN);
}
