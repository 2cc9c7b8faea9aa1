import { Routes } from '@angular/router';
import { permissionGuard } from '@casustafel/web/auth/data-access';

/**
 * "Uittreksels voor mijn organisatie" (`/uittreksels`), mounted by the app: the extracts addressed
 * to the user's organisation, its own lazy chunk. The composing side lives in the case detail
 * ({@link CaseExtracts}).
 */
export const extractRoutes: Routes = [
  {
    path: 'uittreksels',
    canActivate: [permissionGuard('extracts.receive')],
    title: 'extracts.received.title',
    loadComponent: () => import('./received/received-extracts-page').then((m) => m.ReceivedExtractsPage),
  },
];
