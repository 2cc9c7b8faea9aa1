import { Routes } from '@angular/router';

/**
 * The FG's audit-log views (Logboek), their own lazy chunk, mounted at `/logboek` and guarded by
 * `audit.read` in the app: search a person or a user, then their chronological log.
 */
export const auditLogRoutes: Routes = [
  {
    path: '',
    title: 'auditLog.title',
    loadComponent: () => import('./audit-search-page').then((m) => m.AuditSearchPage),
  },
  {
    path: 'personen/:id',
    title: 'auditLog.title',
    data: { kind: 'person' },
    loadComponent: () => import('./audit-log-page').then((m) => m.AuditLogPage),
  },
  {
    path: 'gebruikers/:id',
    title: 'auditLog.title',
    data: { kind: 'user' },
    loadComponent: () => import('./audit-log-page').then((m) => m.AuditLogPage),
  },
];
