import { randomBytes } from 'node:crypto';
import { Locator, Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';

const LEVELS = ['FULL', 'SUMMARY', 'OWN', 'NONE'];

const LABELS: Record<string, string> = {
  FULL: 'Volledig',
  SUMMARY: 'Samenvatting',
  OWN: 'Alleen eigen',
  NONE: 'Geen',
};

/**
 * Changes one cell with the keyboard (an arrow key on the focused select) to the next level, or
 * the previous one at the end of the list.
 */
async function changeWithKeyboard(page: Page, cell: Locator): Promise<{ before: string; after: string }> {
  const before = await cell.inputValue();
  await cell.focus();
  await expect(cell).toBeFocused();
  await page.keyboard.press(before === 'NONE' ? 'ArrowUp' : 'ArrowDown');
  const after = LEVELS[LEVELS.indexOf(before) + (before === 'NONE' ? -1 : 1)];
  await expect(cell).toHaveValue(after);
  return { before, after };
}

test.describe('visibility matrix', () => {
  test('the beheerder changes one cell of the mensenhandel matrix with the keyboard, saves it with a reason and finds it in the history', async ({
    page,
  }, testInfo) => {
    // Four pages scanned with axe, the matrix page (700 elements) twice or three times; on a busy
    // machine a scan can take 20 s.
    test.setTimeout(180_000);
    // Desktop and mobile run side by side on the same table: each its own cell, of a partner type
    // no demo organisation has, so that no other journey sees a difference.
    const category =
      testInfo.project.name === 'mobile' ? 'Bestuurlijk en handhaving' : 'Financiën en schulden';
    const cellName = `${category} × Woningcorporatie`;
    const reason = `Advies FG ${randomBytes(3).toString('hex')} (fictief)`;

    await page.goto('/inloggen');
    await expect(page.getByRole('heading', { level: 1, name: 'Inloggen bij Casustafel' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('E-mailadres').fill(DEMO.beheerder);
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    // Password hashing is slow on purpose; on a busy machine it can take longer than 5 s.
    await expect(page).toHaveURL(/\/start$/, { timeout: 15_000 });
    await expectNoAxeViolations(page);

    await page.goto('/beheer/tafels');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Convenantstatus per casustafel' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Zichtbaarheid instellen voor Mensenhandel' }).click();

    await expect(page).toHaveURL(/\/beheer\/tafels\/[0-9a-f-]+\/zichtbaarheid$/);
    await expect(
      page.getByRole('heading', { level: 1, name: 'Zichtbaarheid aan Mensenhandel' }),
    ).toBeVisible();
    const overview = page.getByRole('table', { name: 'Overzicht van de matrix' });
    await expect(overview.getByRole('row')).toHaveCount(17);
    await expect(page.getByTestId('visibility-explanation')).toContainText(
      'andere zien zelfs geen samenvatting',
    );

    // One partner type at a time in the editor.
    await page.getByLabel('Partnertype', { exact: true }).selectOption({ label: 'Woningcorporatie' });
    const editor = page.getByRole('table', { name: 'Wat Woningcorporatie ziet, per categorie' });
    await expect(editor.getByRole('combobox')).toHaveCount(15);
    const cell = editor.getByRole('combobox', { name: cellName, exact: true });
    let level = '';
    // The other project may save first: then this one is told so, reloads and changes the cell again.
    for (let attempt = 1; ; attempt++) {
      const { before, after } = await changeWithKeyboard(page, cell);
      level = after;
      await expect(cell).toHaveAccessibleDescription(`was: ${LABELS[before]}`);
      await expect(page.getByTestId('visibility-summary')).toHaveText('1 cel gewijzigd.');
      await expect(
        overview.getByRole('row', { name: /^Woningcorporatie/ }).locator('.cst-matrix__cell--changed'),
      ).toHaveText(`${LABELS[after]} was: ${LABELS[before]}`);
      await page.getByLabel('Reden van de wijziging').fill(reason);
      if (attempt === 1) {
        await expectNoAxeViolations(page);
        await saveScreenshot(page, testInfo, 'visibility-matrix-changed');
      }
      await page.getByRole('button', { name: 'Matrix opslaan' }).focus();
      await page.keyboard.press('Enter');

      const saved = page.getByTestId('admin-notice').getByText(/Versie \d+ van de matrix is opgeslagen\./);
      const conflict = page.getByTestId('visibility-conflict');
      await expect(saved.or(conflict)).toBeVisible();
      if (await saved.isVisible()) {
        break;
      }
      expect(attempt, 'saved after reloading once').toBe(1);
      await expect(conflict).toContainText('Iemand anders heeft de matrix intussen gewijzigd.');
      await expectNoAxeViolations(page);
      await conflict.getByRole('button', { name: 'Matrix opnieuw laden' }).click();
      await expect(page.getByTestId('admin-notice')).toContainText('De matrix is opnieuw geladen');
    }

    await expect(page.locator('.cst-matrix__cell--changed')).toHaveCount(0);
    await expect(page.getByLabel('Reden van de wijziging')).toHaveValue('');
    const entry = page.getByTestId('visibility-history').getByRole('listitem').filter({ hasText: reason });
    await expect(entry).toContainText('Bram Beheerder (fictief)');
    await expect(entry).toContainText('1 cel gewijzigd');
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'visibility-matrix-saved');

    // Still so after a reload: the new version is what the server has.
    await page.reload();
    await expect(
      page.getByTestId('visibility-history').getByRole('listitem').filter({ hasText: reason }),
    ).toBeVisible();
    await page.getByLabel('Partnertype', { exact: true }).selectOption({ label: 'Woningcorporatie' });
    await expect(cell).toHaveValue(level);
    await expect(page.locator('.cst-matrix__cell--changed')).toHaveCount(0);
  });
});
