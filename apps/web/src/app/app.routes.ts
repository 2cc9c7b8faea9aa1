import { Route } from '@angular/router';
import { shellRoutes } from '@casustafel/web/shell';

export const appRoutes: Route[] = [
  // Until there is a signed-in start page, everything starts at the login page.
  { path: '', pathMatch: 'full', redirectTo: 'inloggen' },
  ...shellRoutes,
  { path: '**', redirectTo: 'inloggen' },
];
