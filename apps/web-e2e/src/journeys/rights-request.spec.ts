import { randomBytes } from 'node:crypto';
import { rightsDueDate } from '@casustafel/shared/contracts';
import { DEMO } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { signIn } from '../support/session';

/** The demo person of the journeys' case (libs/api/demo/src/lib/demo-cases.ts, JOURNEY_CASE). */
const PERSON = {
  givenName: 'Sanne',
  familyName: 'Voorbeeld (fictief)',
  dateOfBirth: '2004-05-12',
  bsn: '999990007',
};
/** Organisations taking part in that case: each holds data on her, so each gets a task. */
const CONTROLLERS = [
  'GGz Centraal',
  'Politie Midden-Nederland, district Gooi en Vechtstreek',
  'Zorg- en Veiligheidshuis Gooi en Vechtstreek',
  'Zorgcoördinatie mensenhandel Gooi en Vechtstreek',
];

/** Today where the browser is (YYYY-MM-DD), as the date field takes it. */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** `2026-03-05` as the pages show it: `5-3-2026`. */
function shown(date: string): string {
  const [year, month, day] = date.split('-');
  return `${Number(day)}-${Number(month)}-${year}`;
}

test.describe('data-subject request through the contactpunt (DOMAIN scenario 18)', () => {
  test('the contactpunt logs an inzageverzoek, sees the joint controllers and the legal deadline; GGz completes its task and the contactpunt sees it done', async ({
    page,
    browser,
  }, testInfo) => {
    // Two users, six pages scanned with axe.
    test.setTimeout(180_000);
    const suffix = randomBytes(3).toString('hex');
    const due = shown(rightsDueDate(localToday()));

    // The contactpunt: no case content, its own menu item.
    await signIn(page, DEMO.contactpunt);
    const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(nav.getByRole('link', { name: 'Casussen' })).toHaveCount(0);
    await nav.getByRole('link', { name: 'Verzoeken betrokkenen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Verzoeken van betrokkenen' })).toBeVisible({
      timeout: 20_000,
    });
    // The seeded inzageverzoek is days from its deadline: flagged in words.
    const requests = page.getByTestId('rights-requests');
    await expect(
      requests.getByRole('listitem').filter({ hasText: 'Termijn bijna om' }).first(),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'rights-requests');

    // A new request: bad input names every field; the deadline shows before saving.
    await page.getByRole('link', { name: 'Nieuw verzoek vastleggen' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuw verzoek vastleggen' })).toBeVisible();
    await expect(page.getByTestId('rights-deadline-preview')).toHaveText(
      `Wettelijke termijn: uiterlijk ${due}`,
    );
    await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary.getByRole('link')).toHaveText([
      'Soort verzoek: Maak een keuze.',
      'Ontvangen via: Maak een keuze.',
      'Voornaam: Vul dit veld in.',
      'Achternaam: Vul dit veld in.',
      'Geboortedatum: Vul dit veld in.',
    ]);
    await expectNoAxeViolations(page);

    await page.getByRole('radio', { name: /^Inzageverzoek/ }).check();
    await page.getByLabel('Ontvangen via').selectOption({ label: 'Brief' });
    await page.getByLabel('Voornaam').fill(PERSON.givenName);
    await page.getByLabel('Achternaam').fill(PERSON.familyName);
    await page.getByLabel('Geboortedatum').fill(PERSON.dateOfBirth);
    await page.getByLabel('BSN (niet verplicht)').fill(PERSON.bsn);
    await page.getByRole('button', { name: 'Opzoeken' }).click();
    const lookup = page.getByTestId('rights-lookup-result');
    await expect(lookup).toContainText('Gevonden: 1 keer in 1 casus(sen).');
    for (const name of CONTROLLERS) {
      await expect(lookup.getByRole('listitem').filter({ hasText: name })).toHaveCount(1);
    }
    await page.getByLabel('De identiteit van de verzoeker is vastgesteld').check();
    await page
      .getByLabel('Hoe is de identiteit vastgesteld?')
      .selectOption({ label: 'Identiteitsbewijs getoond' });
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'rights-request-new');
    await page.getByRole('button', { name: 'Verzoek vastleggen' }).click();

    // The request: sent out to every joint controller, with the legal deadline.
    const heading = page.getByRole('heading', { level: 1, name: /^Inzageverzoek V-\d{4}-\d{4}$/ });
    await expect(heading).toBeVisible({ timeout: 20_000 });
    const number = ((await heading.textContent()) ?? '').replace('Inzageverzoek', '').trim();
    await expect(page.getByTestId('case-notice')).toContainText(
      `Verzoek ${number} is vastgelegd en uitgezet naar`,
    );
    await expect(page.getByTestId('case-notice')).toBeFocused();
    await expect(page.getByTestId('rights-request-due')).toContainText(due);
    await expect(page.getByTestId('rights-request-due')).toContainText('nog ');
    const tasks = page.getByTestId('rights-tasks');
    for (const name of CONTROLLERS) {
      await expect(tasks.locator(`li[data-organisation="${name}"]`)).toContainText('Open');
    }
    await expect(page.getByTestId('rights-request-facts')).toContainText(
      'Sanne Voorbeeld (fictief), geboren 12-5-2004',
    );
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'rights-request-sent');
    const requestUrl = page.url();

    // GGz sees the task (number, deadline, the case it takes part in; never her name) and completes it
    // with the keyboard.
    const ggz = await (await browser.newContext()).newPage();
    await signIn(ggz, DEMO.ggz, false);
    await ggz
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Taken verzoeken' })
      .click();
    await expect(
      ggz.getByRole('heading', { level: 1, name: 'Verzoeken van betrokkenen: taken van uw organisatie' }),
    ).toBeVisible({ timeout: 20_000 });
    const card = ggz.locator(`[data-testid="rights-task"][data-request="${number}"]`);
    await expect(card).toContainText(`Inzageverzoek ${number}`);
    await expect(card).toContainText(due);
    await expect(card.getByRole('link', { name: /^Casus MH-\d{4}-\d{4}$/ })).toHaveCount(1);
    await expect(card).not.toContainText('Sanne');
    await expectNoAxeViolations(ggz);
    await card.getByRole('button', { name: `Taak afronden ${number}` }).click();
    const done = card.getByRole('radio', { name: /^Afgerond/ });
    await expect(done).toBeFocused();
    await ggz.keyboard.press('Space');
    await expect(done).toBeChecked();
    await ggz.keyboard.press('Tab');
    await expect(card.getByLabel('Toelichting')).toBeFocused();
    await ggz.keyboard.type(`Overzicht eigen gegevens ${suffix} aan het contactpunt gestuurd (fictief).`);
    await ggz.keyboard.press('Tab');
    await expect(card.getByRole('button', { name: 'Taak afronden' })).toBeFocused();
    await ggz.keyboard.press('Enter');
    await expect(ggz.getByTestId('case-notice')).toContainText(
      `De taak bij verzoek ${number} is afgehandeld: Afgerond.`,
    );
    await expect(ggz.getByTestId('case-notice')).toBeFocused();
    const handled = ggz.locator(`[data-group="done"] [data-request="${number}"]`);
    await expect(handled).toContainText(suffix);
    await expectNoAxeViolations(ggz);
    await saveScreenshot(ggz, testInfo, 'rights-task-done');
    await ggz.context().close();

    // The contactpunt sees GGz's task done, the others still open.
    await page.goto(requestUrl);
    await expect(heading).toBeVisible({ timeout: 20_000 });
    // A reload is no new save: the confirmation is not shown again.
    await expect(page.getByTestId('case-notice')).toHaveCount(0);
    const ggzRow = tasks.locator('li[data-organisation="GGz Centraal"]');
    await expect(ggzRow).toContainText('Afgerond');
    await expect(ggzRow).toContainText('Gijs GGz-behandelaar (fictief)');
    await expect(ggzRow).toContainText(suffix);
    await expect(
      tasks.locator('li[data-organisation="Politie Midden-Nederland, district Gooi en Vechtstreek"]'),
    ).toContainText('Open');
    await expect(page.getByRole('button', { name: 'Verzoek afronden' })).toHaveCount(0);
    await expect(page.getByText('Afronden kan zodra alle taken zijn afgehandeld.')).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'rights-request-progress');
  });
});
