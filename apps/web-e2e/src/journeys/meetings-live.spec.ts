import { randomBytes } from 'node:crypto';
import { Browser, Locator, Page } from '@playwright/test';
import type { LiveStateDto, NotificationListResponse } from '@casustafel/shared/contracts';
import { DEMO } from '../support/accounts';
import { expect, expectNoAxeViolations, saveScreenshot, test } from '../support/fixtures';
import { tabTo } from '../support/keyboard';
import { readMails } from '../support/mail-sink';
import { Api, daysAhead, newCase, ORG, tomorrow } from '../support/meetings';
import { signIn } from '../support/session';

/** Another demo user in a browser context of their own. */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, false);
  return page;
}

/** Tab until `target` has focus, unless it has already (a modal dialog focuses its first control). */
async function focusByKeyboard(page: Page, target: Locator, maxTabs = 30): Promise<void> {
  if (!(await target.evaluate((element) => element === document.activeElement))) {
    await tabTo(page, target, maxTabs);
  }
}

/** Opens the live room and acknowledges the confidentiality statement with the mouse. */
async function enterRoom(page: Page, meetingId: string): Promise<void> {
  await page.goto(`/overleggen/${meetingId}/live`);
  const dialog = page.getByTestId('confidentiality-dialog');
  await expect(dialog).toBeVisible({ timeout: 20_000 });
  await dialog.getByLabel('Ik heb de geheimhoudingsverklaring gelezen en houd mij eraan').check();
  await dialog.getByRole('button', { name: 'Deelnemen', exact: true }).click();
  await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
}

/** The room's state as the user's organisation receives it (the REST twin of the join). */
async function liveState(page: Page, meetingId: string): Promise<string> {
  const response = await page.request.get(`/api/meetings/${meetingId}/live`);
  expect(response.ok(), await response.text()).toBe(true);
  return response.text();
}

