import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { SessionResponse } from '@casustafel/shared/contracts';
import { ADMIN_URL } from '@casustafel/web/admin/data-access';
import { SessionStore } from '@casustafel/web/auth/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { adminRoutes } from '../admin-routes';

const MENSENHANDEL = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';
const COMPLEX = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

/** The way in and out: the link on the tables page, the route with its guard, the link back. */
describe('visibility matrix route', () => {
  function setUp(permissions: string[]): void {
    const session = {
      // Beheerder at the mensenhandel table only.
      roles: [{ tableId: MENSENHANDEL, tableName: 'Mensenhandel', role: 'BEHEERDER' }],
      permissions,
    } as unknown as SessionResponse;
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'beheer', children: adminRoutes },
            { path: 'start', children: [] },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
        { provide: SessionStore, useValue: { session: signal(session), load: async () => session } },
      ],
    });
  }

  afterEach(() => TestBed.inject(HttpTestingController).verify());

  it('links from the tables the user administers to their matrix, and back', async () => {
    setUp(['admin.read', 'tables.configure']);
    await TestBed.inject(ApplicationInitStatus).donePromise;
    const http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/beheer/tafels');
    http.expectOne(`${ADMIN_URL}/tables`).flush([
      { id: COMPLEX, name: 'Complexe casuïstiek', theme: 'COMPLEX', active: true, memberships: [] },
      { id: MENSENHANDEL, name: 'Mensenhandel', theme: 'MENSENHANDEL', active: true, memberships: [] },
    ]);
    http.expectOne(`${ADMIN_URL}/organisations`).flush([]);
    await harness.fixture.whenStable();
    const root = harness.routeNativeElement as HTMLElement;
    const links = [...root.querySelectorAll('a[aria-label^="Zichtbaarheid"]')].map((a) => [
      a.getAttribute('aria-label'),
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Zichtbaarheid instellen voor Mensenhandel', `/beheer/tafels/${MENSENHANDEL}/zichtbaarheid`],
    ]);

    await harness.navigateByUrl(`/beheer/tafels/${MENSENHANDEL}/zichtbaarheid`);
    http.expectOne(`/api/tables/${MENSENHANDEL}/visibility`).flush({
      tableId: MENSENHANDEL,
      version: 1,
      rules: [],
      embargoPartnerTypes: [],
      changedAt: '2026-01-01T00:00:00.000Z',
      changedBy: null,
      reason: 'Beginstand',
    });
    http.expectOne(`/api/tables/${MENSENHANDEL}/visibility/history`).flush([]);
    await harness.fixture.whenStable();
    const page = harness.routeNativeElement as HTMLElement;
    expect(page.querySelector('h1')?.textContent?.trim()).toBe('Zichtbaarheid aan Mensenhandel');
    expect(page.querySelector('a[aria-current="page"]')?.textContent?.trim()).toBe('Casustafels');
    const back = [...page.querySelectorAll('a')].find(
      (a) => a.textContent?.trim() === 'Terug naar de casustafels',
    );
    expect(back?.getAttribute('href')).toBe('/beheer/tafels');
  });

  it('shows no link and keeps the page closed without tables.configure', async () => {
    setUp(['admin.read']);
    await TestBed.inject(ApplicationInitStatus).donePromise;
    const http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/beheer/tafels');
    http
      .expectOne(`${ADMIN_URL}/tables`)
      .flush([
        { id: MENSENHANDEL, name: 'Mensenhandel', theme: 'MENSENHANDEL', active: true, memberships: [] },
      ]);
    http.expectOne(`${ADMIN_URL}/organisations`).flush([]);
    await harness.fixture.whenStable();
    expect(
      (harness.routeNativeElement as HTMLElement).querySelector('a[aria-label^="Zichtbaarheid"]'),
    ).toBeNull();

    await harness.navigateByUrl(`/beheer/tafels/${MENSENHANDEL}/zichtbaarheid`);
    expect(TestBed.inject(Router).url).toBe('/start');
  });
});
