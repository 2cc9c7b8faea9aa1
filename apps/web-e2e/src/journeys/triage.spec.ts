import { randomBytes } from 'node:crypto';
import type {
  CaseListResponse,
  CaseTableDto,
  RegistrationDto,
  TableOrganisation,
} from '@casustafel/shared/contracts';
import { ApiUser, DEMO, DEMO_PASSWORD } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { signIn } from '../support/session';

/** The police register through the API (the form has its own journey): a submitted registration. */
async function registerAsPolice(baseURL: string, familyName: string): Promise<RegistrationDto> {
  const { user: police } = await ApiUser.signIn(baseURL, DEMO.politie, DEMO_PASSWORD);
  try {
    const tables = await police.get<CaseTableDto[]>('/api/tables');
    const table = tables.find((t) => t.name === 'Mensenhandel') as CaseTableDto;
    const organisations = await police.get<TableOrganisation[]>(`/api/tables/${table.id}/organisations`);
    const zorgcoordinatie = organisations.find((o) =>
      o.name.startsWith('Zorgcoördinatie'),
    ) as TableOrganisation;
    const created = await police.post('/api/registrations', {
      tableId: table.id,
      reason: 'Zorgen over een jongvolwassene die mogelijk wordt uitgebuit (fictief).',
      goal: 'Passende hulp en veiligheid.',
      discussedWithPerson: true,
      notDiscussedReason: null,
      criteria: {
        multipleDomains: true,
        crossChain: false,
        systemAffected: true,
        localSafetyProblem: false,
        motivation: 'Zorg en wonen spelen, maar één keten kan het oppakken (fictief).',
      },
      signals: [{ signalId: table.signals.find((s) => s.form === 'SEKSUEEL')?.id as string }],
      persons: [{ givenName: 'Noor', familyName, dateOfBirth: '2005-02-20', role: 'SLACHTOFFER' }],
      proposedParticipants: [{ organisationId: zorgcoordinatie.id }],
      submit: true,
    });
    expect(created.status, await created.text()).toBe(201);
    return created.body as RegistrationDto;
  } finally {
    await police.dispose();
  }
}

