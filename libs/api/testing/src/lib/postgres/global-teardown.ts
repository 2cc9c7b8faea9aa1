import type { TestPostgresRun } from './test-postgres';

export default async function globalTeardown(): Promise<void> {
  const run = (globalThis as { __cstTestPostgres?: TestPostgresRun }).__cstTestPostgres;
  await run?.stop();
}
