import { randomBytes } from 'node:crypto';
import { Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, totp } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/inloggen');
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Casustafel' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

test.describe('administration', () => {
  test('the beheerder adds an organisation and its covenant status, creates a user who sets up two-step verification, then deactivates them and their session stops', async ({
    page,
    browser,
  }, testInfo) => {
    // A long journey: two browsers, eleven pages, each scanned with axe.
    test.setTimeout(120_000);
    const suffix = randomBytes(3).toString('hex');
    const organisation = `Stichting Opvang Fictief ${suffix}`;
    const person = `Nina Nieuw ${suffix} (fictief)`;
    const email = `nina.${suffix}@opvang.casustafel.example`;

    // The beheerder signs in (demo account) and opens Beheer.
    await signIn(page, DEMO.beheerder, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/start$/);
    await expectNoAxeViolations(page);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }).click();
    await expect(page).toHaveURL(/\/beheer\/gebruikers$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Gebruikers' })).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'admin-users');

    // A new organisation…
    const admin = page.getByRole('navigation', { name: 'Beheer' });
    await admin.getByRole('link', { name: 'Organisaties' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Organisaties' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Nieuwe organisatie' }).click();
    await page.getByLabel('Naam').fill(organisation);
    await page.getByLabel('Type partner').selectOption({ label: 'GGZ of zorgaanbieder' });
    await page.getByRole('group', { name: 'Wettelijke kaders' }).getByLabel(/^AVG/).check();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await expect(page.getByRole('status')).toContainText(organisation);
    await expect(page.getByRole('cell', { name: organisation })).toBeVisible();
    await saveScreenshot(page, testInfo, 'admin-organisations');

    // …that signs the mensenhandel covenant.
    await admin.getByRole('link', { name: 'Casustafels' }).click();
    await expect(
      page.getByRole('heading', { level: 1, name: 'Convenantstatus per casustafel' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Convenantstatus instellen voor Mensenhandel' }).click();
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: organisation });
    await page
      .getByLabel('Status', { exact: true })
      .selectOption({ label: 'Convenantpartner (ondertekend)' });
    await page.getByLabel('Vanaf').fill('2026-01-01');
    await page.getByLabel('Documentverwijzing').fill('Convenant mensenhandel, toetreding 2026');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Status opslaan' }).click();
    const mensenhandel = page.getByRole('table', { name: 'Convenantstatus aan Mensenhandel' });
    await expect(mensenhandel.getByRole('row', { name: new RegExp(organisation) })).toContainText(
      'Convenantpartner',
    );
    await saveScreenshot(page, testInfo, 'admin-tables');

    // A user of that organisation with a role at the table.
    await admin.getByRole('link', { name: 'Gebruikers' }).click();
    await page.getByRole('button', { name: 'Nieuwe gebruiker' }).click();
    await page.getByLabel('E-mailadres').fill(email);
    await page.getByLabel('Naam').fill(person);
    await page.getByLabel('Organisatie', { exact: true }).selectOption({ label: organisation });
    await page.getByRole('group', { name: 'Rollen aan Mensenhandel' }).getByLabel('Deelnemer').check();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Gebruiker aanmaken' }).click();
    const temporary = page.getByTestId('temporary-password');
    await expect(temporary).toHaveText(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const temporaryPassword = (await temporary.textContent())?.trim() ?? '';
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'admin-temporary-password');

    // The new user, in a browser of their own, signs in for the first time.
    const theirs = await browser.newContext();
    const user = await theirs.newPage();
    await signIn(user, email, temporaryPassword);
    await expect(
      user.getByRole('heading', { level: 1, name: 'Tweestapsverificatie instellen' }),
    ).toBeVisible();
    await expect(
      user.getByRole('img', { name: 'QR-code om Casustafel toe te voegen aan uw authenticator-app' }),
    ).toBeVisible();
    await expectNoAxeViolations(user);
    await saveScreenshot(user, testInfo, 'enrol');
    const secret = (await user.getByTestId('enrol-secret').textContent()) ?? '';
    await user.getByLabel('Code uit de app (6 cijfers)').fill(totp(secret));
    await user.getByRole('button', { name: 'Bevestigen' }).click();
    await expect(user.getByRole('heading', { level: 2, name: 'Bewaar uw herstelcodes' })).toBeVisible();
    await expect(user.getByTestId('recovery-codes').getByRole('listitem')).toHaveCount(10);
    await expectNoAxeViolations(user);
    await saveScreenshot(user, testInfo, 'recovery-codes');
    await user.getByLabel('Ik heb mijn herstelcodes veilig bewaard').check();
    await user.getByRole('button', { name: 'Verder' }).click();

    await expect(user.getByRole('heading', { level: 1, name: 'Kies een nieuw wachtwoord' })).toBeVisible();
    await user.getByLabel('Huidig (tijdelijk) wachtwoord').fill(temporaryPassword);
    await user.getByLabel('Nieuw wachtwoord', { exact: true }).fill('welkom2026!');
    await user.getByLabel('Herhaal nieuw wachtwoord').fill('welkom2026!');
    await user.getByRole('button', { name: 'Wachtwoord opslaan' }).click();
    await expect(user.getByText('Het wachtwoord is te kort: gebruik minstens 12 tekens.')).toBeVisible();
    await expect(
      user.getByText('Dit wachtwoord wordt veel gebruikt en is makkelijk te raden.'),
    ).toBeVisible();
    await expectNoAxeViolations(user);
    await saveScreenshot(user, testInfo, 'new-password-errors');
    await user.getByLabel('Huidig (tijdelijk) wachtwoord').fill(temporaryPassword);
    await user.getByLabel('Nieuw wachtwoord', { exact: true }).fill('paarse-fiets-bij-de-brug');
    await user.getByLabel('Herhaal nieuw wachtwoord').fill('paarse-fiets-bij-de-brug');
    await user.getByRole('button', { name: 'Wachtwoord opslaan' }).click();

    await expect(user).toHaveURL(/\/start$/);
    await expect(user.getByRole('heading', { level: 1, name: `Welkom, ${person}` })).toBeVisible();
    await expect(
      user.getByTestId('start-roles').getByRole('row', { name: /Mensenhandel Deelnemer/ }),
    ).toBeVisible();
    await expectNoAxeViolations(user);

    // The beheerder sees the user with two-step verification set up, and deactivates them.
    await page.reload();
    const row = page.getByRole('row', { name: new RegExp(person.replace(/[()]/g, '\\$&')) });
    await expect(row).toContainText('Tweestapsverificatie ingesteld');
    await row.getByRole('button', { name: `Gebruiker ${person} deactiveren` }).click();
    await expect(page.getByRole('status')).toContainText(person);
    await expect(row).toContainText('Gedeactiveerd');
    await expectNoAxeViolations(page);

    // The user's open session stops working on their next request.
    await user
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Mijn account' })
      .click();
    await expect(user).toHaveURL(/\/inloggen\?terug=%2Faccount&verlopen=1$/);
    await expect(user.getByTestId('login-expired')).toBeVisible();
    await theirs.close();
  });
});
