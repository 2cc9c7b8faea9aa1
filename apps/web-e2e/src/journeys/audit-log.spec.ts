import { readFile } from 'node:fs/promises';
import { Page, TestInfo } from '@playwright/test';
import type { LdvLogRecord, SessionResponse } from '@casustafel/shared/contracts';
import { DEMO } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { caseIdOf, signIn } from '../support/session';

/** The demo case the journeys share (libs/api/demo/src/lib/demo-cases.ts, JOURNEY_CASE). */
const PERSON = 'Sanne Voorbeeld (fictief)';

/** Today in the Netherlands, as a date field takes it. */
const today = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, testInfo, name);
}

test.describe('audit log for the FG (DOMAIN scenario 17)', () => {
  test('the FG finds a person, sees who read the case (the police, just now), filters by period and downloads the LDV export', async ({
    page,
    browser,
  }, testInfo) => {
    test.setTimeout(120_000);
    // The police officer opens the case in a browser of their own: that read must show in the log.
    const police = await (await browser.newContext()).newPage();
    await signIn(police, DEMO.politie, false);
    const caseId = await caseIdOf(police, PERSON);
    await police.goto(`/casussen/${caseId}`);
    await expect(police.getByRole('heading', { level: 1, name: /^Casus / })).toBeVisible({ timeout: 20_000 });
    const officer = (await (await police.request.get('/api/auth/session')).json()) as SessionResponse;
    await police.context().close();

    await signIn(page, DEMO.fg);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Logboek' }).click();
    await expect(page).toHaveURL(/\/logboek$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Too short a name is explained at the field, by keyboard.
    const familyName = page.getByLabel('Achternaam (begin, minstens 2 tekens)');
    await familyName.fill('V');
    await familyName.press('Enter');
    await expect(page.getByText('Vul minstens 2 tekens van de achternaam in.')).toBeVisible();
    await familyName.fill('Voorbeeld');
    await familyName.press('Enter');
    const results = page.getByTestId('audit-person-results');
    await expect(results).toContainText(PERSON);
    await expect(results).toContainText('Slachtoffer');
    await expectNoAxeViolations(page);
    await screenshot(page, testInfo, 'audit-log-search');
    await results
      .getByRole('link', { name: `Logboek bekijken van ${PERSON}` })
      .first()
      .click();

    await expect(page.getByRole('heading', { level: 1, name: `Logboek van ${PERSON}` })).toBeVisible({
      timeout: 20_000,
    });
    const table = page.getByTestId('audit-events');
    await expect(table.locator('caption')).toHaveText(`Toegang tot de gegevens van ${PERSON}`);
    const policeRead = page
      .getByTestId('audit-event')
      .filter({ hasText: 'Casus ingezien' })
      .filter({ hasText: officer.user.displayName })
      .first();
    await expect(policeRead).toContainText(officer.organisation.name);
    await expect(policeRead).toContainText('Deelnemer');
    await expect(policeRead).toContainText('PARTICIPATION');
    await expect(policeRead.getByTestId('audit-outcome')).toHaveText('Toegestaan');
    // The FG's own search is in the log too.
    await expect(
      page.getByTestId('audit-event').filter({ hasText: 'Logboek: persoon gezocht' }).first(),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, testInfo, 'audit-log-person');

    // Period: today keeps the read; a month long ago has nothing.
    await page.getByLabel('Van', { exact: true }).fill(today());
    await page.getByLabel('Tot en met').fill(today());
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page).toHaveURL(new RegExp(`from=${today()}`));
    await expect(policeRead).toBeVisible();
    await page.getByLabel('Van', { exact: true }).fill('2024-01-01');
    await page.getByLabel('Tot en met').fill('2024-01-31');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await expect(page.getByText('Geen vastgelegde handelingen in deze periode.')).toBeVisible();
    await page.getByRole('button', { name: 'Alle data' }).click();
    await expect(policeRead).toBeVisible();

    // The Logboek Dataverwerkingen export: one log record per span, the police read among them.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download Logboek Dataverwerkingen (JSON)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('logboek-dataverwerkingen-alles.json');
    const records = JSON.parse(await readFile((await download.path()) as string, 'utf8')) as LdvLogRecord[];
    const read = records.find(
      (r) => r.name === 'case.read' && r.attributes['dpl.nen7513.user_id'] === officer.user.id,
    );
    expect(read).toMatchObject({
      trace_id: expect.stringMatching(/^[0-9a-f]{32}$/),
      span_id: expect.stringMatching(/^[0-9a-f]{16}$/),
      parent_span_id: expect.stringMatching(/^[0-9a-f]{16}$/),
      status_code: 'OK',
      resource: { name: 'casustafel' },
      attributes: expect.objectContaining({
        'dpl.core.processing_activity_id': expect.stringMatching(/^urn:casustafel:verwerking:/),
        'dpl.core.data_subject_id_type': 'CST_PSEUDONYM',
        'dpl.nen7513.organisation_id': officer.organisation.id,
        'dpl.nen7513.role_id_code': ['DEELNEMER'],
        'dpl.nen7513.autorisatie_protocol': 'PARTICIPATION',
        'dpl.nen7513.noodknop': false,
      }),
    });
    // One person: every record names the same pseudonym(s), never a name.
    expect(JSON.stringify(records)).not.toContain('Voorbeeld');
  });

  test('the FG sees what a user did', async ({ page }, testInfo) => {
    test.setTimeout(90_000);
    await signIn(page, DEMO.fg);
    await page.goto('/logboek');
    await expect(page.getByRole('heading', { level: 1, name: 'Logboek' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Naam (of een deel ervan)').fill('Politie');
    await page.getByRole('button', { name: 'Gebruikers tonen' }).click();
    const users = page.getByTestId('audit-user-results');
    await expect(users).toContainText('Daan Deelnemer Politie (fictief)');
    await users
      .getByRole('link', { name: 'Handelingen bekijken van Daan Deelnemer Politie (fictief)' })
      .click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Handelingen van Daan Deelnemer Politie (fictief)' }),
    ).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByTestId('audit-event').first()).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, testInfo, 'audit-log-user');
  });
});
