import { Route } from '@angular/router';
import { permissionGuard } from '@casustafel/web/auth/data-access';
import { authRoutes } from '@casustafel/web/auth/feature';
import { caseRoutes, rightsRoutes } from '@casustafel/web/cases/feature';
import { actionRoutes, meetingRoutes } from '@casustafel/web/meetings/feature';
import { shellRoutes } from '@casustafel/web/shell';

export const appRoutes: Route[] = [
  // Signed in: the start page; otherwise its guard sends the user to the login page.
  { path: '', pathMatch: 'full', redirectTo: 'start' },
  ...authRoutes,
  ...shellRoutes,
  ...caseRoutes,
  ...rightsRoutes,
  ...meetingRoutes,
  ...actionRoutes,
  // "Uittreksels voor mijn organisatie": its own chunk, also for users of an organisation that
  // received an extract without taking part in the table (the OM at the mensenhandel table).
  {
    path: 'uittreksels',
    canActivate: [permissionGuard('extracts.receive')],
    loadChildren: () => import('@casustafel/web/extracts/feature').then((m) => m.extractRoutes),
  },
  {
    path: 'beheer',
    canActivate: [permissionGuard('admin.read')],
    loadChildren: () => import('@casustafel/web/admin/feature').then((m) => m.adminRoutes),
  },
  // Not under Beheer: the FG reads the register without being a beheerder.
  {
    path: 'verwerkingsregister',
    canActivate: [permissionGuard('register.read')],
    loadChildren: () => import('@casustafel/web/admin/feature').then((m) => m.registerRoutes),
  },
  // The FG's audit-log views: by role and region, not by taking part in cases.
  {
    path: 'logboek',
    canActivate: [permissionGuard('audit.read')],
    loadChildren: () => import('@casustafel/web/admin/feature').then((m) => m.auditLogRoutes),
  },
  { path: '**', redirectTo: 'start' },
];
