import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ActionDto, ActionScope, UpdateActionStatusRequest } from '@casustafel/shared/contracts';
import { Observable } from 'rxjs';

export const ACTIONS_URL = '/api/actions';

/** "Mijn acties": the actions owned by the user or the user's organisation, and status changes. */
@Injectable({ providedIn: 'root' })
export class ActionsApi {
  private readonly http = inject(HttpClient);

  list(scope: ActionScope): Observable<ActionDto[]> {
    return this.http.get<ActionDto[]>(ACTIONS_URL, { params: new HttpParams().set('scope', scope) });
  }

  updateStatus(actionId: string, request: UpdateActionStatusRequest): Observable<ActionDto> {
    return this.http.put<ActionDto>(`${ACTIONS_URL}/${encodeURIComponent(actionId)}/status`, request);
  }
}
