import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { EXTRACTS_URL, ExtractsApi, RECEIVED_EXTRACTS_URL, extractDocumentUrl } from './extracts-api';

describe('ExtractsApi', () => {
  let api: ExtractsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(ExtractsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it("lists a case's extracts and asks the candidates for one recipient, ids escaped", async () => {
    const list = firstValueFrom(api.list('c/1'));
    http.expectOne({ method: 'GET', url: '/api/cases/c%2F1/extracts' }).flush([]);
    expect(await list).toEqual([]);

    const candidates = firstValueFrom(api.candidates('c1', 'org 2'));
    const request = http.expectOne((r) => r.url === '/api/cases/c1/extracts/candidates');
    expect(request.request.params.get('recipientOrganisationId')).toBe('org 2');
    request.flush({
      recipient: { id: 'org 2', name: 'OM', partnerType: 'OM' },
      candidates: [],
      fourEyes: true,
    });
    expect((await candidates).fourEyes).toBe(true);
  });

  it('composes, decides and recalls with POSTs to their own paths', async () => {
    const body = {
      recipientOrganisationId: 'om',
      purpose: 'Strafrechtelijke beoordeling',
      legalGround: 'WJSG_AANWIJZING' as const,
      items: [{ itemId: 'i1', mode: 'FULL' as const }],
    };
    const created = firstValueFrom(api.create('c1', body));
    const create = http.expectOne({ method: 'POST', url: '/api/cases/c1/extracts' });
    expect(create.request.body).toEqual(body);
    create.flush({ id: 'x1' });
    await created;

    const decided = firstValueFrom(api.decide('x1', { approve: false, reason: 'Te ruim', version: 2 }));
    const decide = http.expectOne({ method: 'POST', url: `${EXTRACTS_URL}/x1/decision` });
    expect(decide.request.body).toEqual({ approve: false, reason: 'Te ruim', version: 2 });
    decide.flush({ id: 'x1' });
    await decided;

    const recalled = firstValueFrom(api.recall('x1', { reason: 'Onjuist', version: 3 }));
    http.expectOne({ method: 'POST', url: `${EXTRACTS_URL}/x1/recall` }).flush({ id: 'x1' });
    await recalled;
  });

  it("reads what the user's organisation received, and links the documents for download", async () => {
    const received = firstValueFrom(api.received());
    http.expectOne({ method: 'GET', url: RECEIVED_EXTRACTS_URL }).flush([]);
    await received;
    const one = firstValueFrom(api.receivedOne('x/1'));
    http.expectOne({ method: 'GET', url: `${RECEIVED_EXTRACTS_URL}/x%2F1` }).flush({ id: 'x/1' });
    await one;
    expect(extractDocumentUrl('x/1', 'pdf')).toBe(`${EXTRACTS_URL}/x%2F1/document.pdf`);
    expect(extractDocumentUrl('x1', 'json')).toBe(`${EXTRACTS_URL}/x1/document.json`);
  });
});
