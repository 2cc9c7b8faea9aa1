import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import type { Permission } from '@casustafel/shared/contracts';
import { RETURN_PARAM } from './session-expiry.interceptor';
import { SessionStore } from './session-store';

/** Pages for signed-in users; others go to the login page and come back here afterwards. */
export const signedInGuard: CanActivateFn = async (_route, state) => {
  const store = inject(SessionStore);
  const router = inject(Router);
  const session = await store.load();
  return session ? true : router.createUrlTree(['/inloggen'], { queryParams: { [RETURN_PARAM]: state.url } });
};

/** Pages that need a permission; without it the start page (the API would say "not found"). */
export function permissionGuard(permission: Permission): CanActivateFn {
  return async (_route, state) => {
    const store = inject(SessionStore);
    const router = inject(Router);
    const session = await store.load();
    if (!session) {
      return router.createUrlTree(['/inloggen'], { queryParams: { [RETURN_PARAM]: state.url } });
    }
    return session.permissions.includes(permission) ? true : router.createUrlTree(['/start']);
  };
}

/** The login page itself: a signed-in user goes straight to the start page. */
export const signedOutGuard: CanActivateFn = async () => {
  const store = inject(SessionStore);
  const router = inject(Router);
  return (await store.load()) ? router.createUrlTree(['/start']) : true;
};
