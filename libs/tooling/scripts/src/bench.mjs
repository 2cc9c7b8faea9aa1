#!/usr/bin/env node
/**
 * `npm run bench [-- P1 P2 P3 P5]`: performance as ratios against a baseline measured in the same
 * run on the same machine (QUALITY-TARGETS.md), written to docs/benchmarks.md. Without arguments
 * every benchmark runs; rows of benchmarks not run keep their last figures (and their date).
 * Exits 1 when a target measured in this run is missed. `--render` only re-renders the document from
 * the figures it carries.
 *
 *   P1 audited need-to-know case read   GET /api/cases/:id (half the ids not the user's: denied,
 *                                       audited) vs bare Fastify + pg serving the case's rows
 *                                       (no policy, no audit)                   target >= 0.40
 *      P1a / P1b                        vs the casus row only / vs bare Fastify calling the same
 *                                       audited read (cst_case_read)            reported / >= 0.80
 *   P2 page of 50 cases                 GET /api/cases?page=N vs the same statements on raw pg in
 *                                       bare Fastify; statements per request counted for page
 *                                       sizes 10, 50 and 200                    target >= 0.60
 *   P3 row-level security               database level: a page read protected only by RLS vs the
 *                                       same filter written out with RLS off    target >= 0.85
 *      P3b / P3c                        the same for one case by id / the app's own page
 *                                       statement with RLS on vs off            reported
 *   P4 tamper-evident audit append      the writer's statement (action + 2 subject rows) with a
 *                                       case update, 16 connections, into the chained audit_event
 *                                       vs a plain table without the chain     target >= 0.65
 *      P4a                              the same at 1 connection                reported
 *   P4v audit verification              audit:verify over >= 1M chained rows    target >= 200k rows/s
 *   P5 framework overhead               GET /api/auth/session vs bare Fastify   target >= 0.50
 *      P5a / P5b                        public no-op / health with a database round trip
 *   P6 meeting fan-out                  10 rooms x 25 sockets over 8 organisations at 20 msg/s per
 *                                       room: socket.io like the live room (one emit per
 *                                       organisation room) vs a raw ws broadcast (bench-live.mjs)
 *                                       delivery 100 %, p99 <= 100 ms
 *      P6s / P6b                        saturation deliveries/s vs ws           >= 0.60 / reported
 *      P6r / P6rs                       the same over 2 processes + Redis adapter  reported
 *   P8 "who saw this file"              one person's rows over 5 years on the partitioned, chained
 *                                       log vs a plain copy (bench-audit.mjs)   p95 <= 2x, <= 500 ms
 *
 * P6 needs neither the build nor PostgreSQL: `npm run bench -- P6` runs without the app.
 *
 * Each server runs in its own process; autocannon runs here. Rounds alternate baseline and subject
 * (and reverse the order every round) and the median is used, so background noise hits both sides.
 * P1-P3 run on a seeded benchmark database (bench-seed.sql) in the app's embedded PostgreSQL in a
 * temporary folder, removed afterwards; BENCH_DATA_DIR=<folder> keeps it for the next run.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import {
  assertSameRows,
  caseActor,
  CASE_USER,
  CASES,
  countStatements,
  dataSetSize,
  dbLoad,
  enableStatementCounting,
  executionTime,
  explainPlans,
  openSide,
  prepareDatabase,
  REGIONS,
  rlsPairs,
} from './bench-cases.mjs';
import {
  CHAIN_ROWS,
  checkWrites,
  openWriters,
  prepareWrites,
  runVerifier,
  seedChained,
  seedSubjects,
  subjectQuery,
  SUBJECT_ROWS,
  timeSubjectQueries,
  writeLoad,
} from './bench-audit.mjs';
import { renderLive, runLive } from './bench-live.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const DOC = join(root, 'docs/benchmarks.md');
const DURATION = Number(process.env.BENCH_DURATION ?? 5);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
/** QUALITY-TARGETS P1: 32 connections. */
const CASE_CONNECTIONS = 32;
/**
 * P2: as many connections as the pools have. A page takes tens of milliseconds of database time,
 * so 32 connections would only queue on both pools (and past their 5 s wait on a loaded machine).
 */
const PAGE_CONNECTIONS = 10;
const DB_CLIENTS = 8;
const POOL_SIZE = 10;
/** P4: QUALITY-TARGETS leaves the concurrency open; 16 writers saturate 2 cores. */
const WRITERS = 16;
const BENCHMARKS = ['P1', 'P2', 'P3', 'P4', 'P4v', 'P5', 'P6', 'P8'];
/** The benchmarks that need the app (and its embedded PostgreSQL). */
const APP_BENCHMARKS = ['P1', 'P2', 'P3', 'P4', 'P4v', 'P5', 'P8'];
/** The benchmarks that need the seeded case data set (P4 writes to cases with two persons). */
const CASE_BENCHMARKS = ['P1', 'P2', 'P3', 'P4'];

const log = (message) => console.log(message);

const freePort = () =>
  new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });

function startProcess(args, env, readyText) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let ready = false;
  const errors = [];
  // Until ready the output is kept (for the error message); afterwards only drained, except the
  // last error lines, so a long run with an access-log line per request neither blocks the child
  // nor fills our memory.
  const collect = (chunk) => {
    if (!ready) {
      out += chunk;
      return;
    }
    for (const line of String(chunk).split('\n')) {
      if (/"level":(40|50|60)/.test(line)) {
        errors.push(line.slice(0, 400));
        errors.splice(0, errors.length - 5);
      }
    }
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  return new Promise((done, fail) => {
    const timer = setInterval(() => {
      if (out.includes(readyText)) {
        clearInterval(timer);
        ready = true;
        done({ child, errors, stop: () => stopProcess(child) });
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      fail(new Error(`process exited (${code}) before ready:\n${out}`));
    });
  });
}

function stopProcess(child) {
  return new Promise((done) => {
    if (child.exitCode !== null) {
      return done();
    }
    child.once('exit', () => done());
    child.kill('SIGTERM');
  });
}

/**
 * One autocannon measurement. `paths` (optional) are cycled through, one per request; `expect`
 * lists the statuses that may come back (anything else fails the run).
 */
async function load(side, duration = DURATION) {
  let next = 0;
  const options = {
    url: side.url,
    headers: side.headers ?? {},
    connections: side.connections ?? CONNECTIONS,
    duration,
    pipelining: 1,
  };
  if (side.paths) {
    options.requests = [
      {
        setupRequest: (request) => {
          request.path = side.paths[next++ % side.paths.length];
          return request;
        },
      },
    ];
  }
  const result = await autocannon(options);
  if (result.requests.total === 0 && duration >= DURATION) {
    throw new Error(
      `${side.url}: no request completed in ${duration} s (machine overloaded or endpoint hung)`,
    );
  }
  const expect = side.expect ?? [200];
  const statuses = Object.fromEntries(
    Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, Number(s.count)]),
  );
  const unexpected = Object.keys(statuses).filter((code) => !expect.includes(Number(code)));
  // A machine overloaded by other work can push a request past the pool's 5 s connection wait
  // (both sides have it); a few such failures are reported, more end the run.
  const failed = unexpected.reduce((sum, code) => sum + statuses[code], 0);
  if (result.errors > 0 || failed > result.requests.total * 0.01) {
    throw new Error(
      `${side.url}: ${result.errors} errors, statuses ${JSON.stringify(statuses)} (expected ${expect.join('/')})` +
        (side.server?.errors.length ? `\nserver errors:\n${side.server.errors.join('\n')}` : ''),
    );
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, statuses, failed };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const summarise = (runs) => ({
  rps: median(runs.map((r) => r.rps)),
  p50: median(runs.map((r) => r.p50)),
  p99: median(runs.map((r) => r.p99)),
});

