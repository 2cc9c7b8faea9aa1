import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type {
  MyRightsTaskDto,
  RightsRequestDetailDto,
  RightsRequestSummaryDto,
} from '@casustafel/shared/contracts';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { TODAY } from '../detail/detail-util';
import { RightsRequestDetailPage } from './rights-request-detail-page';
import { RightsRequestFormPage } from './rights-request-form-page';
import { RightsRequestsPage } from './rights-requests-page';
import { RightsTasksPage } from './rights-tasks-page';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Empty {}

const TODAY_IS = '2026-03-10';

const summary = (id: string, overrides: Partial<RightsRequestSummaryDto> = {}): RightsRequestSummaryDto => ({
  id,
  number: `V-2026-000${id}`,
  type: 'INZAGE',
  status: 'IN_BEHANDELING',
  receivedAt: '2026-02-20',
  dueAt: '2026-03-20',
  extended: false,
  overdue: false,
  taskCounts: { total: 4, open: 3 },
  ...overrides,
});

const detail = (overrides: Partial<RightsRequestDetailDto> = {}): RightsRequestDetailDto => ({
  ...summary('1'),
  receivedVia: 'BRIEF',
  requester: 'BETROKKENE',
  identityVerified: true,
  identityMethod: 'ID_BEWIJS_GETOOND',
  subject: {
    givenName: 'Mila',
    familyName: 'Verzonnen (fictief)',
    dateOfBirth: '2001-02-03',
    bsnGiven: true,
  },
  matched: { persons: 2, cases: 2 },
  originalDueAt: '2026-03-20',
  extension: null,
  fannedOutAt: '2026-02-20T10:00:00.000Z',
  outcome: null,
  closedAt: null,
  createdBy: 'Cor Contactpunt (fictief)',
  tasks: [
    {
      id: 't1',
      organisation: { id: 'o1', name: 'GGz Centraal', partnerType: 'GGZ_ZORGAANBIEDER' },
      status: 'OPEN',
      caseCount: 1,
      itemCount: 2,
      answeredAt: null,
      answeredBy: null,
      note: null,
    },
    {
      id: 't2',
      organisation: { id: 'o2', name: 'Politie', partnerType: 'POLITIE' },
      status: 'NIETS_GEVONDEN',
      caseCount: 2,
      itemCount: 0,
      answeredAt: '2026-03-01T09:00:00.000Z',
      answeredBy: 'Daan Deelnemer (fictief)',
      note: null,
    },
  ],
  version: 3,
  can: { fanOut: false, extend: true, close: false, reject: true },
  ...overrides,
});

const task = (overrides: Partial<MyRightsTaskDto> = {}): MyRightsTaskDto => ({
  id: 'k1',
  status: 'OPEN',
  note: null,
  answeredAt: null,
  version: 1,
  itemCount: 2,
  request: {
    number: 'V-2026-0001',
    type: 'INZAGE',
    status: 'IN_BEHANDELING',
    dueAt: '2026-03-08',
    overdue: true,
  },
  cases: [{ id: 'c1', number: 'MH-2026-0003' }],
  ...overrides,
});

