import { Browser, Page } from '@playwright/test';
import { DEMO_PASSWORD } from './accounts';
import { expect, expectNoAxeViolations } from './fixtures';

/**
 * Signs a demo user in through the login page and waits for the start page. The login and start
 * pages are scanned with axe for the test's own page; further users' browsers pass `scan: false`
 * (other journeys cover those pages) to save time.
 */
export async function signIn(page: Page, email: string, scan = true): Promise<void> {
  await page.goto('/inloggen');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Casustafel' })).toBeVisible();
  if (scan) {
    await expectNoAxeViolations(page);
  }
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  // Password hashing is slow on a busy machine.
  await expect(page).toHaveURL(/\/start$/, { timeout: 20_000 });
  if (scan) {
    await expectNoAxeViolations(page);
  }
}

/**
 * The id of the demo case of `person` (a name from libs/api/demo/src/lib/demo-cases.ts), found as the
 * signed-in user would search for it; fails when the user cannot see it.
 */
export async function caseIdOf(page: Page, person: string): Promise<string> {
  const query = person.replace(/ \(fictief\)$/, '');
  const response = await page.request.get(`/api/cases?q=${encodeURIComponent(query)}`);
  expect(response.ok()).toBe(true);
  const list = (await response.json()) as {
    items: Array<{ id: string; persons: Array<{ name: string | null }> }>;
  };
  const found = list.items.find((c) => c.persons.some((p) => p.name === person));
  expect(found, `the demo seed has the case of ${person}, visible to this user`).toBeTruthy();
  return found?.id as string;
}

/** Another demo user in a browser of their own, on the case page. */
export async function openCaseAs(browser: Browser, email: string, caseId: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, false);
  await page.goto(`/casussen/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Casus / })).toBeVisible({ timeout: 20_000 });
  return page;
}
