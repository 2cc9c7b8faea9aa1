import { DEMO, DEMO_PASSWORD } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';

test.describe('demo login', () => {
  test('the voorzitter signs in with the README credentials, sees tables and roles, checks the account and signs out', async ({
    page,
  }, testInfo) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/inloggen\?terug=%2Fstart$/);
    // Demo mode is announced on the login page.
    await expect(page.getByTestId('demo-mode')).toContainText(
      'Demo-accounts kunnen inloggen zonder tweestapsverificatie',
    );
    await expectNoAxeViolations(page);

    await page.getByLabel('E-mailadres').fill(DEMO.voorzitter);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();

    await expect(page).toHaveURL(/\/start$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Welkom, Victor Voorzitter (fictief)' }),
    ).toBeVisible();
    await expect(page.getByTestId('session-user')).toContainText(
      'Zorg- en Veiligheidshuis Gooi en Vechtstreek',
    );
    const roles = page.getByTestId('start-roles');
    await expect(roles.getByRole('row', { name: /Mensenhandel Voorzitter/ })).toBeVisible();
    await expect(roles.getByRole('row', { name: /Complexe casuïstiek Voorzitter/ })).toBeVisible();
    // No administration for a voorzitter.
    await expect(
      page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Beheer' }),
    ).toHaveCount(0);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'start');

    await page
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Mijn account' })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'Mijn account' })).toBeVisible();
    await expect(
      page.getByTestId('account-sessions').getByRole('row', { name: /Dit apparaat/ }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'account');

    await page.getByTestId('logout').click();
    await expect(page).toHaveURL(/\/inloggen$/);
    await expect(page.getByTestId('logged-out')).toHaveText('U bent uitgelogd.');
    await expectNoAxeViolations(page);

    // The session is gone on the server, not only in the page.
    const status = await page.evaluate(async () => (await fetch('/api/auth/session')).status);
    expect(status).toBe(401);
    // Nothing about the session or any case is kept in browser storage.
    const stored = await page.evaluate(() => ({
      local: Object.keys(localStorage),
      session: Object.keys(sessionStorage),
    }));
    expect(stored).toEqual({ local: [], session: [] });
  });
});
