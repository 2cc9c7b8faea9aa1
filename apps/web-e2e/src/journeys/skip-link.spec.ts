import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';

test.describe('skip link', () => {
  test('is the first Tab stop and moves focus to the main content', async ({ page }, testInfo) => {
    await page.goto('/inloggen');
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Casustafel' })).toBeVisible();
    await expectNoAxeViolations(page);

    const skipLink = page.getByRole('link', { name: 'Naar hoofdinhoud' });
    await page.keyboard.press('Tab');
    await expect(skipLink).toBeFocused();
    await expect(skipLink).toBeInViewport();
    await saveScreenshot(page, testInfo, 'skip-link');

    await page.keyboard.press('Enter');

    await expect(page.getByRole('main')).toBeFocused();
    await expect(page).toHaveURL(/\/inloggen(\?terug=%2Fstart)?$/);
    // The next Tab continues inside the main content, at the first form field.
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('E-mailadres')).toBeFocused();
  });
});
