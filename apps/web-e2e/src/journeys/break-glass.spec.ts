import { randomBytes } from 'node:crypto';
import { ApiUser, DEMO, DEMO_PASSWORD } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { signIn } from '../support/session';

/** The demo case the journeys share (libs/api/demo/src/lib/demo-cases.ts, JOURNEY_CASE). */
const JOURNEY_PERSON = 'Sanne Voorbeeld (fictief)';

/**
 * Break-the-glass (noodtoegang, ADR 0020). GGZ first adds a note of its own to the shared journey
 * case (so desktop and mobile each open their own note, and no other journey's note changes); the
 * procesregisseur sees it as "Beperkt", opens it with a reason and reads it; the FG finds the
 * opening in "Noodtoegang beoordelen" and marks it justified. Opening only changes what this
 * procesregisseur sees of this one note.
 */
test.describe('break-the-glass: the procesregisseur opens a restricted note, the FG reviews it', () => {
  test('opens with a reason after a clear warning, sees the content until a stated time; the FG marks it justified', async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    test.setTimeout(180_000);
    const suffix = randomBytes(3).toString('hex');
    const title = `Crisisplan ${suffix} (fictief)`;
    const body = `Crisisplan ${suffix}: bij escalatie eerst de behandelaar bellen (fictief).`;
    const reason = `Acute dreiging ${suffix}: politie-inzet vannacht, crisisplan nodig (fictief).`;

    // GGZ writes the note (through the API, signed in as in the browser).
    const { user: ggz } = await ApiUser.signIn(baseURL as string, DEMO.ggz, DEMO_PASSWORD);
    const list = await ggz.get<{ items: Array<{ id: string; persons: Array<{ name: string | null }> }> }>(
      `/api/cases?q=${encodeURIComponent(JOURNEY_PERSON.replace(/ \(fictief\)$/, ''))}`,
    );
    const caseId = list.items.find((c) => c.persons.some((p) => p.name === JOURNEY_PERSON))?.id as string;
    expect(caseId).toBeTruthy();
    const created = await ggz.post(`/api/cases/${caseId}/items`, {
      category: 'C4',
      sensitivity: 'NORMAAL',
      title,
      body,
      legalGround: 'BEROEPSGEHEIM_TOESTEMMING',
    });
    expect(created.status, await created.text()).toBe(201);
    const noteId = (created.body as { id: string }).id;
    await ggz.dispose();

    // The procesregisseur: a "Beperkt" block with "Noodtoegang".
    await signIn(page, DEMO.procesregisseur);
    await page.goto(`/casussen/${caseId}`);
    await expect(page.getByRole('heading', { level: 1, name: /^Casus / })).toBeVisible({ timeout: 20_000 });
    const card = page.getByTestId(`item-${noteId}`);
    await expect(card).toContainText('Beperkt');
    await expect(card).not.toContainText(body);
    const open = card.getByRole('button', { name: /^Noodtoegang tot ‘Zorgpartner betrokken’/ });
    await open.focus();
    await page.keyboard.press('Enter');

    const form = page.getByTestId(`break-glass-form-${noteId}`);
    await expect(form.getByRole('heading', { name: 'Noodtoegang aanvragen' })).toBeFocused();
    await expect(form).toContainText('worden vastgelegd');
    await expect(form).toContainText('functionaris gegevensbescherming (FG) beoordeelt achteraf');
    await form.getByRole('button', { name: 'Noodtoegang openen' }).click();
    await expect(form.getByText('Vul een reden in.')).toBeVisible();
    await expect(form.getByLabel('Reden', { exact: true })).toBeFocused();
    await form.getByLabel('Reden', { exact: true }).fill(reason);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'break-glass-form');
    await form.getByRole('button', { name: 'Noodtoegang openen' }).click();

    // The note in full, marked until when; focus on its title.
    const opened = page.getByRole('article', { name: title });
    await expect(opened).toContainText(body);
    await expect(opened.getByTestId('break-glass-badge')).toHaveText(
      /^Geopend via noodtoegang tot \d{2}:\d{2}$/,
    );
    await expect(opened.getByRole('heading', { name: title })).toBeFocused();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'break-glass-opened');

    // The FG, in a browser of their own: the opening in the queue, reviewed as justified.
    const fg = await (await browser.newContext()).newPage();
    await signIn(fg, DEMO.fg, false);
    await fg
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Noodtoegang beoordelen' })
      .click();
    await expect(fg.getByRole('heading', { level: 1, name: 'Noodtoegang beoordelen' })).toBeVisible();
    const entry = fg.getByRole('region').filter({ hasText: reason });
    await expect(entry).toHaveCount(1);
    await expect(entry.getByRole('heading', { level: 2 })).toContainText('Zorg en gezondheid');
    await expect(entry).toContainText('Nog niet beoordeeld');
    // The category and the reason — never the content.
    expect(await fg.content()).not.toContain(body);
    expect(await fg.content()).not.toContain(title);
    await expectNoAxeViolations(fg);
    await entry.getByLabel('Gerechtvaardigd', { exact: true }).check();
    await entry.getByRole('button', { name: 'Beoordeling opslaan' }).click();
    await expect(fg.getByTestId('review-notice')).toContainText('is opgeslagen');
    await expect(entry).toContainText(/Gerechtvaardigd · .+ · \d{1,2}-\d{1,2}-\d{4} \d{2}:\d{2}/);
    await expectNoAxeViolations(fg);
    await saveScreenshot(fg, testInfo, 'break-glass-review');
    await fg.context().close();
  });
});