test.describe('the live case conference (DOMAIN scenarios 11 and 12)', () => {
  test('the chair plans and runs the meeting; police and GGZ join after the confidentiality statement; notes reach only who may see them; three actions reach their owners at once', async ({
    page,
    browser,
    baseURL,
  }, testInfo) => {
    // Three browsers at once, two fresh cases, a planned meeting, many pages scanned with axe.
    test.setTimeout(360_000);
    const suffix = randomBytes(3).toString('hex');
    const api = new Api(baseURL as string);
    try {
      const [first, second] = [await newCase(api, `${suffix}a`), await newCase(api, `${suffix}b`)];

      // ---- The planner: the chair plans the meeting and puts both cases on the agenda -------------
      await signIn(page, DEMO.voorzitter);
      await page.goto('/overleggen/nieuw');
      await expect(page.getByRole('heading', { level: 1, name: 'Nieuw overleg plannen' })).toBeVisible();
      await page.getByLabel('Casustafel', { exact: true }).selectOption({ label: 'Mensenhandel' });
      await page.getByLabel('Casusoverleg', { exact: true }).check();
      await page.getByLabel('Datum', { exact: true }).fill(tomorrow());
      await page.getByLabel('Begintijd', { exact: true }).fill('10:00');
      await page.getByLabel('Duur in minuten', { exact: true }).fill('60');
      await page.getByLabel('Locatie', { exact: true }).fill(`Zorg- en Veiligheidshuis, zaal ${suffix} (fictief)`);
      const chairSelect = page.getByLabel('Voorzitter', { exact: true });
      await expect(chairSelect.locator('option', { hasText: 'Victor' })).toHaveCount(1);
      await chairSelect.selectOption({ label: (await chairSelect.locator('option', { hasText: 'Victor' }).textContent())?.trim() ?? '' });
      const minuteSelect = page.getByLabel('Notulist (optioneel)', { exact: true });
      await minuteSelect.selectOption({ label: (await minuteSelect.locator('option', { hasText: 'Petra' }).textContent())?.trim() ?? '' });
      await expectNoAxeViolations(page);
      await saveScreenshot(page, testInfo, 'meeting-planner');
      await page.getByRole('button', { name: 'Overleg plannen' }).click();
      await expect(page).toHaveURL(/\/overleggen\/[0-9a-f-]{36}$/, { timeout: 15_000 });
      const meetingId = new URL(page.url()).pathname.split('/')[2];

      for (const fresh of [first, second]) {
        const form = page.getByTestId('agenda-form');
        await form.getByLabel('Casus', { exact: true }).selectOption({ label: fresh.number });
        await form.getByLabel('Tijd in minuten', { exact: true }).fill('1');
        await form.getByLabel(ORG.politie).check();
        await form.getByLabel(ORG.ggz).check();
        await form.getByRole('button', { name: 'Toevoegen aan de agenda' }).click();
        await expect(page.getByTestId('agenda-item').filter({ hasText: fresh.number })).toBeVisible();
      }
      await expect(page.getByTestId('agenda-item')).toHaveCount(2);
      await expect(page.getByTestId('agenda-item').first()).toContainText(ORG.ggz);
      await expectNoAxeViolations(page);
      await saveScreenshot(page, testInfo, 'meeting-agenda');
      await page.getByRole('button', { name: 'Agenda verzenden' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Agenda verzonden');
      await page.getByRole('button', { name: 'Overleg starten' }).click();
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Bezig');
      await expectNoAxeViolations(page);

      // ---- The live room: first the confidentiality statement ------------------------------------
      await page.getByRole('link', { name: 'Naar het live overleg' }).click();
      const dialog = page.getByTestId('confidentiality-dialog');
      await expect(dialog).toBeVisible({ timeout: 20_000 });
      await expect(dialog.getByRole('heading', { name: 'Geheimhouding' })).toBeVisible();
      await expectNoAxeViolations(page);
      await dialog.getByRole('button', { name: 'Deelnemen', exact: true }).click();
      await expect(dialog.getByText('Bevestig de geheimhoudingsverklaring om deel te nemen.')).toBeVisible();
      await expect(dialog.getByLabel('Ik heb de geheimhoudingsverklaring gelezen en houd mij eraan')).toBeFocused();
      await expect(page.getByTestId('connection')).toHaveCount(0);
      await dialog.getByLabel('Ik heb de geheimhoudingsverklaring gelezen en houd mij eraan').check();
      await dialog.getByRole('button', { name: 'Deelnemen', exact: true }).click();
      await expect(page.getByTestId('connection')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });

      // The police join by keyboard only.
      const police = await signedIn(browser, DEMO.politie);
      await police.goto(`/overleggen/${meetingId}/live`);
      const policeDialog = police.getByTestId('confidentiality-dialog');
      await expect(policeDialog).toBeVisible({ timeout: 20_000 });
      await expectNoAxeViolations(police);
      const accept = policeDialog.getByLabel('Ik heb de geheimhoudingsverklaring gelezen en houd mij eraan');
      await focusByKeyboard(police, accept);
      await police.keyboard.press('Space');
      await expect(accept).toBeChecked();
      await focusByKeyboard(police, policeDialog.getByRole('button', { name: 'Deelnemen', exact: true }));
      await police.keyboard.press('Enter');
      await expect(police.getByTestId('connection')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
      await expect(police.locator('#live-heading')).toBeFocused();

      const ggz = await signedIn(browser, DEMO.ggz);
      await enterRoom(ggz, meetingId);

      // Presence per organisation, for everyone.
      for (const p of [page, police, ggz]) {
        const presence = p.getByTestId('presence');
        await expect(presence).toContainText(ORG.zvh);
        await expect(presence).toContainText(ORG.politie);
        await expect(presence).toContainText(ORG.ggz);
      }

      // ---- Attendance per organisation: present, apology, information sent -------------------------
      const attendance = page.getByTestId('live-attendance');
      await attendance.getByLabel(ORG.politie, { exact: true }).selectOption({ label: 'Aanwezig' });
      await attendance.getByLabel(ORG.ggz, { exact: true }).selectOption({ label: 'Aanwezig' });
      await attendance.getByLabel(ORG.veiligThuis, { exact: true }).selectOption({ label: 'Afgemeld' });
      await attendance.getByLabel(ORG.reclassering, { exact: true }).selectOption({ label: 'Informatie gestuurd' });
      for (const p of [police, ggz]) {
        const list = p.getByTestId('live-attendance');
        await expect(list.getByText(`${ORG.politie}: Aanwezig`)).toBeVisible();
        await expect(list.getByText(`${ORG.ggz}: Aanwezig`)).toBeVisible();
        await expect(list.getByText(`${ORG.veiligThuis}: Afgemeld`)).toBeVisible();
        await expect(list.getByText(`${ORG.reclassering}: Informatie gestuurd`)).toBeVisible();
      }

      // ---- The chair moves the current item and runs its timer -------------------------------------
      await expect(page.getByText('Er is nog geen agendapunt aan de orde.')).toBeVisible();
      await page.getByRole('button', { name: 'Volgend agendapunt' }).click();
      for (const p of [page, police, ggz]) {
        await expect(p.getByTestId('live-item').getByRole('heading', { level: 2 })).toContainText(
          `Agendapunt 1: ${first.number}`,
        );
        await expect(p.getByTestId('live-item')).toContainText('Nu aan de orde');
      }
      const controls = page.getByTestId('chair-controls');
      await controls.getByRole('button', { name: 'Volgend agendapunt' }).click();
      for (const p of [page, police, ggz]) {
        await expect(p.getByTestId('live-item').getByRole('heading', { level: 2 })).toContainText(
          `Agendapunt 2: ${second.number}`,
        );
      }
      await controls.getByRole('button', { name: 'Vorig agendapunt' }).click();
      await expect(page.getByTestId('live-item').getByRole('heading', { level: 2 })).toContainText(
        `Agendapunt 1: ${first.number}`,
      );
      await controls.getByRole('button', { name: 'Timer starten' }).click();
      for (const p of [page, police, ggz]) {
        await expect(p.getByTestId('live-item').getByRole('heading', { level: 2 })).toContainText(
          `Agendapunt 1: ${first.number}`,
        );
        await expect(p.getByTestId('timer')).toContainText('Timer loopt');
        await expect(p.getByTestId('timer')).toContainText('van 1:00');
      }
      // The clock runs on everywhere (from the server's start time).
      const clockOf = (p: Page) => p.getByTestId('timer').locator('.cst-clock__time');
      await expect(clockOf(police)).toHaveText(/^0:0[2-9]$/, { timeout: 10_000 });
      await controls.getByRole('button', { name: 'Timer pauzeren' }).click();
      for (const p of [page, police, ggz]) {
        await expect(p.getByTestId('timer')).toContainText('Timer staat stil');
        // Paused, it keeps the time it ran.
        await expect(clockOf(p)).toHaveText(/^0:0[2-9]$/);
      }

      // ---- A GGZ care note (C4): in full for GGZ, a summary for the ZVH, nothing for the police ----
      const careText = `Zorgnotitie ${suffix}: behandeling loopt, slaapt slecht (fictief).`;
      const ggzNote = ggz.getByTestId('note-form');
      await ggzNote.getByLabel('Gegevenscategorie').selectOption({ label: 'Zorg en gezondheid' });
      await ggzNote.getByLabel('Tekst', { exact: true }).fill(careText);
      await ggzNote.getByRole('button', { name: 'Notitie opslaan' }).click();
      await expect(ggz.getByTestId('live-notes')).toContainText(careText);
      await expect(ggz.getByTestId('live-notes')).toContainText(`Zorg en gezondheid · Normaal · door ${ORG.ggz}`);
      await expect(
        page.getByTestId('live-notes').getByText(
          `Notitie van ${ORG.ggz} (Zorg en gezondheid): niet zichtbaar voor uw organisatie.`,
        ),
      ).toBeVisible();
      await expect(page.getByTestId('live-notes')).not.toContainText(careText);

      // ---- A police note under embargo, written by keyboard only -----------------------------------
      const embargoText = `Embargo ${suffix}: lopend onderzoek, niet delen (fictief).`;
      const policeNote = police.getByTestId('note-form');
      const category = policeNote.getByLabel('Gegevenscategorie');
      await focusByKeyboard(police, category);
      await police.keyboard.type('Politieg');
      await expect(category).toHaveValue('C5');
      const normaal = policeNote.getByLabel('Normaal', { exact: true });
      await focusByKeyboard(police, normaal);
      await police.keyboard.press('ArrowRight');
      await police.keyboard.press('ArrowRight');
      await expect(policeNote.getByLabel('Embargo', { exact: true })).toBeChecked();
      await focusByKeyboard(police, policeNote.getByLabel('Tekst', { exact: true }));
      await police.keyboard.type(embargoText);
      await focusByKeyboard(police, policeNote.getByRole('button', { name: 'Notitie opslaan' }));
      await police.keyboard.press('Enter');
      await expect(police.getByTestId('live-notes')).toContainText(embargoText);
      await expect(police.getByTestId('live-notes')).toContainText('Politiegegevens · Embargo');
      // The GGZ note is not there for the police at all — not even as a summary.
      await expect(police.getByTestId('live-notes')).not.toContainText(ORG.ggz);
      await expect(police.getByTestId('live-notes')).not.toContainText(careText);

      // ---- The chair records a decision ----------------------------------------------------------
      const decisionText = `Plan van aanpak ${suffix} vastgesteld (fictief).`;
      const decisionForm = page.getByTestId('decision-form');
      await decisionForm.getByLabel('Soort besluit').selectOption({ label: 'Plan vastgesteld' });
      await decisionForm.getByLabel('Tekst', { exact: true }).fill(decisionText);
      await decisionForm.getByRole('button', { name: 'Besluit vastleggen' }).click();
      for (const p of [page, police, ggz]) {
        await expect(p.getByTestId('live-decisions')).toContainText(decisionText);
        await expect(p.getByTestId('live-decisions')).toContainText('Plan vastgesteld');
      }

      // ---- Three actions, each with an owner organisation and a due date ---------------------------
      const actions = [
        { owner: ORG.politie, description: `Actie politie ${suffix}: adres natrekken (fictief)`, due: daysAhead(7) },
        { owner: ORG.ggz, description: `Actie GGZ ${suffix}: intake plannen (fictief)`, due: daysAhead(10) },
        { owner: ORG.zvh, description: `Actie ZVH ${suffix}: terugkoppeling melder (fictief)`, due: daysAhead(14) },
      ];
      const actionForm = page.getByTestId('action-form');
      for (const a of actions) {
        await actionForm.getByLabel('Omschrijving').fill(a.description);
        await actionForm.getByLabel('Eigenaar (organisatie)').selectOption({ label: a.owner });
        await actionForm.getByLabel('Uiterste datum').fill(a.due);
        await actionForm.getByRole('button', { name: 'Actie uitzetten' }).click();
        await expect(page.getByTestId('live-actions')).toContainText(a.description);
      }
      for (const p of [page, police, ggz]) {
        for (const a of actions) {
          await expect(p.getByTestId('live-actions')).toContainText(a.description);
        }
      }
      await expect(page.getByTestId('live-write')).toHaveCount(0);

      // What each organisation received, also in the raw state: the embargo only for the police, the
      // care note in full only for GGZ.
      const [chairRaw, policeRaw, ggzRaw] = [
        await liveState(page, meetingId),
        await liveState(police, meetingId),
        await liveState(ggz, meetingId),
      ];
      expect(policeRaw).toContain(embargoText);
      expect(chairRaw).not.toContain(embargoText);
      expect(ggzRaw).not.toContain(embargoText);
      expect(ggzRaw).toContain(careText);
      expect(chairRaw).not.toContain(careText);
      expect(policeRaw).not.toContain(careText);
      const policeNotes = (JSON.parse(policeRaw) as LiveStateDto).notes;
      expect(policeNotes.map((n) => n.authorOrganisation.name)).toEqual([ORG.politie]);
      const chairNotes = (JSON.parse(chairRaw) as LiveStateDto).notes;
      expect(chairNotes.map((n) => [n.authorOrganisation.name, n.visibility])).toEqual([[ORG.ggz, 'SUMMARY']]);
      const actionIds = new Map(
        (JSON.parse(chairRaw) as LiveStateDto).actions.map((a) => [a.description, a.id] as const),
      );

      for (const [p, name] of [
        [page, 'chair'],
        [police, 'police'],
        [ggz, 'ggz'],
      ] as const) {
        await expectNoAxeViolations(p);
        await saveScreenshot(p, testInfo, `live-room-${name}`);
      }

      // ---- Each owner sees its action at once in "Mijn acties", and a notification ----------------
      for (const [p, email, mine] of [
        [page, DEMO.voorzitter, actions[2]],
        [police, DEMO.politie, actions[0]],
        [ggz, DEMO.ggz, actions[1]],
      ] as const) {
        await p.goto('/acties');
        await expect(p.getByRole('heading', { level: 1, name: 'Mijn acties' })).toBeVisible();
        const card = p.getByTestId('action-card').filter({ hasText: mine.description });
        await expect(card).toBeVisible({ timeout: 10_000 });
        await expect(card).toContainText(first.number);
        for (const other of actions.filter((a) => a !== mine)) {
          await expect(p.getByTestId('action-card').filter({ hasText: other.description })).toHaveCount(0);
        }
        // The reminder job (every second in the e2e server) hands out the ACTION_ASSIGNED notification.
        const actionId = actionIds.get(mine.description);
        await expect
          .poll(
            async () => {
              const list = (await (await p.request.get('/api/notifications')).json()) as NotificationListResponse;
              return list.items.some((n) => n.type === 'ACTION_ASSIGNED' && n.actionId === actionId);
            },
            { timeout: 20_000, message: `the ACTION_ASSIGNED notification of ${email}` },
          )
          .toBe(true);
        await p.reload();
        await expect(p.getByTestId('notification-count')).toBeVisible({ timeout: 10_000 });
        await p.getByTestId('notification-bell').click();
        await expect(
          p.getByTestId('notification').filter({ hasText: 'Er is een actie aan u of uw organisatie toegewezen.' }).first(),
        ).toBeVisible();
        await expectNoAxeViolations(p);
        await saveScreenshot(p, testInfo, `my-actions-${email.split('@')[0]}`);
      }

      // ---- The e-mail: that something waits, without any personal data ----------------------------
      const personal = [first.number, second.number, first.person, second.person, suffix, ...actions.map((a) => a.description)];
      await expect
        .poll(
          () =>
            [DEMO.politie, DEMO.ggz].every((to) =>
              readMails().some((m) => m.to.includes(to) && m.raw.includes('Er staat een actie voor u klaar')),
            ),
          { timeout: 40_000, message: 'the notification e-mails to the police and GGZ' },
        )
        .toBe(true);
      for (const mail of readMails()) {
        for (const value of personal) {
          expect(mail.raw, `an e-mail to ${mail.to.join(', ')}`).not.toContain(value);
        }
      }

      // ---- A session that ends elsewhere (logout in another tab) takes the user out, to sign in ----
      await enterRoom(police, meetingId);
      const otherTab = await police.context().newPage();
      await otherTab.goto('/start');
      await otherTab.getByRole('button', { name: 'Uitloggen' }).click();
      await expect(otherTab).toHaveURL(/\/inloggen/);
      await expect(police).toHaveURL(/\/inloggen\?.*verlopen=1/, { timeout: 20_000 });
      expect(decodeURIComponent(police.url())).toContain(`terug=/overleggen/${meetingId}/live`);
      await expectNoAxeViolations(police);
    } finally {
      await api.dispose();
    }
  });
});
