import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  url: string;
  /** Run every session as this role (SET ROLE at connect), so RLS and grants apply. */
  role?: string;
  poolSize?: number;
  applicationName?: string;
}

/** The single place that builds TypeORM options: migrations only, `synchronize` is never on. */
export function dataSourceOptions(settings: DataSourceSettings): DataSourceOptions {
  const options: string[] = [];
  if (settings.role) {
    options.push(`-c role=${settings.role}`);
  }
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      max: settings.poolSize ?? 10,
      application_name: settings.applicationName ?? 'casustafel',
      options: options.join(' ') || undefined,
      connectionTimeoutMillis: 5000,
      // A request never waits on a lock forever; a conflict surfaces instead of a hang.
      statement_timeout: 30000,
      idle_in_transaction_session_timeout: 60000,
    },
  };
}

/** How many months of audit partitions exist ahead of today; later rows would land in the default partition. */
export const AUDIT_PARTITION_MONTHS_AHEAD = 24;

export function createDataSource(settings: DataSourceSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}

/** Apply pending migrations as the schema owner; returns the names applied. */
export async function runMigrations(url: string): Promise<string[]> {
  const owner = createDataSource({ url, poolSize: 1, applicationName: 'casustafel-migrate' });
  await owner.initialize();
  try {
    // Serialise concurrent starters (several app instances, parallel test workers) on one lock.
    await owner.query('select pg_advisory_lock(727274)');
    try {
      const applied = await owner.runMigrations({ transaction: 'each' });
      // The audit log's monthly partitions, kept two years ahead at every start (ADR 0017).
      await owner.query(`select cst_audit_ensure_partitions(current_date, ${AUDIT_PARTITION_MONTHS_AHEAD})`);
      return applied.map((m) => m.name);
    } finally {
      await owner.query('select pg_advisory_unlock(727274)');
    }
  } finally {
    await owner.destroy();
  }
}
