import { EnvironmentProviders, inject, makeEnvironmentProviders, provideAppInitializer } from '@angular/core';
import { SessionStore } from './session-store';

/** Loads demo mode, the CSRF cookie and the current session before the first page renders. */
export function provideAuth(): EnvironmentProviders {
  return makeEnvironmentProviders([
    provideAppInitializer(async () => {
      const store = inject(SessionStore);
      await store.loadConfig();
      await store.load();
    }),
  ]);
}
