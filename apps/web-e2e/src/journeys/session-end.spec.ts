import { ApiUser, freshAccount, totp } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';

test.describe('ended sessions', () => {
  test('a session ended from another device stops working at the next request; after signing in again the user is back where they were', async ({
    page,
    baseURL,
  }, testInfo) => {
    const account = await freshAccount(baseURL as string, {
      organisation: /^Politie/,
      table: 'Mensenhandel',
      role: 'DEELNEMER',
    });

    await page.goto('/account');
    await expect(page).toHaveURL(/\/inloggen\?terug=%2Faccount$/);
    await page.getByLabel('E-mailadres').fill(account.email);
    await page.getByLabel('Wachtwoord').fill(account.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();

    await expect(page.getByRole('heading', { level: 1, name: 'Voer uw inlogcode in' })).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'second-factor');
    // The code of the next 30 s step: the one of this step was used when the account was set up.
    await page.getByLabel('Inlogcode (6 cijfers)').fill(totp(account.totpSecret, 1));
    await page.getByRole('button', { name: 'Controleren' }).click();

    await expect(page).toHaveURL(/\/account$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
    await expectNoAxeViolations(page);

    // Elsewhere, the same person logs out on all other devices.
    const { user: phone } = await ApiUser.signIn(baseURL as string, account.email, account.password);
    const code = await phone.post('/api/auth/second-factor', { recoveryCode: account.recoveryCodes[0] });
    expect(code.status).toBe(200);
    expect((await phone.post('/api/account/sessions/end-others')).status).toBe(204);
    await phone.dispose();

    // Back in the browser: the next request (the page's own, or the notification bell's count on
    // navigation) finds the session ended, and the user is asked to sign in again.
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Start' })
      .click();
    await expect(page).toHaveURL(/\/inloggen\?terug=%2Fstart&verlopen=1$/);
    await expect(page.getByTestId('login-expired')).toContainText('Uw sessie is beëindigd');
    await expectNoAxeViolations(page);

    await page.getByLabel('E-mailadres').fill(account.email);
    await page.getByLabel('Wachtwoord').fill(account.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page
      .getByRole('button', { name: 'Ik heb mijn telefoon niet bij de hand: gebruik een herstelcode' })
      .click();
    await page.getByLabel('Herstelcode').fill(account.recoveryCodes[1]);
    await page.getByRole('button', { name: 'Controleren' }).click();

    await expect(page).toHaveURL(/\/start$/);
    await expect(
      page.getByRole('heading', { level: 1, name: `Welkom, ${account.displayName}` }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Mijn account' })
      .click();
    await expect(
      page.getByTestId('account-sessions').getByRole('row', { name: /Dit apparaat/ }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
