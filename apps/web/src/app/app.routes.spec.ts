import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { appRoutes } from './app.routes';

describe('appRoutes', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter(appRoutes)] });
  });

  it.each(['/', '/bestaat-niet'])('sends %s to the login page', async (url) => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl(url);

    expect(TestBed.inject(Router).url).toBe('/inloggen');
  });

  it('lazy-loads the about page at /over', async () => {
    const harness = await RouterTestingHarness.create();

    await harness.navigateByUrl('/over');

    expect(TestBed.inject(Router).url).toBe('/over');
  });
});
