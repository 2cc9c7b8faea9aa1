import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, Page, TestInfo } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { WORKSPACE_ROOT } from './e2e-server';

/** WCAG 2.1 level A and AA: what the Besluit digitale toegankelijkheid overheid requires. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export const SCREENSHOT_DIR = join(WORKSPACE_ROOT, 'tmp', 'screenshots');

/** Per page: the paths the user saw, and the paths that have been scanned with axe. */
const coverage = new WeakMap<Page, { visited: string[]; scanned: Set<string> }>();

/**
 * Runs axe on the page as it is now (WCAG 2.1 A + AA rules) and fails listing every violation
 * with its rule id, help text and the elements it found. Records the path as scanned, see `test`.
 */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const path = new URL(page.url()).pathname;
  coverage.get(page)?.scanned.add(path);
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n'),
  );
  expect(violations, `axe found WCAG 2.1 A/AA violations on ${path}`).toEqual([]);
}

/** Saves a full-page screenshot as tmp/screenshots/<project>-<name>.png, for looking at the UI. */
export async function saveScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOT_DIR, `${testInfo.project.name}-${name}.png`),
    fullPage: true,
  });
}

/**
 * The journeys' `test`. An automatic fixture checks that every page the test showed was scanned
 * with {@link expectNoAxeViolations}, so a new journey cannot skip the accessibility check.
 * A path the app replaced at once (a redirect such as `/` → `/inloggen`) is not a page of its own.
 */
export const test = base.extend<{ axeCoverage: void }>({
  axeCoverage: [
    async ({ page, baseURL }, use, testInfo) => {
      const state = { visited: [] as string[], scanned: new Set<string>() };
      coverage.set(page, state);
      const origin = baseURL ? new URL(baseURL).origin : undefined;
      await page.exposeFunction('__cstReportNavigation', (kind: string, href: string) => {
        const url = new URL(href);
        if (url.origin !== origin) {
          return;
        }
        const last = state.visited.at(-1);
        if (kind === 'replace' && last !== undefined && !state.scanned.has(last)) {
          state.visited.pop();
        }
        if (state.visited.at(-1) !== url.pathname) {
          state.visited.push(url.pathname);
        }
      });
      await page.addInitScript(() => {
        if (window.top !== window) {
          return;
        }
        const report = (kind: string, url?: string | URL | null) =>
          (window as unknown as { __cstReportNavigation: (kind: string, href: string) => Promise<void> })
            .__cstReportNavigation(kind, new URL(url ?? location.href, location.href).href)
            .catch(() => undefined);
        void report('load');
        const { pushState, replaceState } = History.prototype;
        History.prototype.pushState = function (data, unused, url) {
          pushState.call(this, data, unused, url);
          void report('push', url);
        };
        History.prototype.replaceState = function (data, unused, url) {
          replaceState.call(this, data, unused, url);
          void report('replace', url);
        };
      });

      await use();

      if (testInfo.status === testInfo.expectedStatus) {
        const unscanned = [...new Set(state.visited)].filter((path) => !state.scanned.has(path));
        expect(unscanned, `pages shown but never checked with expectNoAxeViolations(page)`).toEqual([]);
      }
      coverage.delete(page);
    },
    { auto: true },
  ],
});

export { expect };
