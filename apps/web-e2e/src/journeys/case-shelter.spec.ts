import { randomBytes } from 'node:crypto';
import { Browser, Page } from '@playwright/test';
import { DEMO } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { signIn } from '../support/session';

/** A JSON call as the signed-in web app makes it (session cookie and CSRF header of the page's context). */
async function call(
  page: Page,
  method: 'GET' | 'POST',
  url: string,
  data?: unknown,
): Promise<{ status: number; body: unknown }> {
  const csrf = (await page.context().cookies()).find((c) => c.name.endsWith('cst_csrf'))?.value ?? '';
  const response = await page.request.fetch(url, {
    method,
    data,
    headers: { 'x-csrf-token': csrf },
    timeout: 30_000,
  });
  const text = await response.text();
  expect(response.ok(), `${method} ${url}: ${response.status()} ${text}`).toBe(true);
  return { status: response.status(), body: text ? JSON.parse(text) : undefined };
}

/**
 * A mensenhandel case of its own (desktop and mobile run side by side and must not edit the same
 * placement): the police register a fictional person with the zorgcoördinator as partner, and the
 * procesregisseur sends it to the table — through the API, signed in as in the browser.
 */
async function newCase(police: Page, director: Page, suffix: string): Promise<string> {
  const tables = (await call(police, 'GET', '/api/tables')).body as Array<{ id: string; name: string }>;
  const table = tables.find((t) => t.name === 'Mensenhandel');
  const organisations = (await call(police, 'GET', `/api/tables/${table?.id}/organisations`)).body as Array<{
    id: string;
    name: string;
  }>;
  const zorgcoordinatie = organisations.find((o) => o.name.startsWith('Zorgcoördinatie mensenhandel'));
  const registered = await call(police, 'POST', '/api/registrations', {
    tableId: table?.id,
    reason: `Signalen van arbeidsuitbuiting (journey ${suffix}, fictief).`,
    goal: 'Veilige opvang (fictief).',
    discussedWithPerson: true,
    criteria: {
      multipleDomains: true,
      crossChain: true,
      systemAffected: false,
      localSafetyProblem: false,
      motivation: 'Opvang en veiligheid (fictief).',
    },
    signals: [{ signalId: 'arb-paspoort' }],
    persons: [{ givenName: 'Opvang', familyName: `Journey ${suffix} (fictief)`, role: 'SLACHTOFFER' }],
    proposedParticipants: [{ organisationId: zorgcoordinatie?.id }],
    submit: true,
  });
  const registrationId = (registered.body as { id: string }).id;
  const started = await call(director, 'POST', `/api/triage/registrations/${registrationId}/start`);
  const decided = await call(director, 'POST', `/api/triage/registrations/${registrationId}/decision`, {
    outcome: 'ZVH_TABLE',
    advice: '',
    version: (started.body as { version: number }).version,
  });
  return (decided.body as { triage: { caseId: string } }).triage.caseId;
}

/** Another demo user in a browser of their own. */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, false);
  return page;
}

