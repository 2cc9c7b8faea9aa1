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

/**
 * Data-subject requests through the BGS contactpunt (ADR 0021): `/verzoeken-betrokkenen` for the
 * contactpunt (list, new, one request), `/taken-verzoeken` for the joint controllers' tasks.
 */
export const rightsRoutes: Routes = [
  {
    path: 'verzoeken-betrokkenen',
    canActivate: [permissionGuard('rights.manage')],
    title: 'rights.list.title',
    loadComponent: () => import('./rights/rights-requests-page').then((m) => m.RightsRequestsPage),
  },
  {
    path: 'verzoeken-betrokkenen/nieuw',
    canActivate: [permissionGuard('rights.manage')],
    title: 'rights.form.title',
    loadComponent: () => import('./rights/rights-request-form-page').then((m) => m.RightsRequestFormPage),
  },
  {
    path: 'verzoeken-betrokkenen/:requestId',
    canActivate: [permissionGuard('rights.manage')],
    title: 'rights.detail.title',
    loadComponent: () => import('./rights/rights-request-detail-page').then((m) => m.RightsRequestDetailPage),
  },
  {
    path: 'taken-verzoeken',
    canActivate: [permissionGuard('rights.tasks')],
    title: 'rights.tasks.title',
    loadComponent: () => import('./rights/rights-tasks-page').then((m) => m.RightsTasksPage),
  },
];
