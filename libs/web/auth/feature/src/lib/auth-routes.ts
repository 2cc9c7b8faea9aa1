import { Routes } from '@angular/router';
import { signedInGuard, signedOutGuard } from '@casustafel/web/auth/data-access';

/** The login flow under /inloggen and Mijn account. Titles are translation keys. */
export const authRoutes: Routes = [
  {
    path: 'inloggen',
    children: [
      {
        path: '',
        title: 'login.title',
        canActivate: [signedOutGuard],
        loadComponent: () => import('./login/login-page').then((m) => m.LoginPage),
      },
      {
        path: 'code',
        title: 'secondFactor.title',
        loadComponent: () => import('./second-factor/second-factor-page').then((m) => m.SecondFactorPage),
      },
      {
        path: 'tweestapsverificatie',
        title: 'enrol.title',
        loadComponent: () => import('./enrol/enrol-page').then((m) => m.EnrolPage),
      },
      {
        path: 'nieuw-wachtwoord',
        title: 'newPassword.title',
        loadComponent: () => import('./new-password/new-password-page').then((m) => m.NewPasswordPage),
      },
    ],
  },
  {
    path: 'account',
    title: 'account.title',
    canActivate: [signedInGuard],
    loadComponent: () => import('./account/account-page').then((m) => m.AccountPage),
  },
];
