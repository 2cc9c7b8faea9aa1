import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';

export interface LoginCredentials {
  email: string;
  password: string;
}

/** RFC 9457 problem details as returned by the API (`application/problem+json`). */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  correlationId?: string;
}

export const LOGIN_URL = '/api/auth/login';

/** HTTP calls for signing in. Moves to a web data-access library once there is more than one. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(credentials: LoginCredentials): Observable<unknown> {
    return this.http.post<unknown>(LOGIN_URL, credentials);
  }
}

export type LoginFailureReason = 'credentials' | 'throttled' | 'unavailable';

export interface LoginFailure {
  reason: LoginFailureReason;
  /** Ties the failure to the server's log line; shown so the helpdesk can find it. Never personal data. */
  correlationId: string | null;
}

/**
 * Why a login failed, in terms the page can translate. The problem `title` of the API is an
 * English HTTP reason phrase ("Not Found"), so it is never shown in the (Dutch) interface.
 */
export function loginFailure(error: unknown): LoginFailure {
  if (!(error instanceof HttpErrorResponse)) {
    return { reason: 'unavailable', correlationId: null };
  }
  const reason: LoginFailureReason =
    error.status === 401 ? 'credentials' : error.status === 429 ? 'throttled' : 'unavailable';
  return { reason, correlationId: correlationIdOf(error) };
}

function correlationIdOf(error: HttpErrorResponse): string | null {
  let body: unknown = error.error;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      body = null;
    }
  }
  const fromBody =
    typeof body === 'object' && body !== null ? (body as ProblemDetails).correlationId : undefined;
  const id =
    typeof fromBody === 'string' && fromBody.trim() !== ''
      ? fromBody
      : error.headers?.get('x-correlation-id');
  return id ?? null;
}
