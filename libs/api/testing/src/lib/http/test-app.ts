import { AppConfig, loadAppConfig } from '@casustafel/api/platform';

/**
 * Configuration for an app under test: the given database, quiet logs, no demo seed, no web build.
 * Goes through the real `loadAppConfig`, so tests see the same validation as production.
 */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): AppConfig {
  return loadAppConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    WEB_DIST_DIR: '/nonexistent/casustafel-web',
    DATABASE_URL: databaseUrl,
    // Fixed, well-known test keys: never use them anywhere else.
    ENCRYPTION_KEYS: 'test1:dGVzdC1rZXktdGVzdC1rZXktdGVzdC1rZXktMTIzNDU=',
    HASH_KEY: 'dGVzdC1oYXNoLWtleS10ZXN0LWhhc2gta2V5LTEyMzQ=',
    // No checkpoint timer in tests unless a test asks for one.
    AUDIT_CHECKPOINT_INTERVAL_SECONDS: '0',
    // No job polling in tests: a test runs the due jobs itself (JobRunner.runDueJobs).
    JOBS_POLL_SECONDS: '0',
    ...env,
  });
}
