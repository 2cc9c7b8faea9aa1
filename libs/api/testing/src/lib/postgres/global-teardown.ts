import type { TestPostgresRun } from './test-postgres';

export default async function globalTeardown(): Promise<void> {
  const holder = globalThis as { __cstTestPostgres?: { run: TestPostgresRun; users: number } };
  const shared = holder.__cstTestPostgres;
  if (!shared) {
    return;
  }
  shared.users -= 1;
  if (shared.users === 0) {
    holder.__cstTestPostgres = undefined;
    await shared.run.stop();
  }
}
