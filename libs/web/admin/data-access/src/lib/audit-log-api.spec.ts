import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { AUDIT_URL, AuditLogApi } from './audit-log-api';

describe('AuditLogApi', () => {
  let api: AuditLogApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AuditLogApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('searches persons with only the terms given', async () => {
    const result = firstValueFrom(
      api.searchPersons({ familyName: 'Voorbeeld', dateOfBirth: '', number: undefined }),
    );
    const request = http.expectOne(`${AUDIT_URL}/persons?familyName=Voorbeeld`);
    expect(request.request.method).toBe('GET');
    request.flush([]);
    expect(await result).toEqual([]);
  });

  it('asks for a person’s events with period and page', () => {
    api.personEvents('p1', { from: '2026-11-01', to: '2026-11-30', page: 2 }).subscribe();
    http.expectOne(`${AUDIT_URL}/persons/p1/events?from=2026-11-01&to=2026-11-30&page=2`).flush({});
  });

  it('builds export links with the period', () => {
    expect(api.exportUrl('p1', 'ldv', { from: '2026-11-01' })).toBe(
      `${AUDIT_URL}/persons/p1/events/export/ldv?from=2026-11-01`,
    );
    expect(api.exportUrl('p/1', 'csv', {})).toBe(`${AUDIT_URL}/persons/p%2F1/events/export/csv`);
  });

  it('lists users and their events', () => {
    api.users('jan').subscribe();
    http.expectOne(`${AUDIT_URL}/users?name=jan`).flush([]);
    api.userEvents('u1', {}).subscribe();
    http.expectOne(`${AUDIT_URL}/users/u1/events`).flush({});
  });
});
