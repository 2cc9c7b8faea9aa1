import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { Permission, SessionResponse } from '@casustafel/shared/contracts';
import { ADMIN_URL, REGISTER_URL } from '@casustafel/web/admin/data-access';
import { AUTH_URL, csrfInterceptor, sessionExpiryInterceptor } from '@casustafel/web/auth/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { appRoutes } from './app.routes';

const session = (permissions: Permission[]): SessionResponse => ({
  user: { id: 'u1', displayName: 'Fleur Fictief', email: 'fleur@x.example', isDemo: true },
  organisation: { id: 'o1', name: 'ZVH Demo', partnerType: 'ZVH' },
  roles: [{ tableId: 't1', tableName: 'Mensenhandel', role: 'DEELNEMER' }],
  permissions,
  idleExpiresAt: '2026-01-01T00:30:00Z',
  absoluteExpiresAt: '2026-01-01T12:00:00Z',
});

describe('appRoutes', () => {
  let http: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    // The real i18n setup, routes and interceptors, as in app.config.ts; the API is faked.
    TestBed.configureTestingModule({
      providers: [
        provideRouter(appRoutes),
        provideHttpClient(withInterceptors([csrfInterceptor, sessionExpiryInterceptor])),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
    http = TestBed.inject(HttpTestingController);
  });

  async function navigate(url: string, answer: SessionResponse | null): Promise<RouterTestingHarness> {
    const harness = await RouterTestingHarness.create();
    const done = harness.navigateByUrl(url);
    await new Promise((resolve) => setTimeout(resolve));
    const request = http.expectOne(`${AUTH_URL}/session`);
    if (answer) {
      request.flush(answer);
    } else {
      request.flush({ status: 401 }, { status: 401, statusText: 'Unauthorized' });
    }
    await done;
    await harness.fixture.whenStable();
    return harness;
  }

  it.each(['/', '/start', '/bestaat-niet'])(
    'sends %s to the login page when not signed in, remembering the way back',
    async (url) => {
      const harness = await navigate(url, null);

      expect(TestBed.inject(Router).url).toBe('/inloggen?terug=%2Fstart');
      expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe(
        'Inloggen bij Casustafel',
      );
    },
  );

  it('shows the start page with the tables and roles when signed in', async () => {
    const harness = await navigate('/', session(['account.manage']));

    expect(TestBed.inject(Router).url).toBe('/start');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe(
      'Welkom, Fleur Fictief',
    );
    expect(harness.routeNativeElement?.querySelector('[data-testid="start-roles"]')?.textContent).toContain(
      'Deelnemer',
    );
  });

  it('keeps users without the beheerder role out of Beheer', async () => {
    await navigate('/beheer', session(['account.manage']));

    expect(TestBed.inject(Router).url).toBe('/start');
  });

  it('keeps users without register.read out of the register', async () => {
    await navigate('/verwerkingsregister', session(['account.manage', 'cases.read']));

    expect(TestBed.inject(Router).url).toBe('/start');
  });

  it('opens the register at /verwerkingsregister for the FG, who has no Beheer', async () => {
    const harness = await navigate('/verwerkingsregister', session(['account.manage', 'register.read']));

    expect(TestBed.inject(Router).url).toBe('/verwerkingsregister');
    expect(document.title).toContain('Verwerkingsregister');
    http.expectOne({ method: 'GET', url: REGISTER_URL }).flush([]);
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Verwerkingsregister');
    // Reading only: no table list is asked for and nothing can be added.
    http.expectNone(`${ADMIN_URL}/tables`);
    expect(harness.routeNativeElement?.querySelector('#register-add')).toBeNull();
  });

  it('keeps users without audit.read out of the Logboek', async () => {
    await navigate('/logboek', session(['account.manage', 'register.read', 'admin.read']));

    expect(TestBed.inject(Router).url).toBe('/start');
  });

  it('opens the Logboek at /logboek for the FG', async () => {
    const harness = await navigate('/logboek', session(['account.manage', 'register.read', 'audit.read']));

    expect(TestBed.inject(Router).url).toBe('/logboek');
    expect(document.title).toContain('Logboek');
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Logboek');
  });

  it('opens Uittreksels voor mijn organisatie at /uittreksels with extracts.receive only (issue 7)', async () => {
    const harness = await navigate('/uittreksels', session(['account.manage', 'extracts.receive']));

    expect(TestBed.inject(Router).url).toBe('/uittreksels');
    expect(document.title).toContain('Uittreksels voor mijn organisatie');
    http.expectOne({ method: 'GET', url: '/api/received-extracts' }).flush([]);
    await harness.fixture.whenStable();
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe(
      'Uittreksels voor mijn organisatie',
    );
  });

  it("points from the start page to the extracts of one's organisation", async () => {
    const harness = await navigate('/', session(['account.manage', 'extracts.receive']));

    const link = harness.routeNativeElement?.querySelector('[data-testid="start-extracts"]');
    expect(link?.textContent?.trim()).toBe('Uittreksels voor mijn organisatie');
    expect(link?.getAttribute('href')).toBe('/uittreksels');
  });

  it('keeps users without extracts.receive out of /uittreksels', async () => {
    await navigate('/uittreksels', session(['account.manage']));

    expect(TestBed.inject(Router).url).toBe('/start');
  });

  it('lazy-loads the about page at /over without asking for a session', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/over');

    expect(TestBed.inject(Router).url).toBe('/over');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Over Casustafel');
    http.expectNone(`${AUTH_URL}/session`);
  });
});
