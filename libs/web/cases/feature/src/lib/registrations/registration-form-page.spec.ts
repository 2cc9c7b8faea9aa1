import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { RegistrationDto } from '@casustafel/shared/contracts';
import { AUTH_URL, SessionStore } from '@casustafel/web/auth/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import {
  COMPLEX_TABLE,
  MH_ORGANISATIONS,
  MH_TABLE,
  ORG,
  READ_ONLY_TABLE,
  registration,
} from '../shared/testing/fixtures';
import { RegistrationFormPage } from './registration-form-page';

@Component({ template: 'Aanmeldingen', changeDetection: ChangeDetectionStrategy.OnPush })
class ListStub {}

const DRAFT = registration({ state: 'CONCEPT', submittedAt: null, version: 2 });

describe('RegistrationFormPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'aanmeldingen', component: ListStub },
          { path: 'aanmeldingen/nieuw', component: RegistrationFormPage },
          { path: 'aanmeldingen/:registrationId', component: RegistrationFormPage },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    // Signed in at the police: the own organisation is not offered as a participant.
    const loaded = TestBed.inject(SessionStore).load(true);
    http.expectOne(`${AUTH_URL}/session`).flush({
      user: { id: 'u1', displayName: 'Daan (fictief)', email: 'd@x', isDemo: true },
      organisation: { id: ORG.politie, name: 'Politie', partnerType: 'POLITIE' },
      roles: [],
      permissions: ['registrations.create', 'cases.read'],
      idleExpiresAt: '2026-01-01T00:30:00Z',
      absoluteExpiresAt: '2026-01-01T12:00:00Z',
    });
    await loaded;
    harness = await RouterTestingHarness.create();
    document.body.appendChild(harness.fixture.nativeElement);
  });

  afterEach(() => {
    http.verify();
    harness.fixture.nativeElement.remove();
  });

  async function stable(): Promise<void> {
    await harness.fixture.whenStable();
    // afterNextRender (focus) runs after the render that whenStable waits for.
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }

  async function open(url: string, existing?: RegistrationDto): Promise<void> {
    await harness.navigateByUrl(url, RegistrationFormPage);
    root = harness.routeNativeElement as HTMLElement;
    http.expectOne('/api/tables').flush([MH_TABLE, COMPLEX_TABLE, READ_ONLY_TABLE]);
    await stable();
    if (existing) {
      http.expectOne(`/api/registrations/${existing.id}`).flush(existing);
      await stable();
    }
  }

  function find<T extends Element>(selector: string): T {
    const element = root.querySelector<T>(selector);
    if (!element) {
      throw new Error(`Nothing matches ${selector}`);
    }
    return element;
  }

  function byId<T extends HTMLElement>(id: string): T {
    return find<T>(`[id="${id}"]`);
  }

  async function type(id: string, value: string): Promise<void> {
    const element = byId<HTMLInputElement | HTMLSelectElement>(id);
    element.value = value;
    element.dispatchEvent(new Event(element instanceof HTMLSelectElement ? 'change' : 'input'));
    await stable();
  }

  async function click(id: string): Promise<void> {
    byId(id).click();
    await stable();
  }

  function button(name: string): HTMLButtonElement {
    const match = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    if (!match) {
      throw new Error(`No button named ${name}`);
    }
    return match;
  }

  async function press(name: string): Promise<void> {
    button(name).click();
    await stable();
  }

  function describedBy(id: string): string {
    return (byId(id).getAttribute('aria-describedby') ?? '')
      .split(' ')
      .map((ref) => root.querySelector(`[id="${ref}"]`)?.textContent?.replace(/\s+/g, ' ').trim())
      .join(' | ');
  }

  async function chooseMensenhandel(): Promise<void> {
    await type('reg-table', MH_TABLE.id);
    http.expectOne(`/api/tables/${MH_TABLE.id}/organisations`).flush(MH_ORGANISATIONS);
    await stable();
  }

  async function fillPerson(): Promise<void> {
    await type('reg-person-0-givenName', ' Eva ');
    await type('reg-person-0-familyName', 'Voorbeeld (fictief)');
    await type('reg-person-0-dateOfBirth', '2007-05-12');
    await type('reg-person-0-role', 'SLACHTOFFER');
  }

  it('offers the tables where the user can register, and the partners of the chosen table', async () => {
    await open('/aanmeldingen/nieuw');
    const tables = [...byId<HTMLSelectElement>('reg-table').options].map((o) => o.textContent?.trim());
    expect(tables).toEqual(['Kies een casustafel', 'Mensenhandel', 'Complexe casuïstiek']);
    expect(root.querySelector('[data-testid="registration-signals"]')).toBeNull();
    await chooseMensenhandel();

    // The signal checklist, grouped per exploitation form, says ticks are no score.
    const signals = find('[data-testid="registration-signals"]');
    expect([...signals.querySelectorAll(':scope fieldset legend')].map((l) => l.textContent?.trim())).toEqual(
      ['Seksuele uitbuiting', 'Arbeidsuitbuiting'],
    );
    expect(signals.textContent).toContain('geen score');

    const participants = find('[data-testid="registration-participants"]');
    const labels = [...participants.querySelectorAll('label')].map((l) =>
      l.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(labels).toEqual(['CoMensha (gast)', 'GGz Centraal', 'Openbaar Ministerie']);
    const om = byId<HTMLInputElement>(`reg-participant-${ORG.om}`);
    expect(om.disabled).toBe(true);
    expect(describedBy(`reg-participant-${ORG.om}`)).toBe(
      'Niet te kiezen: deze organisatie heeft niet ingestemd met het convenant van deze casustafel.',
    );
  });

  it('requires the reason why it was not discussed beforehand, before anything is sent', async () => {
    await open('/aanmeldingen/nieuw');
    await chooseMensenhandel();
    await fillPerson();
    await type('reg-reason', 'Signalen van seksuele uitbuiting (fictief).');
    await type('reg-goal', 'Veiligheid organiseren.');
    await click('reg-discussed-no');
    await press('Aanmelden');

    http.expectNone({ method: 'POST' });
    expect(byId('reg-not-discussed-reason').getAttribute('aria-invalid')).toBe('true');
    expect(describedBy('reg-not-discussed-reason')).toContain(
      'Fout: Geef aan waarom de aanmelding niet vooraf met betrokkene is besproken.',
    );
    const summary = find<HTMLElement>('[data-testid="error-summary"]');
    expect(document.activeElement).toBe(summary);
    const link = summary.querySelector('a');
    expect(link?.textContent?.trim()).toBe(
      'Waarom is de aanmelding niet vooraf besproken?: Geef aan waarom de aanmelding niet vooraf met betrokkene is besproken.',
    );
    link?.click();
    expect(document.activeElement).toBe(byId('reg-not-discussed-reason'));

    // Filled in, the error goes away while typing.
    await type('reg-not-discussed-reason', 'Lopend opsporingsonderzoek.');
    expect(root.querySelector('[data-testid="error-summary"]')).toBeNull();
    expect(byId('reg-not-discussed-reason').getAttribute('aria-invalid')).toBeNull();
  });

  it('sends the registration the user filled in and goes to Aanmeldingen', async () => {
    await open('/aanmeldingen/nieuw');
    await chooseMensenhandel();
    await fillPerson();
    await type('reg-reason', ' Signalen van seksuele uitbuiting (fictief). ');
    await type('reg-goal', 'Veiligheid organiseren.');
    await click('reg-discussed-no');
    await type('reg-not-discussed-reason', 'Lopend opsporingsonderzoek.');
    await click('reg-criteria-multipleDomains');
    await click('reg-criteria-crossChain');
    await type('reg-criteria-motivation', 'Zorg en veiligheid.');
    await click('reg-signal-sek-geld');
    await type('reg-signal-sek-geld-note', 'Nieuwe dure telefoon');
    await click(`reg-participant-${ORG.ggz}`);
    await press('Aanmelden');

    const request = http.expectOne({ method: 'POST', url: '/api/registrations' });
    expect(request.request.body).toEqual({
      tableId: MH_TABLE.id,
      reason: 'Signalen van seksuele uitbuiting (fictief).',
      goal: 'Veiligheid organiseren.',
      discussedWithPerson: false,
      notDiscussedReason: 'Lopend opsporingsonderzoek.',
      criteria: {
        multipleDomains: true,
        crossChain: true,
        systemAffected: false,
        localSafetyProblem: false,
        motivation: 'Zorg en veiligheid.',
      },
      signals: [{ signalId: 'sek-geld', note: 'Nieuwe dure telefoon' }],
      persons: [
        {
          givenName: 'Eva',
          familyName: 'Voorbeeld (fictief)',
          dateOfBirth: '2007-05-12',
          bsn: null,
          address: null,
          role: 'SLACHTOFFER',
        },
      ],
      proposedParticipants: [{ organisationId: ORG.ggz }],
      submit: true,
    });
    request.flush(registration());
    await stable();
    expect(TestBed.inject(Router).url).toBe('/aanmeldingen');
  });

  it('shows the server’s field problems at their fields and moves focus to the summary', async () => {
    await open('/aanmeldingen/nieuw');
    await chooseMensenhandel();
    await fillPerson();
    await type('reg-person-0-bsn', '123456789');
    await type('reg-reason', 'Zorgen (fictief).');
    await click('reg-discussed-yes');
    await click('reg-signal-sek-geld');
    await type('reg-signal-sek-geld-note', 'n');
    await press('Opslaan als concept');

    const request = http.expectOne({ method: 'POST', url: '/api/registrations' });
    expect(request.request.body.submit).toBe(false);
    request.flush(
      {
        type: 'urn:casustafel:problem:validation',
        status: 400,
        errors: [
          { field: 'persons[0].bsn', code: 'invalidBsn', message: 'is not a valid BSN (elfproef)' },
          { field: 'signals[0].note', code: 'maxLength', message: 'too long' },
          { field: 'somethingElse', code: 'isIn', message: 'x' },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();

    expect(byId('reg-person-0-bsn').getAttribute('aria-invalid')).toBe('true');
    expect(describedBy('reg-person-0-bsn')).toBe(
      'Negen cijfers. | Fout: Dit is geen geldig BSN: de elfproef klopt niet.',
    );
    expect(describedBy('reg-signal-sek-geld-note')).toBe('Fout: Deze tekst is te lang.');
    const summary = find<HTMLElement>('[data-testid="error-summary"]');
    expect(document.activeElement).toBe(summary);
    expect(
      [...summary.querySelectorAll('li')].map((li) => li.textContent?.replace(/\s+/g, ' ').trim()),
    ).toEqual([
      'Persoon 1, BSN (niet verplicht): Dit is geen geldig BSN: de elfproef klopt niet.',
      'Toelichting bij dit signaal (niet verplicht) (Plotseling veel geld): Deze tekst is te lang.',
      'Maak een keuze.',
    ]);
  });

  it('continues a draft: its table is fixed, saving sends the version; a conflict asks to reload', async () => {
    await open(`/aanmeldingen/${DRAFT.id}`, DRAFT);
    http.expectOne(`/api/tables/${MH_TABLE.id}/organisations`).flush(MH_ORGANISATIONS);
    await stable();
    expect(find('h1').textContent).toContain('Aanmelding A-2026-0007');
    expect(byId<HTMLSelectElement>('reg-table').disabled).toBe(true);
    expect(byId<HTMLInputElement>('reg-person-0-givenName').value).toBe('Eva');
    expect(byId<HTMLInputElement>('reg-discussed-no').checked).toBe(true);
    expect(byId<HTMLInputElement>('reg-signal-sek-geld').checked).toBe(true);
    expect(byId<HTMLInputElement>('reg-signal-sek-geld-note').value).toBe('Nieuwe telefoon');
    expect(byId<HTMLInputElement>(`reg-participant-${ORG.ggz}`).checked).toBe(true);

    await press('Opslaan als concept');
    const save = http.expectOne({ method: 'PUT', url: `/api/registrations/${DRAFT.id}` });
    expect(save.request.body).toMatchObject({ tableId: MH_TABLE.id, version: 2, submit: false });
    save.flush({ ...DRAFT, version: 3 });
    await stable();
    expect(find('[data-testid="case-notice"]').textContent).toContain('Concept A-2026-0007 is opgeslagen.');
    expect(document.activeElement).toBe(find('[data-testid="case-notice"]'));

    await press('Aanmelden');
    const stale = http.expectOne({ method: 'PUT', url: `/api/registrations/${DRAFT.id}` });
    expect(stale.request.body).toMatchObject({ version: 3, submit: true });
    stale.flush(
      { type: 'urn:casustafel:problem:conflict', status: 409 },
      { status: 409, statusText: 'Conflict' },
    );
    await stable();
    expect(find('[data-testid="case-notice"] [role="alert"]').textContent).toContain(
      'Iemand anders heeft deze aanmelding intussen gewijzigd',
    );
    await press('Opnieuw laden');
    http.expectOne(`/api/registrations/${DRAFT.id}`).flush({ ...DRAFT, version: 4, reason: 'Bijgewerkt' });
    await stable();
    http.expectOne(`/api/tables/${MH_TABLE.id}/organisations`).flush(MH_ORGANISATIONS);
    await stable();
    expect(byId<HTMLTextAreaElement>('reg-reason').value).toBe('Bijgewerkt');
  });

  it('shows a submitted registration read-only, with the triage outcome and advice', async () => {
    const decided = registration({
      state: 'BILATERAAL',
      triage: {
        outcome: 'BILATERAAL',
        advice: 'Neem contact op met GGz Centraal.',
        referral: null,
        decidedAt: '2026-03-03T10:00:00.000Z',
        decidedBy: 'Tom Triagist (fictief)',
        caseId: null,
      },
    });
    await open(`/aanmeldingen/${decided.id}`, decided);
    expect(root.querySelector('form')).toBeNull();
    const outcome = find('[data-testid="triage-outcome"]').textContent?.replace(/\s+/g, ' ') ?? '';
    expect(outcome).toContain('Bilateraal afhandelen');
    expect(outcome).toContain('Neem contact op met GGz Centraal.');
    expect(outcome).toContain('3-3-2026 11:00 door Tom Triagist (fictief)');
    expect(find('[data-testid="registration-signals"]').textContent).toContain('Plotseling veel geld');
  });
});
