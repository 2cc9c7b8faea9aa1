import { randomBytes } from 'node:crypto';
import { DEMO } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { signIn } from '../support/session';
import { tabTo } from '../support/keyboard';

test.describe('registration (DOMAIN scenario 1)', () => {
  // Full-page screenshots of long lists take longer than a click on a busy machine.
  test.use({ actionTimeout: 15_000 });

  test('the wijkagent registers a young woman at the Mensenhandel table; "not discussed beforehand" needs a reason', async ({
    page,
  }, testInfo) => {
    // Four pages scanned with axe, one of them a long form filled in part by keyboard.
    test.setTimeout(120_000);
    // Desktop and mobile run side by side on one database: a name of this run's own.
    const familyName = `Registratietest ${randomBytes(3).toString('hex')} (fictief)`;

    await signIn(page, DEMO.politie);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Aanmeldingen' })
      .click();
    await expect(page).toHaveURL(/\/aanmeldingen$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Aanmeldingen' })).toBeVisible();
    await expect(page.getByTestId('registrations')).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'registrations');

    await page.getByRole('link', { name: 'Nieuwe aanmelding' }).click();
    await expect(page).toHaveURL(/\/aanmeldingen\/nieuw$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe aanmelding' })).toBeVisible();
    await expectNoAxeViolations(page);

    // The table, and the young woman.
    await page.getByRole('combobox', { name: 'Casustafel' }).selectOption({ label: 'Mensenhandel' });
    const person = page.getByRole('group', { name: 'Persoon 1' });
    await person.getByLabel('Voornaam').fill('Lotte');
    await person.getByLabel('Achternaam').fill(familyName);
    await person.getByLabel('Geboortedatum (niet verplicht)').fill('2006-09-14');
    await person.getByLabel('Rol').selectOption({ label: 'Slachtoffer' });

    // Reason, goal and "vooraf besproken": with the keyboard only.
    const reason = page.getByLabel('Reden van aanmelding');
    await reason.focus();
    await page.keyboard.type('Signalen van seksuele uitbuiting bij een jonge vrouw (fictief).');
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Doel van het casusoverleg')).toBeFocused();
    await page.keyboard.type('Veiligheid en hulp organiseren.');
    const discussedYes = page.getByRole('radio', { name: 'Ja, vooraf besproken' });
    await tabTo(page, discussedYes, 3);
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('radio', { name: 'Nee, niet vooraf besproken' })).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Waarom is de aanmelding niet vooraf besproken?')).toBeFocused();

    // The Landelijk kader, by keyboard too: Tab to a criterion, Space to tick it.
    const multipleDomains = page.getByRole('checkbox', { name: /^Problemen op meer dan één leefgebied/ });
    await tabTo(page, multipleDomains, 3);
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect(multipleDomains).toBeChecked();
    await expect(page.getByRole('checkbox', { name: /^Samenwerking over meerdere ketens/ })).toBeChecked();

    // Signals, grouped per exploitation form: evidence, not a score.
    const signals = page.getByTestId('registration-signals');
    await expect(signals).toContainText('geen score');
    await signals
      .getByRole('group', { name: 'Seksuele uitbuiting' })
      .getByLabel('Oudere vriend die bepaalt wat zij doet (loverboy-signalen)')
      .check();
    await signals
      .getByLabel(/^Toelichting bij dit signaal/)
      .fill('Vriend van 35 haalt haar op na school (fictief).');

    // Proposed participants: the OM declined the covenant and cannot be chosen.
    const participants = page.getByRole('group', { name: 'Voorgestelde deelnemers' });
    await participants.getByLabel('Zorgcoördinatie mensenhandel Gooi en Vechtstreek').check();
    await expect(participants.getByLabel(/^Openbaar Ministerie/)).toBeDisabled();
    await expect(participants).toContainText('Niet te kiezen: deze organisatie heeft niet ingestemd');
    await expectNoAxeViolations(page);

    // Submitted without the reason: refused, the field named in the summary, which takes focus.
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    const link = summary.getByRole('link', { name: /^Waarom is de aanmelding niet vooraf besproken\?/ });
    await expect(link).toContainText(
      'Geef aan waarom de aanmelding niet vooraf met betrokkene is besproken.',
    );
    const notDiscussed = page.getByLabel('Waarom is de aanmelding niet vooraf besproken?');
    await expect(notDiscussed).toHaveAttribute('aria-invalid', 'true');
    await expect(page).toHaveURL(/\/aanmeldingen\/nieuw$/);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'registration-refused');

    // The summary's link leads to the field; with a reason it is submitted.
    await link.press('Enter');
    await expect(notDiscussed).toBeFocused();
    await page.keyboard.type('Lopend opsporingsonderzoek; eerst afstemmen met de recherche (fictief).');
    await expect(summary).toBeHidden();
    await page.getByRole('button', { name: 'Aanmelden' }).click();

    // In Aanmeldingen, as Aangemeld.
    await expect(page).toHaveURL(/\/aanmeldingen$/);
    const notice = page.getByTestId('case-notice');
    await expect(notice).toContainText(/Aanmelding A-\d{4}-\d{4} is ingediend/);
    await expect(notice).toBeFocused();
    const number = /A-\d{4}-\d{4}/.exec((await notice.textContent()) ?? '')?.[0] ?? '';
    const card = page.locator(`[data-registration="${number}"]`);
    await expect(card).toContainText('Aangemeld');
    await expect(card).toContainText('Mensenhandel');
    await expect(card).toContainText('De triage heeft nog niet besloten.');
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'registration-submitted');

    // Opened again, it is read-only with what was registered.
    await card.getByRole('link', { name: new RegExp(number) }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: new RegExp(`Aanmelding ${number}`) }),
    ).toBeVisible();
    await expect(page.getByTestId('registration-form')).toHaveCount(0);
    await expect(page.getByTestId('registration-persons')).toContainText(`Lotte ${familyName}`);
    await expect(page.getByTestId('registration-signals')).toContainText('loverboy-signalen');
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'registration-view');
  });
});
