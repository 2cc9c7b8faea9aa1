import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { RIGHTS_REQUESTS_URL, RIGHTS_TASKS_URL, RightsApi } from './rights-api';

describe('RightsApi', () => {
  let api: RightsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(RightsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('looks a person up with a POST, so the BSN stays out of the URL', async () => {
    const subject = {
      givenName: 'Mila',
      familyName: 'Verzonnen (fictief)',
      dateOfBirth: '2001-02-03',
      bsn: '111222333',
    };
    const result = firstValueFrom(api.lookup(subject));
    const request = http.expectOne(`${RIGHTS_REQUESTS_URL}/lookup`);
    expect(request.request.method).toBe('POST');
    expect(request.request.urlWithParams).not.toContain('111222333');
    expect(request.request.body).toEqual({ subject });
    request.flush({ persons: 1, cases: 1, controllers: [] });
    expect((await result).persons).toBe(1);
  });

  it('links the inzage report as a download, with the id escaped', () => {
    expect(api.reportUrl('r/1')).toBe(`${RIGHTS_REQUESTS_URL}/r%2F1/report.pdf`);
  });

  it('sends the changes of a request and a task to their own paths', async () => {
    const extended = firstValueFrom(api.extend('r/1', { months: 2, reason: 'Complex', version: 3 }));
    const extension = http.expectOne(`${RIGHTS_REQUESTS_URL}/r%2F1/extension`);
    expect(extension.request.body).toEqual({ months: 2, reason: 'Complex', version: 3 });
    extension.flush({});
    await extended;
    const answered = firstValueFrom(
      api.answerTask('t1', { status: 'NIETS_GEVONDEN', note: null, version: 1 }),
    );
    const answer = http.expectOne(`${RIGHTS_TASKS_URL}/t1/answer`);
    expect(answer.request.method).toBe('POST');
    answer.flush({});
    await answered;
  });
});
