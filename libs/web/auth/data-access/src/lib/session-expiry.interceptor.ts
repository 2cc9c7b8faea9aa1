import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { AUTH_URL } from './auth-api';
import { SessionStore } from './session-store';

/** Query parameter that brings the user back to where they were after signing in again. */
export const RETURN_PARAM = 'terug';

/**
 * A 401 from the API means the session ended (idle, expired, revoked, deactivated): forget it and
 * go to the login page, remembering the page the user was on. Calls of the login flow itself
 * handle their own 401s.
 */
export const sessionExpiryInterceptor: HttpInterceptorFn = (request, next) => {
  const store = inject(SessionStore);
  const router = inject(Router);
  return next(request).pipe(
    catchError((error: unknown) => {
      const ownFlow =
        request.url.startsWith(`${AUTH_URL}/`) && !request.url.startsWith(`${AUTH_URL}/session`);
      if (error instanceof HttpErrorResponse && error.status === 401 && !ownFlow) {
        const wasSignedIn = store.signedIn();
        store.clear();
        const current = router.url;
        if (wasSignedIn && !current.startsWith('/inloggen')) {
          void router.navigate(['/inloggen'], { queryParams: { [RETURN_PARAM]: current, verlopen: 1 } });
        }
      }
      return throwError(() => error);
    }),
  );
};
