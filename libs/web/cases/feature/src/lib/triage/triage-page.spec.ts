import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { RegistrationDto } from '@casustafel/shared/contracts';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { MH_TABLE, registration } from '../shared/testing/fixtures';
import { TriagePage } from './triage-page';

const SUBMITTED = registration({ id: 'r1', number: 'A-2026-0011', state: 'AANGEMELD', version: 1 });
const IN_TRIAGE = registration({ id: 'r2', number: 'A-2026-0012', state: 'IN_TRIAGE', version: 2 });
const QUEUE = 'api/triage/registrations';

describe('TriagePage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'triage', component: TriagePage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    document.body.appendChild(harness.fixture.nativeElement);
  });

  afterEach(() => {
    http.verify();
    harness.fixture.nativeElement.remove();
  });

  async function stable(): Promise<void> {
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  }

  async function open(url: string, detail?: RegistrationDto): Promise<void> {
    await harness.navigateByUrl(url, TriagePage);
    root = harness.routeNativeElement as HTMLElement;
    http.expectOne('/api/tables').flush([MH_TABLE]);
    http.expectOne(`/${QUEUE}`).flush([SUBMITTED, IN_TRIAGE]);
    if (detail) {
      http.expectOne(`/api/registrations/${detail.id}`).flush(detail);
    }
    await stable();
  }

  function find<T extends Element>(selector: string): T {
    const element = root.querySelector<T>(selector);
    if (!element) {
      throw new Error(`Nothing matches ${selector}`);
    }
    return element;
  }

  const text = (selector: string) => find(selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';

  async function press(name: string): Promise<void> {
    const match = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
    if (!match) {
      throw new Error(`No button named ${name}`);
    }
    match.click();
    await stable();
  }

  async function choose(id: string): Promise<void> {
    find<HTMLInputElement>(`[id="${id}"]`).click();
    await stable();
  }

  async function type(id: string, value: string): Promise<void> {
    const element = find<HTMLInputElement>(`[id="${id}"]`);
    element.value = value;
    element.dispatchEvent(new Event('input'));
    await stable();
  }

  it('groups the queue by state, each registration a link that opens it', async () => {
    await open('/triage');
    expect(text('[data-group="AANGEMELD"] h2')).toBe('Nieuw aangemeld (1)');
    expect(text('[data-group="IN_TRIAGE"] h2')).toBe('In triage (1)');
    const link = find<HTMLAnchorElement>('[data-group="AANGEMELD"] a');
    expect(link.getAttribute('href')).toBe('/triage?aanmelding=r1');
    expect(link.getAttribute('aria-label')).toBe('Aanmelding A-2026-0011 openen');
    expect(text('[data-group="AANGEMELD"]')).toContain('Politie');
  });

  it('opens a registration with its content and the "known elsewhere" hint, and starts triage', async () => {
    const known = {
      ...SUBMITTED,
      knownElsewhere: [
        {
          personRef: SUBMITTED.persons[0].id,
          tableName: 'Complexe casuïstiek',
          procesregisseur: 'Petra Procesregisseur (fictief)',
          since: '2025-11-03T09:00:00.000Z',
          closedAt: null,
        },
        {
          personRef: SUBMITTED.persons[0].id,
          tableName: 'Mensenhandel',
          procesregisseur: null,
          since: '2024-01-10T09:00:00.000Z',
          closedAt: '2025-06-30T09:00:00.000Z',
        },
      ],
    };
    await open('/triage?aanmelding=r1', known);
    expect(document.activeElement).toBe(find('#triage-detail-heading'));
    expect(
      [...root.querySelectorAll('[data-testid="known-elsewhere"] li')].map((li) => li.textContent?.trim()),
    ).toEqual([
      'Eva Voorbeeld (fictief): bekend bij Complexe casuïstiek, procesregisseur Petra Procesregisseur (fictief), sinds 3-11-2025',
      'Eva Voorbeeld (fictief): bekend bij Mensenhandel, procesregisseur nog niet toegewezen, sinds 10-1-2024; afgesloten op 30-6-2025, dus een heraanmelding',
    ]);
    const criteria = [...root.querySelectorAll('[data-testid="registration-criteria"] li')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim().slice(0, 3),
    );
    expect(criteria).toEqual(['Ja:', 'Ja:', 'Nee', 'Nee']);
    expect(text('[data-testid="registration-signals"]')).toContain('Plotseling veel geld');
    expect(root.querySelector('[data-testid="triage-decision"]')).toBeNull();

    await press('Triage starten');
    http.expectOne({ method: 'POST', url: '/api/triage/registrations/r1/start' }).flush({
      ...known,
      state: 'IN_TRIAGE',
      version: 2,
    });
    http.expectOne(`/${QUEUE}`).flush([{ ...SUBMITTED, state: 'IN_TRIAGE' }, IN_TRIAGE]);
    await stable();
    expect(text('[data-testid="case-notice"]')).toContain('Aanmelding A-2026-0011 is in triage genomen.');
    expect(root.querySelector('[data-testid="triage-decision"]')).not.toBeNull();
  });

  it('requires advice for "bilateraal" before sending, then records the decision', async () => {
    await open('/triage?aanmelding=r2', IN_TRIAGE);
    await choose('triage-outcome-BILATERAAL');
    await press('Besluit vastleggen');
    http.expectNone({ method: 'POST' });
    expect(find('#triage-advice').getAttribute('aria-invalid')).toBe('true');
    expect(text('#triage-advice-error')).toBe('Fout: Geef de aanmelder een advies.');
    expect(document.activeElement).toBe(find('[data-testid="error-summary"]'));

    await type('triage-advice', ' Stem af met GGz Centraal. ');
    await press('Besluit vastleggen');
    const request = http.expectOne({ method: 'POST', url: '/api/triage/registrations/r2/decision' });
    expect(request.request.body).toEqual({
      outcome: 'BILATERAAL',
      advice: 'Stem af met GGz Centraal.',
      referral: null,
      version: 2,
    });
    request.flush({
      ...IN_TRIAGE,
      state: 'BILATERAAL',
      triage: {
        outcome: 'BILATERAAL',
        advice: 'Stem af met GGz Centraal.',
        referral: null,
        decidedAt: '2026-03-05T10:00:00.000Z',
        decidedBy: 'Tom Triagist (fictief)',
        caseId: null,
      },
    });
    http.expectOne(`/${QUEUE}`).flush([SUBMITTED]);
    await stable();
    expect(text('[data-testid="case-notice"]')).toContain(
      'Het besluit over aanmelding A-2026-0012 is vastgelegd: Bilateraal afhandelen.',
    );
    expect(text('[data-testid="triage-advice"]')).toBe('Stem af met GGz Centraal.');
    expect(root.querySelector('[data-testid="triage-decision"]')).toBeNull();
    expect(root.querySelector('[data-testid="triage-outcome"] a')).toBeNull();
  });

  it('asks a referral for LOKAAL; to the table needs no advice and links to the new case', async () => {
    await open('/triage?aanmelding=r2', IN_TRIAGE);
    await choose('triage-outcome-LOKAAL');
    await type('triage-advice', 'Lokaal oppakken.');
    await press('Besluit vastleggen');
    expect(text('#triage-referral-error')).toBe(
      'Fout: Noem het lokale overleg of de partner waarnaar u verwijst.',
    );

    await choose('triage-outcome-ZVH_TABLE');
    await type('triage-advice', '');
    expect(root.querySelector('[data-testid="error-summary"]')).toBeNull();
    await press('Besluit vastleggen');
    const request = http.expectOne({ method: 'POST', url: '/api/triage/registrations/r2/decision' });
    expect(request.request.body).toEqual({ outcome: 'ZVH_TABLE', advice: '', referral: null, version: 2 });
    request.flush({
      ...IN_TRIAGE,
      state: 'CASE_CREATED',
      triage: {
        outcome: 'ZVH_TABLE',
        advice: '',
        referral: null,
        decidedAt: '2026-03-05T10:00:00.000Z',
        decidedBy: 'Tom Triagist (fictief)',
        caseId: 'case-9',
      },
    });
    http.expectOne(`/${QUEUE}`).flush([]);
    await stable();
    expect(find('[data-testid="triage-outcome"] a').getAttribute('href')).toBe('/casussen/case-9');
  });

  it('shows a conflict (decided or changed meanwhile) with a way to reload', async () => {
    await open('/triage?aanmelding=r2', IN_TRIAGE);
    await choose('triage-outcome-AFGEWEZEN');
    await type('triage-advice', 'Meld bij het wijkteam.');
    await press('Besluit vastleggen');
    http
      .expectOne({ method: 'POST', url: '/api/triage/registrations/r2/decision' })
      .flush(
        { type: 'urn:casustafel:problem:registration.state', status: 409 },
        { status: 409, statusText: 'Conflict' },
      );
    await stable();
    expect(text('[data-testid="case-notice"]')).toContain('Over deze aanmelding is intussen al besloten');
    expect(document.activeElement).toBe(find('[data-testid="case-notice"]'));
    await press('Opnieuw laden');
    http.expectOne(`/${QUEUE}`).flush([]);
    http.expectOne('/api/registrations/r2').flush({ ...IN_TRIAGE, state: 'AFGEWEZEN_MET_ADVIES' });
    await stable();
    expect(text('#triage-detail-heading')).toContain('Afgewezen met advies');
  });
});
