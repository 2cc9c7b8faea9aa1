import { ENV_VARS } from './env-schema';

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Typed configuration groups, validated once at boot; nothing else reads `process.env`. */
export interface AppConfig {
  server: { nodeEnv: NodeEnv; host: string; port: number };
  database: {
    /** Owner URL; undefined means: start the embedded server. */
    url?: string;
    appUrl?: string;
    /** Role every request runs as; created by the migrations. */
    appRole: string;
    poolSize: number;
    connectRetryMaxMs: number;
  };
  embedded: { dataDir: string; port: number };
  demo: { seed: boolean };
  log: { level: LogLevel; pretty: boolean };
  web: { distDir: string };
}

export const APP_ROLE = 'casustafel_app';

export class InvalidConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InvalidConfigError';
  }
}

type Env = Record<string, string | undefined>;

const NODE_ENVS: readonly NodeEnv[] = ['development', 'production', 'test'];
const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/**
 * Parse and validate the environment. Collects every problem before failing, so an operator fixes
 * them all in one go instead of one per restart.
 */
export function loadAppConfig(env: Env): AppConfig {
  const problems: string[] = [];
  const known = new Set(ENV_VARS.map((v) => v.name));

  const text = (name: string, fallback: string): string => {
    assertKnown(name);
    const value = env[name];
    return value === undefined || value === '' ? fallback : value;
  };
  const optional = (name: string): string | undefined => {
    assertKnown(name);
    const value = env[name];
    return value === undefined || value === '' ? undefined : value;
  };
  const oneOf = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = text(name, fallback);
    if (!(allowed as readonly string[]).includes(value)) {
      problems.push(`${name}: must be one of ${allowed.join(', ')} (got "${value}")`);
      return fallback;
    }
    return value as T;
  };
  const integer = (name: string, fallback: number, min: number, max: number): number => {
    const raw = text(name, String(fallback));
    const value = Number(raw);
    if (!/^\d+$/.test(raw) || value < min || value > max) {
      problems.push(`${name}: must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = text(name, String(fallback)).toLowerCase();
    if (!['true', 'false', '1', '0', 'yes', 'no'].includes(raw)) {
      problems.push(`${name}: must be true or false (got "${raw}")`);
      return fallback;
    }
    return ['true', '1', 'yes'].includes(raw);
  };
  const postgresUrl = (name: string): string | undefined => {
    const value = optional(name);
    if (value === undefined) {
      return undefined;
    }
    try {
      const url = new URL(value);
      if (!['postgres:', 'postgresql:'].includes(url.protocol) || !url.hostname) {
        throw new Error('not a postgres URL');
      }
    } catch {
      // Never echo the value: it may hold a password.
      problems.push(`${name}: must be a URL like postgres://user:password@host:5432/database`);
    }
    return value;
  };
  function assertKnown(name: string): void {
    if (!known.has(name)) {
      throw new Error(`Undocumented environment variable ${name}: add it to env-schema.ts`);
    }
  }

  const nodeEnv = oneOf('NODE_ENV', NODE_ENVS, 'development');
  const url = postgresUrl('DATABASE_URL');
  const appUrl = postgresUrl('DATABASE_APP_URL');
  if (appUrl && !url) {
    problems.push('DATABASE_APP_URL: can only be used together with DATABASE_URL');
  }
  const embeddedPort = integer('EMBEDDED_PG_PORT', 54329, 1024, 65535);
  if (embeddedPort === 5432) {
    problems.push('EMBEDDED_PG_PORT: must not be 5432, which a system PostgreSQL may own');
  }
  const host = text('HOST', '127.0.0.1');
  if (!/^[\w.:-]+$/.test(host)) {
    problems.push(`HOST: must be an IP address or host name (got "${host}")`);
  }

  const config: AppConfig = {
    server: { nodeEnv, host, port: integer('PORT', 3000, 0, 65535) },
    database: {
      url,
      appUrl,
      appRole: APP_ROLE,
      poolSize: integer('DATABASE_POOL_SIZE', 10, 1, 200),
      connectRetryMaxMs: integer('DATABASE_CONNECT_RETRY_MAX_MS', 30000, 100, 600000),
    },
    embedded: { dataDir: text('DATA_DIR', '.data'), port: embeddedPort },
    // Demo data only lands in the embedded database unless asked for explicitly.
    demo: { seed: bool('SEED_DEMO', url === undefined) },
    log: { level: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'), pretty: bool('LOG_PRETTY', false) },
    web: { distDir: text('WEB_DIST_DIR', 'dist/apps/web/browser') },
  };
  if (nodeEnv === 'production' && config.log.pretty) {
    problems.push('LOG_PRETTY: must be false in production (logs are shipped as JSON)');
  }
  if (problems.length > 0) {
    throw new InvalidConfigError(problems);
  }
  return config;
}
