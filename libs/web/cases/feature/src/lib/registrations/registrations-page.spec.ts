import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { registration } from '../shared/testing/fixtures';
import { RegistrationsPage } from './registrations-page';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Empty {}

describe('RegistrationsPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'aanmeldingen', component: RegistrationsPage },
          { path: 'elders', component: Empty },
        ]),
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

  const cards = () =>
    [...(harness.routeNativeElement as HTMLElement).querySelectorAll('[data-registration]')].map((card) => ({
      number: card.getAttribute('data-registration'),
      text: card.textContent?.replace(/\s+/g, ' ').trim() ?? '',
      links: [...card.querySelectorAll('a')].map((a) => a.getAttribute('href')),
      advice: card.querySelector('[data-testid="triage-advice"]')?.textContent?.trim(),
    }));

  it('lists the registrations: a draft to continue, the outcome and advice of decided ones', async () => {
    await harness.navigateByUrl('/aanmeldingen', RegistrationsPage);
    http.expectOne('/api/registrations').flush([
      registration({ id: 'd1', number: 'A-2026-0009', state: 'CONCEPT', submittedAt: null }),
      registration({ id: 's1', number: 'A-2026-0008', state: 'AANGEMELD' }),
      registration({
        id: 'b1',
        state: 'BILATERAAL',
        triage: {
          outcome: 'BILATERAAL',
          advice: 'Stem rechtstreeks af met GGz Centraal.',
          referral: null,
          decidedAt: '2026-03-04T08:00:00.000Z',
          decidedBy: 'Tom Triagist (fictief)',
          caseId: null,
        },
      }),
      registration({
        id: 'c1',
        number: 'A-2026-0001',
        state: 'CASE_CREATED',
        triage: {
          outcome: 'ZVH_TABLE',
          advice: '',
          referral: null,
          decidedAt: '2026-03-04T08:00:00.000Z',
          decidedBy: 'Tom Triagist (fictief)',
          caseId: 'case-1',
        },
      }),
    ]);
    await harness.fixture.whenStable();
    const [draft, submitted, bilateral, toTable] = cards();
    expect(draft.text).toContain('Concept');
    expect(draft.text).toContain('Nog niet ingediend');
    expect(draft.links).toContain('/aanmeldingen/d1');
    expect(draft.text).toContain('Concept verder bewerken');
    expect(submitted.text).toContain('Aangemeld');
    expect(submitted.text).toContain('2-3-2026 10:15');
    expect(submitted.text).toContain('De triage heeft nog niet besloten.');
    expect(bilateral.text).toContain('Uitkomst van de triage');
    expect(bilateral.advice).toBe('Stem rechtstreeks af met GGz Centraal.');
    expect(bilateral.text).toContain('Besloten op 4-3-2026 09:00 door Tom Triagist (fictief)');
    expect(toTable.text).toContain('Naar de casustafel');
    expect(toTable.links).toContain('/casussen/case-1');
  });

  it('confirms a submission handed over by the form, and moves focus to it', async () => {
    await harness.navigateByUrl('/elders');
    await TestBed.inject(Router).navigate(['/aanmeldingen'], { state: { submitted: 'A-2026-0010' } });
    http.expectOne('/api/registrations').flush([registration({ number: 'A-2026-0010' })]);
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
    const notice = (harness.routeNativeElement as HTMLElement).querySelector('[data-testid="case-notice"]');
    expect(notice?.textContent).toContain('Aanmelding A-2026-0010 is ingediend.');
    expect(document.activeElement).toBe(notice);
  });

  it('says so when there is nothing yet, and offers a new registration', async () => {
    await harness.navigateByUrl('/aanmeldingen', RegistrationsPage);
    http.expectOne('/api/registrations').flush([]);
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.textContent).toContain(
      'Uw organisatie heeft nog geen aanmeldingen gedaan.',
    );
    expect(
      harness.routeNativeElement?.querySelector('a[href="/aanmeldingen/nieuw"]')?.textContent?.trim(),
    ).toBe('Nieuwe aanmelding');
  });
});