/**
 * Measures every side of a group in alternating rounds (order reversed every other round) and
 * returns per side the runs and their medians.
 */
async function measure(label, sides, runOne) {
  for (const side of sides) {
    await runOne(side, WARMUP);
  }
  const runs = Object.fromEntries(sides.map((s) => [s.key, []]));
  for (let round = 0; round < ROUNDS; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      runs[side.key].push(await runOne(side, DURATION));
    }
    log(
      `  ${label} round ${round + 1}: ${sides.map((s) => `${s.key} ${runs[s.key][round].rps.toFixed(0)}/s`).join(', ')}`,
    );
  }
  return Object.fromEntries(sides.map((s) => [s.key, { runs: runs[s.key], ...summarise(runs[s.key]) }]));
}

function row(id, name, measured, baseKey, subjKey, target, extra = {}) {
  const base = measured[baseKey];
  const subj = measured[subjKey];
  const ratio = subj.rps / base.rps;
  const perRound = subj.runs.map((r, i) => r.rps / base.runs[i].rps);
  const result = {
    id,
    name,
    base: { rps: base.rps, p50: base.p50, p99: base.p99 },
    subj: { rps: subj.rps, p50: subj.p50, p99: subj.p99 },
    ratio,
    range: [Math.min(...perRound), Math.max(...perRound)],
    target,
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    failed: [...base.runs, ...subj.runs].reduce((sum, r) => sum + (r.failed ?? 0), 0),
    ...extra,
  };
  log(
    `${id} ${name}: baseline ${base.rps.toFixed(0)} req/s, casustafel ${subj.rps.toFixed(0)} req/s, ratio ${ratio.toFixed(2)}`,
  );
  return result;
}

/** Signs in as a demo account (demo mode: password only) and returns the Cookie header. */
async function signIn(base, email) {
  const config = await fetch(`${base}/api/auth/config`);
  const csrf = /cst_csrf=([^;]+)/.exec(config.headers.get('set-cookie') ?? '')?.[1] ?? '';
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `cst_csrf=${csrf}`, 'x-csrf-token': csrf },
    body: JSON.stringify({ email, password: 'Casustafel-demo-2026' }),
  });
  if (login.status !== 200) {
    throw new Error(`bench login failed: ${login.status} ${await login.text()}`);
  }
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

async function getJson(url, headers = {}) {
  const response = await fetch(url, { headers });
  return { status: response.status, body: response.status === 200 ? await response.json() : undefined };
}

function parseSelection(args) {
  const wanted = args.map((a) => a.toUpperCase());
  const unknown = wanted.filter((a) => !BENCHMARKS.some((b) => b.toUpperCase() === a));
  if (unknown.length > 0) {
    throw new Error(`Unknown benchmark ${unknown.join(', ')}; choose from ${BENCHMARKS.join(' ')}`);
  }
  return wanted.length > 0 ? BENCHMARKS.filter((b) => wanted.includes(b.toUpperCase())) : BENCHMARKS;
}

