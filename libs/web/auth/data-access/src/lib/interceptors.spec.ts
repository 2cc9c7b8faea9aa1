import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { AUTH_URL } from './auth-api';
import { csrfInterceptor } from './csrf.interceptor';
import { sessionExpiryInterceptor } from './session-expiry.interceptor';
import { SessionStore } from './session-store';

describe('auth interceptors', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    document.cookie = 'cst_csrf=token-123; path=/';
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([csrfInterceptor, sessionExpiryInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    document.cookie = 'cst_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('echoes the CSRF cookie on state-changing requests to the API only', () => {
    http.post('/api/account/sessions/end-others', {}).subscribe();
    http.get('/api/auth/session').subscribe();
    http.post('https://elders.example/api/x', {}).subscribe();
    expect(backend.expectOne('/api/account/sessions/end-others').request.headers.get('x-csrf-token')).toBe(
      'token-123',
    );
    expect(backend.expectOne('/api/auth/session').request.headers.has('x-csrf-token')).toBe(false);
    expect(backend.expectOne('https://elders.example/api/x').request.headers.has('x-csrf-token')).toBe(false);
  });

  it('on a 401 forgets the session and goes to the login page, remembering where the user was', async () => {
    const store = TestBed.inject(SessionStore);
    const loaded = store.load(true);
    backend
      .expectOne(`${AUTH_URL}/session`)
      .flush({ user: { id: 'u' }, organisation: {}, roles: [], permissions: [] });
    await loaded;
    const router = TestBed.inject(Router);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/account');
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);

    const request = firstValueFrom(http.get('/api/account/sessions'));
    backend
      .expectOne('/api/account/sessions')
      .flush({ status: 401 }, { status: 401, statusText: 'Unauthorized' });
    await expect(request).rejects.toMatchObject({ status: 401 });

    expect(store.signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/inloggen'], { queryParams: { terug: '/account', verlopen: 1 } });
  });

  it('leaves 401s of the login steps to the login pages', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const request = firstValueFrom(http.post(`${AUTH_URL}/login`, {}));
    backend
      .expectOne(`${AUTH_URL}/login`)
      .flush({ status: 401 }, { status: 401, statusText: 'Unauthorized' });
    await expect(request).rejects.toMatchObject({ status: 401 });
    expect(navigate).not.toHaveBeenCalled();
  });
});
