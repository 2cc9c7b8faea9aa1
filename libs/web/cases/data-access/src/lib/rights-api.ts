import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AnswerRightsTaskRequest,
  CloseRightsRequestRequest,
  CreateRightsRequestRequest,
  ExtendRightsRequestRequest,
  FanOutRightsRequestRequest,
  MyRightsTaskDto,
  RightsLookupResponse,
  RightsRequestDetailDto,
  RightsRequestSummaryDto,
  RightsSubjectInput,
} from '@casustafel/shared/contracts';
import { Observable } from 'rxjs';

export const RIGHTS_REQUESTS_URL = '/api/rights-requests';
export const RIGHTS_TASKS_URL = '/api/rights-tasks';

const id = (value: string) => encodeURIComponent(value);

/**
 * Data-subject requests through the contactpunt (BGS): the contactpunt's requests, look-up and
 * changes, and the tasks of the user's organisation as a joint controller. A stale `version`
 * answers 409; a request or task the user may not see, 404.
 */
@Injectable({ providedIn: 'root' })
export class RightsApi {
  private readonly http = inject(HttpClient);

  requests(): Observable<RightsRequestSummaryDto[]> {
    return this.http.get<RightsRequestSummaryDto[]>(RIGHTS_REQUESTS_URL);
  }

  request(requestId: string): Observable<RightsRequestDetailDto> {
    return this.http.get<RightsRequestDetailDto>(`${RIGHTS_REQUESTS_URL}/${id(requestId)}`);
  }

  /** The inzage report (PDF) as a download link: the browser sends the session cookie, a GET needs no CSRF header. */
  reportUrl(requestId: string): string {
    return `${RIGHTS_REQUESTS_URL}/${id(requestId)}/report.pdf`;
  }

  /** Who a request would reach: counts and organisations only. A POST, so a BSN never goes into a URL. */
  lookup(subject: RightsSubjectInput): Observable<RightsLookupResponse> {
    return this.http.post<RightsLookupResponse>(`${RIGHTS_REQUESTS_URL}/lookup`, { subject });
  }

  create(request: CreateRightsRequestRequest): Observable<RightsRequestDetailDto> {
    return this.http.post<RightsRequestDetailDto>(RIGHTS_REQUESTS_URL, request);
  }

  fanOut(requestId: string, request: FanOutRightsRequestRequest): Observable<RightsRequestDetailDto> {
    return this.http.post<RightsRequestDetailDto>(`${RIGHTS_REQUESTS_URL}/${id(requestId)}/fan-out`, request);
  }

  extend(requestId: string, request: ExtendRightsRequestRequest): Observable<RightsRequestDetailDto> {
    return this.http.post<RightsRequestDetailDto>(
      `${RIGHTS_REQUESTS_URL}/${id(requestId)}/extension`,
      request,
    );
  }

  close(requestId: string, request: CloseRightsRequestRequest): Observable<RightsRequestDetailDto> {
    return this.http.post<RightsRequestDetailDto>(`${RIGHTS_REQUESTS_URL}/${id(requestId)}/close`, request);
  }

  myTasks(): Observable<MyRightsTaskDto[]> {
    return this.http.get<MyRightsTaskDto[]>(RIGHTS_TASKS_URL);
  }

  answerTask(taskId: string, request: AnswerRightsTaskRequest): Observable<MyRightsTaskDto> {
    return this.http.post<MyRightsTaskDto>(`${RIGHTS_TASKS_URL}/${id(taskId)}/answer`, request);
  }
}
