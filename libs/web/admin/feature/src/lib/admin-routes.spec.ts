import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ADMIN_URL } from '@casustafel/web/admin/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { adminRoutes } from './admin-routes';

describe('adminRoutes', () => {
  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'beheer', children: adminRoutes }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        provideI18n(),
      ],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
  });

  it('opens the users page by default, with a sub-navigation marking the current page', async () => {
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/beheer');

    expect(TestBed.inject(Router).url).toBe('/beheer/gebruikers');
    const root = harness.routeNativeElement as HTMLElement;
    const nav = root.querySelector('nav');
    expect(nav?.getAttribute('aria-label')).toBe('Beheer');
    const links = [...(nav?.querySelectorAll('a') ?? [])].map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
      a.getAttribute('aria-current'),
    ]);
    expect(links).toEqual([
      ['Gebruikers', '/beheer/gebruikers', 'page'],
      ['Organisaties', '/beheer/organisaties', null],
      ['Casustafels', '/beheer/tafels', null],
    ]);
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Gebruikers');

    await harness.navigateByUrl('/beheer/tafels');
    expect(root.querySelector('h1')?.textContent?.trim()).toBe('Convenantstatus per casustafel');
    expect(root.querySelector('a[aria-current="page"]')?.textContent?.trim()).toBe('Casustafels');

    // The pages asked for their data; none of it matters here.
    TestBed.inject(HttpTestingController).match((request) => request.url.startsWith(ADMIN_URL));
  });
});
