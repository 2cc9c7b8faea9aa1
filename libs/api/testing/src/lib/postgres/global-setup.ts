// Jest loads globalSetup outside its module registry, so tsconfig path aliases must be registered
// before anything imports `@casustafel/*`; hence the plain requires after the registration.
import { join } from 'node:path';
const { register } = require('tsconfig-paths') as typeof import('tsconfig-paths');
const workspaceRoot = join(__dirname, '../../../../../..');
const { compilerOptions } = require(join(workspaceRoot, 'tsconfig.base.json'));
register({ baseUrl: workspaceRoot, paths: compilerOptions.paths });
const { startTestPostgres, TEST_PG_ENV } = require('./test-postgres') as typeof import('./test-postgres');

/** Shared by every jest project of one run (unit, integration and api-e2e run in one jest process). */
interface SharedRun {
  run: import('./test-postgres').TestPostgresRun;
  users: number;
}

export default async function globalSetup(): Promise<void> {
  const holder = globalThis as { __cstTestPostgres?: SharedRun };
  if (holder.__cstTestPostgres) {
    holder.__cstTestPostgres.users += 1;
    return;
  }
  const run = await startTestPostgres();
  holder.__cstTestPostgres = { run, users: 1 };
  process.env[TEST_PG_ENV.serverUrl] = run.serverUrl;
  process.env[TEST_PG_ENV.template] = run.template;
  process.env[TEST_PG_ENV.runId] = run.runId;
}
