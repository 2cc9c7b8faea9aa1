import { DEMO } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { caseIdOf, signIn } from '../support/session';

/** The demo case the journeys share (libs/api/demo/src/lib/demo-cases.ts, JOURNEY_CASE). */
const JOURNEY = {
  person: 'Sanne Voorbeeld (fictief)',
  policeItem: 'Politiemutatie signalen uitbuiting (fictief)',
  ggzNote: 'Behandelnotitie GGz (fictief)',
  ggzNoteText: 'Somberheid en angstklachten',
  plan: 'Plan van aanpak (fictief)',
};

test.describe('case detail, police view (DOMAIN scenario 5)', () => {
  test('the police officer sees identification, case core, plan and own items in full, and nothing of the GGZ note', async ({
    page,
  }, testInfo) => {
    // Two pages scanned with axe, one of them long.
    test.setTimeout(90_000);
    await signIn(page, DEMO.politie);
    const caseId = await caseIdOf(page, JOURNEY.person);
    await page.goto(`/casussen/${caseId}`);

    await expect(page.getByRole('heading', { level: 1, name: /^Casus MH-\d{4}-\d{4}$/ })).toBeVisible({
      timeout: 20_000,
    });
    await expect(page.getByTestId('case-state')).toHaveText(/In uitvoering/);
    await expectNoAxeViolations(page);

    // Identification (C1) and BSN (C1B) in full for the police.
    const persons = page.getByRole('region', { name: 'Betrokkenen' });
    await expect(persons.getByRole('heading', { name: JOURNEY.person })).toBeVisible();
    await expect(persons).toContainText('12-5-2004');
    await expect(persons).toContainText('999990007');
    await expect(persons).toContainText('Slachtoffer');

    // The case core (C2) in full.
    await expect(page.getByTestId('case-core')).toContainText('signalen van seksuele uitbuiting');

    // The plan (C3) and the police's own item (C5) in full, with their text.
    const items = page.getByRole('region', { name: 'Informatie', exact: true });
    const plan = items.getByRole('article', { name: JOURNEY.plan });
    await expect(plan).toContainText('Zorgcoördinator legt contact met betrokkene');
    await expect(plan).toContainText('Zichtbaar via de tafelregels');
    const own = items.getByRole('article', { name: JOURNEY.policeItem });
    await expect(own).toContainText('Kenteken bekend bij de politie');
    await expect(own).toContainText('Eigen organisatie');
    await expect(own.getByTestId('item-readers')).toContainText('Volledig: uw organisatie');
    await expect(own.getByRole('button', { name: `‘${JOURNEY.policeItem}’ wijzigen` })).toBeVisible();

    // Care data: the default matrix gives the police nothing of C4 ("–" in DOMAIN.md b.4), not even
    // the "Zorgpartner betrokken" flag; the GGZ note's title and text are nowhere on the page.
    await expect(items.getByRole('heading', { level: 3, name: /Zorg en gezondheid/ })).toHaveCount(0);
    const html = await page.content();
    expect(html).not.toContain(JOURNEY.ggzNote);
    expect(html).not.toContain(JOURNEY.ggzNoteText);
    // …and not in what the server sent either.
    const raw = await (await page.request.get(`/api/cases/${caseId}`)).text();
    expect(raw).not.toContain(JOURNEY.ggzNoteText);
    // GGz takes part, which the police may know; what it wrote stays with GGz.
    await expect(page.getByTestId('participants')).toContainText('GGz Centraal');

    // Not a manager: no state changes, no partner or information-request buttons.
    await expect(page.getByRole('heading', { name: 'Status wijzigen' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Partner toevoegen' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Bevraging versturen' })).toHaveCount(0);
    await saveScreenshot(page, testInfo, 'case-detail-politie');
  });

  test('a case that does not exist looks the same as one the police may not see', async ({ page }) => {
    test.setTimeout(60_000);
    await signIn(page, DEMO.politie);
    await page.goto('/casussen/00000000-0000-4000-8000-000000000000');
    await expect(
      page.getByRole('heading', { level: 1, name: 'Casus niet gevonden of geen toegang' }),
    ).toBeVisible({
      timeout: 20_000,
    });
    await expectNoAxeViolations(page);
  });
});