test.describe('triage (DOMAIN scenario 2)', () => {
  // Full-page screenshots of long lists take longer than a click on a busy machine.
  test.use({ actionTimeout: 15_000 });

  test('the triagist sees the four criteria and decides "bilateraal" with advice; the police read the outcome and advice, and no case is created', async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    // Two browsers, seven pages scanned with axe.
    test.setTimeout(150_000);
    const familyName = `Triagetest ${randomBytes(3).toString('hex')} (fictief)`;
    const advice = 'Geen tafel nodig: stem rechtstreeks af met de zorgcoördinator mensenhandel (fictief).';
    const registration = await registerAsPolice(baseURL as string, familyName);

    // The triagist opens the board and the registration.
    await signIn(page, DEMO.triagist);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Triage' }).click();
    await expect(page).toHaveURL(/\/triage$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Triage' })).toBeVisible();
    const submitted = page.getByRole('region', { name: /^Nieuw aangemeld/ });
    await expect(
      submitted.getByRole('link', { name: `Aanmelding ${registration.number} openen` }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'triage-board');

    await submitted.getByRole('link', { name: `Aanmelding ${registration.number} openen` }).click();
    await expect(page).toHaveURL(new RegExp(`/triage\\?aanmelding=${registration.id}$`));
    const heading = page.getByRole('heading', {
      level: 2,
      name: new RegExp(`Aanmelding ${registration.number}`),
    });
    await expect(heading).toBeFocused();
    await expect(page.getByTestId('registration-persons')).toContainText(`Noor ${familyName}`);

    // The four criteria of the Landelijk kader, as the registrant ticked them.
    const criteria = page.getByTestId('registration-criteria').getByRole('listitem');
    await expect(criteria).toHaveCount(4);
    await expect(criteria.nth(0)).toContainText(/^Ja.*Problemen op meer dan één leefgebied/);
    await expect(criteria.nth(1)).toContainText(/^Nee.*Samenwerking over meerdere ketens/);
    await expect(criteria.nth(2)).toContainText(/^Ja.*\(gezins\)systeem/);
    await expect(criteria.nth(3)).toContainText(/^Nee.*veiligheidsprobleem/);
    await expect(page.getByTestId('registration-signals')).toContainText('Seksuele uitbuiting');
    await expectNoAxeViolations(page);

    // Into triage, then the decision: bilateraal needs advice.
    await page.getByRole('button', { name: 'Triage starten' }).click();
    await expect(page.getByTestId('case-notice')).toContainText(
      `Aanmelding ${registration.number} is in triage genomen.`,
    );
    await expect(heading).toContainText('In triage');
    await page.getByRole('radio', { name: 'Bilateraal afhandelen' }).check();
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const summary = page.getByTestId('error-summary');
    await expect(summary).toBeFocused();
    await expect(summary).toContainText('Advies aan de aanmelder: Geef de aanmelder een advies.');
    await expectNoAxeViolations(page);
    await page.getByLabel('Advies aan de aanmelder').fill(advice);
    await page.getByRole('button', { name: 'Besluit vastleggen' }).click();

    await expect(page.getByTestId('case-notice')).toContainText(
      `Het besluit over aanmelding ${registration.number} is vastgelegd: Bilateraal afhandelen.`,
    );
    const outcome = page.getByTestId('triage-outcome');
    await expect(outcome).toContainText('Bilateraal afhandelen');
    await expect(outcome.getByTestId('triage-advice')).toHaveText(advice);
    await expect(outcome.getByRole('link', { name: 'Casus openen' })).toHaveCount(0);
    await expect(heading).toContainText('Bilateraal afhandelen');
    await expectNoAxeViolations(page);
    await saveScreenshot(page, testInfo, 'triage-decided');

    // Decided, it has left the board.
    await page.getByRole('link', { name: 'Terug naar de triagelijst' }).click();
    await expect(page).toHaveURL(/\/triage$/);
    await expect(page.getByRole('region', { name: /^Nieuw aangemeld/ })).toBeVisible();
    await expect(page.locator(`[data-registration="${registration.number}"]`)).toHaveCount(0);
    await expectNoAxeViolations(page);

    // The police, in a browser of their own, read the outcome and the advice.
    const theirs = await browser.newContext();
    const police = await theirs.newPage();
    await signIn(police, DEMO.politie);
    await police
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Aanmeldingen' })
      .click();
    await expect(police.getByRole('heading', { level: 1, name: 'Aanmeldingen' })).toBeVisible();
    const card = police.locator(`[data-registration="${registration.number}"]`);
    await expect(card).toContainText('Bilateraal afhandelen');
    await expect(card.getByTestId('triage-advice')).toHaveText(advice);
    await expect(card).toContainText('Tom Triagist (fictief)');
    await expectNoAxeViolations(police);
    await saveScreenshot(police, testInfo, 'registrations-outcome');

    // No case file: the case list finds nobody by that name.
    await police
      .getByRole('navigation', { name: 'Hoofdmenu' })
      .getByRole('link', { name: 'Casussen' })
      .click();
    await expect(police.getByRole('heading', { level: 1, name: 'Casussen' })).toBeVisible();
    await expect(police.getByTestId('case-table')).toBeVisible();
    await expectNoAxeViolations(police);
    await saveScreenshot(police, testInfo, 'case-list');
    await police.getByLabel('Naam of casusnummer').fill(familyName);
    await police.getByRole('button', { name: 'Zoeken' }).click();
    await expect(police).toHaveURL(/\/casussen\?zoek=/);
    await expect(police.getByTestId('case-count')).toHaveText('Geen casussen gevonden.');
    await expect(
      police.getByText('Er zijn geen casussen die passen bij uw zoekopdracht of filters.'),
    ).toBeVisible();
    await expectNoAxeViolations(police);
    const list = await police.request.get(`/api/cases?q=${encodeURIComponent(familyName)}`);
    expect(((await list.json()) as CaseListResponse).total).toBe(0);
    await theirs.close();
  });
});
