import { randomBytes } from 'node:crypto';
import { Page, TestInfo } from '@playwright/test';
import { DEMO } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { signIn } from '../support/session';

/** The register from the main menu. */
async function openRegister(page: Page): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: 'Verwerkingsregister' })
    .click();
  await expect(page).toHaveURL(/\/verwerkingsregister$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Verwerkingsregister' })).toBeVisible();
  await expect(page.getByTestId('register-activity').first()).toBeVisible();
}

/** A full-page screenshot from the top (a fixed skip link would show up when scrolled). */
async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, testInfo, name);
}

/** The card of the activity in force of a case table. */
function activityOf(page: Page, table: string) {
  return page
    .getByTestId('register-activity')
    .filter({ has: page.locator('dd', { hasText: new RegExp(`^\\s*${table}\\s*$`) }) });
}

test.describe('register of processing activities', () => {
  test('the FG reads the register: an activity per demo table, with its facts, and nothing to change', async ({
    page,
  }, testInfo) => {
    test.setTimeout(90_000);
    await signIn(page, DEMO.fg);
    // The FG is no beheerder: the register is in the main menu, Beheer is not.
    const menu = page.getByRole('navigation', { name: 'Hoofdmenu' });
    await expect(menu.getByRole('link', { name: 'Beheer' })).toHaveCount(0);
    await openRegister(page);

    for (const table of ['Mensenhandel', 'Complexe casuïstiek']) {
      const activity = activityOf(page, table);
      await expect(activity).toHaveCount(1);
      await expect(activity.getByTestId('activity-id')).toHaveText(/^urn:casustafel:verwerking:.+:v\d+$/);
      await expect(activity).toContainText('Wet gegevensverwerking samenwerkingsverbanden (WGS)');
      await expect(activity).toContainText('Verwerkingsverantwoordelijken');
      await expect(activity).toContainText('Bewaartermijn');
    }
    await expect(activityOf(page, 'Mensenhandel')).toContainText('Signalen mensenhandel');
    await expect(page.getByRole('button', { name: /Nieuwe versie vastleggen/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Verwerking toevoegen' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await screenshot(page, testInfo, 'register-fg');
  });

  test('the beheerder registers a new version of an activity; the old identifier moves to the earlier versions', async ({
    page,
  }, testInfo) => {
    test.setTimeout(120_000);
    // Desktop and mobile run side by side against the same server: each changes a table of its own.
    const table = testInfo.project.name === 'mobile' ? 'Complexe casuïstiek' : 'Mensenhandel';
    const suffix = randomBytes(3).toString('hex');
    const purpose = `Gezamenlijke aanpak aan de casustafel ${table}, aangescherpt na advies van de FG (e2e ${suffix}, fictief).`;
    const retention = `Tot 48 maanden na afsluiting van de casus (e2e ${suffix}).`;

    await signIn(page, DEMO.beheerder);
    await openRegister(page);
    const activity = activityOf(page, table);
    await expect(activity).toHaveCount(1);
    const oldId = (await activity.getByTestId('activity-id').textContent())?.trim() ?? '';
    expect(oldId).toMatch(/^urn:casustafel:verwerking:/);
    await expectNoAxeViolations(page);

    // The form opens in the card, filled with the version in force.
    const open = activity.getByRole('button', { name: /^Nieuwe versie vastleggen van / });
    await open.click();
    await expect(open).toHaveAttribute('aria-expanded', 'true');
    const heading = page.getByRole('heading', { level: 2, name: /^Nieuwe versie van / });
    await expect(heading).toBeFocused();
    const form = page.getByTestId('activity-form');
    await expect(page.getByText(oldId, { exact: false }).first()).toBeVisible();
    await expect(form.getByLabel('Doel', { exact: true })).not.toHaveValue('');
    await expect(form.getByRole('group', { name: 'Grondslagen' }).getByLabel(/\(WGS\)$/)).toBeChecked();

    // An empty retention period is told at the field, which gets focus.
    await form.getByLabel('Bewaartermijn').fill('   ');
    await form.getByRole('button', { name: 'Versie vastleggen' }).click();
    const retentionField = form.getByLabel('Bewaartermijn');
    await expect(retentionField).toBeFocused();
    await expect(retentionField).toHaveAccessibleDescription(/Vul dit veld in\./);
    await expectNoAxeViolations(page);
    await screenshot(page, testInfo, 'register-new-version-form');

    // Filled in with the keyboard: texts, and a checkbox with the space bar.
    await retentionField.fill(retention);
    await form.getByLabel('Doel', { exact: true }).fill(purpose);
    const witness = form.getByRole('group', { name: 'Categorieën betrokkenen' }).getByLabel('Getuige');
    const witnessBefore = await witness.isChecked();
    await witness.focus();
    await page.keyboard.press('Space');
    await expect(witness).toBeChecked({ checked: !witnessBefore });
    await form.getByRole('button', { name: 'Versie vastleggen' }).focus();
    await page.keyboard.press('Enter');

    const done = page.getByRole('status').filter({ hasText: 'is vastgelegd onder' });
    await expect(done).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('admin-notice')).toBeFocused();
    await expect(form).toHaveCount(0);

    // The card shows the new version under a new identifier; the old one is an earlier version.
    const changed = activityOf(page, table);
    await expect(changed).toContainText(purpose);
    await expect(changed).toContainText(retention);
    const newId = (await changed.getByTestId('activity-id').textContent())?.trim() ?? '';
    expect(newId).toMatch(/^urn:casustafel:verwerking:.+:v\d+$/);
    expect(newId).not.toBe(oldId);
    await expect(done).toContainText(newId);
    const earlier = changed.getByTestId('earlier-versions');
    await earlier.locator('summary').focus();
    await page.keyboard.press('Enter');
    await expect(earlier).toHaveAttribute('open', '');
    await expect(earlier.getByText(oldId, { exact: true })).toBeVisible();
    await expectNoAxeViolations(page);
    await screenshot(page, testInfo, 'register-new-version-saved');

    // After a reload the register says the same: the change is stored.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Verwerkingsregister' })).toBeVisible();
    await expect(activityOf(page, table).getByTestId('activity-id')).toHaveText(newId);
    await expect(activityOf(page, table)).toContainText(purpose);
  });
});
