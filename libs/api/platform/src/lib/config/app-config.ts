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
  web: {
    distDir: string;
    /**
     * Origins (scheme://host[:port]) that may send state-changing requests and open live-room
     * sockets besides the app's own origin (the request's Host). Empty = same origin only.
     */
    allowedOrigins: string[];
  };
  /** The live room (socket.io): Redis for more than one instance, in memory otherwise. */
  live: { redisUrl?: string };
  auth: {
    demoMode: boolean;
    sessionIdleMs: number;
    sessionAbsoluteMs: number;
    cookieSecure: boolean;
    loginRateLimitPerMinute: number;
    lockoutThreshold: number;
    lockoutMs: number;
  };
  /** Break-the-glass (noodknop, ADR 0020): how long an opening lasts. */
  access: { breakGlassMs: number };
  /** Tamper evidence of the audit log (ADR 0017): chain heads checkpointed outside the database. */
  audit: { checkpointIntervalSeconds: number; checkpointFile: string };
  /** Durable jobs in PostgreSQL (ADR 0023): how often an instance looks for due jobs; 0 = only when asked (tests). */
  jobs: { pollSeconds: number };
  /**
   * Action reminders: how many days before the due date the "due soon" reminder goes out, and how
   * often the reminder job looks for actions due a reminder (assigned, due soon, overdue).
   */
  reminders: { daysBefore: number; everySeconds: number };
  /**
   * Outgoing e-mail: without `smtpUrl` mails stay in the outbox (only their number is logged).
   * `publicBaseUrl` is where users open the web app (links in e-mails).
   */
  mail: { smtpUrl?: string; from: string; publicBaseUrl: string };
  /**
   * Key material. Unset outside production: `resolveSecrets` then keeps generated keys in
   * DATA_DIR so data stays readable between runs.
   */
  secrets: { encryptionKeys?: EncryptionKey[]; hashKey?: Buffer };
}

