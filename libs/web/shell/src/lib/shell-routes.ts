import { Routes } from '@angular/router';

/**
 * Pages owned by the shell. Each page is its own lazy chunk; `title` is a translation key
 * (see TranslatedTitleStrategy in @casustafel/web/shared/i18n).
 */
export const shellRoutes: Routes = [
  {
    path: 'inloggen',
    title: 'login.title',
    loadComponent: () => import('./login/login-page').then((m) => m.LoginPage),
  },
  {
    path: 'over',
    title: 'about.title',
    loadComponent: () => import('./about/about-page').then((m) => m.AboutPage),
  },
];
