import { Routes } from '@angular/router';
import { permissionGuard } from '@casustafel/web/auth/data-access';

/**
 * Beheer: organisations, covenant status per table, users and roles. Mounted at `/beheer` (the app
 * guards it with the `admin.read` permission). Titles are translation keys.
 */
export const adminRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('./admin-layout').then((m) => m.AdminLayout),
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'gebruikers' },
      {
        path: 'gebruikers',
        title: 'admin.users.title',
        loadComponent: () => import('./users/users-page').then((m) => m.UsersPage),
      },
      {
        path: 'organisaties',
        title: 'admin.organisations.title',
        loadComponent: () => import('./organisations/organisations-page').then((m) => m.OrganisationsPage),
      },
      {
        path: 'tafels',
        title: 'admin.tables.title',
        loadComponent: () => import('./tables/tables-page').then((m) => m.TablesPage),
      },
      {
        path: 'tafels/:tableId/zichtbaarheid',
        canActivate: [permissionGuard('tables.configure')],
        title: 'admin.visibility.title',
        loadComponent: () =>
          import('./visibility/visibility-matrix-page').then((m) => m.VisibilityMatrixPage),
      },
    ],
  },
];
