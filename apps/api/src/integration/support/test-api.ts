import { Type } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SessionService } from '@casustafel/api/auth';
import { DatabaseService } from '@casustafel/api/database';
import { Clock } from '@casustafel/api/platform';
import { testConfig } from '@casustafel/api/testing';
import { createApiApp } from '../../app/create-api-app';

/** The whole API as production builds it, on a test database, ready to serve `inject`ed requests. */
export async function startTestApi(
  databaseUrl: string,
  env: Record<string, string> = {},
  extra: Type[] = [],
): Promise<{ app: NestFastifyApplication; clock: Clock }> {
  const app = await createApiApp(testConfig(databaseUrl, env), extra);
  try {
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    await app.get(DatabaseService).ready();
    await app.get(SessionService).listening();
  } catch (error) {
    // A failed start must not leave a pool or a listening connection behind.
    await app.close().catch(() => undefined);
    throw error;
  }
  return { app, clock: app.get(Clock) };
}
