import { createHash, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { Browser, Page } from '@playwright/test';
import { ApiUser, DEMO, DEMO_PASSWORD } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { signIn } from '../support/session';

const OM_NAME = 'Openbaar Ministerie, arrondissementsparket Midden-Nederland';

async function ok(response: { status: number; text: () => Promise<string> }, expected = 201): Promise<void> {
  expect(response.status, await response.text()).toBe(expected);
}

/**
 * A mensenhandel case of its own (desktop and mobile run side by side against one server): the
 * police register a fictional person, the procesregisseur sends it to the table, and the voorzitter
 * writes two items — contact details (the OM may receive them in full) and the plan (the OM may
 * only learn that there is one). All through the API, as the web app would.
 */
async function newCase(
  baseURL: string,
  suffix: string,
): Promise<{ caseId: string; contact: string; plan: string }> {
  const { user: police } = await ApiUser.signIn(baseURL, DEMO.politie, DEMO_PASSWORD);
  const { user: director } = await ApiUser.signIn(baseURL, DEMO.procesregisseur, DEMO_PASSWORD);
  const { user: chair } = await ApiUser.signIn(baseURL, DEMO.voorzitter, DEMO_PASSWORD);
  try {
    const tables = await police.get<Array<{ id: string; name: string }>>('/api/tables');
    const table = tables.find((t) => t.name === 'Mensenhandel');
    const registered = await police.post('/api/registrations', {
      tableId: table?.id,
      reason: `Signalen van seksuele uitbuiting (uittreksel-journey ${suffix}, fictief).`,
      goal: 'Veiligheid en vervolging (fictief).',
      discussedWithPerson: true,
      criteria: {
        multipleDomains: true,
        crossChain: true,
        systemAffected: false,
        localSafetyProblem: false,
        motivation: 'Strafrechtelijk traject nodig (fictief).',
      },
      signals: [{ signalId: 'arb-paspoort' }],
      persons: [{ givenName: 'Uittreksel', familyName: `Journey ${suffix} (fictief)`, role: 'SLACHTOFFER' }],
      proposedParticipants: [],
      submit: true,
    });
    await ok(registered);
    const registrationId = (registered.body as { id: string }).id;
    const started = await director.post(`/api/triage/registrations/${registrationId}/start`);
    await ok(started, 200);
    const decided = await director.post(`/api/triage/registrations/${registrationId}/decision`, {
      outcome: 'ZVH_TABLE',
      advice: '',
      version: (started.body as { version: number }).version,
    });
    await ok(decided, 200);
    const caseId = (decided.body as { triage: { caseId: string } }).triage.caseId;
    const contact = `Contactgegevens ${suffix} (fictief)`;
    const plan = `Plan van aanpak ${suffix} (fictief)`;
    for (const [category, title] of [
      ['C1', contact],
      ['C3', plan],
    ]) {
      await ok(
        await chair.post(`/api/cases/${caseId}/items`, {
          category,
          sensitivity: 'NORMAAL',
          title,
          body: `${title}: inhoud voor de journey.`,
          legalGround: 'WGS',
        }),
      );
    }
    return { caseId, contact, plan };
  } finally {
    await Promise.all([police.dispose(), director.dispose(), chair.dispose()]);
  }
}

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, false);
  return page;
}

async function openCase(page: Page, caseId: string): Promise<void> {
  await page.goto(`/casussen/${caseId}`);
  await expect(page.getByRole('heading', { level: 1, name: /^Casus / })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 2, name: 'Uittreksels' })).toBeVisible();
}

