import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ProcessingActivityDto, ProcessingActivityRequest } from '@casustafel/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { REGISTER_URL, RegisterApi } from './register-api';

const KEY = '44444444-4444-4444-8444-444444444444';

const ACTIVITY: ProcessingActivityDto = {
  id: `urn:casustafel:verwerking:${KEY}:v1`,
  activityKey: KEY,
  version: 1,
  table: { id: 't1', name: 'Mensenhandel' },
  name: 'Casusoverleg Mensenhandel',
  purpose: 'Gezamenlijke aanpak van signalen van mensenhandel.',
  legalGrounds: ['WGS'],
  controllers: 'De partners van het convenant.',
  dataCategories: ['C1', 'C13'],
  subjectCategories: ['SLACHTOFFER'],
  retention: 'Vijf jaar na afsluiting.',
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: null,
};

const BODY: ProcessingActivityRequest = {
  name: ACTIVITY.name,
  purpose: ACTIVITY.purpose,
  legalGrounds: ACTIVITY.legalGrounds,
  controllers: ACTIVITY.controllers,
  dataCategories: ACTIVITY.dataCategories,
  subjectCategories: ACTIVITY.subjectCategories,
  retention: ACTIVITY.retention,
};

describe('RegisterApi', () => {
  let api: RegisterApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(RegisterApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists every version of the register', async () => {
    const result = firstValueFrom(api.activities());
    const request = http.expectOne(REGISTER_URL);
    expect(request.request.method).toBe('GET');
    request.flush([ACTIVITY]);
    expect(await result).toEqual([ACTIVITY]);
  });

  it('registers an activity with the request as body', async () => {
    const body = { ...BODY, tableId: null };
    const result = firstValueFrom(api.create(body));
    const request = http.expectOne(REGISTER_URL);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    request.flush({ ...ACTIVITY, table: null }, { status: 201, statusText: 'Created' });
    expect((await result).table).toBeNull();
  });

  it('registers a new version at the activity, based on the version read, and passes a 409 on', async () => {
    const body = { ...BODY, basedOn: ACTIVITY.id };
    const result = firstValueFrom(api.newVersion(KEY, body));
    const request = http.expectOne(`${REGISTER_URL}/${KEY}/versions`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    request.flush(
      { type: 'urn:casustafel:problem:conflict', title: 'Conflicting change', status: 409 },
      { status: 409, statusText: 'Conflict' },
    );
    await expect(result).rejects.toMatchObject({ status: 409 });
  });

  it('encodes the activity key in the path', () => {
    api.newVersion('a/b', { ...BODY, basedOn: 'x' }).subscribe();
    http.expectOne(`${REGISTER_URL}/a%2Fb/versions`).flush(ACTIVITY);
  });
});
