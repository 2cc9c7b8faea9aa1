import { Routes } from '@angular/router';

/**
 * The register of processing activities (verwerkingsregister), its own lazy chunk. Mounted at
 * `/verwerkingsregister`, outside Beheer: the app guards it with `register.read`, which the FG has
 * without being a beheerder.
 */
export const registerRoutes: Routes = [
  {
    path: '',
    title: 'register.title',
    loadComponent: () => import('./register-page').then((m) => m.RegisterPage),
  },
];
