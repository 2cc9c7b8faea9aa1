import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidConfigError, loadAppConfig } from './app-config';
import { ENV_VARS } from './env-schema';

const key = Buffer.alloc(32, 1).toString('base64');
const key2 = Buffer.alloc(32, 2).toString('base64');

describe('loadAppConfig', () => {
  it('gives safe defaults: loopback, port 3000, embedded database with demo data', () => {
    const config = loadAppConfig({});
    expect(config.server).toEqual({ nodeEnv: 'development', host: '127.0.0.1', port: 3000 });
    expect(config.database.url).toBeUndefined();
    expect(config.embedded.port).not.toBe(5432);
    expect(config.demo.seed).toBe(true);
  });

  it('does not seed demo data into an external database unless asked', () => {
    expect(loadAppConfig({ DATABASE_URL: 'postgres://u:p@db:5432/x' }).demo.seed).toBe(false);
    expect(loadAppConfig({ DATABASE_URL: 'postgres://u:p@db:5432/x', SEED_DEMO: 'true' }).demo.seed).toBe(
      true,
    );
  });

  it('lists every invalid variable at once and never echoes a database URL', () => {
    let error: InvalidConfigError | undefined;
    try {
      loadAppConfig({
        PORT: 'eighty',
        NODE_ENV: 'staging',
        DATABASE_URL: 'mysql://root:secret@db/x',
        EMBEDDED_PG_PORT: '5432',
        SEED_DEMO: 'maybe',
      });
    } catch (e) {
      error = e as InvalidConfigError;
    }
    expect(error).toBeInstanceOf(InvalidConfigError);
    const names = error?.problems.map((p) => p.split(':')[0]);
    expect(names?.sort()).toEqual(['DATABASE_URL', 'EMBEDDED_PG_PORT', 'NODE_ENV', 'PORT', 'SEED_DEMO']);
    expect(error?.message).not.toContain('secret');
  });

  it("reads the further web origins and the live room's Redis, refusing anything else", () => {
    const defaults = loadAppConfig({});
    expect(defaults.web.allowedOrigins).toEqual([]);
    expect(defaults.live.redisUrl).toBeUndefined();
    const config = loadAppConfig({
      WEB_ORIGINS: 'https://casustafel.example.nl, http://localhost:4200/',
      REDIS_URL: 'redis://:pw@127.0.0.1:6379/0',
    });
    expect(config.web.allowedOrigins).toEqual(['https://casustafel.example.nl', 'http://localhost:4200']);
    expect(config.live.redisUrl).toBe('redis://:pw@127.0.0.1:6379/0');
    let error: InvalidConfigError | undefined;
    try {
      loadAppConfig({
        WEB_ORIGINS: 'https://ok.example, https://x.example/path, *',
        REDIS_URL: 'http://:s3cret@h',
      });
    } catch (e) {
      error = e as InvalidConfigError;
    }
    expect(error?.problems).toHaveLength(3);
    expect(error?.message).not.toContain('s3cret');
  });

  it('reads session and login settings into the auth group', () => {
    const config = loadAppConfig({
      SESSION_IDLE_MINUTES: '15',
      SESSION_ABSOLUTE_HOURS: '8',
      LOGIN_LOCKOUT_MINUTES: '5',
    });
    expect(config.auth).toMatchObject({
      sessionIdleMs: 15 * 60_000,
      sessionAbsoluteMs: 8 * 3_600_000,
      lockoutMs: 5 * 60_000,
    });
    expect(config.auth.cookieSecure).toBe(false);
    expect(
      loadAppConfig({ NODE_ENV: 'production', ENCRYPTION_KEYS: `a:${key}`, HASH_KEY: key }).auth.cookieSecure,
    ).toBe(true);
    expect(() => loadAppConfig({ SESSION_IDLE_MINUTES: '600', SESSION_ABSOLUTE_HOURS: '1' })).toThrow(
      /SESSION_IDLE_MINUTES/,
    );
  });

  it('runs the action reminders every minute unless set, never more often than every second', () => {
    expect(loadAppConfig({}).reminders).toEqual({ daysBefore: 2, everySeconds: 60 });
    expect(loadAppConfig({ REMINDER_INTERVAL_SECONDS: '5' }).reminders.everySeconds).toBe(5);
    expect(() => loadAppConfig({ REMINDER_INTERVAL_SECONDS: '0' })).toThrow(/REMINDER_INTERVAL_SECONDS/);
  });

  it('demo mode follows the demo seed unless set', () => {
    expect(loadAppConfig({}).auth.demoMode).toBe(true);
    expect(loadAppConfig({ DATABASE_URL: 'postgres://u@db/x' }).auth.demoMode).toBe(false);
    expect(loadAppConfig({ DEMO_MODE: 'false' }).auth.demoMode).toBe(false);
  });

  it('parses rotating encryption keys and refuses malformed ones without echoing them', () => {
    const config = loadAppConfig({ ENCRYPTION_KEYS: `new:${key}, old:${key2}`, HASH_KEY: key });
    expect(config.secrets.encryptionKeys?.map((k) => k.id)).toEqual(['new', 'old']);
    let error: InvalidConfigError | undefined;
    try {
      loadAppConfig({ ENCRYPTION_KEYS: 'zonder-dubbele-punt', HASH_KEY: 'dG9vLXNob3J0' });
    } catch (e) {
      error = e as InvalidConfigError;
    }
    expect(error?.problems.map((p) => p.split(':')[0]).sort()).toEqual(['ENCRYPTION_KEYS', 'HASH_KEY']);
    expect(error?.message).not.toContain('zonder-dubbele-punt');
  });

  it('requires keys in production', () => {
    expect(() => loadAppConfig({ NODE_ENV: 'production' })).toThrow(/ENCRYPTION_KEYS and HASH_KEY/);
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(join(__dirname, '../../../../../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(ENV_VARS.map((v) => v.name).sort());
  });
});
