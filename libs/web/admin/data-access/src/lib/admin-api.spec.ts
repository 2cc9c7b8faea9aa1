import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type {
  AdminUserDto,
  CaseTableAdminDto,
  OrganisationDto,
  TableMembershipDto,
  TemporaryPasswordResponse,
} from '@casustafel/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { ADMIN_URL, AdminApi } from './admin-api';

const ORG: OrganisationDto = {
  id: '11111111-1111-4111-8111-111111111111',
  name: 'Gemeente Weesp',
  partnerType: 'GEMEENTE_SOCIAAL_DOMEIN',
  legalRegimes: ['AVG', 'WMO'],
  active: true,
  version: 3,
};

const USER: AdminUserDto = {
  id: '22222222-2222-4222-8222-222222222222',
  email: 'n.nieuw@gemeente.example',
  displayName: 'Nina Nieuw',
  organisationId: ORG.id,
  organisationName: ORG.name,
  active: true,
  secondFactorEnrolled: false,
  locked: false,
  roles: [{ tableId: '33333333-3333-4333-8333-333333333333', role: 'DEELNEMER' }],
  lastLoginAt: null,
  version: 1,
};

describe('AdminApi', () => {
  let api: AdminApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AdminApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('lists organisations', async () => {
    const result = firstValueFrom(api.organisations());
    const request = http.expectOne(`${ADMIN_URL}/organisations`);
    expect(request.request.method).toBe('GET');
    request.flush([ORG]);
    expect(await result).toEqual([ORG]);
  });

  it('creates an organisation with the request as body', async () => {
    const body = { name: 'Gemeente Weesp', partnerType: 'GEMEENTE_OOV' as const, legalRegimes: [] };
    const result = firstValueFrom(api.createOrganisation(body));
    const request = http.expectOne(`${ADMIN_URL}/organisations`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(body);
    request.flush(ORG, { status: 201, statusText: 'Created' });
    expect((await result).id).toBe(ORG.id);
  });

  it('updates an organisation by id, sending its version, and passes a 409 on', async () => {
    const body = {
      name: 'Gemeente Weesp',
      partnerType: ORG.partnerType,
      legalRegimes: [],
      active: false,
      version: 3,
    };
    const result = firstValueFrom(api.updateOrganisation(ORG.id, body));
    const request = http.expectOne(`${ADMIN_URL}/organisations/${ORG.id}`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual(body);
    request.flush(
      { type: 'conflict', title: 'Conflicting change', status: 409 },
      { status: 409, statusText: 'Conflict' },
    );
    await expect(result).rejects.toMatchObject({ status: 409 });
  });

  it('lists tables and puts a membership at table and organisation', async () => {
    const tables: CaseTableAdminDto[] = [
      { id: 't1', name: 'Complexe casuïstiek', theme: 'COMPLEX', active: true, memberships: [] },
    ];
    const list = firstValueFrom(api.tables());
    http.expectOne({ method: 'GET', url: `${ADMIN_URL}/tables` }).flush(tables);
    expect(await list).toEqual(tables);

    const membership: TableMembershipDto = {
      organisationId: ORG.id,
      organisationName: ORG.name,
      partnerType: ORG.partnerType,
      status: 'SIGNATORY',
      since: '2026-01-01',
      until: null,
      documentRef: 'Convenant 2026',
      version: 1,
    };
    const body = {
      status: 'SIGNATORY' as const,
      since: '2026-01-01',
      until: null,
      documentRef: 'Convenant 2026',
    };
    const put = firstValueFrom(api.putMembership('t1', ORG.id, body));
    const request = http.expectOne(`${ADMIN_URL}/tables/t1/memberships/${ORG.id}`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual(body);
    request.flush(membership);
    expect(await put).toEqual(membership);
  });

  it('lists, creates and updates users', async () => {
    const list = firstValueFrom(api.users());
    http.expectOne({ method: 'GET', url: `${ADMIN_URL}/users` }).flush([USER]);
    expect(await list).toEqual([USER]);

    const create = {
      email: USER.email,
      displayName: USER.displayName,
      organisationId: ORG.id,
      roles: USER.roles,
    };
    const created = firstValueFrom(api.createUser(create));
    const post = http.expectOne(`${ADMIN_URL}/users`);
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual(create);
    const answer: TemporaryPasswordResponse = { user: USER, temporaryPassword: 'abcd-efgh-jkmn-pqrs' };
    post.flush(answer, { status: 201, statusText: 'Created' });
    expect((await created).temporaryPassword).toBe('abcd-efgh-jkmn-pqrs');

    const update = { displayName: 'Nina Nieuw-Oud', roles: [], version: 1 };
    const updated = firstValueFrom(api.updateUser(USER.id, update));
    const put = http.expectOne(`${ADMIN_URL}/users/${USER.id}`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual(update);
    put.flush({ ...USER, displayName: 'Nina Nieuw-Oud', roles: [], version: 2 });
    expect((await updated).version).toBe(2);
  });

  it.each([
    ['deactivateUser', 'deactivate'],
    ['activateUser', 'activate'],
    ['resetSecondFactor', 'reset-second-factor'],
    ['unlockUser', 'unlock'],
    ['endSessions', 'end-sessions'],
  ] as const)('%s posts to /users/:id/%s', async (method, path) => {
    const result = firstValueFrom(api[method](USER.id));
    const request = http.expectOne(`${ADMIN_URL}/users/${USER.id}/${path}`);
    expect(request.request.method).toBe('POST');
    request.flush({ ...USER, version: 2 });
    expect((await result).version).toBe(2);
  });

  it('resets a password and returns the temporary one', async () => {
    const result = firstValueFrom(api.resetPassword(USER.id));
    const request = http.expectOne(`${ADMIN_URL}/users/${USER.id}/reset-password`);
    expect(request.request.method).toBe('POST');
    request.flush({ user: USER, temporaryPassword: 'wxyz-2345-6789-abcd' });
    expect((await result).temporaryPassword).toBe('wxyz-2345-6789-abcd');
  });

  it('encodes ids in the path', () => {
    api.updateUser('a/b', { displayName: 'x', roles: [], version: 1 }).subscribe();
    http.expectOne(`${ADMIN_URL}/users/a%2Fb`).flush(USER);
  });
});
