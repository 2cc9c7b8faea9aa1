import { expect, Locator, Page } from '@playwright/test';

/** Presses Tab until `target` has focus, like a keyboard user; fails after `maxTabs` presses. */
export async function tabTo(page: Page, target: Locator, maxTabs = 15): Promise<void> {
  for (let presses = 0; presses < maxTabs; presses++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement)) {
      return;
    }
  }
  await expect(target, `not reachable with ${maxTabs} Tab presses`).toBeFocused();
}
