import { Injectable, inject } from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';
import { RETURN_PARAM, SessionStore } from '@casustafel/web/auth/data-access';
import type { LoginNextStep } from '@casustafel/shared/contracts';

/** Routes of the login steps, under `/inloggen`. */
export const LOGIN_STEP_PATHS: Record<Exclude<LoginNextStep, 'DONE'>, string> = {
  SECOND_FACTOR: '/inloggen/code',
  ENROL_SECOND_FACTOR: '/inloggen/tweestapsverificatie',
  CHANGE_PASSWORD: '/inloggen/nieuw-wachtwoord',
};

/** Only paths inside the app, never back into the login flow, never another origin. */
export function safeReturnUrl(value: string | null | undefined): string | null {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/inloggen')) {
    return null;
  }
  return value;
}

/** Moves the user from one login step to the next, and back where they came from at the end. */
@Injectable({ providedIn: 'root' })
export class LoginFlow {
  private readonly router = inject(Router);
  private readonly store = inject(SessionStore);

  returnUrl(route: ActivatedRoute): string | null {
    return safeReturnUrl(route.snapshot.queryParamMap.get(RETURN_PARAM));
  }

  async proceed(next: LoginNextStep, returnUrl: string | null): Promise<void> {
    if (next === 'DONE') {
      await this.store.load(true);
      await this.router.navigateByUrl(returnUrl ?? '/start');
      return;
    }
    await this.router.navigate([LOGIN_STEP_PATHS[next]], {
      queryParams: returnUrl ? { [RETURN_PARAM]: returnUrl } : {},
    });
  }

  /** A login step found no login in progress (expired, ended): start again. */
  async restart(returnUrl: string | null): Promise<void> {
    this.store.clear();
    await this.router.navigate(['/inloggen'], {
      queryParams: returnUrl ? { [RETURN_PARAM]: returnUrl } : {},
    });
  }
}
