import { provideHttpClient, withFetch, withInterceptors } from '@angular/common/http';
import { ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { csrfInterceptor, provideAuth, sessionExpiryInterceptor } from '@casustafel/web/auth/data-access';
import { provideI18n } from '@casustafel/web/shared/i18n';
import { appRoutes } from './app.routes';

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideHttpClient(withFetch(), withInterceptors([csrfInterceptor, sessionExpiryInterceptor])),
    provideI18n(),
    provideAuth(),
  ],
};
