import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
  type TestRequest,
} from '@angular/common/http/testing';
import { ApplicationInitStatus, ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { CaseListResponse, CaseSummaryDto } from '@casustafel/shared/contracts';
import { CASES_URL } from '@casustafel/web/cases/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { InformingReviews } from '../informing/informing-reviews';
import { InformationRequestsOverview } from '../requests/information-requests-overview';
import { COMPLEX_TABLE, MH_TABLE } from '../shared/testing/fixtures';
import { CaseListPage } from './case-list-page';

/** The overviews are other page parts with their own requests; not under test here. */
@Component({
  selector: 'cst-information-requests-overview',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class OverviewStub {}

@Component({
  selector: 'cst-informing-reviews',
  template: '',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ReviewsStub {}

const CASE: CaseSummaryDto = {
  id: '50000000-0000-4000-8000-000000000001',
  number: 'MH-2026-0001',
  tableId: MH_TABLE.id,
  tableName: 'Mensenhandel',
  state: 'IN_UITVOERING',
  openedAt: '2026-01-05T10:00:00.000Z',
  updatedAt: '2026-02-10T13:30:00.000Z',
  procesregisseur: 'Petra Procesregisseur (fictief)',
  persons: [
    { role: 'SLACHTOFFER', name: 'Sanne Voorbeeld (fictief)' },
    { role: 'VERDACHTE', name: null },
  ],
  embargo: true,
};

function page(items: CaseSummaryDto[], total = items.length, pageNumber = 1): CaseListResponse {
  return { items, total, page: pageNumber, pageSize: 50 };
}

describe('CaseListPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let root: HTMLElement;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'casussen', component: CaseListPage }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    TestBed.overrideComponent(CaseListPage, {
      remove: { imports: [InformationRequestsOverview, InformingReviews] },
      add: { imports: [OverviewStub, ReviewsStub] },
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    root = harness.routeNativeElement as HTMLElement;
  });

  afterEach(() => http.verify());

  async function open(url: string): Promise<void> {
    await harness.navigateByUrl(url, CaseListPage);
    root = harness.routeNativeElement as HTMLElement;
    http.match('/api/tables').forEach((r) => r.flush([MH_TABLE, COMPLEX_TABLE]));
    await harness.fixture.whenStable();
  }

  function listRequest(): TestRequest {
    return http.expectOne((r) => r.url === CASES_URL && r.method === 'GET');
  }

  async function flush(request: TestRequest, body: CaseListResponse): Promise<void> {
    request.flush(body);
    await harness.fixture.whenStable();
  }

  function find<T extends Element>(selector: string): T {
    const element = root.querySelector<T>(selector);
    if (!element) {
      throw new Error(`Nothing matches ${selector}`);
    }
    return element;
  }

  function text(selector: string): string {
    return find(selector).textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  const url = () => TestBed.inject(Router).url;

  it('loads the list the URL describes and shows those filters in the form', async () => {
    await open(`/casussen?tafel=${MH_TABLE.id}&status=MONITORING&zoek=Sanne&pagina=2`);
    const request = listRequest();
    expect(
      Object.fromEntries(request.request.params.keys().map((k) => [k, request.request.params.get(k)])),
    ).toEqual({
      tableId: MH_TABLE.id,
      state: 'MONITORING',
      q: 'Sanne',
      page: '2',
      pageSize: '50',
    });
    await flush(request, page([CASE], 51, 2));
    expect(find<HTMLSelectElement>('#case-filter-table').value).toBe(MH_TABLE.id);
    expect(find<HTMLSelectElement>('#case-filter-state').value).toBe('MONITORING');
    expect(find<HTMLInputElement>('#case-filter-q').value).toBe('Sanne');
    expect(text('[data-testid="case-count"]')).toBe('51 casussen gevonden.');
    expect(text('.cst-pager')).toContain('Pagina 2 van 2');
    expect(find('.cst-pager a').getAttribute('href')).toBe(
      `/casussen?tafel=${MH_TABLE.id}&status=MONITORING&zoek=Sanne`,
    );
  });

  it('shows each case: link, state, persons with withheld names, procesregisseur, last change, embargo', async () => {
    await open('/casussen');
    await flush(
      listRequest(),
      page([
        CASE,
        { ...CASE, id: 'x2', number: 'CC-2026-0002', persons: [], embargo: false, procesregisseur: null },
      ]),
    );
    const rows = [...root.querySelectorAll('[data-testid="case-table"] tbody tr')];
    const first = rows[0].textContent?.replace(/\s+/g, ' ') ?? '';
    expect(rows[0].querySelector('a')?.getAttribute('href')).toBe(`/casussen/${CASE.id}`);
    expect(first).toContain('In uitvoering');
    expect(first).toContain('Slachtoffer: Sanne Voorbeeld (fictief)');
    expect(first).toContain('Verdachte: naam afgeschermd');
    expect(first).toContain('Petra Procesregisseur (fictief)');
    expect(first).toContain('10-2-2026 14:30');
    expect(first).toContain('Embargo');
    const second = rows[1].textContent?.replace(/\s+/g, ' ') ?? '';
    expect(second).toContain('Geen personen');
    expect(second).toContain('Nog niet toegewezen');
    expect(second).toContain('Geen embargo');
    expect(root.querySelector('.cst-pager')).toBeNull();
  });

  it('puts a chosen filter in the URL at once, back on page 1', async () => {
    await open('/casussen?pagina=3');
    await flush(listRequest(), page([], 120, 3));
    const state = find<HTMLSelectElement>('#case-filter-state');
    state.value = 'OPGESCHAALD';
    state.dispatchEvent(new Event('change'));
    await harness.fixture.whenStable();
    expect(url()).toBe('/casussen?status=OPGESCHAALD');
    const request = listRequest();
    expect(request.request.params.get('state')).toBe('OPGESCHAALD');
    expect(request.request.params.get('page')).toBe('1');
    await flush(request, page([]));
    expect(text('[data-testid="case-count"]')).toBe('Geen casussen gevonden.');
    expect(root.textContent).toContain('Er zijn geen casussen die passen bij uw zoekopdracht of filters.');
  });

  it('searches after a pause in typing, and at once when the form is submitted', async () => {
    await open('/casussen');
    await flush(listRequest(), page([CASE]));
    const q = find<HTMLInputElement>('#case-filter-q');
    q.value = 'Voor';
    q.dispatchEvent(new Event('input'));
    await harness.fixture.whenStable();
    expect(url()).toBe('/casussen');
    await new Promise((resolve) => setTimeout(resolve, 450));
    await harness.fixture.whenStable();
    expect(url()).toBe('/casussen?zoek=Voor');
    await flush(listRequest(), page([CASE]));
    // What is typed stays while the list reloads.
    expect(q.value).toBe('Voor');

    q.value = 'MH-2026-0001';
    q.dispatchEvent(new Event('input'));
    find('[data-testid="case-filters"]').dispatchEvent(new Event('submit', { cancelable: true }));
    await harness.fixture.whenStable();
    expect(url()).toBe('/casussen?zoek=MH-2026-0001');
    await flush(listRequest(), page([CASE]));
    // The pending debounce finds nothing new to do.
    await new Promise((resolve) => setTimeout(resolve, 450));
    http.expectNone((r) => r.url === CASES_URL);
  });

  it('follows the URL back: the form shows the earlier filters again', async () => {
    await open(`/casussen?tafel=${COMPLEX_TABLE.id}`);
    await flush(listRequest(), page([CASE]));
    await open('/casussen');
    await flush(listRequest(), page([CASE]));
    expect(find<HTMLSelectElement>('#case-filter-table').value).toBe('');
  });

  it('says so when the list cannot be loaded', async () => {
    await open('/casussen');
    listRequest().flush({ status: 500 }, { status: 500, statusText: 'Server Error' });
    await harness.fixture.whenStable();
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('Het laden is mislukt');
  });
});
