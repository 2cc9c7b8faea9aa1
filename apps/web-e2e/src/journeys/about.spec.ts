import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';

test.describe('about page', () => {
  test('is reached through the main menu, which marks it as the current page', async ({ page }, testInfo) => {
    await page.goto('/inloggen');
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Casustafel' })).toBeVisible();
    await expectNoAxeViolations(page);

    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await menu.getByRole('link', { name: 'Over Casustafel' }).click();

    await expect(page).toHaveURL(/\/over$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Over Casustafel' })).toBeVisible();
    await expect(page).toHaveTitle('Over Casustafel - Casustafel');
    await expect(menu.getByRole('link', { name: 'Over Casustafel' })).toHaveAttribute('aria-current', 'page');
    await expect(menu.getByRole('link', { name: 'Inloggen' })).not.toHaveAttribute('aria-current');
    // After in-app navigation, keyboard and screen reader users start at the new content.
    await expect(page.getByRole('main')).toBeFocused();
    await expect(page.getByRole('heading', { level: 2, name: 'Demonstratiegegevens' })).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'about');
  });
});
