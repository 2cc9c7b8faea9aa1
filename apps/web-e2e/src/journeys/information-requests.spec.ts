import { randomBytes } from 'node:crypto';
import { Page } from '@playwright/test';
import { DEMO } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { caseIdOf, signIn } from '../support/session';

/** Demo anchors (libs/api/demo/src/lib/demo-cases.ts): a case gathering information, and an overdue request. */
const CASE_PERSON = 'Chen Lizi (fictief)';
const OVERDUE_QUESTION = 'Zijn er meldingen over huiselijk geweld door de verdachte?';

const REQUESTS = [
  { to: 'GGz Centraal', categories: ['Zorg en gezondheid'] },
  { to: 'Veilig Thuis Gooi en Vechtstreek', categories: ['Jeugd en kinderbescherming', 'Casuskern'] },
  { to: 'Reclassering Nederland', categories: ['Strafrechtelijke gegevens'] },
];

/** A date `days` from today as the date input takes it (YYYY-MM-DD, the browser's local day). */
function inDays(days: number): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function isRed(color: string): boolean {
  const [r, g, b] = (color.match(/\d+/g) ?? []).map(Number);
  return r > 120 && g < 60 && b < 60;
}

async function sendRequest(
  page: Page,
  request: (typeof REQUESTS)[number],
  question: string,
  due: string,
): Promise<void> {
  const panel = page.getByRole('region', { name: 'Bevragingen' });
  await panel.getByRole('button', { name: 'Bevraging versturen' }).click();
  const form = panel.getByTestId('request-form');
  await expect(panel.getByRole('heading', { level: 3, name: 'Bevraging versturen' })).toBeFocused();
  await form.getByLabel('Aan organisatie').selectOption({ label: request.to });
  await form.getByLabel('Vraag', { exact: true }).fill(question);
  for (const category of request.categories) {
    await form.getByRole('checkbox', { name: category, exact: true }).check();
  }
  await form.getByLabel('Uiterlijk').fill(due);
  await form.getByRole('button', { name: 'Bevraging versturen' }).click();
  await expect(panel.getByTestId('detail-notice')).toContainText(`De bevraging aan ${request.to} is verstuurd`);
}

test.describe('information requests (DOMAIN scenario 4)', () => {
  test('the procesregisseur asks GGZ, Veilig Thuis and Reclassering, each with a deadline and categories; overdue requests show in red on the dashboard', async ({
    page,
  }, testInfo) => {
    // Three forms, two pages scanned with axe, one of them long.
    test.setTimeout(120_000);
    const suffix = randomBytes(3).toString('hex');
    await signIn(page, DEMO.procesregisseur);
    const caseId = await caseIdOf(page, CASE_PERSON);
    await page.goto(`/casussen/${caseId}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Casus MH-\d{4}-\d{4}$/ })).toBeVisible({
      timeout: 20_000,
    });
    const caseNumber = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '').replace('Casus ', '').trim();
    const panel = page.getByRole('region', { name: 'Bevragingen' });

    // Bad input: the form names every missing field and sends nothing.
    await panel.getByRole('button', { name: 'Bevraging versturen' }).click();
    const form = panel.getByTestId('request-form');
    await form.getByRole('button', { name: 'Bevraging versturen' }).click();
    await expect(form.getByLabel('Aan organisatie')).toBeFocused();
    await expect(form.getByLabel('Aan organisatie')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Vraag', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Uiterlijk')).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
    await form.getByRole('button', { name: 'Annuleren' }).click();

    const due = inDays(10);
    for (const [index, request] of REQUESTS.entries()) {
      await sendRequest(page, request, `Vraag ${index + 1} van journey ${suffix} (fictief)`, due);
    }
    for (const [index, request] of REQUESTS.entries()) {
      const card = panel.getByRole('listitem').filter({ hasText: `Vraag ${index + 1} van journey ${suffix}` });
      await expect(card.getByRole('heading', { level: 3, name: `Aan ${request.to}` })).toBeVisible();
      await expect(card).toContainText('Open');
      for (const category of request.categories) {
        await expect(card).toContainText(category);
      }
      await expect(card).not.toContainText('Verlopen');
    }
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'information-requests-sent');

    // The dashboard: the case list with "Bevragingen", overdue first, in red and saying so in words.
    await page.goto('/casussen');
    const overview = page.getByTestId('information-requests');
    await expect(overview.getByRole('heading', { level: 2, name: 'Bevragingen' })).toBeVisible({ timeout: 20_000 });
    const sent = overview.getByTestId('requests-SENT');
    const ours = sent.getByRole('listitem').filter({ has: page.getByRole('link', { name: `Casus ${caseNumber}` }) });
    for (const request of REQUESTS) {
      await expect(ours.filter({ hasText: request.to }).first()).toBeVisible();
    }
    await expect(ours.filter({ hasText: 'Verlopen' })).toHaveCount(0);

    const overdue = sent.locator('.cst-requests__row--overdue');
    await expect(overdue.first()).toBeVisible();
    const firstRow = sent.getByRole('listitem').first();
    await expect(firstRow, 'overdue requests come first').toContainText('Verlopen');
    await expect(overdue.filter({ hasText: 'Veilig Thuis Gooi en Vechtstreek' }).first()).toContainText('Verlopen');
    const label = overdue.first().getByText('Verlopen', { exact: true });
    expect(isRed(await label.evaluate((el) => getComputedStyle(el).backgroundColor))).toBe(true);
    const dueText = overdue.first().locator('.cst-requests__due');
    expect(isRed(await dueText.evaluate((el) => getComputedStyle(el).color))).toBe(true);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'information-requests-dashboard');

    // The overdue request on its own case page says so too.
    await overdue.filter({ hasText: 'Veilig Thuis Gooi en Vechtstreek' }).first().getByRole('link').click();
    await expect(page.getByRole('heading', { level: 1, name: /^Casus / })).toBeVisible({ timeout: 20_000 });
    const overdueCard = page
      .getByRole('region', { name: 'Bevragingen' })
      .getByRole('listitem')
      .filter({ hasText: OVERDUE_QUESTION });
    await expect(overdueCard).toContainText('Verlopen');
    await expect(overdueCard).toContainText('de termijn is verstreken');
    await expectNoAxeViolations(page);
  });
});
