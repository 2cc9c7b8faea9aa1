import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InformationRequestOverviewDto } from '@casustafel/shared/contracts';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { InformationRequestsOverview, formatDueDate, openRequests } from './information-requests-overview';

const URL = '/api/information-requests';

function request(
  id: string,
  overrides: Partial<InformationRequestOverviewDto> = {},
): InformationRequestOverviewDto {
  return {
    id,
    direction: 'SENT',
    caseId: `case-${id}`,
    caseNumber: `MH-2026-00${id}`,
    tableName: 'Mensenhandel',
    to: { id: 'org-ggz', name: 'GGZ Centraal (fictief)', partnerType: 'GGZ_ZORGAANBIEDER' },
    categories: ['C4'],
    dueAt: '2026-03-20',
    state: 'OPEN',
    overdue: false,
    ...overrides,
  };
}

describe('openRequests', () => {
  it('keeps the open requests of one direction, overdue first, then by deadline and number', () => {
    const list = [
      request('1', { dueAt: '2026-03-10' }),
      request('2', { dueAt: '2026-03-01', overdue: true }),
      request('3', { dueAt: '2026-02-01', state: 'ANSWERED', overdue: false }),
      request('4', { dueAt: '2026-03-05', overdue: false }),
      request('5', { dueAt: '2026-02-20', overdue: true }),
      request('6', { direction: 'RECEIVED', dueAt: '2026-01-01', overdue: true }),
      request('7', { dueAt: '2026-03-05' }),
    ];
    expect(openRequests(list, 'SENT').map((r) => r.id)).toEqual(['5', '2', '4', '7', '1']);
    expect(openRequests(list, 'RECEIVED').map((r) => r.id)).toEqual(['6']);
  });

  it('shows a deadline as day-month-year', () => {
    expect(formatDueDate('2026-03-05')).toBe('5-3-2026');
  });
});

describe('InformationRequestsOverview', () => {
  let fixture: ComponentFixture<InformationRequestsOverview>;
  let root: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [InformationRequestsOverview],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n(), provideRouter([])],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(InformationRequestsOverview);
    root = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function answer(requests: InformationRequestOverviewDto[]): Promise<void> {
    http.expectOne({ method: 'GET', url: URL }).flush(requests);
    await fixture.whenStable();
  }

  function rows(direction: string): string[] {
    // The parts of a row are flex items, each read on its own: joined with a space here.
    return [...root.querySelectorAll(`[data-testid="requests-${direction}"] li`)].map((li) =>
      [...li.children].map((part) => part.textContent?.replace(/\s+/g, ' ').trim()).join(' '),
    );
  }

  it('shows the sent and received lists with the overdue rows first, in red and labelled', async () => {
    await answer([
      request('1', { dueAt: '2026-03-20' }),
      request('2', {
        dueAt: '2026-03-01',
        overdue: true,
        categories: ['C4', 'C3'],
        to: { id: 'org-vt', name: 'Veilig Thuis (fictief)', partnerType: 'VEILIG_THUIS' },
      }),
      request('3', {
        direction: 'RECEIVED',
        to: { id: 'org-pol', name: 'Politie (fictief)', partnerType: 'POLITIE' },
        categories: ['C5'],
      }),
    ]);

    expect(root.querySelector('h2')?.textContent?.trim()).toBe('Bevragingen');
    expect([...root.querySelectorAll('h3')].map((h) => h.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'Verstuurd (2)',
      'Ontvangen (1)',
    ]);
    const sent = rows('SENT');
    expect(sent[0]).toBe(
      'MH-2026-002 · Mensenhandel Aan: Veilig Thuis (fictief) Gevraagd: Zorg en gezondheid, Plan en acties Uiterlijk: 1-3-2026 Verlopen',
    );
    expect(sent[1]).toContain('MH-2026-001');
    expect(sent[1]).not.toContain('Verlopen');
    expect(rows('RECEIVED')).toEqual([
      'MH-2026-003 · Mensenhandel Aan: Politie (fictief) Gevraagd: Politiegegevens Uiterlijk: 20-3-2026',
    ]);

    const items = root.querySelectorAll('[data-testid="requests-SENT"] li');
    expect(items[0].classList).toContain('cst-requests__row--overdue');
    expect(items[1].classList).not.toContain('cst-requests__row--overdue');
    const link = items[0].querySelector('a');
    expect(link?.getAttribute('href')).toBe('/casussen/case-2');
    expect(link?.getAttribute('aria-label')).toBe('Casus MH-2026-002');
  });

  it('shows only the direction that has open requests', async () => {
    await answer([request('1', { direction: 'RECEIVED' }), request('2', { state: 'DECLINED' })]);
    expect(root.querySelector('[data-testid="requests-SENT"]')).toBeNull();
    expect(rows('RECEIVED')).toHaveLength(1);
  });

  it('shows nothing at all without open requests', async () => {
    await answer([request('1', { state: 'ANSWERED' })]);
    expect(root.querySelector('[data-testid="information-requests"]')).toBeNull();
    expect(root.textContent?.trim()).toBe('');
  });

  it('shows nothing while loading and one quiet line when the call fails', async () => {
    expect(root.textContent?.trim()).toBe('');
    http.expectOne({ method: 'GET', url: URL }).flush(null, { status: 500, statusText: 'Server Error' });
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.textContent?.trim()).toBe('Uw bevragingen konden niet worden geladen.');
  });
});
