import { defineConfig } from '@playwright/test';
import { join } from 'node:path';
import { chromiumLaunch } from './src/support/chromium';

const workspaceRoot = join(__dirname, '..', '..');
const tmp = (...parts: string[]) => join(workspaceRoot, 'tmp', ...parts);

/**
 * Browser journeys against the built app (ADR 0009). The global setup starts
 * `dist/apps/api/main.js` on free ports with throwaway data and sets PLAYWRIGHT_TEST_BASE_URL;
 * the global teardown stops it and removes the data. Build first: `npx nx run-many -t build -p api web`.
 *
 * The browser is never downloaded by Playwright: CHROMIUM_PATH, else Debian's /usr/bin/chromium,
 * else the Chromium inside the `@sparticuz/chromium` npm package (unpacked by the global setup,
 * so `chromiumLaunch()` is undefined in the runner process until then).
 */
const browser = chromiumLaunch();

export default defineConfig({
  testDir: './src/journeys',
  outputDir: tmp('test-results', 'e2e-artifacts'),
  globalSetup: './src/support/global-setup.ts',
  globalTeardown: './src/support/global-teardown.ts',
  forbidOnly: true,
  retries: 0,
  workers: 2,
  fullyParallel: false,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list'], ['json', { outputFile: tmp('test-results', 'e2e.json') }]],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: browser?.executablePath, args: browser?.args },
    locale: 'nl-NL',
    timezoneId: 'Europe/Amsterdam',
    actionTimeout: 5_000,
    navigationTimeout: 15_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'mobile', use: { viewport: { width: 390, height: 844 } } },
  ],
});
