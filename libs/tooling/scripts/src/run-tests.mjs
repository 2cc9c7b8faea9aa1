#!/usr/bin/env node
/**
 * `npm test`: every check the project has, in one command (README, .ci/run).
 *
 *   1. lint        ESLint on every project, module boundaries included
 *   2. typecheck   tsc --noEmit on every project's tsconfig (app/lib/spec)
 *   3. build       the API bundle and the web app (the process and browser tests run them)
 *   4. jest        unit, integration (real PostgreSQL) and server-process tests in one jest run
 *   5. browser     Playwright journeys in headless Chromium with an axe scan of every page
 *
 * Ends with `N passed, N failed`: tests counted from the jest and Playwright JSON reports, plus one
 * per step that is not a test runner (lint, typecheck, build). Exits non-zero on any failure.
 * Options: --only=<step,step> to run some steps (the summary still adds up what ran).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
const results = join(root, 'tmp/test-results');
const ci = process.env.CI === 'true' || process.env.CI === '1';
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');

const env = {
  ...process.env,
  PATH: `${join(root, 'node_modules/.bin')}:${process.env.PATH}`,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  NX_SKIP_NX_CACHE: ci ? 'true' : (process.env.NX_SKIP_NX_CACHE ?? ''),
  NG_CLI_ANALYTICS: 'false',
  FORCE_COLOR: process.env.FORCE_COLOR ?? (ci ? '0' : '1'),
};

const summary = [];
let passed = 0;
let failed = 0;

function run(command, args) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
    child.on('error', () => done(127));
  });
}

async function step(name, work) {
  if (only && !only.includes(name)) {
    return;
  }
  console.log(`\n=== ${name} ===\n`);
  const started = Date.now();
  const outcome = await work();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  passed += outcome.passed;
  failed += outcome.failed;
  summary.push(
    `${name.padEnd(10)} ${outcome.failed ? 'FAILED' : 'ok    '}  ${outcome.passed} passed, ${outcome.failed} failed  (${seconds} s)`,
  );
}

/** A step that is not a test runner counts as one check. */
const check = (code) => ({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function tsconfigs() {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules' || entry.startsWith('.')) {
        continue;
      }
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) {
        walk(path);
      } else if (
        /^tsconfig\.(app|lib|spec)\.json$/.test(entry) ||
        (entry === 'tsconfig.json' && isLeaf(path))
      ) {
        found.push(relative(root, path));
      }
    }
  };
  for (const top of ['apps', 'libs', 'docker']) {
    walk(join(root, top));
  }
  return found.sort();
}

/** A tsconfig.json that compiles files itself (not only references). */
function isLeaf(path) {
  const config = readJson(path);
  return config && !config.references && (config.include?.length || config.files?.length);
}

async function typecheck() {
  const configs = tsconfigs();
  const failures = [];
  const queue = [...configs];
  const worker = async () => {
    while (queue.length) {
      const config = queue.shift();
      const code = await run('tsc', ['--noEmit', '-p', config]);
      if (code !== 0) {
        failures.push(config);
      }
    }
  };
  await Promise.all([worker(), worker()]);
  console.log(
    `type-checked ${configs.length} tsconfig files${failures.length ? `; failed: ${failures.join(', ')}` : ''}`,
  );
  return check(failures.length ? 1 : 0);
}

async function jest() {
  const report = join(results, 'jest.json');
  rmSync(report, { force: true });
  const code = await run('jest', [
    '-c',
    'jest.config.ts',
    '--json',
    `--outputFile=${report}`,
    ...(ci ? ['--ci'] : []),
  ]);
  const json = readJson(report);
  if (!json) {
    return { passed: 0, failed: 1 };
  }
  const suitesFailedToRun = json.testResults.filter(
    (r) => r.status === 'failed' && r.assertionResults.length === 0,
  ).length;
  return {
    passed: json.numPassedTests,
    failed:
      json.numFailedTests +
      suitesFailedToRun +
      (code !== 0 && json.numFailedTests === 0 && !suitesFailedToRun ? 1 : 0),
  };
}

async function browser() {
  const report = join(results, 'e2e.json');
  rmSync(report, { force: true });
  const code = await run('playwright', ['test', '-c', 'apps/web-e2e/playwright.config.ts']);
  const stats = readJson(report)?.stats;
  if (!stats) {
    return { passed: 0, failed: 1 };
  }
  const bad = stats.unexpected + (stats.flaky ?? 0);
  return { passed: stats.expected, failed: bad + (code !== 0 && bad === 0 ? 1 : 0) };
}

mkdirSync(results, { recursive: true });
await step('lint', async () => {
  const lint = await run('nx', ['run-many', '-t', 'lint', '--output-style=static']);
  const tokens = await run('node', ['libs/tooling/scripts/src/design-tokens.mjs', '--check']);
  return check(lint || tokens);
});
await step('typecheck', typecheck);
await step('build', async () =>
  check(await run('nx', ['run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'])),
);
await step('jest', jest);
await step('browser', async () => {
  if (!existsSync(join(root, 'dist/apps/api/main.js'))) {
    console.log('no build: run the build step first');
    return { passed: 0, failed: 1 };
  }
  return browser();
});

console.log(`\n=== summary ===\n${summary.join('\n')}\n`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
