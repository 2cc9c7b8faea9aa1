import { Routes } from '@angular/router';
import { permissionGuard } from '@casustafel/web/auth/data-access';

/**
 * "Uittreksels voor mijn organisatie", mounted lazily by the app under `/uittreksels`: the extracts
 * addressed to the user's organisation. The composing side lives in the case detail
 * (`CaseExtracts`).
 */
export const extractRoutes: Routes = [
  {
    path: '',
    canActivate: [permissionGuard('extracts.receive')],
    title: 'extracts.received.title',
    loadComponent: () => import('./received/received-extracts-page').then((m) => m.ReceivedExtractsPage),
  },
];
