import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { runAuditVerify } from '@casustafel/api/audit';
import { DatabaseService, EmbeddedPostgresServer, runMigrations } from '@casustafel/api/database';
import { DemoSeeder } from '@casustafel/api/demo';
import {
  AppConfig,
  InvalidConfigError,
  KeyedHasher,
  loadAppConfig,
  requireSecrets,
  resolveSecrets,
} from '@casustafel/api/platform';
import { createApiApp } from './app/create-api-app';

/* eslint-disable no-console -- the start-up banner and fatal errors go to the terminal on purpose */

async function main(): Promise<void> {
  const config = resolveSecrets(loadConfigOrExit());
  const embedded = config.database.url ? undefined : new EmbeddedPostgresServer(embeddedOptions(config));
  if (embedded) {
    console.log(
      `Starting embedded PostgreSQL (data in ${config.embedded.dataDir}/, port ${config.embedded.port}) …`,
    );
    config.database.url = await embedded.start().catch((error: Error) => fail(error.message));
  }
  const stopEmbedded = async () => {
    await embedded
      ?.stop()
      .catch((error: Error) => console.error(`Stopping PostgreSQL failed: ${error.message}`));
  };

  if (process.argv[2] === 'migrate') {
    const applied = await runMigrations(config.database.url as string);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
    await stopEmbedded();
    return;
  }
  if (process.argv[2] === 'audit:verify') {
    // As the schema owner: the app role cannot read the audit log.
    const code = await runAuditVerify(
      config.database.url as string,
      {
        checkpointFile: config.audit.checkpointFile,
        hasher: new KeyedHasher(requireSecrets(config).hashKey),
      },
      (line) => console.log(line),
    ).catch(async (error: Error) => {
      await stopEmbedded();
      return fail(`audit verification could not run: ${error.message}`);
    });
    await stopEmbedded();
    process.exit(code);
  }

  const app = await createApiApp(config);
  installShutdown(app, stopEmbedded);
  await listen(app, config, stopEmbedded);

  const database = app.get(DatabaseService);
  await database.ready();
  let demo = '';
  if (config.demo.seed) {
    const seeder = app.get(DemoSeeder);
    await seeder.seedOnce();
    demo = [
      '',
      `  Demo region Gooi en Vechtstreek (fictional people). Password for every demo login: ${seeder.password}`,
      ...seeder.logins().map((l) => `    ${l.email.padEnd(42)} ${l.roles.join(', ')}`),
    ].join('\n');
  }
  const shownHost = config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host;
  const url = `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${config.server.port}`;
  console.log(
    [
      '',
      `  Casustafel is running at ${url}/`,
      `  API ${url}/api   health ${url}/api/health   docs ${url}/api/docs`,
      `  Database: ${embedded ? `embedded PostgreSQL in ${config.embedded.dataDir}/` : 'DATABASE_URL'}`,
      demo,
      '',
      '  Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

function loadConfigOrExit(): AppConfig {
  try {
    return loadAppConfig(process.env);
  } catch (error) {
    if (error instanceof InvalidConfigError) {
      console.error(`Casustafel cannot start. ${error.message}\nSee .env.example for every variable.`);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
}

function embeddedOptions(config: AppConfig) {
  return {
    dataDir: config.embedded.dataDir,
    port: config.embedded.port,
    database: 'casustafel',
    log: (message: string) => console.log(message),
  };
}

async function listen(
  app: NestFastifyApplication,
  config: AppConfig,
  cleanup: () => Promise<void>,
): Promise<void> {
  try {
    await app.listen(config.server.port, config.server.host);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    await app.close().catch(() => undefined);
    await cleanup();
    if (code === 'EADDRINUSE') {
      fail(
        `Port ${config.server.port} on ${config.server.host} is already in use. Stop the other program or set PORT.`,
      );
    }
    if (code === 'EADDRNOTAVAIL') {
      fail(`Cannot bind to ${config.server.host}: no such address on this machine. Check HOST.`);
    }
    throw error;
  }
}

function installShutdown(app: NestFastifyApplication, stopEmbedded: () => Promise<void>): void {
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) {
      return;
    }
    closing = true;
    new Logger('Shutdown').log(`${signal} received, stopping`);
    const timer = setTimeout(() => process.exit(1), 15000);
    await app.close().catch(() => undefined);
    await stopEmbedded();
    clearTimeout(timer);
    process.exit(0);
  };
  // Nest's own shutdown hooks would exit before PostgreSQL is stopped: handle the signals here.
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGTERM');
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

function fail(message: string): never {
  console.error(`Casustafel cannot start: ${message}`);
  process.exit(1);
}

main().catch((error: Error) => {
  console.error(`Casustafel stopped with an unexpected error: ${error.stack ?? error.message}`);
  process.exit(1);
});
