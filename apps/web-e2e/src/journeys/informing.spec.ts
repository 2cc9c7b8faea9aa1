import { randomBytes } from 'node:crypto';
import { DEMO } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { caseIdOf, signIn } from '../support/session';

/**
 * Demo anchors (libs/api/demo/src/lib/demo-cases.ts, DEMO_ANCHORS.informingJourneyCases): cases
 * without an informing status, one per browser project so the two runs never change the same case.
 */
const CASE_PERSON: Record<string, string> = {
  desktop: 'Maria Exemplo (fictief)',
  mobile: 'Mihai Exemplu (fictief)',
};

/** The demo case with a consent that stands and one that was withdrawn (DEMO_ANCHORS.consentCase). */
const CONSENT_PERSON = 'Iris Bedachtsma (fictief)';

/** Today in the Netherlands, as the date input takes it (YYYY-MM-DD) and as the page shows it (d-M-yyyy). */
function today(): { iso: string; shown: string } {
  const iso = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
  const [year, month, day] = iso.split('-');
  return { iso, shown: `${Number(day)}-${Number(month)}-${year}` };
}

test.describe('informing the person (DOMAIN scenario 10)', () => {
  test('the procesregisseur defers informing because of a running investigation, with a review date; on that date the reminder is on /casussen and the reason is in the history', async ({
    page,
  }, testInfo) => {
    // Two pages, four axe scans, one of them a long case page.
    test.setTimeout(120_000);
    const suffix = randomBytes(3).toString('hex');
    const reason = `De politie onderzoekt het netwerk; informeren schaadt het onderzoek (journey ${suffix}, fictief).`;
    const day = today();

    await signIn(page, DEMO.procesregisseur);
    const caseId = await caseIdOf(page, CASE_PERSON[testInfo.project.name] ?? CASE_PERSON['desktop']);
    await page.goto(`/casussen/${caseId}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Casus MH-\d{4}-\d{4}$/ })).toBeVisible({
      timeout: 20_000,
    });
    const caseNumber = ((await page.getByRole('heading', { level: 1 }).textContent()) ?? '')
      .replace('Casus ', '')
      .trim();
    const panel = page.getByRole('region', { name: 'Informeren betrokkene' });
    await expect(panel.getByTestId('informing-current')).toContainText('Nog niet vastgelegd.');

    // By keyboard: the button opens the form and focus moves to its heading.
    await panel.getByRole('button', { name: 'Status wijzigen' }).focus();
    await page.keyboard.press('Enter');
    await expect(
      panel.getByRole('heading', { level: 3, name: 'Informeren betrokkene: status wijzigen' }),
    ).toBeFocused();
    const form = panel.getByTestId('informing-form');
    await form.getByLabel('Status', { exact: true }).selectOption({ label: 'Uitgesteld' });

    // Deferring without a reason and a review date: both are named, focus on the first.
    await form.getByRole('button', { name: 'Status opslaan' }).click();
    const reasonCode = form.getByLabel('Reden', { exact: true });
    const reviewAt = form.getByLabel('Heroverwegen op', { exact: true });
    await expect(reasonCode).toBeFocused();
    await expect(reasonCode).toHaveAttribute('aria-invalid', 'true');
    await expect(reviewAt).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText('Kies een reden.')).toBeVisible();
    await expectNoAxeViolations(page);

    await reasonCode.selectOption({ label: 'Lopend onderzoek' });
    await form.getByLabel('Toelichting', { exact: true }).fill(reason);
    await reviewAt.fill(day.iso);
    await saveScreenshot(page, testInfo, 'informing-form');
    await form.getByRole('button', { name: 'Status opslaan' }).click();
    await expect(panel.getByTestId('detail-notice')).toContainText('De status ‘Uitgesteld’ is vastgelegd.');

    const current = panel.getByTestId('informing-current');
    await expect(current).toContainText('Uitgesteld');
    await expect(current).toContainText('Lopend onderzoek');
    await expect(current).toContainText(`Heroverwegen op${day.shown}`);
    // The review date is today: the panel says it is due, in words.
    await expect(panel.getByTestId('informing-review-due')).toContainText('opnieuw te bekijken is bereikt');
    await expect(panel.getByTestId('informing-history').getByRole('listitem')).toHaveCount(1);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'informing-deferred');

    // The reminder on the dashboard (the case list), with the reason code and "Vandaag".
    await page.goto('/casussen');
    const reminders = page.getByTestId('informing-reviews');
    await expect(
      reminders.getByRole('heading', { level: 2, name: 'Herinnering: informeren betrokkene' }),
    ).toBeVisible({ timeout: 20_000 });
    const ours = reminders
      .getByRole('listitem')
      .filter({ has: page.getByRole('link', { name: `Casus ${caseNumber}` }) });
    await expect(ours).toHaveCount(1);
    await expect(ours).toContainText('Lopend onderzoek');
    await expect(ours).toContainText(day.shown);
    await expect(ours).toContainText('Vandaag');
    // No case content in the reminder: not the reason text.
    await expect(reminders).not.toContainText(suffix);
    // The demo's own deferral, two days past its review date, says so too.
    await expect(reminders.getByRole('listitem').filter({ hasText: 'Verlopen' }).first()).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'informing-reminder');

    // From the reminder to the case: the reason for the deferral is in its history.
    await ours.getByRole('link', { name: `Casus ${caseNumber}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Casus ${caseNumber}` })).toBeVisible({
      timeout: 20_000,
    });
    const history = page
      .getByRole('region', { name: 'Informeren betrokkene' })
      .getByTestId('informing-history');
    const entry = history.getByRole('listitem').first();
    await expect(entry).toContainText('Uitgesteld: Lopend onderzoek');
    await expect(entry).toContainText(`heroverwegen op ${day.shown}`);
    await expect(entry).toContainText(reason);
    await expect(entry).toContainText('door Petra');
    await expectNoAxeViolations(page);
  });

  test('on the same case page the consent register says plainly which consent stands and which was withdrawn, and the disclosure under the withdrawn one has lapsed', async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    await signIn(page, DEMO.procesregisseur);
    await page.goto(`/casussen/${await caseIdOf(page, CONSENT_PERSON)}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Casus / })).toBeVisible({ timeout: 20_000 });
    const register = page.getByRole('region', { name: 'Toestemming' });
    const standing = register
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /^Toestemming doorbreking beroepsgeheim/ }) });
    await expect(standing.getByRole('list', { name: 'Status' })).toHaveText('Status: Actief');
    await expect(standing).toContainText('Zorgcoördinatie mensenhandel Gooi en Vechtstreek');
    const withdrawn = register
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: /^Toestemming gegevensdeling/ }) });
    await expect(withdrawn.getByRole('list', { name: 'Status' })).toHaveText('Status: Ingetrokken');
    await expect(withdrawn).toContainText('vervallen door het intrekken');
    const lapsed = page
      .getByRole('region', { name: 'Verstrekkingen' })
      .getByRole('listitem')
      .filter({ hasText: 'Afstemming met het wijkteam over dagbesteding.' });
    await expect(lapsed).toContainText(
      'Vervallen: de toestemming waarop deze verstrekking berust, is ingetrokken',
    );
    await expect(
      page.getByRole('region', { name: 'Informeren betrokkene' }).getByTestId('informing-current'),
    ).toContainText('Geïnformeerd');
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'consent-register');
  });
});
