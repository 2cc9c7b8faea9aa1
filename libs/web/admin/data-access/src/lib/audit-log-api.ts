import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuditEventQuery,
  AuditPersonEventsResponse,
  AuditPersonHitDto,
  AuditPersonSearchQuery,
  AuditUserDto,
  AuditUserEventsResponse,
} from '@casustafel/shared/contracts';
import { Observable } from 'rxjs';

export const AUDIT_URL = '/api/audit';

/** Only the parameters that are set, as query parameters. */
function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') {
      result = result.set(key, String(value));
    }
  }
  return result;
}

/**
 * The FG's views of the audit log of their region (NEN 7513 overview, Logboek Dataverwerkingen
 * export). Every call is itself audited by the API. Errors are RFC 9457 problems.
 */
@Injectable({ providedIn: 'root' })
export class AuditLogApi {
  private readonly http = inject(HttpClient);

  /** Persons of the region by family name (start, at least 2 characters), date of birth or number. */
  searchPersons(query: AuditPersonSearchQuery): Observable<AuditPersonHitDto[]> {
    return this.http.get<AuditPersonHitDto[]>(`${AUDIT_URL}/persons`, { params: params(query) });
  }

  /** Who had access to this person's data, newest first. */
  personEvents(personId: string, query: AuditEventQuery): Observable<AuditPersonEventsResponse> {
    return this.http.get<AuditPersonEventsResponse>(
      `${AUDIT_URL}/persons/${encodeURIComponent(personId)}/events`,
      {
        params: params(query),
      },
    );
  }

  /** A download link (the browser sends the session cookie; a GET needs no CSRF header). */
  exportUrl(personId: string, format: 'csv' | 'ldv', query: Pick<AuditEventQuery, 'from' | 'to'>): string {
    const search = params({ from: query.from, to: query.to }).toString();
    return `${AUDIT_URL}/persons/${encodeURIComponent(personId)}/events/export/${format}${search ? `?${search}` : ''}`;
  }

  users(name: string): Observable<AuditUserDto[]> {
    return this.http.get<AuditUserDto[]>(`${AUDIT_URL}/users`, { params: params({ name }) });
  }

  /** What this user did, newest first. */
  userEvents(userId: string, query: AuditEventQuery): Observable<AuditUserEventsResponse> {
    return this.http.get<AuditUserEventsResponse>(`${AUDIT_URL}/users/${encodeURIComponent(userId)}/events`, {
      params: params(query),
    });
  }
}
