import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateExtractRequest,
  ExtractCandidatesDto,
  ExtractDecisionRequest,
  ExtractDto,
  ReceivedExtractDto,
  RecallExtractRequest,
} from '@casustafel/shared/contracts';
import { Observable } from 'rxjs';

export const EXTRACTS_URL = '/api/extracts';
export const RECEIVED_EXTRACTS_URL = '/api/received-extracts';

const id = (value: string) => encodeURIComponent(value);

/** The two documents of an issued extract. */
export type ExtractDocument = 'pdf' | 'json';

/**
 * Need-to-know extracts (uittreksels, issue 7, ADR 0024). The composing side (the managers of the
 * case's table) lists, composes, decides, recalls and supersedes the extracts of a case; the
 * recipient organisation lists what it received, never the case. Every answer is already cut by
 * the server's access policy; a denial answers 404, a recalled, replaced or expired extract's
 * documents 410. Errors are RFC 9457 problems naming the field (`purpose`, `items[3].itemId`).
 */
@Injectable({ providedIn: 'root' })
export class ExtractsApi {
  private readonly http = inject(HttpClient);

  // The composing side -----------------------------------------------------------------------

  list(caseId: string): Observable<ExtractDto[]> {
    return this.http.get<ExtractDto[]>(`/api/cases/${id(caseId)}/extracts`);
  }

  /** What the composer may put in an extract for this recipient, with what the recipient may receive. */
  candidates(caseId: string, recipientOrganisationId: string): Observable<ExtractCandidatesDto> {
    return this.http.get<ExtractCandidatesDto>(`/api/cases/${id(caseId)}/extracts/candidates`, {
      params: new HttpParams().set('recipientOrganisationId', recipientOrganisationId),
    });
  }

  create(caseId: string, request: CreateExtractRequest): Observable<ExtractDto> {
    return this.http.post<ExtractDto>(`/api/cases/${id(caseId)}/extracts`, request);
  }

  get(extractId: string): Observable<ExtractDto> {
    return this.http.get<ExtractDto>(`${EXTRACTS_URL}/${id(extractId)}`);
  }

  /** Approve (then the documents are generated) or refuse with a reason: a second person. */
  decide(extractId: string, request: ExtractDecisionRequest): Observable<ExtractDto> {
    return this.http.post<ExtractDto>(`${EXTRACTS_URL}/${id(extractId)}/decision`, request);
  }

  recall(extractId: string, request: RecallExtractRequest): Observable<ExtractDto> {
    return this.http.post<ExtractDto>(`${EXTRACTS_URL}/${id(extractId)}/recall`, request);
  }

  // The recipient ------------------------------------------------------------------------------

  received(): Observable<ReceivedExtractDto[]> {
    return this.http.get<ReceivedExtractDto[]>(RECEIVED_EXTRACTS_URL);
  }

  receivedOne(extractId: string): Observable<ReceivedExtractDto> {
    return this.http.get<ReceivedExtractDto>(`${RECEIVED_EXTRACTS_URL}/${id(extractId)}`);
  }
}

/**
 * Where a document is downloaded: a plain link (the session cookie goes along, the server answers
 * with `Content-Disposition: attachment` and audits the download). Same address for both sides.
 */
export function extractDocumentUrl(extractId: string, document: ExtractDocument): string {
  return `${EXTRACTS_URL}/${id(extractId)}/document.${document}`;
}