test.describe('need-to-know extract for the OM (DOMAIN scenario 7)', () => {
  test('the voorzitter composes, a second person approves, the OM downloads the PDF with the shown SHA-256 and never sees the case; after a recall it is "ingetrokken"', async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    test.setTimeout(300_000);
    const suffix = randomBytes(3).toString('hex');
    const { caseId, contact, plan } = await newCase(baseURL as string, suffix);
    const purpose = `Beoordeling strafrechtelijk traject ${suffix} (fictief).`;

    // The voorzitter: "Uittreksels" in the case, compose for the OM.
    await signIn(page, DEMO.voorzitter);
    await openCase(page, caseId);
    await expectNoAxeViolations(page);
    const section = page.getByTestId('case-extracts');
    await section.getByRole('button', { name: 'Uittreksel opstellen' }).click();
    const form = page.getByTestId('extract-compose');
    await expect(form.getByRole('heading', { name: 'Uittreksel opstellen' })).toBeFocused();

    // An empty submit names the recipient, the purpose and the legal ground, at the fields too.
    await form.getByRole('button', { name: 'Uittreksel opstellen' }).click();
    const summary = form.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Ontvangende organisatie: Maak een keuze.');
    await expect(summary).toContainText('Doel: Vul dit veld in.');
    await expect(summary).toContainText('Grondslag: Maak een keuze.');
    await expect(form.getByLabel('Doel', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByLabel('Grondslag', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'extract-compose-errors');

    // The OM declined the covenant: the contact details may go in full, the plan only as its category.
    await form.getByLabel('Ontvangende organisatie').selectOption({ label: OM_NAME });
    const contactBox = form.getByRole('checkbox', { name: contact });
    const planBox = form.getByRole('checkbox', { name: plan });
    await expect(contactBox).toBeVisible({ timeout: 15_000 });
    await expect(form.getByTestId('extract-candidates')).toContainText('Alleen de categorie');
    // With the keyboard: Space ticks a box.
    await contactBox.focus();
    await page.keyboard.press('Space');
    await expect(contactBox).toBeChecked();
    await planBox.check();
    await expect(
      form.getByRole('group', { name: `Hoe opnemen: ${contact}` }).getByLabel('Volledig'),
    ).toBeChecked();
    await expect(form.getByRole('group', { name: `Hoe opnemen: ${plan}` })).toHaveCount(0);
    await form.getByLabel('Doel', { exact: true }).fill(purpose);
    await form
      .getByLabel('Grondslag', { exact: true })
      .selectOption({ label: 'Wjsg / Aanwijzing verstrekking strafvorderlijke gegevens' });
    // Every problem fixed: the summary is gone.
    await expect(summary).toHaveCount(0);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'extract-compose');
    await form.getByRole('button', { name: 'Uittreksel opstellen' }).click();

    const notice = section.getByTestId('extract-notice');
    await expect(notice).toContainText(
      /Uittreksel .+ is opgesteld en wacht op goedkeuring door een tweede persoon\./,
      {
        timeout: 15_000,
      },
    );
    await expect(notice).toBeFocused();
    const card = section.getByRole('listitem').filter({ hasText: purpose }).first();
    await expect(card.getByTestId('extract-state')).toHaveText('Status: Ter goedkeuring');
    const title = (await card.getByRole('heading', { level: 3 }).textContent())?.trim() ?? '';
    const number = /^Uittreksel (\S+) voor /.exec(title)?.[1] as string;
    expect(number, title).toBeTruthy();
    // Four eyes: the composer cannot approve it.
    await expect(card.getByRole('button', { name: /goedkeuren/ })).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The procesregisseur approves: the documents are generated, the SHA-256 shown.
    const director = await signedIn(browser, DEMO.procesregisseur);
    await openCase(director, caseId);
    const directorCard = director.getByTestId(`extract-${number}`);
    await directorCard
      .getByRole('button', { name: `Uittreksel ${number} goedkeuren en verstrekken` })
      .click();
    await expect(director.getByTestId('extract-notice')).toContainText(
      `Uittreksel ${number} is goedgekeurd en verstrekt aan ${OM_NAME}.`,
      { timeout: 30_000 },
    );
    await expect(directorCard.getByTestId('extract-state')).toHaveText('Status: Verstrekt');
    const shownHash = (await directorCard.getByTestId('extract-pdf-sha256').textContent())?.trim() ?? '';
    expect(shownHash).toMatch(/^[0-9a-f]{64}$/);
    await expect(
      directorCard.getByRole('link', { name: `Download pdf van uittreksel ${number}` }),
    ).toBeVisible();
    await expectNoAxeViolations(director);
    await saveScreenshot(director, testInfo, 'extract-issued');

    // The OM, which declined the mensenhandel table.
    const om = await (await browser.newContext()).newPage();
    await signIn(om, DEMO.om);
    // The start page points to the organisation's extracts (the nav has "Uittreksels" too).
    await om.getByRole('main').getByRole('link', { name: 'Uittreksels voor mijn organisatie' }).click();
    await expect(
      om.getByRole('heading', { level: 1, name: 'Uittreksels voor mijn organisatie' }),
    ).toBeVisible();
    const received = om.getByTestId(`received-${number}`);
    await expect(received.getByTestId('extract-state')).toHaveText('Status: Verstrekt');
    await expect(received).toContainText(purpose);
    await expect(received.getByTestId('extract-pdf-sha256')).toHaveText(shownHash);
    // Only the extract: no way to the case.
    await expect(om.getByRole('main').locator('a[href*="casussen"]')).toHaveCount(0);
    await expectNoAxeViolations(om);
    await saveScreenshot(om, testInfo, 'extract-received');

    const downloading = om.waitForEvent('download');
    await received.getByRole('link', { name: `Download pdf van uittreksel ${number}` }).click();
    const download = await downloading;
    const file = await readFile(await download.path());
    expect(file.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(file).digest('hex')).toBe(shownHash);

    // The case stays "not found" for the OM (it declined the mensenhandel table): the API answers
    // 404, the case page says "niet gevonden of geen toegang".
    expect((await om.request.get(`/api/cases/${caseId}`)).status()).toBe(404);
    await om.goto(`/casussen/${caseId}`);
    await expect(
      om.getByRole('heading', { level: 1, name: 'Casus niet gevonden of geen toegang' }),
    ).toBeVisible({ timeout: 20_000 });
    await expect(om.getByRole('main')).not.toContainText(contact);
    await expectNoAxeViolations(om);

    // The procesregisseur recalls it with a reason; the OM sees "ingetrokken" and no download.
    const reason = `Verkeerde selectie ${suffix} (fictief).`;
    await directorCard.getByRole('button', { name: `Uittreksel ${number} intrekken` }).click();
    await expect(directorCard.getByLabel('Reden van intrekking')).toBeFocused();
    await directorCard.getByLabel('Reden van intrekking').fill(reason);
    await directorCard.getByRole('button', { name: 'Uittreksel intrekken' }).click();
    await expect(director.getByTestId('extract-notice')).toContainText(
      `Uittreksel ${number} is ingetrokken.`,
    );
    await expect(directorCard.getByTestId('extract-state')).toHaveText('Status: Ingetrokken');
    await expectNoAxeViolations(director);

    await om.goto('/uittreksels');
    const recalled = om.getByTestId(`received-${number}`);
    await expect(recalled.getByTestId('extract-state')).toHaveText('Status: Ingetrokken');
    await expect(recalled.getByTestId('recall-reason')).toHaveText(reason);
    await expect(recalled.getByRole('link', { name: /^Download/ })).toHaveCount(0);
    await expect(recalled.getByTestId('no-download')).toBeVisible();
    expect((await om.request.get(`/api/extracts/${await extractId(om, number)}/document.pdf`)).status()).toBe(
      410,
    );
    await expectNoAxeViolations(om);
    await saveScreenshot(om, testInfo, 'extract-recalled');

    await Promise.all([director.context().close(), om.context().close()]);
  });
});

/** The id of a received extract by its number, as the recipient's API lists it. */
async function extractId(page: Page, number: string): Promise<string> {
  const list = (await (await page.request.get('/api/received-extracts')).json()) as Array<{
    id: string;
    number: string;
  }>;
  return list.find((x) => x.number === number)?.id as string;
}
