import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { ApplicationInitStatus } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { appRoutes } from './app.routes';

describe('appRoutes', () => {
  beforeEach(async () => {
    localStorage.clear();
    // The real i18n setup (Transloco + bundled Dutch texts) and HttpClient, as in app.config.ts:
    // the lazy pages render translated texts and the login page injects the auth API.
    TestBed.configureTestingModule({
      providers: [provideRouter(appRoutes), provideHttpClient(), provideHttpClientTesting(), provideI18n()],
    });
    await TestBed.inject(ApplicationInitStatus).donePromise;
  });

  it.each(['/', '/bestaat-niet'])('sends %s to the login page', async (url) => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl(url);

    expect(TestBed.inject(Router).url).toBe('/inloggen');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe(
      'Inloggen bij Casustafel',
    );
  });

  it('lazy-loads the about page at /over', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/over');

    expect(TestBed.inject(Router).url).toBe('/over');
    expect(harness.routeNativeElement?.querySelector('h1')?.textContent?.trim()).toBe('Over Casustafel');
  });
});
