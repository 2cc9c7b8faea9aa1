import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateProcessingActivityRequest,
  NewProcessingActivityVersionRequest,
  ProcessingActivityDto,
} from '@casustafel/shared/contracts';
import { Observable } from 'rxjs';

export const REGISTER_URL = '/api/register/processing-activities';

/**
 * The register of processing activities of the own region (verwerkingsregister, AVG art. 30).
 * A version is never changed: a change registers the next version under a new identifier.
 * Errors are RFC 9457 problems (see `problemOf`).
 */
@Injectable({ providedIn: 'root' })
export class RegisterApi {
  private readonly http = inject(HttpClient);

  /** Every version: those in force (`validUntil` null) first, then per activity newest first. */
  activities(): Observable<ProcessingActivityDto[]> {
    return this.http.get<ProcessingActivityDto[]>(REGISTER_URL);
  }

  /** A new activity, for a table (which moves to it) or region-wide (`tableId` null). */
  create(request: CreateProcessingActivityRequest): Observable<ProcessingActivityDto> {
    return this.http.post<ProcessingActivityDto>(REGISTER_URL, request);
  }

  /** The next version of an activity; 409 when `basedOn` is no longer the version in force. */
  newVersion(
    activityKey: string,
    request: NewProcessingActivityVersionRequest,
  ): Observable<ProcessingActivityDto> {
    return this.http.post<ProcessingActivityDto>(
      `${REGISTER_URL}/${encodeURIComponent(activityKey)}/versions`,
      request,
    );
  }
}
