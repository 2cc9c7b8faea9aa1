import { HttpInterceptorFn } from '@angular/common/http';
import { CSRF_HEADER } from '@casustafel/shared/contracts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const COOKIE = /(?:^|;\s*)(?:__Host-)?cst_csrf=([^;]+)/;

/**
 * Echoes the CSRF cookie in a header on every state-changing request to our own API (double
 * submit; the server also binds it to the session). Requests to other origins never get it.
 */
export const csrfInterceptor: HttpInterceptorFn = (request, next) => {
  if (SAFE.has(request.method) || !request.url.startsWith('/api/')) {
    return next(request);
  }
  const token = COOKIE.exec(document.cookie)?.[1];
  return next(token ? request.clone({ setHeaders: { [CSRF_HEADER]: decodeURIComponent(token) } }) : request);
};
