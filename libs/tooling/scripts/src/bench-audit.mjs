/**
 * The audit-log benchmarks of `npm run bench` (QUALITY-TARGETS P4 and P8, ADR 0017), at the
 * database, as the schema owner, in the benchmark's own embedded PostgreSQL:
 *
 *   P4   audited writes (a case update and the writer's INSERT … SELECT: the action's row and a row
 *        per person of the case, 2 here) into the chained `audit_event` vs the same statement into
 *        a plain table of the same shape without the chain trigger (`bench_audit_plain`)
 *   P4v  `AuditVerifier` (the code behind `npm run audit:verify`) over the chained log, seeded
 *        through the real trigger
 *   P8   "who saw this file": one subject's rows over 5 years, joined to their action rows, on the
 *        partitioned, chained `audit_event` vs a plain (non-partitioned, non-chained) copy of the
 *        same rows with the same indexes
 *
 * bench.mjs runs them and writes docs/benchmarks.md. None of this is part of `npm test`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
/** P4v: rows the chained log is seeded to through the trigger, and the time box for it (s). */
export const CHAIN_ROWS = Number(process.env.BENCH_AUDIT_CHAIN_ROWS ?? 1_000_000);
const CHAIN_SECONDS = Number(process.env.BENCH_AUDIT_CHAIN_SECONDS ?? 300);
/** P8: rows the audit log is seeded to (10M in QUALITY-TARGETS), and the time box for it (s). */
export const SUBJECT_ROWS = Number(process.env.BENCH_AUDIT_ROWS ?? 10_000_000);
const SUBJECT_SECONDS = Number(process.env.BENCH_AUDIT_SEED_SECONDS ?? 420);
/** P8: rows per data subject on average (two subject rows per action). */
const ROWS_PER_SUBJECT = 30;
const P8_QUERIES = 200;
/** P8 rows are seeded with the chain trigger off; they carry this chain id (not one of the 64). */
export const P8_CHAIN = 100;
const PLAIN = 'bench_audit_plain';
const P8_PLAIN = 'bench_audit_p8_plain';

async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url, application_name: 'bench-audit' });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * The app's own audit statement, read from the writer's source (so the benchmark cannot drift
 * from it): one INSERT … SELECT per call, subjects resolved by cst_audit_subjects.
 */
export function writerInsert() {
  const source = readFileSync(join(root, 'libs/api/audit/src/lib/audit-writer.ts'), 'utf8');
  const text = /const INSERT = `([\s\S]*?)`;/.exec(source)?.[1];
  if (!text || text.includes('${') || !/insert into audit_event /.test(text)) {
    throw new Error('P4: the INSERT of audit-writer.ts was not found (or changed shape)');
  }
  return text;
}

/** A plain append-only table shaped like audit_event: not partitioned, no chain trigger. */
async function createPlain(client, name, { identity }) {
  await client.query(`drop table if exists ${name}`);
  await client.query(`create table ${name} (like audit_event including defaults including generated
    including constraints ${identity ? 'including identity' : ''})`);
  await client.query(`alter table ${name} alter chain_id drop not null, alter chain_seq drop not null,
    alter hash drop not null`);
}

/** audit_event's indexes (ADR 0017), on the plain table; the primary key on seq alone (no partition key). */
async function indexPlain(client, name) {
  await client.query(`alter table ${name} add primary key (seq)`);
  await client.query(
    `create index on ${name} (data_subject_id, occurred_at) where data_subject_id is not null`,
  );
  await client.query(`create index on ${name} (actor_user_id, occurred_at)`);
  await client.query(`create index on ${name} (object_type, object_id, occurred_at)`);
}

// ---- P4: audited write throughput ----

/**
 * The P4 fixture: the plain table, cases with exactly two persons (so every write records the
 * action and two subjects), and an actor.
 */
