import { randomBytes } from 'node:crypto';
import { Browser, Page } from '@playwright/test';
import type { MinutesDto } from '@casustafel/shared/contracts';
import { DEMO } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { Api, newCase, ok, ORG, plannedMeeting, restNote, transition } from '../support/meetings';
import { signIn } from '../support/session';

/** Another demo user in a browser context of their own. */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, false);
  return page;
}

async function openMinutes(page: Page, meetingId: string): Promise<void> {
  await page.goto(`/overleggen/${meetingId}/verslag`);
  await expect(page.getByRole('heading', { level: 1, name: /^Verslag/ })).toBeVisible({ timeout: 20_000 });
}

test.describe('the minutes of a case conference (DOMAIN scenario 14)', () => {
  test('the minute-taker drafts the minutes, the chair establishes them, each organisation reads its own version, a later change is a new version with a reason', async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    test.setTimeout(300_000);
    const suffix = randomBytes(3).toString('hex');
    const api = new Api(baseURL as string);
    try {
      // A meeting of its own that took place: a GGZ care note, a police note and a decision, then ended.
      const fresh = await newCase(api, suffix);
      const meeting = await plannedMeeting(api, fresh, { start: true });
      const careText = `Zorgnotitie ${suffix}: behandeling gestart (fictief).`;
      const policeText = `Politienotitie ${suffix}: aangifte opgenomen (fictief).`;
      const chairApi = await api.as(DEMO.voorzitter);
      await ok(chairApi.post(`/api/meetings/${meeting.id}/join`, { confidentialityAccepted: true }));
      await ok(
        chairApi.post(`/api/meetings/${meeting.id}/current-item`, {
          agendaItemId: meeting.agenda[0].id,
          idempotencyKey: `e2e-current-${suffix}`,
        }),
      );
      await restNote(api, DEMO.ggz, meeting, { category: 'C4', sensitivity: 'NORMAAL', text: careText });
      await restNote(api, DEMO.politie, meeting, {
        category: 'C5',
        sensitivity: 'NORMAAL',
        text: policeText,
      });
      // Attendance per organisation: present, apology, information sent.
      const staff = await chairApi.get<{ organisations: Array<{ id: string; name: string }> }>(
        `/api/tables/${fresh.tableId}/meeting-staff`,
      );
      const orgId = (name: string) => staff.organisations.find((o) => o.name === name)?.id;
      for (const [name, status] of [
        [ORG.zvh, 'PRESENT'],
        [ORG.politie, 'PRESENT'],
        [ORG.ggz, 'PRESENT'],
        [ORG.veiligThuis, 'APOLOGY'],
        [ORG.reclassering, 'INFO_SENT'],
      ] as const) {
        await ok(chairApi.put(`/api/meetings/${meeting.id}/attendance/${orgId(name)}`, { status }));
      }
      const decisionText = `Inclusie ${suffix} besloten (fictief).`;
      await ok(
        chairApi.post(`/api/meetings/${meeting.id}/decisions`, {
          agendaItemId: meeting.agenda[0].id,
          type: 'INCLUSIE',
          text: decisionText,
          idempotencyKey: `e2e-decision-${suffix}`,
        }),
      );
      await transition(api, meeting, 'BEEINDIGEN');

      // ---- The minute-taker (the demo procesregisseur) drafts the concept ---------------------------
      await signIn(page, DEMO.procesregisseur);
      await openMinutes(page, meeting.id);
      await expect(page.getByText('Er is nog geen verslag van dit overleg.')).toBeVisible();
      await expectNoAxeViolations(page);
      await page.getByTestId('minutes-generate').click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Versie 1 · Concept');
      // The confidentiality statement on record is the one the participants acknowledged in the room.
      await expect(page.getByRole('region', { name: 'Geheimhoudingsverklaring' })).toContainText(
        'Uw deelname wordt gelogd.',
      );
      const attendance = page.getByTestId('minutes-attendance');
      const group = (label: string) => attendance.locator(`dt:text-is("${label}") + dd`);
      await expect(group('Aanwezig')).toContainText(ORG.politie);
      await expect(group('Aanwezig')).toContainText(ORG.ggz);
      await expect(group('Afgemeld')).toHaveText(ORG.veiligThuis);
      await expect(group('Informatie gestuurd')).toHaveText(ORG.reclassering);
      // Nobody was recorded as absent: no "Niet aanwezig: Geen" that would claim otherwise.
      await expect(attendance.locator('dt')).toHaveText(['Aanwezig', 'Afgemeld', 'Informatie gestuurd']);
      const item = page.getByTestId('minutes-item').first();
      await expect(item).toContainText(fresh.number);
      await expect(item).toContainText(decisionText);
      const summaryText = `Samenvatting ${suffix}: de partners stemmen de zorg en veiligheid af (fictief).`;
      const form = page.getByTestId('summary-form-1');
      await form.getByLabel('Categorie van de samenvatting').selectOption({ label: 'Casuskern' });
      await form.getByLabel('Samenvatting van agendapunt 1').fill(summaryText);
      await form.getByRole('button', { name: 'Samenvatting opslaan' }).click();
      await expect(
        page.getByRole('status').filter({ hasText: 'De samenvatting van agendapunt 1 is opgeslagen.' }),
      ).toBeVisible();
      await expect(form.getByLabel('Samenvatting van agendapunt 1')).toHaveValue(summaryText);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, testInfo, 'minutes-concept');
      // The minute-taker cannot establish them: that is the chair's.
      await expect(page.getByTestId('minutes-establish')).toHaveCount(0);

      // ---- The chair establishes them -------------------------------------------------------------
      const chair = await signedIn(browser, DEMO.voorzitter);
      await openMinutes(chair, meeting.id);
      await chair.getByTestId('minutes-establish').click();
      await expect(
        chair.getByText('Het verslag is vastgesteld. Elke organisatie ziet nu haar eigen gefilterde versie.'),
      ).toBeVisible();
      await expect(chair.getByRole('heading', { level: 1 })).toContainText('Versie 1 · Vastgesteld');
      await expect(chair.getByTestId('minutes-item').first()).toContainText(summaryText);
      // The ZVH reads the GGZ care note as a flag only.
      await expect(chair.getByTestId('minutes-item').first()).not.toContainText(careText);
      await expectNoAxeViolations(chair);

      // ---- Each organisation reads its own filtered version ----------------------------------------
      const police = await signedIn(browser, DEMO.politie);
      await openMinutes(police, meeting.id);
      const policeItem = police.getByTestId('minutes-item').first();
      await expect(policeItem).toContainText(summaryText);
      await expect(policeItem).toContainText(policeText);
      await expect(policeItem).toContainText(decisionText);
      await expect(policeItem).not.toContainText(careText);
      await expect(policeItem).not.toContainText(ORG.ggz);
      const policeRaw = await (await police.request.get(`/api/meetings/${meeting.id}/minutes`)).text();
      expect(policeRaw).toContain(summaryText);
      expect(policeRaw).not.toContain(careText);
      await expectNoAxeViolations(police);
      await saveScreenshot(police, testInfo, 'minutes-police');

      const ggz = await signedIn(browser, DEMO.ggz);
      await openMinutes(ggz, meeting.id);
      const ggzItem = ggz.getByTestId('minutes-item').first();
      await expect(ggzItem).toContainText(careText);
      await expect(ggzItem).toContainText(summaryText);
      await expectNoAxeViolations(ggz);
      await saveScreenshot(ggz, testInfo, 'minutes-ggz');

      // ---- A later change: a new version, only with a reason ---------------------------------------
      const refused = await chairApi.post(`/api/meetings/${meeting.id}/minutes/revise`, {
        reason: '   ',
        version: ((await chairApi.get<MinutesDto>(`/api/meetings/${meeting.id}/minutes`)) as MinutesDto)
          .rowVersion,
      });
      expect(refused.status).toBe(400);
      expect(JSON.stringify(refused.body)).toContain('"field":"reason"');

      await chair.getByTestId('minutes-revise').click();
      const reason = chair.getByLabel('Reden van de wijziging');
      await expect(reason).toBeFocused();
      await chair.getByRole('button', { name: 'Nieuwe versie maken' }).click();
      await expect(
        chair.getByTestId('revise-form').getByText('Geef een reden voor de nieuwe versie.'),
      ).toBeVisible();
      await expect(reason).toBeFocused();
      await expect(reason).toHaveAttribute('aria-invalid', 'true');
      await expectNoAxeViolations(chair);
      const changeReason = `Correctie ${suffix}: naam van de behandelaar hersteld (fictief).`;
      await reason.fill(changeReason);
      await chair.getByRole('button', { name: 'Nieuwe versie maken' }).click();
      await expect(chair.getByText('Er is een nieuwe conceptversie gemaakt.')).toBeVisible();
      await expect(chair.getByRole('heading', { level: 1 })).toContainText('Versie 2 · Concept');
      const versions = chair.getByTestId('minutes-versions');
      await expect(versions.getByRole('button', { name: 'Bekijk versie 1' })).toBeVisible();
      await expect(versions.getByRole('button', { name: 'Bekijk versie 2' })).toBeVisible();
      await expect(versions).toContainText(changeReason);

      // The chair establishes version 2; the police still read their own filtered version.
      await chair.getByTestId('minutes-establish').click();
      await expect(chair.getByRole('heading', { level: 1 })).toContainText('Versie 2 · Vastgesteld');
      await expectNoAxeViolations(chair);
      await saveScreenshot(chair, testInfo, 'minutes-chair-versions');
      await versions.getByRole('button', { name: 'Bekijk versie 1' }).click();
      await expect(chair.getByText('U bekijkt versie 1.')).toBeVisible();
      await expect(chair.getByRole('heading', { level: 1 })).toContainText('Versie 1 · Vastgesteld');
      await expectNoAxeViolations(chair);

      await police.reload();
      await expect(police.getByRole('heading', { level: 1 })).toContainText('Versie 2 · Vastgesteld');
      await expect(police.getByTestId('minutes-item').first()).not.toContainText(careText);
      await expect(police.getByText(changeReason, { exact: true })).toBeVisible();
      await expectNoAxeViolations(police);
    } finally {
      await api.dispose();
    }
  });
});