async function main() {
  if (process.argv.includes('--render')) {
    // Re-render docs/benchmarks.md from the figures it carries (after a change of the text).
    writeFileSync(DOC, await formatted(render(previousData())));
    log('rendered docs/benchmarks.md from its data block');
    return;
  }
  const selected = parseSelection(process.argv.slice(2));
  const withCases = selected.some((b) => CASE_BENCHMARKS.includes(b));
  const withActor = selected.some((b) => ['P1', 'P2', 'P3'].includes(b));
  const withApp = selected.some((b) => APP_BENCHMARKS.includes(b));
  if (withApp && !existsSync(join(root, 'dist/apps/api/main.js'))) {
    throw new Error('Build first: npm run build');
  }
  const kept = process.env.BENCH_DATA_DIR ? resolve(process.env.BENCH_DATA_DIR) : undefined;
  const dataDir = kept ?? mkdtempSync(join(tmpdir(), 'casustafel-bench-'));
  mkdirSync(dataDir, { recursive: true });
  const keysFile = join(dataDir, 'bench-keys.json');
  // A kept database was encrypted with these keys: reuse them with it.
  const keys = existsSync(keysFile)
    ? JSON.parse(readFileSync(keysFile, 'utf8'))
    : { encryption: `bench:${randomBytes(32).toString('base64')}`, hash: randomBytes(32).toString('base64') };
  writeFileSync(keysFile, JSON.stringify(keys), { mode: 0o600 });
  const appPort = await freePort();
  const pgPort = await freePort();
  const barePort = await freePort();
  const appEnv = {
    DATA_DIR: dataDir,
    PORT: String(appPort),
    EMBEDDED_PG_PORT: String(pgPort),
    SEED_DEMO: 'true',
    DEMO_MODE: 'true',
    COOKIE_SECURE: 'false',
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
    DATABASE_POOL_SIZE: String(POOL_SIZE),
    ENCRYPTION_KEYS: keys.encryption,
    HASH_KEY: keys.hash,
    // The app's checkpoints of the audit chains stay with the benchmark database.
    AUDIT_CHECKPOINT_FILE: join(dataDir, 'audit-checkpoints.jsonl'),
  };
  const startApp = () => startProcess(['dist/apps/api/main.js'], appEnv, 'Press Ctrl-C to stop.');
  const ownerUrl = () => {
    const password = readFileSync(join(dataDir, 'postgres.password'), 'utf8').trim();
    return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/casustafel`;
  };
  const started = performance.now();
  const extras = {};
  let app;
  let bare;
  const rows = [];
  let failure;
  const cleanUp = async () => {
    await bare?.stop();
    await app?.stop();
    if (!kept) {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  // Ctrl-C: stop the servers (the app stops its PostgreSQL) and remove the benchmark database.
  process.once('SIGINT', () => {
    void cleanUp().finally(() => process.exit(130));
  });
  try {
    log(`benchmarks: ${selected.join(' ')}; data in ${dataDir}${kept ? ' (kept)' : ''}`);
    if (selected.includes('P6')) {
      // First, before the app starts: it needs none of it.
      log('P6: meeting fan-out');
      const live = await runLive(log);
      rows.push(...live.rows);
      extras.P6 = live.extras;
    }
    if (withApp) {
      app = await startApp();
      if (withCases) {
        const prepared = await prepareDatabase(ownerUrl(), log);
        if (prepared.restart) {
          log('restarting to load pg_stat_statements …');
          await app.stop();
          app = await startApp();
        }
        const counting = await enableStatementCounting(ownerUrl());
        // The data set's description belongs to P1-P3; P4 only borrows its cases.
        if (withActor) {
          extras.data = {
            ...(await dataSetSize(ownerUrl())),
            seedSeconds: prepared.seedSeconds,
            counting,
          };
        }
      }
      const appBase = `http://127.0.0.1:${appPort}`;
      const bareBase = `http://127.0.0.1:${barePort}`;
      const chairSession = await signIn(appBase, 'voorzitter@demo.casustafel.example');
      const caseSession = withActor ? await signIn(appBase, CASE_USER) : undefined;
      const actor = withActor ? await caseActor(ownerUrl()) : undefined;
      bare = await startProcess(
        ['libs/tooling/scripts/src/bench-bare.mjs'],
        {
          PORT: String(barePort),
          PG_URL: ownerUrl(),
          POOL_SIZE: String(POOL_SIZE),
          BENCH_ACTOR: actor
            ? JSON.stringify({
                userId: actor.userId,
                organisationId: actor.organisationId,
                sessionId: actor.sessionId,
                roles: actor.roles,
                tables: actor.tables,
              })
            : '',
        },
        'BARE READY',
      );
      const http = (side, duration) => load(side, duration);

      if (selected.includes('P1')) {
        log('P1: audited need-to-know case read');
        const paths = (prefix) => actor.ids.map((id) => `${prefix}${id}`);
        await checkP1(appBase, bareBase, caseSession, actor);
        extras.P1 = {
          visible: await countStatements(ownerUrl(), 20, (n) =>
            getJson(`${appBase}/api/cases/${actor.visibleIds[n]}`, { cookie: caseSession }),
          ),
          denied: await countStatements(ownerUrl(), 20, (n) =>
            getJson(`${appBase}/api/cases/${actor.otherIds[n]}`, { cookie: caseSession }),
          ),
        };
        const measured = await measure(
          'P1',
          [
            { key: 'bare', url: bareBase, paths: paths('/case/'), connections: CASE_CONNECTIONS },
            { key: 'row', url: bareBase, paths: paths('/case-row/'), connections: CASE_CONNECTIONS },
            {
              key: 'read',
              url: bareBase,
              paths: paths('/case-read/'),
              expect: [200, 404],
              connections: CASE_CONNECTIONS,
            },
            {
              key: 'app',
              url: appBase,
              paths: paths('/api/cases/'),
              headers: { cookie: caseSession },
              server: app,
              expect: [200, 404],
              connections: CASE_CONNECTIONS,
            },
          ],
          http,
        );
        const denied = measured.app.runs.map(
          (r) => (r.statuses['404'] ?? 0) / ((r.statuses['200'] ?? 0) + (r.statuses['404'] ?? 0)),
        );
        rows.push(
          row(
            'P1',
            'audited need-to-know case read vs bare Fastify + pg serving the case',
            measured,
            'bare',
            'app',
            0.4,
            {
              p99Ratio: measured.app.p99 / measured.bare.p99,
              deniedShare: median(denied),
            },
          ),
          row(
            'P1a',
            'the same read vs bare Fastify + pg serving the casus row only',
            measured,
            'row',
            'app',
            undefined,
          ),
          row(
            'P1b',
            'the same read vs bare Fastify + pg calling the same audited read',
            measured,
            'read',
            'app',
            0.8,
          ),
        );
      }

      if (selected.includes('P2')) {
        log('P2: page of 50 cases');
        const pagePaths = (prefix) =>
          Array.from({ length: 200 }, (_, n) => `${prefix}?page=${1 + ((n * 7) % actor.pages)}`);
        await checkP2(appBase, bareBase, caseSession);
        extras.P2 = { statements: {} };
        for (const size of [10, 50, 200]) {
          extras.P2.statements[size] = await countStatements(ownerUrl(), 20, (n) =>
            getJson(`${appBase}/api/cases?page=${1 + (n % 3)}&pageSize=${size}`, { cookie: caseSession }),
          );
        }
        const counts = Object.values(extras.P2.statements).map((s) => s.perRequest);
        extras.P2.constant = extras.data.counting && counts.every((c) => c === counts[0]);
        const measured = await measure(
          'P2',
          [
            { key: 'bare', url: bareBase, paths: pagePaths('/cases'), connections: PAGE_CONNECTIONS },
            {
              key: 'app',
              url: appBase,
              paths: pagePaths('/api/cases'),
              headers: { cookie: caseSession },
              server: app,
              connections: PAGE_CONNECTIONS,
            },
          ],
          http,
        );
        rows.push(
          row('P2', 'page of 50 cases vs the same statements on raw pg', measured, 'bare', 'app', 0.6),
        );
      }

      if (selected.includes('P3')) {
        log('P3: row-level security at the database');
        for (const pair of rlsPairs(actor)) {
          const rls = await openSide(ownerUrl(), actor, 'rls', DB_CLIENTS);
          const explicit = await openSide(ownerUrl(), actor, 'explicit', DB_CLIENTS);
          try {
            await assertSameRows(rls, explicit, pair);
            const sides = [
              { key: 'explicit', side: explicit, statement: pair.explicit },
              { key: 'rls', side: rls, statement: pair.rls },
            ];
            const measured = await measure(pair.id, sides, (s, seconds) =>
              dbLoad(s.side, s.statement, seconds),
            );
            rows.push(row(pair.id, pair.name, measured, 'explicit', 'rls', pair.target));
          } finally {
            await rls.close();
            await explicit.close();
          }
        }
      }
      if (withActor) {
        extras.plans = await explainPlans(ownerUrl(), actor);
        extras.actor = {
          email: actor.email,
          organisation: actor.organisation,
          partnerType: actor.partnerType,
          visibleCount: actor.visibleCount,
          pages: actor.pages,
        };
      }

      if (selected.includes('P5')) {
        log('P5: framework overhead');
        const measured = await measure(
          'P5',
          [
            { key: 'live', url: `${bareBase}/live` },
            {
              key: 'session',
              url: `${appBase}/api/auth/session`,
              headers: { cookie: chairSession },
              server: app,
            },
            { key: 'appLive', url: `${appBase}/api/health/live`, server: app },
            { key: 'db', url: `${bareBase}/db` },
            { key: 'health', url: `${appBase}/api/health`, server: app },
          ],
          http,
        );
        rows.push(
          row(
            'P5',
            'authenticated no-op (session cookie, guard, permission)',
            measured,
            'live',
            'session',
            0.5,
          ),
          row('P5a', 'public no-op', measured, 'live', 'appLive', undefined),
          row('P5b', 'health with database round trip', measured, 'db', 'health', undefined),
        );
      }

      if (selected.includes('P4')) {
        log('P4: tamper-evident audit append');
        const fixture = await prepareWrites(ownerUrl());
        await checkWrites(ownerUrl(), fixture);
        const writes = (key, connections) => ({ key, connections });
        const run = async (connections) => {
          const chained = await openWriters(ownerUrl(), connections);
          const plain = await openWriters(ownerUrl(), connections);
          try {
            return await measure(
              `P4 ${connections}`,
              [
                { ...writes('plain', connections), side: plain, table: 'bench_audit_plain' },
                { ...writes('chained', connections), side: chained, table: 'audit_event' },
              ],
              (s, seconds) => writeLoad(s.side, fixture, s.table, seconds),
            );
          } finally {
            await chained.close();
            await plain.close();
          }
        };
        const many = await run(WRITERS);
        const one = await run(1);
        rows.push(
          row(
            'P4',
            `audited writes, ${WRITERS} connections: hash chain vs plain append-only table`,
            many,
            'plain',
            'chained',
            0.65,
            { bench: 'P4', unit: 'writes/s' },
          ),
          row('P4a', 'the same, 1 connection', one, 'plain', 'chained', undefined, {
            bench: 'P4',
            unit: 'writes/s',
          }),
        );
        extras.P4 = { cases: fixture.cases.length, writers: WRITERS };
      }

      if (selected.includes('P4v')) {
        log('P4v: verification throughput');
        const seeded = await seedChained(ownerUrl(), log);
        const report = await runVerifier({
          DATABASE_URL: ownerUrl(),
          ENCRYPTION_KEYS: keys.encryption,
          HASH_KEY: keys.hash,
          AUDIT_CHECKPOINT_FILE: join(dataDir, 'audit-checkpoints.jsonl'),
          NODE_ENV: 'production',
        });
        log(
          `P4v: ${report.rows} rows in ${report.seconds} s, ${report.rowsPerSecond} rows/s${report.ok ? '' : ' - PROBLEMS'}`,
        );
        if (!report.ok) {
          throw new Error(
            `P4v: the verifier found problems in the chained log:\n${report.problems.join('\n')}`,
          );
        }
        rows.push({
          id: 'P4v',
          bench: 'P4v',
          name: `audit:verify over the chained log (${n0(report.rows)} rows, ${report.chains} chains)`,
          absolute: `${n0(report.rowsPerSecond)} rows/s (${report.seconds.toFixed(1)} s)`,
          verdict: `>= 200,000 rows/s ${report.rowsPerSecond >= 200000 ? 'met' : '**MISSED**'}`,
          met: report.rowsPerSecond >= 200000,
          date: new Date().toISOString().slice(0, 16).replace('T', ' '),
        });
        extras.P4v = { ...report, seed: seeded, target: CHAIN_ROWS };
      }

      if (selected.includes('P8')) {
        log('P8: who saw this file');
        const seeded = await seedSubjects(ownerUrl(), log);
        const timed = await timeSubjectQueries(ownerUrl(), seeded.subjects);
        const ratio = timed.chained.p95 / timed.plain.p95;
        const met = ratio <= 2 && timed.chained.p95 <= 500;
        log(
          `P8: p95 ${timed.chained.p95.toFixed(1)} ms partitioned vs ${timed.plain.p95.toFixed(1)} ms plain (${ratio.toFixed(2)}x)`,
        );
        rows.push({
          id: 'P8',
          bench: 'P8',
          name: `one person's accesses over 5 years (${n0(timed.sizes.rows)} rows): partitioned, chained log vs plain table`,
          cells: {
            base: `p50 ${ms(timed.plain.p50)} / p95 ${ms(timed.plain.p95)} ms`,
            subj: `p50 ${ms(timed.chained.p50)} / p95 ${ms(timed.chained.p95)} ms`,
          },
          ratio,
          ratioText: `**${x(ratio)}** time (p95)`,
          verdict: `<= 2x and <= 500 ms ${met ? 'met' : '**MISSED**'}`,
          met,
          date: new Date().toISOString().slice(0, 16).replace('T', ' '),
        });
        const prepared = timed.preparedChained.p95 / timed.preparedPlain.p95;
        rows.push({
          id: 'P8p',
          bench: 'P8',
          name: 'the same query as a prepared statement (its plan cached, as in a PL/pgSQL function)',
          cells: {
            base: `p50 ${ms(timed.preparedPlain.p50)} / p95 ${ms(timed.preparedPlain.p95)} ms`,
            subj: `p50 ${ms(timed.preparedChained.p50)} / p95 ${ms(timed.preparedChained.p95)} ms`,
          },
          ratio: prepared,
          ratioText: `**${x(prepared)}** time (p95)`,
          verdict: 'reported',
          date: new Date().toISOString().slice(0, 16).replace('T', ' '),
        });
        extras.P8 = { ...timed, seed: seeded, target: SUBJECT_ROWS };
      }
    }
  } catch (error) {
    failure = error;
  } finally {
    await cleanUp();
  }

  const minutes = (performance.now() - started) / 60000;
  // A run that fails half-way (a long seeding interrupted) still records the benchmarks it finished.
  const finished = failure
    ? selected.filter((b) => rows.some((r) => (r.bench ?? r.id.replace(/[a-z]$/, '')) === b))
    : selected;
  if (finished.length > 0) {
    await writeDoc(rows, extras, finished, minutes);
    log(`\nwrote docs/benchmarks.md (${minutes.toFixed(1)} min)`);
  }
  if (failure) {
    throw failure;
  }
  const missed = rows.filter(
    (r) => r.met === false || (r.met === undefined && r.target !== undefined && r.ratio < r.target),
  );
  if (selected.includes('P2') && extras.P2?.constant === false) {
    missed.push({ id: 'P2 (statement count)' });
  }
  if (missed.length) {
    console.error(`missed: ${missed.map((r) => r.id).join(', ')}`);
    process.exit(1);
  }
}