describe('the data-subject request pages', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  const root = () => harness.routeNativeElement as HTMLElement;
  /** The visible text, with a space between elements (as a reader hears them). */
  const text = (el: Element | null | undefined): string => {
    if (!el) {
      return '';
    }
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        parts.push(node.textContent ?? '');
      } else {
        node.childNodes.forEach(walk);
        parts.push(' ');
      }
    };
    walk(el);
    return parts.join('').replace(/\s+/g, ' ').trim();
  };
  const settle = async () => {
    await harness.fixture.whenStable();
    await new Promise((resolve) => setTimeout(resolve));
  };

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([
          { path: 'verzoeken-betrokkenen', component: RightsRequestsPage },
          { path: 'verzoeken-betrokkenen/nieuw', component: RightsRequestFormPage },
          { path: 'verzoeken-betrokkenen/:requestId', component: RightsRequestDetailPage },
          { path: 'taken-verzoeken', component: RightsTasksPage },
          { path: 'elders', component: Empty },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        { provide: TODAY, useValue: () => TODAY_IS },
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

  describe('the contactpunt’s list', () => {
    it('shows the deadline in words, overdue in red with "Verlopen", near ones flagged, and the open tasks', async () => {
      await harness.navigateByUrl('/verzoeken-betrokkenen', RightsRequestsPage);
      http
        .expectOne('/api/rights-requests')
        .flush([
          summary('1', { dueAt: '2026-03-07', overdue: true }),
          summary('2', { dueAt: '2026-03-13', type: 'VERWIJDERING' }),
          summary('3', { status: 'ONTVANGEN', dueAt: '2026-04-09', taskCounts: { total: 0, open: 0 } }),
          summary('4', { status: 'AFGEROND', dueAt: '2026-03-01', taskCounts: { total: 4, open: 0 } }),
        ]);
      await settle();
      const cards = [...root().querySelectorAll('[data-request]')];
      expect(text(cards[0])).toContain('Inzageverzoek V-2026-0001');
      expect(text(cards[0])).toContain('7-3-2026 (termijn 3 dagen verstreken) Verlopen');
      expect(cards[0].classList).toContain('cst-card--overdue');
      expect(text(cards[0])).toContain('3 van 4 open');
      expect(text(cards[1])).toContain('Verwijderingsverzoek');
      expect(text(cards[1])).toContain('(nog 3 dagen) Termijn bijna om');
      expect(cards[1].classList).not.toContain('cst-card--overdue');
      expect(text(cards[2])).toContain('Nog niet uitgezet');
      expect(text(cards[2])).not.toContain('Termijn bijna om');
      expect(text(cards[3])).toContain('Afgerond');
      expect(text(cards[3])).not.toContain('Verlopen');
      expect(cards[0].querySelector('a')?.getAttribute('href')).toBe('/verzoeken-betrokkenen/1');
    });
  });

  describe('a new request', () => {
    const fill = (id: string, value: string) => {
      const input = root().querySelector<HTMLInputElement | HTMLSelectElement>(`#${id}`) as HTMLInputElement;
      input.value = value;
      input.dispatchEvent(new Event(input.tagName === 'SELECT' ? 'change' : 'input'));
    };

    it('names every missing field in the summary and sends nothing', async () => {
      await harness.navigateByUrl('/verzoeken-betrokkenen/nieuw', RightsRequestFormPage);
      expect(text(root().querySelector('[data-testid="rights-deadline-preview"]'))).toBe(
        'Wettelijke termijn: uiterlijk 10-4-2026',
      );
      root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      await settle();
      const summaryBox = root().querySelector('[data-testid="error-summary"]');
      expect([...(summaryBox?.querySelectorAll('li') ?? [])].map(text)).toEqual([
        'Soort verzoek: Maak een keuze.',
        'Ontvangen via: Maak een keuze.',
        'Voornaam: Vul dit veld in.',
        'Achternaam: Vul dit veld in.',
        'Geboortedatum: Vul dit veld in.',
      ]);
      expect(document.activeElement).toBe(summaryBox);
    });

    it('looks the person up (counts and organisations), then logs the request and opens it', async () => {
      await harness.navigateByUrl('/verzoeken-betrokkenen/nieuw', RightsRequestFormPage);
      root().querySelector<HTMLInputElement>('#rr-type-INZAGE')?.click();
      fill('rr-received-via', 'BRIEF');
      fill('rr-given-name', 'Mila');
      fill('rr-family-name', 'Verzonnen (fictief)');
      fill('rr-date-of-birth', '2001-02-03');
      fill('rr-bsn', '1112.22.333');
      root().querySelector<HTMLButtonElement>('[data-testid="rights-lookup"]')?.click();
      const lookup = http.expectOne('/api/rights-requests/lookup');
      expect(lookup.request.body).toEqual({
        subject: {
          givenName: 'Mila',
          familyName: 'Verzonnen (fictief)',
          dateOfBirth: '2001-02-03',
          bsn: '111222333',
        },
      });
      lookup.flush({
        persons: 2,
        cases: 2,
        controllers: [
          { id: 'o1', name: 'GGz Centraal', partnerType: 'GGZ_ZORGAANBIEDER' },
          { id: 'o2', name: 'Zorg- en Veiligheidshuis', partnerType: 'ZVH' },
        ],
      });
      await settle();
      const result = root().querySelector('[data-testid="rights-lookup-result"]');
      expect(text(result)).toContain('Gevonden: 2 keer in 2 casus(sen).');
      expect([...(result?.querySelectorAll('li') ?? [])].map(text)).toEqual([
        'GGz Centraal',
        'Zorg- en Veiligheidshuis',
      ]);

      root().querySelector<HTMLInputElement>('#rr-identity-verified')?.click();
      await settle();
      fill('rr-identity-method', 'DIGID');
      root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
      const create = http.expectOne({ method: 'POST', url: '/api/rights-requests' });
      expect(create.request.body).toEqual({
        type: 'INZAGE',
        receivedAt: TODAY_IS,
        receivedVia: 'BRIEF',
        requester: 'BETROKKENE',
        identityVerified: true,
        identityMethod: 'DIGID',
        subject: {
          givenName: 'Mila',
          familyName: 'Verzonnen (fictief)',
          dateOfBirth: '2001-02-03',
          bsn: '111222333',
        },
      });
      create.flush(detail());
      await settle();
      expect(TestBed.inject(Router).url).toBe('/verzoeken-betrokkenen/1');
      http.expectOne('/api/rights-requests/1').flush(detail());
      await settle();
      expect(text(root().querySelector('[data-testid="case-notice"]'))).toContain(
        'Verzoek V-2026-0001 is vastgelegd en uitgezet naar 2 organisaties.',
      );
    });

    it('puts the server’s field problems at their fields', async () => {
      await harness.navigateByUrl('/verzoeken-betrokkenen/nieuw', RightsRequestFormPage);
      fill('rr-given-name', 'Mila');
      fill('rr-family-name', 'Verzonnen (fictief)');
      fill('rr-date-of-birth', '2001-02-03');
      fill('rr-bsn', '123456789');
      root().querySelector<HTMLButtonElement>('[data-testid="rights-lookup"]')?.click();
      http.expectOne('/api/rights-requests/lookup').flush(
        {
          type: 'urn:casustafel:problem:validation',
          errors: [{ field: 'subject.bsn', code: 'invalidBsn', message: 'x' }],
        },
        { status: 400, statusText: 'Bad Request' },
      );
      await settle();
      expect(root().querySelector('#rr-bsn')?.getAttribute('aria-invalid')).toBe('true');
      expect(text(root().querySelector('[data-testid="error-summary"]'))).toContain(
        'BSN (niet verplicht): Dit is geen geldig BSN: de elfproef klopt niet.',
      );
    });
  });

  describe('one request', () => {
    it('shows the person, the deadline and each task; open tasks of an overdue request are flagged', async () => {
      await harness.navigateByUrl('/verzoeken-betrokkenen/1', RightsRequestDetailPage);
      http.expectOne('/api/rights-requests/1').flush(detail({ dueAt: '2026-03-09', overdue: true }));
      await settle();
      expect(text(root().querySelector('h1'))).toBe('Inzageverzoek V-2026-0001');
      expect(text(root().querySelector('[data-testid="rights-request-due"]'))).toBe(
        '9-3-2026 (termijn 1 dag verstreken) Verlopen',
      );
      expect(text(root().querySelector('[data-testid="rights-request-facts"]'))).toContain(
        'Mila Verzonnen (fictief), geboren 3-2-2001 BSN opgegeven (versleuteld opgeslagen)',
      );
      const rows = [...root().querySelectorAll('[data-testid="rights-tasks"] > li')];
      expect(rows.map((r) => r.classList.contains('cst-task--overdue'))).toEqual([true, false]);
      expect(text(rows[0])).toBe(
        'GGz Centraal Open Verlopen Gegevens 1 casus(sen), 2 eigen item(s) Afgehandeld Nog niet',
      );
      expect(text(rows[1])).toContain('Niets gevonden');
      expect(text(rows[1])).toContain('door Daan Deelnemer (fictief)');
      expect(root().querySelector('#rr-close-open')).toBeNull();
      expect(text(root())).toContain('Afronden kan zodra alle taken zijn afgehandeld.');
      const report = root().querySelector<HTMLAnchorElement>('[data-testid="rights-report-pdf"]');
      expect(text(report)).toBe('Inzageoverzicht (PDF)');
      expect(report?.getAttribute('href')).toBe('/api/rights-requests/1/report.pdf');
      expect(report?.hasAttribute('download')).toBe(true);
    });

    it.each([
      ['a request still waiting', { status: 'ONTVANGEN', fannedOutAt: null, tasks: [] }],
      ['an objection', { type: 'BEZWAAR' }],
      ['a refused request', { status: 'AFGEWEZEN' }],
    ] as Array<[string, Partial<RightsRequestDetailDto>]>)(
      'offers no inzage report for %s',
      async (_label, overrides) => {
        await harness.navigateByUrl('/verzoeken-betrokkenen/1', RightsRequestDetailPage);
        http.expectOne('/api/rights-requests/1').flush(detail(overrides));
        await settle();
        expect(root().querySelector('h1')).not.toBeNull();
        expect(root().querySelector('[data-testid="rights-report-pdf"]')).toBeNull();
      },
    );

    it('extends the deadline once with a reason, showing the new date first', async () => {
      await harness.navigateByUrl('/verzoeken-betrokkenen/1', RightsRequestDetailPage);
      http.expectOne('/api/rights-requests/1').flush(detail());
      await settle();
      root().querySelector<HTMLButtonElement>('#rr-extend-open')?.click();
      await settle();
      expect(document.activeElement?.id).toBe('rr-extend-heading');
      root().querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
      await settle();
      expect(root().querySelector('#rr-reason')?.getAttribute('aria-invalid')).toBe('true');
      expect(document.activeElement?.id).toBe('rr-months-1');
      root().querySelector<HTMLInputElement>('#rr-months-2')?.click();
      await settle();
      expect(text(root().querySelector('[data-testid="rights-extended-due"]'))).toBe(
        'Nieuwe termijn: uiterlijk 20-5-2026',
      );
      const reason = root().querySelector<HTMLTextAreaElement>('#rr-reason') as HTMLTextAreaElement;
      reason.value = 'Veel partners (fictief)';
      reason.dispatchEvent(new Event('input'));
      root().querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
      const extend = http.expectOne('/api/rights-requests/1/extension');
      expect(extend.request.body).toEqual({ months: 2, reason: 'Veel partners (fictief)', version: 3 });
      extend.flush(
        detail({
          dueAt: '2026-05-20',
          extended: true,
          can: { fanOut: false, extend: false, close: false, reject: true },
        }),
      );
      await settle();
      expect(text(root().querySelector('[data-testid="case-notice"]'))).toBe(
        'De termijn is verlengd tot 20-5-2026.',
      );
      expect(root().querySelector('#rr-extend-open')).toBeNull();
    });

    it('says why closing was refused (tasks still open)', async () => {
      await harness.navigateByUrl('/verzoeken-betrokkenen/1', RightsRequestDetailPage);
      http
        .expectOne('/api/rights-requests/1')
        .flush(detail({ can: { fanOut: false, extend: true, close: true, reject: true } }));
      await settle();
      root().querySelector<HTMLButtonElement>('#rr-close-open')?.click();
      await settle();
      const outcome = root().querySelector<HTMLTextAreaElement>('#rr-outcome') as HTMLTextAreaElement;
      outcome.value = 'Schriftelijk geantwoord (fictief)';
      outcome.dispatchEvent(new Event('input'));
      root().querySelector<HTMLButtonElement>('form button[type="submit"]')?.click();
      http
        .expectOne('/api/rights-requests/1/close')
        .flush(
          { type: 'urn:casustafel:problem:rights_request.tasks_open' },
          { status: 409, statusText: 'Conflict' },
        );
      await settle();
      expect(text(root().querySelector('[data-testid="case-notice"]'))).toBe('Er staan nog taken open.');
    });
  });

  describe('the partner’s tasks', () => {
    it('shows the open task with its deadline and cases but no person, and completes it', async () => {
      await harness.navigateByUrl('/taken-verzoeken', RightsTasksPage);
      http.expectOne('/api/rights-tasks').flush([
        task(),
        task({
          id: 'k2',
          status: 'AFGEROND',
          answeredAt: '2026-03-02T10:00:00.000Z',
          request: { ...task().request, number: 'V-2026-0002' },
        }),
      ]);
      await settle();
      const open = root().querySelector('[data-group="open"] [data-request="V-2026-0001"]');
      expect(open?.classList).toContain('cst-card--overdue');
      expect(text(open)).toContain('8-3-2026 (termijn 2 dagen verstreken) Verlopen');
      expect(open?.querySelector('a')?.getAttribute('href')).toBe('/casussen/c1');
      expect(text(root().querySelector('[data-group="done"]'))).toContain('V-2026-0002');

      (open?.querySelector('button') as HTMLButtonElement).click();
      await settle();
      expect(document.activeElement?.id).toBe('rt-k1-status-AFGEROND');
      root().querySelector<HTMLInputElement>('#rt-k1-status-AFGEWEZEN')?.click();
      root()
        .querySelector<HTMLButtonElement>('[data-testid="rights-task-form"] button[type="submit"]')
        ?.click();
      await settle();
      expect(root().querySelector('#rt-k1-note')?.getAttribute('aria-invalid')).toBe('true');
      root().querySelector<HTMLInputElement>('#rt-k1-status-NIETS_GEVONDEN')?.click();
      root()
        .querySelector<HTMLButtonElement>('[data-testid="rights-task-form"] button[type="submit"]')
        ?.click();
      const answer = http.expectOne('/api/rights-tasks/k1/answer');
      expect(answer.request.body).toEqual({ status: 'NIETS_GEVONDEN', note: null, version: 1 });
      answer.flush(task({ status: 'NIETS_GEVONDEN', answeredAt: '2026-03-10T10:00:00.000Z', version: 2 }));
      await settle();
      expect(text(root().querySelector('[data-testid="case-notice"]'))).toBe(
        'De taak bij verzoek V-2026-0001 is afgehandeld: Niets gevonden.',
      );
      expect(root().querySelector('[data-group="open"] [data-request]')).toBeNull();
    });
  });
});
