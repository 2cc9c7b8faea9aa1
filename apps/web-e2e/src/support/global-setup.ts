import { prepareChromium } from './chromium';
import { E2eServer, startE2eServer } from './e2e-server';
import { startMailSink } from './mail-sink';

/** Where the setup leaves the server for the teardown (both run in the runner process). */
export const SERVER_KEY = Symbol.for('casustafel.e2e.server');

/**
 * Playwright's `baseURL` option defaults to this variable; the worker processes, started after
 * the setup, inherit it. The config itself therefore sets no `baseURL`.
 */
const BASE_URL_ENV = 'PLAYWRIGHT_TEST_BASE_URL';

export default async function globalSetup(): Promise<void> {
  const browser = await prepareChromium();
  const sink = await startMailSink();
  let server: E2eServer;
  try {
    server = await startE2eServer({ smtpPort: sink.port });
  } catch (error) {
    await sink.stop();
    throw error;
  }
  server.stopMailSink = sink.stop;
  (globalThis as Record<symbol, E2eServer | undefined>)[SERVER_KEY] = server;
  process.env[BASE_URL_ENV] = server.baseUrl;
  process.stdout.write(
    `Casustafel e2e: app at ${server.baseUrl} (${server.dataDir ? 'embedded PostgreSQL, temporary data' : `database ${server.database?.name}`}), ` +
      `browser ${browser.executablePath} (${browser.source})\n`,
  );
}
