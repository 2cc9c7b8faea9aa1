import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { CaseListResponse } from '@casustafel/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { CASES_URL, CasesApi } from './cases-api';

const CASE_ID = '44444444-4444-4444-8444-444444444444';

describe('CasesApi', () => {
  let api: CasesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(CasesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('sends only the filters that are set', async () => {
    const page: CaseListResponse = { items: [], total: 0, page: 2, pageSize: 50 };
    const result = firstValueFrom(api.list({ state: 'MONITORING', q: '', tableId: undefined, page: 2 }));
    const request = http.expectOne((r) => r.url === CASES_URL);
    expect(request.request.params.keys().sort()).toEqual(['page', 'state']);
    expect(request.request.params.get('state')).toBe('MONITORING');
    request.flush(page);
    expect(await result).toEqual(page);
  });

  it('uploads an attachment as multipart form data with the field "file"', async () => {
    const file = new File(['%PDF-1.7'], 'verslag.pdf', { type: 'application/pdf' });
    const result = firstValueFrom(api.attach(CASE_ID, 'item/1', file));
    const request = http.expectOne(`${CASES_URL}/${CASE_ID}/items/item%2F1/attachments`);
    expect(request.request.method).toBe('POST');
    const body = request.request.body as FormData;
    expect((body.get('file') as File).name).toBe('verslag.pdf');
    request.flush({ id: 'a', fileName: 'verslag.pdf', contentType: 'application/pdf', size: 8 });
    expect((await result).fileName).toBe('verslag.pdf');
  });

  it('revokes a disclosure with the reason as body', async () => {
    const result = firstValueFrom(api.revokeDisclosure(CASE_ID, 'd1', 'Toestemming ingetrokken'));
    const request = http.expectOne(`${CASES_URL}/${CASE_ID}/disclosures/d1/revoke`);
    expect(request.request.body).toEqual({ reason: 'Toestemming ingetrokken' });
    request.flush(null);
    await result;
  });

  it('withdraws a consent with the version and an optional note, never a moment', async () => {
    const result = firstValueFrom(api.withdrawConsent(CASE_ID, 'k1', { version: 2, note: null }));
    const request = http.expectOne(`${CASES_URL}/${CASE_ID}/consents/k1/withdraw`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ version: 2, note: null });
    request.flush(null);
    await result;
  });

  it('changes the informing status with PUT and reads the reviews due from their own path', async () => {
    const put = firstValueFrom(
      api.putInforming(CASE_ID, {
        status: 'DEFERRED',
        reasonCode: 'LOPEND_ONDERZOEK',
        reviewAt: '2026-06-01',
        version: 0,
      }),
    );
    const request = http.expectOne(`${CASES_URL}/${CASE_ID}/informing`);
    expect(request.request.method).toBe('PUT');
    request.flush({ current: null, history: [], version: 1, reviewDue: false, canChange: true });
    expect((await put).version).toBe(1);
    const reviews = firstValueFrom(api.informingReviews());
    http.expectOne({ method: 'GET', url: '/api/informing/reviews-due' }).flush([]);
    expect(await reviews).toEqual([]);
  });

  it('decides triage on the triage path, not the registration path', async () => {
    const result = firstValueFrom(
      api.decideTriage('r1', { outcome: 'AFGEWEZEN', advice: 'Lokaal oppakken', referral: null, version: 2 }),
    );
    const request = http.expectOne('/api/triage/registrations/r1/decision');
    expect(request.request.method).toBe('POST');
    request.flush({});
    await result;
  });
});
