import { randomBytes } from 'node:crypto';
import { DEMO } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { caseIdOf, openCaseAs, signIn } from '../support/session';

/** The demo case the journeys share (libs/api/demo/src/lib/demo-cases.ts, JOURNEY_CASE). */
const JOURNEY_PERSON = 'Sanne Voorbeeld (fictief)';

test.describe('case detail, a care partner adds a treatment note (DOMAIN scenario 6)', () => {
  test('GGZ adds a note in "Zorg en gezondheid" and sees who can read it; the police see nothing of it, the zorgcoördinator only a flag', async ({
    page,
    browser,
  }, testInfo) => {
    // Three users, five pages scanned with axe.
    test.setTimeout(180_000);
    const suffix = randomBytes(3).toString('hex');
    const title = `Behandelnotitie ${suffix} (fictief)`;
    const body = `Behandeling ${suffix}: gesprekken over veiligheid en slaap (fictief).\nVolgende afspraak over twee weken.`;

    await signIn(page, DEMO.ggz);
    const caseId = await caseIdOf(page, JOURNEY_PERSON);
    await page.goto(`/casussen/${caseId}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Casus / })).toBeVisible({ timeout: 20_000 });

    // The form: category, sensitivity, title, text, legal ground, optional file.
    await page.getByRole('button', { name: 'Item toevoegen' }).click();
    const form = page.getByTestId('item-new-form');
    await expect(page.getByRole('heading', { level: 3, name: 'Item toevoegen' })).toBeFocused();
    await form.getByRole('button', { name: 'Item toevoegen' }).click();
    await expect(form.getByText('Maak een keuze.')).toBeVisible();
    await expect(form.getByText('Vul dit veld in.')).toBeVisible();
    await form.getByLabel('Categorie', { exact: true }).selectOption({ label: 'Zorg en gezondheid' });
    await form.getByLabel('Titel', { exact: true }).fill(title);
    await form.getByLabel('Tekst', { exact: true }).fill(body);
    await form
      .getByLabel('Grondslag', { exact: true })
      .selectOption({ label: 'Toestemming betrokkene (doorbreking beroepsgeheim)' });
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'case-item-form');
    await form.getByRole('button', { name: 'Item toevoegen' }).click();

    await expect(page.getByRole('status')).toContainText(`‘${title}’ is toegevoegd.`);
    // The outcome is read out: focus moves to it, so keyboard users continue from there.
    await expect(page.getByTestId('detail-notice')).toBeFocused();
    const note = page.getByRole('article', { name: title });
    await expect(note).toContainText('gesprekken over veiligheid en slaap');
    await expect(note).toContainText('Gijs GGz-behandelaar (fictief)');
    await expect(note).toContainText('Eigen organisatie');
    // Who may read it, by default: in full only GGz; the ZVH and the zorgcoördinator a flag; the police nothing.
    const readers = note.getByTestId('item-readers');
    await expect(readers).toContainText('Volledig: uw organisatie.');
    await expect(
      readers.getByRole('listitem').filter({ hasText: 'Alleen de melding ‘Zorgpartner betrokken’' }),
    ).toContainText('Zorgcoördinatie mensenhandel Gooi en Vechtstreek');
    await expect(readers.getByRole('listitem').filter({ hasText: 'Alleen de melding' })).toContainText(
      'Zorg- en Veiligheidshuis Gooi en Vechtstreek',
    );
    await expect(readers.getByRole('listitem').filter({ hasText: 'Niets:' })).toContainText(
      'Politie Midden-Nederland',
    );
    await expect(readers).toContainText(
      'zoals de zorgcoördinator, leest de inhoud verder alleen na een goedgekeurde verstrekking',
    );
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'case-detail-ggz');

    const saved = (await (await page.request.get(`/api/cases/${caseId}`)).json()) as {
      items: Array<{ id: string; title?: string }>;
    };
    const noteId = saved.items.find((i) => i.title === title)?.id as string;
    expect(noteId).toBeTruthy();

    // The police: not the note, not its title, not its text — not even a flag (C4 "–").
    const police = await openCaseAs(browser, DEMO.politie, caseId);
    await expect(police.getByRole('region', { name: 'Informatie', exact: true })).toBeVisible();
    await expect(police.getByTestId(`item-${noteId}`)).toHaveCount(0);
    for (const shown of [
      await police.content(),
      await (await police.request.get(`/api/cases/${caseId}`)).text(),
    ]) {
      expect(shown).not.toContain(title);
      expect(shown).not.toContain('gesprekken over veiligheid en slaap');
    }
    await expectNoAxeViolations(police);
    await police.context().close();

    // The zorgcoördinator: a "Beperkt" flag — who and when, never what.
    const zc = await openCaseAs(browser, DEMO.zorgcoordinator, caseId);
    const flag = zc.getByTestId(`item-${noteId}`);
    await expect(flag).toContainText('Beperkt');
    await expect(flag).toContainText('Zorgpartner betrokken');
    await expect(flag).toContainText('GGz Centraal');
    await expect(flag).not.toContainText('gesprekken');
    expect(await zc.content()).not.toContain(title);
    await expectNoAxeViolations(zc);
    await saveScreenshot(zc, testInfo, 'case-detail-zorgcoordinator-flag');
    await zc.context().close();
  });
});
