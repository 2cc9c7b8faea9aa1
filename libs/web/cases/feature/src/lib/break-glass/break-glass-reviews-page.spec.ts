import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { BreakGlassReviewDto } from '@casustafel/shared/contracts';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { BreakGlassReviewsPage } from './break-glass-reviews-page';

const URL = '/api/break-glass/reviews';

const ENTRY: BreakGlassReviewDto = {
  id: 'f0000000-0000-4000-8000-000000000001',
  caseId: 'c1',
  caseNumber: 'MH-2026-0001',
  tableName: 'Mensenhandel',
  itemId: 'i1',
  category: 'C4',
  openedBy: 'Petra (fictief)',
  organisation: { name: 'ZVH Gooi (fictief)', partnerType: 'ZVH' },
  reason: 'Acute dreiging vannacht (fictief).',
  openedAt: '2026-05-02T12:45:00.000Z',
  expiresAt: '2026-05-02T13:45:00.000Z',
  review: null,
  version: 1,
};

jest.setTimeout(20_000);

describe('BreakGlassReviewsPage', () => {
  let fixture: ComponentFixture<BreakGlassReviewsPage>;
  let root: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [BreakGlassReviewsPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(BreakGlassReviewsPage);
    root = fixture.nativeElement;
    document.body.appendChild(root);
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    root.remove();
  });

  const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const form = () => root.querySelector(`[data-testid="review-form-${ENTRY.id}"]`) as HTMLFormElement;
  async function submit(): Promise<void> {
    form().dispatchEvent(new Event('submit', { cancelable: true }));
    await fixture.whenStable();
  }
  async function choose(outcome: string): Promise<void> {
    const radio = root.querySelector(`#review-${ENTRY.id}-${outcome}`) as HTMLInputElement;
    radio.click();
    await fixture.whenStable();
  }

  it('lists an opening with case number, category, who, reason and status — and says when there is none', async () => {
    http.expectOne({ method: 'GET', url: URL }).flush([ENTRY]);
    await fixture.whenStable();
    const entry = root.querySelector(`[data-testid="review-${ENTRY.id}"]`);
    expect(text(entry?.querySelector('h2') ?? null)).toBe('Casus MH-2026-0001 · Zorg en gezondheid');
    expect(text(entry)).toContain('Petra (fictief) · ZVH Gooi (fictief)');
    expect(text(entry)).toContain('Acute dreiging vannacht (fictief).');
    expect(text(root.querySelector(`[data-testid="review-status-${ENTRY.id}"]`))).toBe('Nog niet beoordeeld');
  });

  it('requires an outcome, and an explanation when not justified; saves with the version and shows the result', async () => {
    http.expectOne({ method: 'GET', url: URL }).flush([ENTRY]);
    await fixture.whenStable();
    await submit();
    expect(text(form())).toContain('Kies een oordeel.');
    await choose('NIET_GERECHTVAARDIGD');
    await submit();
    expect(text(form())).toContain('Licht toe waarom de noodtoegang niet gerechtvaardigd was.');
    http.expectNone({ method: 'POST' });

    await choose('GERECHTVAARDIGD');
    await submit();
    const post = http.expectOne({ method: 'POST', url: `/api/break-glass/${ENTRY.id}/review` });
    expect(post.request.body).toEqual({ outcome: 'GERECHTVAARDIGD', note: null, version: 1 });
    post.flush({
      ...ENTRY,
      version: 2,
      review: {
        outcome: 'GERECHTVAARDIGD',
        note: null,
        reviewedBy: 'Fenna (fictief)',
        reviewedAt: ENTRY.expiresAt,
      },
    });
    await fixture.whenStable();
    expect(text(root.querySelector('[data-testid="review-notice"]'))).toContain(
      'De beoordeling van casus MH-2026-0001 is opgeslagen.',
    );
    expect(text(root.querySelector(`[data-testid="review-status-${ENTRY.id}"]`))).toBe(
      'Gerechtvaardigd · Fenna (fictief) · 2-5-2026 15:45',
    );
  });

  it('a stale version reloads the list and says so', async () => {
    http.expectOne({ method: 'GET', url: URL }).flush([ENTRY]);
    await fixture.whenStable();
    await choose('GERECHTVAARDIGD');
    await submit();
    http
      .expectOne({ method: 'POST', url: `/api/break-glass/${ENTRY.id}/review` })
      .flush({ status: 409 }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    http.expectOne({ method: 'GET', url: URL }).flush([{ ...ENTRY, version: 2 }]);
    await fixture.whenStable();
    expect(text(root.querySelector('[data-testid="review-notice"]'))).toContain('intussen gewijzigd');
  });
});
