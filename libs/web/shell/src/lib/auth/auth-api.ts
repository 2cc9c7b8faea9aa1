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

/** The problem's `title` if the error response carries a problem+json body, otherwise `null`. */
export function problemTitle(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) {
    return null;
  }
  let body: unknown = error.error;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body);
    } catch {
      return null;
    }
  }
  const title = typeof body === 'object' && body !== null ? (body as ProblemDetails).title : undefined;
  return typeof title === 'string' && title.trim() !== '' ? title : null;
}
