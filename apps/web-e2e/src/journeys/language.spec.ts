import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { tabTo } from '../support/keyboard';

test.describe('language', () => {
  test('opens in Dutch, switches to English with the keyboard and keeps that after a reload', async ({
    page,
  }, testInfo) => {
    await page.goto('/');

    await expect(page).toHaveURL(/\/inloggen(\?terug=%2Fstart)?$/);
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Casustafel' })).toBeVisible();
    await expect(page).toHaveTitle('Inloggen - Casustafel');
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'login-nl');

    const languageSwitch = page.getByTestId('language-switch');
    await expect(languageSwitch).toHaveAccessibleName('Taal wijzigen naar English');
    await tabTo(page, languageSwitch);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1, name: 'Log in to Casustafel' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveTitle('Log in - Casustafel');
    await expect(languageSwitch).toBeFocused();
    await expect(languageSwitch).toHaveAccessibleName('Change language to Nederlands');
    // Screen readers hear the change (CDK LiveAnnouncer, a polite live region).
    await expect(page.locator('.cdk-live-announcer-element')).toHaveText(
      'The language has been changed to English.',
    );
    await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'login-en');

    await page.reload();

    await expect(page.getByRole('heading', { level: 1, name: 'Log in to Casustafel' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    // And back to Dutch, this time with the space bar.
    await tabTo(page, languageSwitch);
    await page.keyboard.press('Space');

    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Casustafel' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  });
});