export async function prepareWrites(ownerUrl) {
  return withClient(ownerUrl, async (client) => {
    await createPlain(client, PLAIN, { identity: true });
    await indexPlain(client, PLAIN);
    const cases = (
      await client.query(`select case_id from case_person group by case_id having count(*) = 2
                           order by hashtext(case_id::text) limit 4000`)
    ).rows.map((r) => r.case_id);
    if (cases.length < 200) {
      throw new Error(`P4: only ${cases.length} cases with two persons; seed the case data set first`);
    }
    const actor = (
      await client.query(`select u.id, u.organisation_id from app_user u where u.organisation_id is not null
                           order by u.email limit 1`)
    ).rows[0];
    return { cases, actor, insert: writerInsert() };
  });
}

const hex = (length) =>
  Array.from({ length }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');

/** One audited write: the case row changes and its audit record (3 rows) commits with it. */
function writeOnce(client, fixture, table, n) {
  const caseId = fixture.cases[n % fixture.cases.length];
  const at = new Date();
  const entry = {
    action: 'case.update',
    outcome: 'OK',
    actor_user_id: fixture.actor.id,
    on_behalf_of_user_id: fixture.actor.id,
    actor_organisation_id: fixture.actor.organisation_id,
    actor_roles: ['DEELNEMER'],
    session_id: null,
    object_type: 'case',
    object_id: caseId,
    data_category: 'C2',
    authorisation_rule: 'PARTICIPATION',
    break_glass: false,
    processing_activity_id: null,
    legal_ground: null,
    purpose: null,
    span_id: hex(16),
    details: { fields: ['goal'] },
    cases: [caseId],
    registrations: null,
    persons: null,
  };
  const insert =
    table === 'audit_event'
      ? fixture.insert
      : fixture.insert.replace('insert into audit_event ', `insert into ${table} `);
  return (async () => {
    await client.query('begin');
    try {
      await client.query('update casus set updated_at = $2, version = version + 1 where id = $1', [
        caseId,
        at,
      ]);
      const result = await client.query(insert, [at, 'bench', hex(32), hex(16), JSON.stringify([entry])]);
      await client.query('commit');
      return result.rowCount;
    } catch (error) {
      await client.query('rollback');
      throw error;
    }
  })();
}

/** Each side's write inserts the action row and one row per person (2): checked before measuring. */
export async function checkWrites(ownerUrl, fixture) {
  return withClient(ownerUrl, async (client) => {
    for (const table of ['audit_event', PLAIN]) {
      const rows = await writeOnce(client, fixture, table, 0);
      if (rows !== 3) {
        throw new Error(`P4: a write into ${table} inserted ${rows} rows, expected 3 (action + 2 subjects)`);
      }
    }
    const trigger = (
      await client.query(
        `select tgenabled from pg_trigger where tgname = 'audit_event_chain' and tgrelid = 'audit_event'::regclass`,
      )
    ).rows[0]?.tgenabled;
    if (trigger !== 'O') {
      throw new Error('P4: the chain trigger of audit_event is missing or disabled');
    }
  });
}

export async function openWriters(ownerUrl, clients) {
  const list = [];
  for (let i = 0; i < clients; i++) {
    const client = new pg.Client({ connectionString: ownerUrl, application_name: 'bench-p4' });
    await client.connect();
    list.push(client);
  }
  return { clients: list, close: () => Promise.all(list.map((c) => c.end())) };
}

/** Every client writes in a loop for `seconds`; writes/s and latency of a whole transaction. */
export async function writeLoad(side, fixture, table, seconds) {
  const end = performance.now() + seconds * 1000;
  const latencies = [];
  let counter = Math.floor(Math.random() * fixture.cases.length);
  await Promise.all(
    side.clients.map(async (client) => {
      while (performance.now() < end) {
        const started = performance.now();
        await writeOnce(client, fixture, table, counter++);
        latencies.push(performance.now() - started);
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), statuses: {} };
}

// ---- P4v: verification throughput ----

/**
 * Rows as the writer makes them (per action: its row with details, two subject rows), through the
 * real trigger, in statements of `batch` rows on two connections (their own chains), until the
 * log holds `target` rows or the time box is over. One statement per transaction: a transaction
 * holds its chain's head, and every row of it updates that head again.
 */
export async function seedChained(ownerUrl, log, target = CHAIN_ROWS, seconds = CHAIN_SECONDS, batch = 1500) {
  const count = async (client) =>
    Number((await client.query('select count(*) as n from audit_event')).rows[0].n);
  const start = await withClient(ownerUrl, count);
  if (start >= target) {
    log(`P4v: the log already holds ${start.toLocaleString('en-US')} rows`);
    return { rows: start, seconds: undefined, rate: undefined, timeBoxed: false };
  }
  log(
    `P4v: seeding the chained log through the trigger to ${target.toLocaleString('en-US')} rows (time box ${seconds} s) …`,
  );
  const started = performance.now();
  const end = started + seconds * 1000;
  let inserted = 0;
  const insert = `
    insert into audit_event (occurred_at, action, outcome, actor_user_id, on_behalf_of_user_id, actor_organisation_id,
      actor_roles, origin, object_type, object_id, data_subject_id, data_subject_id_type, data_category,
      authorisation_rule, trace_id, span_id, parent_span_id, details)
    select clock_timestamp(), 'case.read', 'OK', a.actor, a.actor, a.org, '{DEELNEMER}', 'bench', 'case', a.case_id,
           s.subject, case when s.subject is not null then 'CST_PSEUDONYM' end, 'C2', 'PARTICIPATION', a.trace,
           case when s.subject is null then a.span else left(md5(a.span || s.k), 16) end,
           case when s.subject is null then null else a.span end,
           case when s.subject is null then jsonb_build_object('fields', jsonb_build_array('goal')) else '{}' end
    from (select g, md5('actor' || g % 500)::uuid as actor, md5('org' || g % 50)::uuid as org,
                 md5('case' || g % 100000)::uuid::text as case_id, md5($1 || g) as trace, left(md5($1 || g), 16) as span
          from generate_series(1, $2::int / 3) g) a
    cross join lateral (values (0, null), (1, encode(sha256(('p' || a.g % 50000)::bytea), 'hex')),
                               (2, encode(sha256(('q' || a.g % 50000)::bytea), 'hex'))) s(k, subject)`;
  const clients = await openWriters(ownerUrl, 2);
  try {
    await Promise.all(
      clients.clients.map(async (client, c) => {
        let n = 0;
        while (start + inserted < target && performance.now() < end) {
          const result = await client.query(insert, [`${c}-${n++}-${Date.now()}`, batch]);
          inserted += result.rowCount;
        }
      }),
    );
  } finally {
    await clients.close();
  }
  const elapsed = (performance.now() - started) / 1000;
  await withClient(ownerUrl, (client) => client.query('vacuum analyze audit_event'));
  const rows = start + inserted;
  log(
    `P4v: ${rows.toLocaleString('en-US')} rows (${(inserted / elapsed).toFixed(0)} rows/s through the trigger)`,
  );
  return { rows, seconds: elapsed, rate: inserted / elapsed, timeBoxed: rows < target };
}

/**
 * `main.js audit:verify` - the command `npm run audit:verify` runs - against the benchmark
 * database; its own report (records, seconds, records/s) is what is reported.
 */
export async function runVerifier(env) {
  const child = spawn(process.execPath, ['dist/apps/api/main.js', 'audit:verify'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (out += chunk));
  const code = await new Promise((done) => child.once('exit', done));
  const summary = /Audit log: (\d+) records in (\d+) chains checked in ([\d.]+) s \((\d+) records\/s\)/.exec(
    out,
  );
  if (!summary) {
    throw new Error(`P4v: audit:verify printed no summary (exit ${code}):\n${out.slice(0, 2000)}`);
  }
  // Problems on the P8 rows (seeded with the chain trigger off, chain 100) are expected; any other is not.
  const problems = out.split('\n').filter((l) => /\[(HASH|SEQUENCE|LINK|HEAD|CHECKPOINT)/.test(l));
  const real = problems.filter((l) => !l.includes(`chain ${P8_CHAIN},`));
  return {
    rows: Number(summary[1]),
    chains: Number(summary[2]),
    seconds: Number(summary[3]),
    rowsPerSecond: Number(summary[4]),
    ok: real.length === 0,
    problems: real.slice(0, 5),
    exitCode: code,
  };
}

// ---- P8: who saw this file ----

/**
 * Seeds the audit log for P8 in bulk, with the chain trigger off (`session_replication_role =
 * replica`: linking millions of rows one by one through the trigger takes hours on 2 cores) in
 * chunks until `target` rows or the time box. Per action: its row and two subject rows (pseudonyms
 * of `subjects` persons, uniformly spread: about ROWS_PER_SUBJECT rows each), at a random moment of
 * the last 5 years (monthly partitions made first). Their chain columns are placeholders on chain
 * P8_CHAIN: audit:verify reports that chain, so P4v runs before P8.
 */
export async function seedSubjects(ownerUrl, log, target = SUBJECT_ROWS, seconds = SUBJECT_SECONDS) {
  return withClient(ownerUrl, async (client) => {
    const existing = (
      await client.query(
        `select count(*)::int as n, max(chain_seq)::bigint as last from audit_event where chain_id = $1`,
        [P8_CHAIN],
      )
    ).rows[0];
    const subjects = Math.max(1000, Math.round((target * 2) / 3 / ROWS_PER_SUBJECT));
    if (existing.n >= target * 0.95 || (existing.n > 0 && process.env.BENCH_AUDIT_RESEED !== 'true')) {
      log(`P8: reusing ${existing.n.toLocaleString('en-US')} seeded rows`);
      return {
        rows: existing.n,
        subjects,
        seconds: undefined,
        timeBoxed: existing.n < target * 0.95,
        chunks: 0,
      };
    }
    const partitions = (
      await client.query(
        `select cst_audit_ensure_partitions((date_trunc('month', now()) - interval '5 years')::date, 24) as n`,
      )
    ).rows[0].n;
    log(
      `P8: ${partitions} monthly partitions added; seeding up to ${target.toLocaleString('en-US')} rows for ${subjects.toLocaleString('en-US')} subjects (time box ${seconds} s) …`,
    );
    await client.query(`set session_replication_role = replica`);
    await client.query(`set maintenance_work_mem = '512MB'`);
    const chunk = 600_000; // rows per statement
    const started = performance.now();
    let from = Number(existing.last ?? 0) / 3 + 1;
    let rows = existing.n;
    let chunks = 0;
    while (rows < target && (performance.now() - started) / 1000 < seconds) {
      const actions = Math.min(chunk, target - rows) / 3;
      const result = await client.query(
        `insert into audit_event (occurred_at, action, outcome, actor_user_id, on_behalf_of_user_id,
           actor_organisation_id, actor_roles, origin, object_type, object_id, data_subject_id, data_subject_id_type,
           data_category, authorisation_rule, processing_activity_id, trace_id, span_id, parent_span_id, details,
           chain_id, chain_seq, prev_hash, hash)
         select a.at, a.action, 'OK', a.actor, a.actor, a.org, '{DEELNEMER}', 'bench', 'case', a.case_id,
                s.subject, case when s.subject is not null then 'CST_PSEUDONYM' end, 'C2', 'PARTICIPATION', 'VWT-ZVH',
                a.trace, case when s.subject is null then a.span else left(md5(a.trace || s.k), 16) end,
                case when s.subject is null then null else a.span end,
                case when s.subject is null then jsonb_build_object('ids', jsonb_build_array(a.case_id)) else '{}' end,
                $3, a.g * 3 + s.k, '\\x${'00'.repeat(32)}'::bytea, sha256(int8send(a.g * 3 + s.k))
         from (select g, (array['case.read','case.update','case.list','person.read'])[1 + g % 4] as action,
                      md5('actor' || g % 2000)::uuid as actor, md5('org' || g % 200)::uuid as org,
                      md5('case' || g % 300000)::uuid::text as case_id, md5('t' || g) as trace, left(md5('s' || g), 16) as span,
                      date_trunc('month', now()) - interval '5 years'
                        + (abs(hashint8(g * 7 + 3))::float8 / 2147483648.0)
                          * (now() - (date_trunc('month', now()) - interval '5 years')) as at
               from generate_series($1::bigint, $1::bigint + $2::bigint - 1) g) a
         cross join lateral (values (1, null::text),
             (2, encode(sha256(('subject-' || abs(hashint8(a.g)) % $4)::bytea), 'hex')),
             (3, encode(sha256(('subject-' || abs(hashint8(a.g + 1000000007)) % $4)::bytea), 'hex'))) s(k, subject)`,
        [from, Math.floor(actions), P8_CHAIN, subjects],
      );
      from += Math.floor(actions);
      rows += result.rowCount;
      chunks++;
      log(
        `  P8 seed: ${rows.toLocaleString('en-US')} rows (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
    await client.query(`set session_replication_role = origin`);
    const elapsed = (performance.now() - started) / 1000;
    log('P8: copying the log into the plain table and indexing it …');
    const copyStarted = performance.now();
    await createPlain(client, P8_PLAIN, { identity: false });
    // The same rows (the whole log, P4's and P4v's too), in the same order, then the same indexes.
    const columns = (
      await client.query(`select string_agg(quote_ident(attname), ', ' order by attnum) as list from pg_attribute
         where attrelid = 'audit_event'::regclass and attnum > 0 and not attisdropped and attgenerated = ''`)
    ).rows[0].list;
    await client.query(
      `insert into ${P8_PLAIN} (${columns}) select ${columns} from audit_event order by seq`,
    );
    await indexPlain(client, P8_PLAIN);
    await client.query(`vacuum analyze audit_event`);
    await client.query(`vacuum analyze ${P8_PLAIN}`);
    const copySeconds = (performance.now() - copyStarted) / 1000;
    return { rows, subjects, seconds: elapsed, copySeconds, timeBoxed: rows < target * 0.95, chunks };
  });
}

/**
 * The FG's "who saw this file" query (the FG views API is built separately; this is the equivalent
 * SQL): the rows of the person's pseudonyms in the period, each joined to its action's row (its
 * details) through parent_span_id. The action row has the same actor and time (one INSERT wrote
 * both), so the join finds it through the (actor_user_id, occurred_at) index and, on the
 * partitioned table, in the one partition of that time. LATERAL … LIMIT 1 keeps the planner to a
 * parameterised probe per row: a plain join let it hash every partition's action rows (a
 * sequential scan of the whole log; plan in docs/benchmarks.md).
 */
export const subjectQuery = (table) => `
  select s.seq, s.occurred_at, s.action, s.outcome, s.actor_user_id, s.on_behalf_of_user_id, s.actor_organisation_id,
         s.actor_roles, s.object_type, s.object_id, s.data_category, s.authorisation_rule, s.break_glass,
         s.processing_activity_id, s.purpose, s.trace_id, a.span_id as action_span_id, a.details
  from ${table} s
  left join lateral (select a.span_id, a.details from ${table} a
                     where a.actor_user_id = s.actor_user_id and a.occurred_at = s.occurred_at
                       and a.span_id = s.parent_span_id and a.data_subject_id is null
                     limit 1) a on true
  where s.data_subject_id = any($1::text[]) and s.occurred_at >= $2 and s.occurred_at < $3
  order by s.occurred_at desc, s.seq desc`;

/**
 * P8 timing: for each of P8_QUERIES random persons (two pseudonyms each, as a person in two
 * records), the query over the last 5 years on both tables, alternating which goes first. Checks
 * both return the same rows. Latencies in ms.
 */
export async function timeSubjectQueries(ownerUrl, subjects) {
  return withClient(ownerUrl, async (client) => {
    const range = (
      await client.query(`select now() - interval '5 years' as since, now() + interval '1 day' as until`)
    ).rows[0];
    const pseudonym = (n) => `subject-${n}`;
    const persons = Array.from({ length: P8_QUERIES + 20 }, () => {
      const n = Math.floor(Math.random() * subjects);
      return [pseudonym(n), pseudonym((n + Math.floor(subjects / 2)) % subjects)];
    });
    const hashed = async (names) =>
      (
        await client.query(
          `select array_agg(encode(sha256(x::bytea), 'hex')) as ids from unnest($1::text[]) x`,
          [names],
        )
      ).rows[0].ids;
    const times = { chained: [], plain: [], preparedChained: [], preparedPlain: [] };
    const rows = [];
    for (const [i, names] of persons.entries()) {
      const ids = await hashed(names);
      const order = i % 2 === 0 ? ['chained', 'plain'] : ['plain', 'chained'];
      const result = {};
      for (const side of order) {
        const started = performance.now();
        const r = await client.query(subjectQuery(side === 'chained' ? 'audit_event' : P8_PLAIN), [
          ids,
          range.since,
          range.until,
        ]);
        const ms = performance.now() - started;
        result[side] = r.rows;
        // The same as a named statement: planned once per connection (a generic plan after five
        // executions, partitions pruned at run time), as a PL/pgSQL function would keep it.
        const preparedStarted = performance.now();
        await client.query({
          name: `p8-${side}`,
          text: subjectQuery(side === 'chained' ? 'audit_event' : P8_PLAIN),
          values: [ids, range.since, range.until],
        });
        const preparedMs = performance.now() - preparedStarted;
        if (i >= 20) {
          times[side].push(ms);
          times[side === 'chained' ? 'preparedChained' : 'preparedPlain'].push(preparedMs);
        }
      }
      if (
        JSON.stringify(result.chained.map((r) => [r.seq, r.details])) !==
        JSON.stringify(result.plain.map((r) => [r.seq, r.details]))
      ) {
        throw new Error('P8: the partitioned and the plain table return different rows');
      }
      if (result.chained.some((r) => r.details === null)) {
        throw new Error('P8: a subject row found no action row');
      }
      if (i >= 20) {
        rows.push(result.chained.length);
      }
    }
    const stats = (values) => {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      return { p50: at(0.5), p95: at(0.95), max: sorted.at(-1) };
    };
    const plans = {};
    const ids = await hashed(persons[0]);
    for (const [key, table] of [
      ['P8 partitioned', 'audit_event'],
      ['P8 plain', P8_PLAIN],
    ]) {
      await client.query(`explain (analyze, costs off) ${subjectQuery(table)}`, [
        ids,
        range.since,
        range.until,
      ]);
      const plan = await client.query(`explain (analyze, costs off, summary on) ${subjectQuery(table)}`, [
        ids,
        range.since,
        range.until,
      ]);
      plans[key] = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
    }
    const sizes = (
      await client.query(`select (select count(*) from pg_inherits where inhparent = 'audit_event'::regclass)::int as partitions,
          pg_size_pretty(pg_total_relation_size('${P8_PLAIN}')) as plain_size,
          (select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) from pg_inherits where inhparent = 'audit_event'::regclass) as size,
          (select count(*) from audit_event)::bigint as rows`)
    ).rows[0];
    const sortedRows = [...rows].sort((a, b) => a - b);
    return {
      chained: stats(times.chained),
      plain: stats(times.plain),
      preparedChained: stats(times.preparedChained),
      preparedPlain: stats(times.preparedPlain),
      queries: times.chained.length,
      rowsPerQuery: { p50: sortedRows[Math.floor(rows.length / 2)], max: sortedRows.at(-1) },
      plans,
      sizes: { ...sizes, rows: Number(sizes.rows) },
    };
  });
}
