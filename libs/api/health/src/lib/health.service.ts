import { Injectable } from '@nestjs/common';
import { DatabaseService } from '@casustafel/api/database';
import { appVersion } from '@casustafel/api/platform';
import type { HealthResponse } from '@casustafel/shared/contracts';

@Injectable()
export class HealthService {
  constructor(private readonly database: DatabaseService) {}

  async check(): Promise<HealthResponse> {
    let database: HealthResponse['checks']['database'];
    try {
      const latencyMs = await withTimeout(this.database.ping(), 2000);
      database = { status: 'up', latencyMs: Math.round(latencyMs * 100) / 100 };
    } catch {
      database = { status: 'down' };
    }
    return {
      status: database.status === 'up' ? 'ok' : 'unavailable',
      version: appVersion(),
      uptimeSeconds: Math.round(process.uptime()),
      checks: { database },
    };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), ms);
    }),
  ]);
}
