import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';

test.describe('login form', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('/inloggen');
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Casustafel' })).toBeVisible();
  });

  test('names both missing fields and moves focus to the first one', async ({ page }, testInfo) => {
    await expectNoAxeViolations(page);
    const email = page.getByLabel('E-mailadres');
    const password = page.getByLabel('Wachtwoord');

    await page.getByRole('button', { name: 'Inloggen' }).click();

    await expect(email).toBeFocused();
    await expect(email).toHaveAttribute('aria-invalid', 'true');
    await expect(email).toHaveAccessibleDescription('Fout: Vul uw e-mailadres in.');
    await expect(password).toHaveAttribute('aria-invalid', 'true');
    await expect(password).toHaveAccessibleDescription('Fout: Vul uw wachtwoord in.');
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'login-errors');
  });

  test('moves focus to the password when only that is missing', async ({ page }) => {
    await expectNoAxeViolations(page);
    const email = page.getByLabel('E-mailadres');
    const password = page.getByLabel('Wachtwoord');

    await email.fill('coordinator@zvh.example');
    await password.press('Enter');

    await expect(password).toBeFocused();
    await expect(password).toHaveAccessibleDescription('Fout: Vul uw wachtwoord in.');
    await expect(email).not.toHaveAttribute('aria-invalid');
    await expectNoAxeViolations(page);
  });

  test('announces a failed login in an alert', async ({ page }, testInfo) => {
    await expectNoAxeViolations(page);

    await page.getByLabel('E-mailadres').fill('coordinator@zvh.example');
    await page.getByLabel('Wachtwoord').fill('niet-het-goede-wachtwoord');
    await page.getByRole('button', { name: 'Inloggen' }).click();

    const alert = page.getByRole('alert');
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Inloggen is niet gelukt.');
    await expect(page.getByLabel('E-mailadres')).not.toHaveAttribute('aria-invalid');
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'login-failed');
  });
});
