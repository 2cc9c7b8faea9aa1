import { Routes } from '@angular/router';
import { signedInGuard } from '@casustafel/web/auth/data-access';

/**
 * Pages owned by the shell. Each page is its own lazy chunk; `title` is a translation key
 * (see TranslatedTitleStrategy in @casustafel/web/shared/i18n).
 */
export const shellRoutes: Routes = [
  {
    path: 'start',
    title: 'start.title',
    canActivate: [signedInGuard],
    loadComponent: () => import('./start/start-page').then((m) => m.StartPage),
  },
  {
    path: 'over',
    title: 'about.title',
    loadComponent: () => import('./about/about-page').then((m) => m.AboutPage),
  },
];