/** The id mix does what it says: the user's cases are served, the others denied (by both reads). */
async function checkP1(appBase, bareBase, cookie, actor) {
  for (const [ids, status] of [
    [actor.visibleIds.slice(0, 3), 200],
    [actor.otherIds.slice(0, 3), 404],
  ]) {
    for (const id of ids) {
      const viaApp = await getJson(`${appBase}/api/cases/${id}`, { cookie });
      const viaRead = await getJson(`${bareBase}/case-read/${id}`);
      const viaBare = await getJson(`${bareBase}/case/${id}`);
      if (viaApp.status !== status || viaRead.status !== status || viaBare.status !== 200) {
        throw new Error(
          `P1 check: case ${id}: app ${viaApp.status}, audited read ${viaRead.status}, bare ${viaBare.status}`,
        );
      }
    }
  }
}

/** The bare endpoint must return the very page the app returns. */
async function checkP2(appBase, bareBase, cookie) {
  for (const page of [1, 2]) {
    const viaApp = await getJson(`${appBase}/api/cases?page=${page}`, { cookie });
    const viaBare = await getJson(`${bareBase}/cases?page=${page}`);
    const same =
      viaApp.status === 200 &&
      JSON.stringify(viaApp.body.items.map((i) => [i.id, i.persons])) ===
        JSON.stringify(viaBare.body?.items.map((i) => [i.id, i.persons])) &&
      viaApp.body.total === viaBare.body.total;
    if (!same) {
      throw new Error(
        `P2 check: page ${page} differs between the app (${viaApp.status}) and the bare endpoint`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// docs/benchmarks.md: rendered from the figures of this run merged with the last figures of the
// benchmarks not run now, which travel in a data block at the end of the file.

function previousData() {
  try {
    const text = readFileSync(DOC, 'utf8');
    const json = /<!-- bench-data\n([\s\S]*?)\n-->/.exec(text)?.[1];
    return json ? JSON.parse(json) : { rows: {}, extras: {}, runs: {} };
  } catch {
    return { rows: {}, extras: {}, runs: {} };
  }
}

async function writeDoc(rows, extras, selected, minutes) {
  const data = previousData();
  const run = {
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    node: process.version,
    cpus: `${cpus().length} CPU (${cpus()[0]?.model ?? 'unknown'})`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    load: loadavg()[0].toFixed(1),
    minutes: minutes.toFixed(1),
    selected,
  };
  for (const b of selected) {
    data.runs[b] = run;
    for (const [id, r] of Object.entries(data.rows)) {
      if ((r.bench ?? id.replace(/[a-z]$/, '')) === b) {
        delete data.rows[id];
      }
    }
  }
  for (const r of rows) {
    data.rows[r.id] = r;
  }
  for (const [key, value] of Object.entries(extras)) {
    data.extras[key] = value;
  }
  writeFileSync(DOC, await formatted(render(data)));
}

/** The document as the repository's Prettier would write it (aligned tables). */
async function formatted(markdown) {
  const prettier = await import('prettier');
  return prettier.format(markdown, { ...(await prettier.resolveConfig(DOC)), parser: 'markdown' });
}

const n0 = (v) => (v === undefined || Number.isNaN(v) ? '–' : Math.round(v).toLocaleString('en-US'));
const ms = (v) => (v === undefined ? '–' : v < 10 ? v.toFixed(1) : v.toFixed(0));
const x = (v) => `${v.toFixed(2)}x`;

function render(data) {
  const order = [
    'P1',
    'P1a',
    'P1b',
    'P2',
    'P3',
    'P3b',
    'P3c',
    'P4',
    'P4a',
    'P4v',
    'P5',
    'P5a',
    'P5b',
    'P6',
    'P6s',
    'P6b',
    'P6r',
    'P6rs',
    'P8',
    'P8p',
  ];
  const ids = Object.keys(data.rows).sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const table = ids
    .map((id) => {
      const r = data.rows[id];
      const verdict =
        r.verdict ??
        (r.target === undefined
          ? 'reported'
          : `>= ${r.target}x ${r.ratio >= r.target ? 'met' : '**MISSED**'}`);
      if (r.absolute) {
        return `| ${r.id} | ${r.name} | – | ${r.absolute} | – | ${verdict} | ${r.date} |`;
      }
      if (r.cells) {
        return `| ${r.id} | ${r.name} | ${r.cells.base} | ${r.cells.subj} | ${r.ratioText} | ${verdict} | ${r.date} |`;
      }
      const failed = r.failed ? ` (${r.failed} failed requests)` : '';
      return `| ${r.id} | ${r.name}${failed} | ${n0(r.base.rps)} (${ms(r.base.p50)} / ${ms(r.base.p99)}) | ${n0(r.subj.rps)} (${ms(r.subj.p50)} / ${ms(r.subj.p99)}) | **${x(r.ratio)}** (${r.range.map((v) => v.toFixed(2)).join('–')}) | ${verdict} | ${r.date} |`;
    })
    .join('\n');
  // One entry per run (several benchmarks share one), with the machine's load at its end.
  const byRun = new Map();
  for (const [b, r] of Object.entries(data.runs)) {
    const key = `${r.date} UTC (${r.minutes} min, load average ${r.load})`;
    byRun.set(key, [...(byRun.get(key) ?? []), b]);
  }
  const runs = [...byRun].map(([run, list]) => `${list.join(' ')}: ${run}`).join('; ');
  const anyRun = Object.values(data.runs)[0];
  return `# Benchmarks

Written by \`npm run bench\` (libs/tooling/scripts/src/bench.mjs); do not edit by hand. Figures are
ratios against a baseline measured in the same run on the same machine, so they compare across machines
where absolute req/s do not (QUALITY-TARGETS.md).

Reproduce: \`npm run build\`, then \`npm run bench\` (everything, 6-10 minutes on 2 cores with the seeding) or
\`npm run bench -- P1 P2 P3\` (only those; the other rows keep their last figures and dates);
\`npm run bench -- P4 P4v P8\` measures the audit log (15-25 minutes on 2 cores, most of it seeding millions of
audit rows);
\`npm run bench -- P6\` measures the live room's fan-out (about 2-3 minutes, no build or database needed).
\`BENCH_DATA_DIR=<folder>\` keeps the seeded benchmark database for the next run; \`BENCH_DURATION\`,
\`BENCH_ROUNDS\`, \`BENCH_WARMUP\` (seconds, rounds) change the method below.

Method: each server in its own Node process (Casustafel: the built \`dist/apps/api/main.js\` with
NODE_ENV=production and LOG_LEVEL=info, i.e. the production middleware, guard, pipes, filter and access
log, on its embedded PostgreSQL; baselines: bare Fastify + node-postgres,
libs/tooling/scripts/src/bench-bare.mjs, pools of ${POOL_SIZE} connections on both sides). autocannon runs in the bench
process with ${CONNECTIONS} connections (P5), ${CASE_CONNECTIONS} (P1) or ${PAGE_CONNECTIONS} (P2, the pool size); P3 is measured at the database with
${DB_CLIENTS} clients sending the statements as the app does (node-postgres, unnamed extended protocol: planned on
every execution, like \`pgbench -M extended\`). Every measurement lasts
${DURATION} s after a ${WARMUP} s warm-up; ${ROUNDS} rounds alternate the sides (order reversed every other round); the
table gives medians. The machine is shared and noisy: the ratio's spread over the rounds is shown next to it,
and the load average (other work on the same 2 CPUs) with each run below; absolute req/s from a loaded
run are far below what the code does on an idle machine, the ratios are what to read. The audit rows
(P4, P4v, P8) are measured at the database, not over HTTP: P4's columns count audited writes (transactions)
per second, P4v verified rows per second, P8 query times (there the ratio is time, lower is better).
P6 (the live room, socket.io against raw \`ws\`) has its own method, described in its section: delivery and
latency at a fixed rate, deliveries per second at saturation.

Runs: ${runs}. Machine: ${anyRun ? `${anyRun.cpus}, ${anyRun.memory}, Node ${anyRun.node}` : '–'}.

| Target | What | Baseline req/s (p50 / p99 ms) | Casustafel req/s (p50 / p99 ms) | Ratio (per round) | Target | Measured (UTC) |
| --- | --- | ---: | ---: | ---: | --- | --- |
${table}

${renderCases(data)}
${renderAudit(data)}
${renderP5()}
${renderLive(data)}
<!-- bench-data
${JSON.stringify(data)}
-->
`;
}

function renderStatements(counted) {
  if (!counted) {
    return '–';
  }
  return counted.statements
    .map((s) => `    ${String(s.perRequest.toFixed(2)).padStart(5)}  ${s.query}`)
    .join('\n');
}

function renderCases(data) {
  const { rows, extras } = data;
  if (!rows.P1 && !rows.P2 && !rows.P3) {
    return '';
  }
  const d = extras.data ?? {};
  const actor = extras.actor ?? {};
  const plans = extras.plans ?? {};
  const p1 = rows.P1;
  const st = extras.P2?.statements ?? {};
  const planTime = (key) => {
    const t = executionTime(plans[key]);
    const p = Number(/Planning Time: ([\d.]+) ms/.exec(plans[key] ?? '')?.[1] ?? NaN);
    return Number.isNaN(t) ? '–' : `planning ${p.toFixed(2)} ms, execution ${t.toFixed(2)} ms`;
  };
  const plan = (key, what) =>
    plans[key]
      ? `\n<details><summary>${what}: <code>${key}</code> (${planTime(key)})</summary>\n\n\`\`\`text\n${plans[key]}\n\`\`\`\n\n</details>\n`
      : '';
  return `## P1-P3: cases

Data set (bench-seed.sql, set-based SQL as the schema owner into the benchmark's own database, seeded in
${d.seedSeconds === undefined ? 'an earlier run' : `${d.seedSeconds.toFixed(0)} s`}): ${n0(d.cases)} cases in ${d.regions ?? REGIONS} regions (the demo region and copies of its
${n0(d.organisations && d.regions ? d.organisations / d.regions : undefined)} organisations, case tables, visibility matrix and covenants), ${n0(d.participants)} participations
(the ZVH and 2-4 partners per case), ${n0(d.persons)} persons, ${n0(d.items)} items, ${n0(d.mensenhandel)} mensenhandel panels;
${d.size ?? '–'} on PostgreSQL ${d.server ?? '–'}. Every name is fictional. Requests run as the demo account
\`${actor.email ?? CASE_USER}\` (${actor.organisation ?? 'police'}, DEELNEMER at both demo tables), whose
organisation takes part in ${n0(actor.visibleCount)} of the ${n0(d.cases ?? CASES)} cases: RLS and the filters must find those few
through the indexes. The app runs as \`casustafel_app\` (RLS applies) exactly as in production.

### P1: audited, need-to-know case read

- Subject: \`GET /api/cases/:id\` with a signed-in session, over 2,000 ids of which half are cases of
  the user's organisation (served) and half are not (answered 404 and audited as a denial; measured
  denied share ${p1?.deniedShare === undefined ? '–' : `${(p1.deniedShare * 100).toFixed(0)} %`}).
- Baseline P1: bare Fastify + pg, as the owner, one query returning the case row with its table,
  participants, persons, items and mensenhandel panel as JSON - the rows the detail is made of, with no
  session, access policy or audit. P1a: only \`select * from casus where id = $1\` (the literal
  QUALITY-TARGETS baseline). P1b: bare Fastify + pg calling the same \`cst_case_read\` as
  \`casustafel_app\` (the same audited work without Nest, the session, the mapping to the DTO).
- p99: Casustafel ${ms(p1?.subj.p99)} ms vs ${ms(p1?.base.p99)} ms bare = ${p1 ? x(p1.p99Ratio) : '–'} (QUALITY-TARGETS: <= 3x${p1 ? (p1.p99Ratio <= 3 ? ', met' : ', **missed**') : ''}).
- The design: one round trip. \`cst_case_read\` (migration 1764200000000) sets the security context,
  reads the case through RLS, writes the NEN 7513 audit record - for a denial too - and returns the
  case already cut to what the policy lets the actor see, all in one statement and so one transaction;
  a naive TypeORM transaction with five round trips measured 0.14-0.19x (QUALITY-TARGETS §4).
  The session is resolved from the in-process session cache, so the guard adds no query.
- Where the time goes (the gap to the unaudited read): for a served case \`cst_case_read\` evaluates
  the access policy part by part - \`cst_access\` per item and \`cst_visibility\` per person, SQL
  functions whose inner queries (casus, case_participant, disclosure, visibility_rule) run under RLS
  again - and its item and person sub-queries pass through the nested RLS policies (see P3b). A
  denial is cheap (one RLS probe and the audit insert). Every read is also a durable write: the audit
  record commits with the read (synchronous_commit on; NEN 7513 allows no served read without its
  record). P1b isolates the Node side (Nest's pipeline, session, mapping to the DTO) on top of the
  same database work; when it is near 1 the gap is in the database. The levers are those of P3b and
  P3c below (not applied; a decision for the maintainers).
- Statements per request (pg_stat_statements, top level, as casustafel_app; ${extras.P1?.visible?.requests ?? '–'} requests each):
  a served case ${extras.P1?.visible?.perRequest ?? '–'}, a denied one ${extras.P1?.denied?.perRequest ?? '–'}.

\`\`\`text
served case:
${renderStatements(extras.P1?.visible)}
denied case:
${renderStatements(extras.P1?.denied)}
\`\`\`

### P2: a page of 50 cases

- Subject: \`GET /api/cases?page=N\` (50 per page, pages 1-${actor.pages ?? '–'} of the user's cases), ${PAGE_CONNECTIONS}
  connections (the pool size).
  Baseline: bare Fastify + pg running CasesService.list's statements verbatim as \`casustafel_app\`
  in one transaction (security context, count, page, audit record of the returned ids) and mapping
  the rows the same way; before measuring the bench checks both return the same page.
- Statements per request, by page size (${Object.values(st)[0]?.requests ?? '–'} requests each):
  ${
    Object.entries(st)
      .map(([size, s]) => `${size} → ${s.perRequest}`)
      .join(', ') || '–'
  }: ${extras.P2?.constant ? '**constant**' : extras.P2 ? '**NOT constant**' : '–'}. The statements (per request):

\`\`\`text
${renderStatements(st[50])}
\`\`\`

- The design: the page is projected in the database (\`getRawMany\`-style raw SQL, no entity hydration);
  the persons of each case come as one JSON aggregate per row, cut by \`cst_visibility\`, never an
  extra query per case; the total is one \`count(*)\`. Two statements for the data whatever the page
  size, plus the security context and one audit record (with the returned ids) in the same transaction.
- Where the time goes: finding the page means joining and sorting all of the user's cases (offset
  paging; the count walks them once more), and each of the 50 rows aggregates its persons with one
  \`cst_visibility\` call per person. Both sides run the same statements; the gap between them is the
  Node side (TypeORM's query path, Nest, the access log).
- EXPLAIN ANALYZE, as casustafel_app, page 1 (the page statement is P3c's RLS side):
${plan('P2 count', 'count')}${plan('P3c rls', 'page')}
### P3: row-level security

Measured at the database (no HTTP), ${DB_CLIENTS} clients. The RLS side runs as \`casustafel_app\` with the
security context set; the explicit side runs as the owner (RLS does not apply) with the policy's
condition written out; the bench checks that both return the same rows before measuring.

- P3: a page of 50 of the user's cases (most recently updated first) with their persons, filtered by
  the RLS policy alone vs the same statement with \`exists (participant of my organisation) and exists
  (case role at the table)\` in its WHERE clause.
- P3b: one case with its persons by id, half of the ids not the user's.
- P3c: the app's real page statement, which carries the explicit join on the participant table
  itself, with RLS on (as casustafel_app) vs off (as the owner): the price of RLS as the second wall.
- What keeps it from being worse: the policies read the session values once per statement
  (\`(select current_setting(...))\`, an InitPlan) instead of per row, every column they filter on is
  indexed (\`case_participant (organisation_id, case_id)\`, \`user_table_role (user_id, table_id, role)\`),
  and helpers that must look past RLS (\`cst_participates\`, \`cst_case_table\`) are small SECURITY DEFINER
  functions with a fixed search_path. Every probe in the plans below is an index scan.
- Why P3 costs what it costs: a policy's \`EXISTS\` sub-queries are security quals, which the planner
  applies as (hashed) SubPlan filters to a scan of every case (plan \`P3 rls\`: a sequential scan of
  casus, almost all rows removed by the filter), while the written-out \`EXISTS\` becomes a join driven by
  \`case_participant_org_idx\` (plan \`P3 explicit\`). The app never reads a list through RLS alone - its
  page statement joins the participant table itself (P3c) - so P3 is a regression guard rather than a
  request path, but it is below target.
- Why P3b costs what it costs: policies nest. The person policy looks into case_person and
  registration_person, their policies into casus and registration, and those into case_participant and
  user_table_role, so one statement that touches persons expands to about a hundred sub-plans (their
  numbers in plan \`P3b rls\`). The app sends unnamed statements, planned on every execution, so that
  planning is paid per request (compare the planning times), and at run time every person row walks the
  chain again.
- P3c, the price of RLS as the second wall on the app's own page statement: per case row the
  participant probe once more, per person the nested policies, and \`cst_visibility\`'s inner queries
  under RLS instead of as the owner.
- Levers (measured in side experiments on this data set, not applied): child-table and person policies
  that call one SECURITY DEFINER helper per parent (\`cst_case_visible(case_id)\`,
  \`cst_person_visible(id)\`) instead of nesting the parents' policies - P3b went from about 0.3x to
  parity, with planning from about 4.5 ms to 0.7 ms; \`cst_access\` as SECURITY DEFINER (it reads the
  actor from the session settings and returns only a level) - P3c from about 0.45x to 0.6x together
  with the former; for P3 an index-friendly casus policy (\`id = ANY (ARRAY(SELECT case_id FROM
  case_participant WHERE organisation_id = ...))\`) helped only to about 0.37x and builds an array of
  all the organisation's case ids per statement, so the rule stays: every list carries its explicit
  participant join, RLS is the second wall. Prepared (named) statements halve the planning share but
  do not close the gap.
- EXPLAIN ANALYZE (the second of two runs, as casustafel_app with the context, or as the owner):
${plan('P3 rls', 'P3, RLS')}${plan('P3 explicit', 'P3, written out')}${plan('P3b rls', 'P3b, RLS')}${plan('P3b explicit', 'P3b, written out')}${plan('P3c explicit', 'P3c, owner (RLS off)')}
`;
}

function renderAudit(data) {
  const { rows, extras } = data;
  if (!rows.P4 && !rows.P4v && !rows.P8) {
    return '';
  }
  const p4 = rows.P4;
  const p4a = rows.P4a;
  const v = extras.P4v ?? {};
  const p8 = extras.P8 ?? {};
  const seed8 = p8.seed ?? {};
  const plan = (key, what) =>
    p8.plans?.[key]
      ? `\n<details><summary>${what}: <code>${key}</code> (${planTimes(p8.plans[key])})</summary>\n\n\`\`\`text\n${shortPlan(p8.plans[key])}\n\`\`\`\n\n</details>\n`
      : '';
  return `## P4, P4v, P8: the tamper-evident audit log

Measured at the database (libs/tooling/scripts/src/bench-audit.mjs), as the schema owner, in the
benchmark's embedded PostgreSQL (ADR 0017: \`audit_event\` partitioned by month, 64 hash chains linked by
the BEFORE INSERT trigger \`cst_audit_chain_link\`). \`npm run bench -- P4 P4v P8\` runs them (P4 seeds
the case data set of P1-P3 for its cases; P4v and P8 seed the audit log); nothing of this runs in
\`npm test\`. \`BENCH_AUDIT_CHAIN_ROWS\` / \`BENCH_AUDIT_CHAIN_SECONDS\` (P4v, default 1,000,000 rows, 300 s)
and \`BENCH_AUDIT_ROWS\` / \`BENCH_AUDIT_SEED_SECONDS\` (P8, default 10,000,000 rows, 420 s) set the sizes
and the time boxes of the seeding; the figures below say which size was reached.

### P4: audited write throughput, hash chain vs plain append-only table

- Subject: per write one transaction, as the app makes a change: \`update casus set updated_at = …,
  version = version + 1\` on one of ${n0(extras.P4?.cases)} cases with exactly two persons, then the app's
  own audit statement - \`AuditWriter\`'s INSERT … SELECT, read from audit-writer.ts at run time so it
  cannot drift - for a \`case.update\` of that case: the action's row and, through \`cst_audit_subjects\`,
  one row per person (3 rows, checked before measuring), then COMMIT (synchronous_commit on). P4:
  ${extras.P4?.writers ?? WRITERS} connections, P4a: 1 connection; ${DURATION} s per measurement, ${ROUNDS} alternating rounds, medians.
- Baseline: the same statements with the INSERT into \`bench_audit_plain\`, made by the benchmark in the
  same database: \`audit_event\`'s columns, defaults, checks and indexes (subject, actor, object, primary
  key on seq), not partitioned, no chain trigger (chain columns left empty). The difference is the chain
  (and partition routing).
- Result: ${p4 ? `${n0(p4.subj.rps)} chained vs ${n0(p4.base.rps)} plain writes/s at ${extras.P4?.writers ?? WRITERS} connections = **${x(p4.ratio)}** (target >= 0.65x, ${p4.ratio >= 0.65 ? 'met' : '**missed**'}); at 1 connection ${n0(p4a?.subj.rps)} vs ${n0(p4a?.base.rps)} = **${p4a ? x(p4a.ratio) : '–'}**; p99 of a write ${ms(p4.subj.p99)} ms chained vs ${ms(p4.base.p99)} ms plain` : '–'}.
- What the chain costs per row: the PL/pgSQL trigger, a \`SELECT … FOR UPDATE SKIP LOCKED\` of the chain's
  head in \`audit_chain\`, SHA-256 over \`cst_audit_canonical\` of the row, and an UPDATE of the head (a new
  row version and its WAL) - three times per write here. With 64 chains the ${extras.P4?.writers ?? WRITERS} writers do not wait for
  each other (a connection keeps to the chain of its backend pid and skips a held one), so the chain adds
  CPU per row but no queue; the commit's WAL flush, the case update and the subject lookup, paid on
  both sides, dominate a write. The global chain QUALITY-TARGETS measured (0.36-0.42x) serialised every
  writer on one head.
- One cost the figure does not show: a transaction updates its head once per row, and PostgreSQL keeps
  every version of that row until the transaction ends, so an audit statement with many rows (a list of
  50 cases writes a row per person of every case) walks a growing chain of head versions per row (from
  how PostgreSQL keeps row versions; not measured separately here - the P4v seeding uses statements of
  1,500 rows for that reason). A design change for large fan-outs (not implemented):
  link a statement's rows in one statement-level (AFTER … REFERENCING NEW TABLE) step that reads and
  writes the head once per statement, or keep the head in a transaction-local variable and write it
  once at the end (a deferred constraint trigger).

### P4v: verification throughput

- Seeding: rows shaped like the writer's (per action its row with details and two subject rows),
  inserted **through the real trigger** in statements of 1,500 rows on two connections (their own
  chains), ${v.seed?.rate ? `${n0(v.seed.rate)} rows/s` : 'in an earlier run'}; the log held ${n0(v.rows)} rows in ${v.chains ?? '–'} chains${v.seed?.timeBoxed ? ` (time box reached before ${n0(v.target)})` : ''}.
- Subject: \`node dist/apps/api/main.js audit:verify\` - the command \`npm run audit:verify\` runs - as the
  owner against the benchmark database, with the app's checkpoint file; its own report: ${n0(v.rows)} records
  in ${v.seconds ?? '–'} s = **${n0(v.rowsPerSecond)} records/s** (target >= 200,000, ${v.rowsPerSecond === undefined ? '–' : v.rowsPerSecond >= 200000 ? 'met' : '**missed**'}), result ${v.ok ? 'OK (every chain intact)' : '–'}.
  At this rate 10M rows take ${v.rowsPerSecond ? `about ${(10_000_000 / v.rowsPerSecond).toFixed(0)} s` : '–'} (QUALITY-TARGETS: <= 50 s).
- What it does: one REPEATABLE READ snapshot and one statement with window functions over
  \`(chain_id, chain_seq)\` recomputing \`sha256(prev_hash ‖ cst_audit_canonical(row))\` for every row (the
  function inlined), comparing \`chain_seq\` and \`prev_hash\` with the predecessor; only the first broken
  record per chain, the chain ends and the checkpointed records reach Node. The cost is the sort of the
  whole log by chain (in \`work_mem\` 256 MB, spilling beyond) and the canonical text and hash per row on
  one core: it is a single-process scan (no parallel query for window functions).
- ${
    v.rowsPerSecond !== undefined && v.rowsPerSecond < 200000
      ? `Why below target: the verification is one backend on one core, and this run shared the 2 CPUs with
  other work (load average ${data.runs.P4v?.load ?? '–'} at the end of the run), so the figure is the share of a core it got rather
  than what the statement does on an idle core (the anchor in QUALITY-TARGETS, ~400k rows/s, was
  measured on an idle machine). It is the one absolute target in this section and no baseline in the
  same run corrects for the load. `
      : ''
  }Levers (not implemented): verify incrementally - from the last
  verified checkpoint on (its heads are the starting hashes), so a routine run reads only the rows written
  since, and the full run is for audits; split the chains over several connections (each its own
  snapshot-consistent statement for a group of chains, all in one exported snapshot) to use more than
  one core; an index on \`(chain_id, chain_seq)\` would spare the sort but costs every insert.
- P4v runs before P8: P8's rows are seeded without the trigger (chain ${100}, placeholder hashes) and would
  be reported as broken; on a kept database (BENCH_DATA_DIR) P4v ignores that chain.

### P8: "who saw this file"

- Data: ${n0(p8.sizes?.rows)} audit rows in \`audit_event\` (${p8.sizes?.partitions ?? '–'} partitions; ${p8.sizes?.size ?? '–'}), of which ${n0(seed8.rows)} seeded for P8
  ${seed8.seconds ? `in ${seed8.seconds.toFixed(0)} s` : ''}${seed8.timeBoxed ? ` (time box reached before the target of ${n0(p8.target)})` : ''}: per action its row and two subject rows, the subjects
  pseudonyms (SHA-256 hex, as \`person.pseudonym\`) of ${n0(seed8.subjects)} persons drawn uniformly (sized for the target: 30 rows each at
  10M; ${seed8.rows && seed8.subjects ? `${((seed8.rows * 2) / 3 / seed8.subjects).toFixed(0)} each at the size reached` : '–'}),
  times uniform over the last 5 years (one partition per month, made first), 2,000 actors. These rows are
  inserted in bulk with the chain trigger off (\`session_replication_role = replica\`): through the
  trigger the machine links about ${v.seed?.rate ? n0(v.seed.rate) : '10,000'} rows/s, far too slow for millions; the chain columns are
  filled with placeholders of the same width. The baseline \`bench_audit_p8_plain\`: the same rows (the
  whole log) copied in seq order into one plain table with the same indexes (${p8.sizes?.plain_size ?? '–'}).
- The query (the FG views API is built separately; this is the equivalent SQL): the rows of the person's
  pseudonyms (two per person here, as for a person in two records) in the last 5 years, each joined
  to its action's row (for its details) through \`parent_span_id\`; the action row was written by the same
  statement, so it has the same actor and time and is found through the \`(actor_user_id, occurred_at)\`
  index, in the one partition of that time:

\`\`\`sql
${subjectQuery('audit_event').trim()}
\`\`\`

- Result over ${p8.queries ?? '–'} persons (${p8.rowsPerQuery ? `median ${p8.rowsPerQuery.p50} rows, at most ${p8.rowsPerQuery.max}` : '–'}), sent as the app sends statements (unnamed, planned on
  every execution), the two tables alternating: p95 ${ms(p8.chained?.p95)} ms partitioned vs ${ms(p8.plain?.p95)} ms plain =
  **${p8.chained ? x(p8.chained.p95 / p8.plain.p95) : '–'}** (target <= 2x ${p8.chained ? (p8.chained.p95 / p8.plain.p95 <= 2 ? 'met' : '**missed**') : ''}); absolute p95 ${ms(p8.chained?.p95)} ms (target <= 500 ms ${p8.chained ? (p8.chained.p95 <= 500 ? 'met' : '**missed**') : ''}).
  As a prepared statement (P8p): p95 ${ms(p8.preparedChained?.p95)} ms vs ${ms(p8.preparedPlain?.p95)} ms.
- Where the time goes: the partitioned side's rows are found as fast as the plain side's (an index
  probe per partition in range, then one probe per row for its action row); the difference is
  planning. An unnamed statement is planned on every execution, and the planner opens every partition
  the range keeps (61 for 5 years) for the subject scan and every partition (all of them: it cannot
  prune \`a.occurred_at = s.occurred_at\` before running) for the action-row probe - compare the planning
  times in the plans below. A plain JOIN instead of LATERAL … LIMIT 1 let the planner hash the action
  rows of every partition (a sequential scan of the whole log) and was slower still.
- Levers (not implemented; for the FG views API): run the query as a prepared statement or inside a
  PL/pgSQL SECURITY DEFINER function (the FG's reader needs one anyway, ADR 0017), whose plan is cached
  and whose partitions are pruned at run time - P8p measured ${p8.preparedChained ? x(p8.preparedChained.p95 / p8.preparedPlain.p95) : '–'} at p95 that way, closer but ${p8.preparedChained && p8.preparedChained.p95 / p8.preparedPlain.p95 <= 2 ? 'within' : 'still above'}
  2x: the generic plan still starts up the partitions' scans and prunes the action-row probe per row; store the action's \`seq\` on the subject rows
  (\`parent_seq\`) so the action row is one primary-key probe; or fewer, larger partitions (per quarter
  or year) - the log's retention, not its size, decides how fine they need to be.
- EXPLAIN ANALYZE of one person (after one warm-up run), unnamed statement:
${plan('P8 partitioned', 'partitioned, chained')}${plan('P8 plain', 'plain table')}`;
}

/** A plan over every partition runs to hundreds of lines: its head and tail show the shape. */
function shortPlan(plan) {
  const lines = plan.split('\n');
  return lines.length <= 90
    ? plan
    : [
        ...lines.slice(0, 45),
        `… (${lines.length - 75} lines: the same for the other partitions) …`,
        ...lines.slice(-30),
      ].join('\n');
}

function planTimes(plan) {
  const t = executionTime(plan);
  const p = Number(/Planning Time: ([\d.]+) ms/.exec(plan ?? '')?.[1] ?? NaN);
  return Number.isNaN(t) ? '–' : `planning ${p.toFixed(2)} ms, execution ${t.toFixed(2)} ms`;
}

function renderP5() {
  return `## P5: framework overhead

- P5 baseline: bare Fastify returning \`{"status":"ok"}\`; subject: \`GET /api/auth/session\` with a
  signed-in session: security headers, request context, access log, the global guard (endpoint
  declaration, passport resolving the session cookie from the session cache, permission check),
  serialising the session (about 600 bytes). P5a: the public \`GET /api/health/live\`.
- P5b baseline: bare Fastify + \`pg.Pool\` running \`select 1\`; subject: \`GET /api/health\` (TypeORM pool
  as \`casustafel_app\`, \`select 1\`, timing). Reported only.

What the P5 figure is made of (profiles, 2026-11-25): measured with \`node --cpu-prof\` under the same
load. Removed because they cost more than they gave: nestjs-cls (AsyncLocalStorage behind Nest
middleware: a no-op endpoint ran at a sixth of Nest's own speed) → a plain AsyncLocalStorage entered in
a Fastify \`onRequest\` hook; @fastify/helmet (rebuilt the headers on every request) → headers computed
once; nestjs-pino/pino-http (generic serialisation of every access-log line, synchronous writes) → one
preformatted line to pino's asynchronous destination; Nest's @fastify/middie hook (no Nest middleware is
used); hashing the session token on every request (the session cache is keyed by the token). What
remains per request, roughly: the socket write (a quarter of the CPU in both the baseline and
Casustafel on this VM), Nest's router and guard pipeline, passport resolving the cookie from the session
cache, cookie parsing, the access-log line (about 15 %) and serialising the session (600 bytes against
the baseline's 15). The authenticated no-op stays below the 0.5 target; the next levers are a response
schema (fast-json-stringify) for the hot JSON responses and serving the session check without
passport's per-request strategy object.
`;
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
