import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InformingReviewDto } from '@casustafel/shared/contracts';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { InformingReviews } from './informing-reviews';

const URL = '/api/informing/reviews-due';

function review(caseNumber: string, overrides: Partial<InformingReviewDto> = {}): InformingReviewDto {
  return {
    caseId: `case-${caseNumber}`,
    caseNumber,
    tableName: 'Mensenhandel',
    reasonCode: 'LOPEND_ONDERZOEK',
    reviewAt: '2026-05-02',
    overdue: false,
    ...overrides,
  };
}

describe('InformingReviews', () => {
  let fixture: ComponentFixture<InformingReviews>;
  let root: HTMLElement;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [InformingReviews],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideI18n(), provideRouter([])],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(InformingReviews);
    root = fixture.nativeElement;
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  async function answer(reviews: InformingReviewDto[] | 500): Promise<void> {
    const request = http.expectOne({ method: 'GET', url: URL });
    if (reviews === 500) {
      request.flush(null, { status: 500, statusText: 'Server Error' });
    } else {
      request.flush(reviews);
    }
    await fixture.whenStable();
  }

  const rows = () =>
    [...root.querySelectorAll('li')].map((li) =>
      [...li.children].map((part) => part.textContent?.replace(/\s+/g, ' ').trim()).join(' '),
    );

  it('lists the deferrals due for review with the reason and the date, saying "Vandaag" or "Verlopen"', async () => {
    await answer([
      review('MH-2026-0004', { reviewAt: '2026-04-28', overdue: true, reasonCode: 'VEILIGHEID_BETROKKENE' }),
      review('MH-2026-0009'),
    ]);
    expect(root.querySelector('h2')?.textContent?.trim()).toBe('Herinnering: informeren betrokkene');
    expect(rows()).toEqual([
      'MH-2026-0004 · Mensenhandel Uitgesteld wegens: Veiligheid van betrokkene Heroverwegen op: 28-4-2026 Verlopen',
      'MH-2026-0009 · Mensenhandel Uitgesteld wegens: Lopend onderzoek Heroverwegen op: 2-5-2026 Vandaag',
    ]);
    const items = root.querySelectorAll('li');
    expect(items[0].classList).toContain('cst-reviews__row--overdue');
    expect(items[1].classList).not.toContain('cst-reviews__row--overdue');
    const link = items[1].querySelector('a');
    expect(link?.getAttribute('href')).toBe('/casussen/case-MH-2026-0009');
    expect(link?.getAttribute('aria-label')).toBe('Casus MH-2026-0009');
  });

  it('shows nothing at all when nothing is due', async () => {
    await answer([]);
    expect(root.textContent?.trim()).toBe('');
  });

  it('says so quietly when the reminders cannot be loaded', async () => {
    await answer(500);
    expect(root.querySelector('[role="alert"]')).toBeNull();
    expect(root.textContent?.trim()).toBe('De herinneringen over informeren konden niet worden geladen.');
  });
});