export interface EncryptionKey {
  id: string;
  key: Buffer;
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
  const origins = (name: string): string[] => {
    const value = optional(name);
    if (value === undefined) {
      return [];
    }
    const parsed: string[] = [];
    for (const entry of value
      .split(',')
      .map((e) => e.trim())
      .filter(Boolean)) {
      let origin: string | undefined;
      try {
        const url = new URL(entry);
        // An origin is scheme, host and port only: no path, query, user or trailing dot tricks.
        if (['http:', 'https:'].includes(url.protocol) && url.origin === entry.replace(/\/$/, '')) {
          origin = url.origin;
        }
      } catch {
        origin = undefined;
      }
      if (origin) {
        parsed.push(origin);
      } else {
        problems.push(`${name}: "${entry}" is not an origin like https://casustafel.example.nl`);
      }
    }
    return parsed;
  };
  const redisUrl = (name: string): string | undefined => {
    const value = optional(name);
    if (value === undefined) {
      return undefined;
    }
    try {
      const url = new URL(value);
      if (!['redis:', 'rediss:'].includes(url.protocol) || !url.hostname) {
        throw new Error('not a redis URL');
      }
    } catch {
      // Never echo the value: it may hold a password.
      problems.push(`${name}: must be a URL like redis://:password@host:6379/0 (rediss:// for TLS)`);
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

  const secrets = parseSecrets(optional('ENCRYPTION_KEYS'), optional('HASH_KEY'), problems);
  if (nodeEnv === 'production' && (!secrets.encryptionKeys || !secrets.hashKey)) {
    problems.push(
      'ENCRYPTION_KEYS and HASH_KEY: must be set in production (generate with `openssl rand -base64 32`)',
    );
  }
  const seedDemo = bool('SEED_DEMO', url === undefined);
  const smtpUrl = optional('SMTP_URL');
  if (smtpUrl !== undefined) {
    try {
      const parsed = new URL(smtpUrl);
      if (!['smtp:', 'smtps:'].includes(parsed.protocol) || !parsed.hostname) {
        throw new Error('not an SMTP URL');
      }
    } catch {
      // Never echo the value: it may hold a password.
      problems.push('SMTP_URL: must be a URL like smtp://user:password@host:587 or smtps://host:465');
    }
  }
  const port = integer('PORT', 3000, 0, 65535);
  const publicBaseUrl = text(
    'PUBLIC_BASE_URL',
    `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
  ).replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(publicBaseUrl)) {
    problems.push(
      `PUBLIC_BASE_URL: must be an http(s) URL like https://casustafel.example.nl (got "${publicBaseUrl}")`,
    );
  }

  const config: AppConfig = {
    server: { nodeEnv, host, port },
    database: {
      url,
      appUrl,
      appRole: APP_ROLE,
      poolSize: integer('DATABASE_POOL_SIZE', 10, 1, 200),
      connectRetryMaxMs: integer('DATABASE_CONNECT_RETRY_MAX_MS', 30000, 100, 600000),
    },
    embedded: { dataDir: text('DATA_DIR', '.data'), port: embeddedPort },
    // Demo data only lands in the embedded database unless asked for explicitly.
    demo: { seed: seedDemo },
    log: { level: oneOf('LOG_LEVEL', LOG_LEVELS, 'info'), pretty: bool('LOG_PRETTY', false) },
    web: { distDir: text('WEB_DIST_DIR', 'dist/apps/web/browser'), allowedOrigins: origins('WEB_ORIGINS') },
    live: { redisUrl: redisUrl('REDIS_URL') },
    auth: {
      demoMode: bool('DEMO_MODE', seedDemo),
      sessionIdleMs: integer('SESSION_IDLE_MINUTES', 30, 1, 24 * 60) * 60_000,
      sessionAbsoluteMs: integer('SESSION_ABSOLUTE_HOURS', 12, 1, 24 * 14) * 3_600_000,
      cookieSecure: bool('COOKIE_SECURE', nodeEnv === 'production'),
      loginRateLimitPerMinute: integer('LOGIN_RATE_LIMIT_PER_MINUTE', 20, 1, 10_000),
      lockoutThreshold: integer('LOGIN_LOCKOUT_THRESHOLD', 5, 1, 100),
      lockoutMs: integer('LOGIN_LOCKOUT_MINUTES', 15, 1, 24 * 60) * 60_000,
    },
    access: { breakGlassMs: integer('BREAK_GLASS_MINUTES', 60, 1, 240) * 60_000 },
    audit: {
      checkpointIntervalSeconds: integer('AUDIT_CHECKPOINT_INTERVAL_SECONDS', 300, 0, 86_400),
      checkpointFile: text('AUDIT_CHECKPOINT_FILE', 'tmp/audit-checkpoints.jsonl'),
    },
    jobs: { pollSeconds: integer('JOBS_POLL_SECONDS', 10, 0, 3600) },
    reminders: {
      daysBefore: integer('REMINDER_DAYS_BEFORE', 2, 0, 60),
      everySeconds: integer('REMINDER_INTERVAL_SECONDS', 60, 1, 86_400),
    },
    mail: {
      smtpUrl,
      from: text('SMTP_FROM', 'Casustafel <no-reply@casustafel.invalid>'),
      publicBaseUrl,
    },
    secrets,
  };
  if (config.auth.sessionIdleMs > config.auth.sessionAbsoluteMs) {
    problems.push('SESSION_IDLE_MINUTES: must not exceed SESSION_ABSOLUTE_HOURS');
  }
  if (nodeEnv === 'production' && config.log.pretty) {
    problems.push('LOG_PRETTY: must be false in production (logs are shipped as JSON)');
  }
  if (problems.length > 0) {
    throw new InvalidConfigError(problems);
  }
  return config;
}

/** `id:base64,id:base64` (newest first) and one base64 hash key; each key must be 32 bytes. */
function parseSecrets(
  rawKeys: string | undefined,
  rawHashKey: string | undefined,
  problems: string[],
): AppConfig['secrets'] {
  const secrets: AppConfig['secrets'] = {};
  if (rawKeys !== undefined) {
    const keys: EncryptionKey[] = [];
    let malformed = false;
    for (const part of rawKeys
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [id, encoded] = part.split(':');
      const key = encoded ? Buffer.from(encoded, 'base64') : Buffer.alloc(0);
      if (!id || !/^[A-Za-z0-9_-]{1,20}$/.test(id) || key.length !== 32) {
        malformed = true;
        break;
      }
      keys.push({ id, key });
    }
    if (malformed) {
      // Never echo key material.
      problems.push(
        'ENCRYPTION_KEYS: every entry must be id:base64 of 32 random bytes (id: letters, digits, - or _)',
      );
    } else if (keys.length === 0 || new Set(keys.map((k) => k.id)).size !== keys.length) {
      problems.push('ENCRYPTION_KEYS: needs at least one key, with distinct ids');
    } else {
      secrets.encryptionKeys = keys;
    }
  }
  if (rawHashKey !== undefined) {
    const key = Buffer.from(rawHashKey, 'base64');
    if (key.length !== 32) {
      problems.push('HASH_KEY: must be base64 of 32 random bytes');
    } else {
      secrets.hashKey = key;
    }
  }
  return secrets;
}
