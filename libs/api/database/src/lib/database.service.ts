import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { APP_CONFIG, AppConfig, ServiceUnavailableError } from '@casustafel/api/platform';
import { DataSource, EntityManager } from 'typeorm';
import { createDataSource, runMigrations } from './data-source-factory';

export type DatabaseState = 'connecting' | 'ready' | 'stopped';

/**
 * Owns the connection pool. It connects in the background with exponential back-off, so the HTTP
 * server is up (and `/api/health` answers 503) while the database is unreachable; the first
 * successful connection migrates the schema, then serves requests as the unprivileged app role.
 */
@Injectable()
export class DatabaseService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseService.name);
  private source?: DataSource;
  private stateValue: DatabaseState = 'connecting';
  private readonly readyPromise: Promise<void>;
  private resolveReady!: () => void;
  private stopping = false;
  private retryTimer?: NodeJS.Timeout;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.readyPromise = new Promise((resolve) => (this.resolveReady = resolve));
  }

  get state(): DatabaseState {
    return this.stateValue;
  }

  /** The request pool; throws a 503 error until the database is connected and migrated. */
  get dataSource(): DataSource {
    if (!this.source || this.stateValue !== 'ready') {
      throw new ServiceUnavailableError('The database is not available yet.');
    }
    return this.source;
  }

  get manager(): EntityManager {
    return this.dataSource.manager;
  }

  ready(): Promise<void> {
    return this.readyPromise;
  }

  onModuleInit(): void {
    void this.connectWithRetry(1);
  }

  /** Round trip to the database in milliseconds; throws when it is unreachable. */
  async ping(): Promise<number> {
    const started = process.hrtime.bigint();
    await this.dataSource.query('select 1');
    return Number(process.hrtime.bigint() - started) / 1e6;
  }

  /** Run privileged work (demo seed) as the schema owner, outside the app role. */
  async asOwner<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    await this.ready();
    const owner = createDataSource({
      url: this.ownerUrl(),
      poolSize: 1,
      applicationName: 'casustafel-owner',
    });
    await owner.initialize();
    try {
      return await owner.transaction(work);
    } finally {
      await owner.destroy();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.stateValue = 'stopped';
    clearTimeout(this.retryTimer);
    if (this.source?.isInitialized) {
      await this.source.destroy();
    }
  }

  private ownerUrl(): string {
    const url = this.config.database.url;
    if (!url) {
      throw new Error('DatabaseService needs a resolved database URL (embedded server not started?)');
    }
    return url;
  }

  private async connectWithRetry(attempt: number): Promise<void> {
    if (this.stopping) {
      return;
    }
    try {
      const applied = await runMigrations(this.ownerUrl());
      if (applied.length > 0) {
        this.logger.log(`Applied ${applied.length} migration(s): ${applied.join(', ')}`);
      }
      const source = createDataSource({
        url: this.config.database.appUrl ?? this.ownerUrl(),
        role: this.config.database.appUrl ? undefined : this.config.database.appRole,
        poolSize: this.config.database.poolSize,
      });
      await source.initialize();
      if (this.stopping) {
        await source.destroy();
        return;
      }
      this.source = source;
      this.stateValue = 'ready';
      this.resolveReady();
    } catch (error) {
      const delay = Math.min(this.config.database.connectRetryMaxMs, 500 * 2 ** Math.min(attempt, 10));
      this.logger.warn(
        `Database not reachable at ${describeTarget(this.ownerUrl())} (${describeFailure(error)}); ` +
          `attempt ${attempt}, retrying in ${Math.round(delay / 100) / 10} s`,
      );
      this.retryTimer = setTimeout(() => void this.connectWithRetry(attempt + 1), delay);
    }
  }
}

/** host:port/database, never the user or password. */
function describeTarget(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'the configured DATABASE_URL';
  }
}

function describeFailure(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') {
    return code;
  }
  return error instanceof Error ? error.name : 'unknown error';
}
