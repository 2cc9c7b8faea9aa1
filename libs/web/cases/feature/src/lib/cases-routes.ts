import { Routes } from '@angular/router';
import { permissionGuard } from '@casustafel/web/auth/data-access';

/**
 * Case work, mounted by the app: `/casussen` (list and detail), `/aanmeldingen` (registrations of
 * my organisation, new and draft), `/triage` and `/noodtoegang` (the FG's break-glass reviews). Each page is its own lazy chunk; titles are
 * translation keys. What a page shows is already cut by the server's access policy.
 */
export const caseRoutes: Routes = [
  {
    path: 'casussen',
    canActivate: [permissionGuard('cases.read')],
    title: 'cases.list.title',
    loadComponent: () => import('./list/case-list-page').then((m) => m.CaseListPage),
  },
  {
    path: 'casussen/:caseId',
    canActivate: [permissionGuard('cases.read')],
    title: 'caseDetail.title',
    loadComponent: () => import('./detail/case-detail-page').then((m) => m.CaseDetailPage),
  },
  {
    path: 'aanmeldingen',
    canActivate: [permissionGuard('registrations.create')],
    title: 'cases.registrations.title',
    loadComponent: () => import('./registrations/registrations-page').then((m) => m.RegistrationsPage),
  },
  {
    path: 'aanmeldingen/nieuw',
    canActivate: [permissionGuard('registrations.create')],
    title: 'cases.registrations.newTitle',
    loadComponent: () => import('./registrations/registration-form-page').then((m) => m.RegistrationFormPage),
  },
  {
    path: 'aanmeldingen/:registrationId',
    canActivate: [permissionGuard('registrations.create')],
    title: 'cases.registrations.title',
    loadComponent: () => import('./registrations/registration-form-page').then((m) => m.RegistrationFormPage),
  },
  // The FG's review of break-the-glass openings (ADR 0020): the queue holds no case content.
  {
    path: 'noodtoegang',
    canActivate: [permissionGuard('audit.review')],
    title: 'breakGlass.reviews.title',
    loadComponent: () =>
      import('./break-glass/break-glass-reviews-page').then((m) => m.BreakGlassReviewsPage),
  },
  {
    path: 'triage',
    canActivate: [permissionGuard('registrations.triage')],
    title: 'cases.triage.title',
    loadComponent: () => import('./triage/triage-page').then((m) => m.TriagePage),
  },
];
