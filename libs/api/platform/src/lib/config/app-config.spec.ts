import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidConfigError, loadAppConfig } from './app-config';
import { ENV_VARS } from './env-schema';

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
    expect(loadAppConfig({ DATABASE_URL: 'postgres://u:p@db:5432/x', SEED_DEMO: 'true' }).demo.seed).toBe(true);
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
    expect(names).toEqual(['NODE_ENV', 'DATABASE_URL', 'EMBEDDED_PG_PORT', 'PORT', 'SEED_DEMO']);
    expect(error?.message).not.toContain('secret');
  });

  it('documents every variable in .env.example', () => {
    const example = readFileSync(join(__dirname, '../../../../../../.env.example'), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(documented.sort()).toEqual(ENV_VARS.map((v) => v.name).sort());
  });
});