test.describe('case detail, shelter placement (DOMAIN scenario 16)', () => {
  test('the zorgcoördinator records a COSM placement via CoMensha; the police and the procesregisseur never see the address', async ({
    page,
    browser,
  }, testInfo) => {
    // Three users, a case set up through the API, six pages scanned with axe.
    test.setTimeout(300_000);
    const suffix = randomBytes(3).toString('hex');
    const reference = `CM-FICTIEF-${suffix}`;
    const address = `Schuilpad ${parseInt(suffix, 16) % 200}, Nergenshuizen (fictief adres ${suffix})`;
    const police = await signedIn(browser, DEMO.politie);
    const director = await signedIn(browser, DEMO.procesregisseur);
    const caseId = await newCase(police, director, suffix);

    await signIn(page, DEMO.zorgcoordinator);
    await page.goto(`/casussen/${caseId}`);
    const panel = page.getByRole('region', { name: 'Mensenhandel' });
    await expect(panel).toBeVisible({ timeout: 20_000 });

    // The CoMensha report and its reference (exploitation part).
    await panel.getByRole('button', { name: 'Uitbuiting en CoMensha wijzigen' }).click();
    const exploitation = page.getByTestId('mh-exploitation-form');
    await exploitation.getByLabel('Gemeld bij CoMensha').check();
    await exploitation.getByLabel('Datum melding CoMensha').fill('2026-11-02');
    await exploitation.getByLabel('Referentie CoMensha').fill(reference);
    await exploitation.getByLabel('Soort dossier CoMensha').selectOption({ label: 'Registratie en opvang' });
    await expectNoAxeViolations(page);
    await exploitation.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De gegevens over mensenhandel zijn opgeslagen.');
    await expect(page.getByTestId('comensha-reference')).toHaveText(reference);
    await expect(page.getByTestId('mh-exploitation')).toContainText('Gemeld op 2-11-2026');

    // The placement: COSM, through CoMensha, with the shelter address.
    await panel.getByRole('button', { name: 'Opvang wijzigen' }).click();
    const shelter = page.getByTestId('mh-shelter-form');
    await expect(shelter.getByLabel('Opvangadres')).toHaveAccessibleDescription(
      /Alleen de zorgcoördinator en de opvangorganisatie zien dit adres/,
    );
    await shelter.getByLabel('Soort opvang').selectOption({ label: 'COSM (categorale opvang)' });
    await shelter.getByLabel('Geplaatst op').fill('2026-11-03');
    await shelter.getByLabel('Geplaatst via').selectOption({ label: 'Via CoMensha' });
    await shelter.getByLabel('Opvangadres').fill(address);
    await expectNoAxeViolations(page);
    await shelter.getByRole('button', { name: 'Opslaan' }).click();
    await expect(page.getByRole('status')).toContainText('De gegevens over mensenhandel zijn opgeslagen.');
    const placed = page.getByTestId('mh-shelter');
    await expect(placed).toContainText('COSM (categorale opvang)');
    await expect(placed).toContainText('Via CoMensha');
    await expect(page.getByTestId('shelter-address')).toHaveText(address);
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'case-detail-zorgcoordinator');

    // The police and the procesregisseur: a placement exists, the address does not — not on the
    // page, not in the answer of the API.
    for (const [other, name] of [
      [police, 'politie'],
      [director, 'procesregisseur'],
    ] as const) {
      await other.goto(`/casussen/${caseId}`);
      await expect(other.getByRole('heading', { level: 1, name: /^Casus / })).toBeVisible({
        timeout: 20_000,
      });
      await expect(other.getByTestId('shelter-address-hidden')).toBeVisible();
      await expect(other.getByTestId('shelter-address')).toHaveCount(0);
      expect(await other.content()).not.toContain(address);
      const raw = await (await other.request.get(`/api/cases/${caseId}`)).text();
      expect(raw).not.toContain(address);
      expect(raw).not.toContain('Nergenshuizen');
      // They cannot change a placement whose address they cannot see.
      await expect(other.getByRole('button', { name: 'Opvang wijzigen' })).toHaveCount(0);
      await expectNoAxeViolations(other);
      await saveScreenshot(other, testInfo, `case-detail-${name}-shelter`);
      if (name === 'procesregisseur') {
        // The procesregisseur puts the case on the agenda: the state changes, the address stays hidden.
        await other.getByRole('button', { name: 'Agenderen' }).click();
        await expect(
          other.getByRole('heading', { level: 3, name: 'Status wijzigen: Agenderen' }),
        ).toBeFocused();
        await expectNoAxeViolations(other);
        await other.getByTestId('transition-form').getByRole('button', { name: 'Agenderen' }).click();
        await expect(other.getByRole('status')).toContainText('De casus heeft nu de status ‘Geagendeerd’.');
        await expect(other.getByTestId('case-state')).toHaveText(/Geagendeerd/);
        expect(await other.content()).not.toContain(address);
      }
      await other.context().close();
    }
  });
});
