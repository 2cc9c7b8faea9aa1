import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AddParticipantRequest,
  AttachmentDto,
  BreakGlassGrantDto,
  BreakGlassReviewDto,
  CaseConsentsDto,
  CaseDetailDto,
  CaseInformingDto,
  CaseListResponse,
  CaseState,
  CaseTableDto,
  CaseTransitionRequest,
  CreateCaseItemRequest,
  CreateConsentRequest,
  CreateDisclosureRequest,
  CreateInformationRequestRequest,
  CreateRegistrationRequest,
  InformationRequestOverviewDto,
  InformingReviewDto,
  PutB8Request,
  PutExploitationRequest,
  PutInformingRequest,
  PutShelterRequest,
  PutVisibilityMatrixRequest,
  RegistrationDto,
  ReviewBreakGlassRequest,
  TableOrganisation,
  TriageDecisionRequest,
  UpdateCaseItemRequest,
  UpdateCaseRequest,
  UpdateRegistrationRequest,
  VisibilityMatrixDto,
  VisibilityMatrixHistoryEntry,
  WithdrawConsentRequest,
} from '@casustafel/shared/contracts';
import { Observable } from 'rxjs';

export const CASES_URL = '/api/cases';

export interface CaseListQuery {
  tableId?: string;
  state?: CaseState;
  /** Case number or a name; the server searches only what the user may see. */
  q?: string;
  page?: number;
  pageSize?: number;
}

const id = (value: string) => encodeURIComponent(value);

/**
 * Case tables, registrations, triage and cases. Every answer is already cut by the server's access
 * policy: the client never filters for need-to-know, it only shows what it gets. Errors are
 * RFC 9457 problems; a stale `version` answers 409, something the user may not see 404.
 */
@Injectable({ providedIn: 'root' })
export class CasesApi {
  private readonly http = inject(HttpClient);

  // Tables --------------------------------------------------------------------------------------

  /** The tables the user has a role at, with their signal lists and intake criteria. */
  tables(): Observable<CaseTableDto[]> {
    return this.http.get<CaseTableDto[]>('/api/tables');
  }

  /** Organisations with a covenant status at the table (choices for participants and disclosures). */
  tableOrganisations(tableId: string): Observable<TableOrganisation[]> {
    return this.http.get<TableOrganisation[]>(`/api/tables/${id(tableId)}/organisations`);
  }

  visibilityMatrix(tableId: string): Observable<VisibilityMatrixDto> {
    return this.http.get<VisibilityMatrixDto>(`/api/tables/${id(tableId)}/visibility`);
  }

  visibilityHistory(tableId: string): Observable<VisibilityMatrixHistoryEntry[]> {
    return this.http.get<VisibilityMatrixHistoryEntry[]>(`/api/tables/${id(tableId)}/visibility/history`);
  }

  putVisibilityMatrix(tableId: string, request: PutVisibilityMatrixRequest): Observable<VisibilityMatrixDto> {
    return this.http.put<VisibilityMatrixDto>(`/api/tables/${id(tableId)}/visibility`, request);
  }

  // Registrations and triage ----------------------------------------------------------------------

  /** The registrations of the user's organisation, with the triage outcome and advice. */
  myRegistrations(): Observable<RegistrationDto[]> {
    return this.http.get<RegistrationDto[]>('/api/registrations');
  }

  registration(registrationId: string): Observable<RegistrationDto> {
    return this.http.get<RegistrationDto>(`/api/registrations/${id(registrationId)}`);
  }

  createRegistration(request: CreateRegistrationRequest): Observable<RegistrationDto> {
    return this.http.post<RegistrationDto>('/api/registrations', request);
  }

  updateRegistration(registrationId: string, request: UpdateRegistrationRequest): Observable<RegistrationDto> {
    return this.http.put<RegistrationDto>(`/api/registrations/${id(registrationId)}`, request);
  }

  /** Submitted and in-triage registrations of the tables where the user triages. */
  triageQueue(): Observable<RegistrationDto[]> {
    return this.http.get<RegistrationDto[]>('/api/triage/registrations');
  }

  startTriage(registrationId: string): Observable<RegistrationDto> {
    return this.http.post<RegistrationDto>(`/api/triage/registrations/${id(registrationId)}/start`, {});
  }

  decideTriage(registrationId: string, request: TriageDecisionRequest): Observable<RegistrationDto> {
    return this.http.post<RegistrationDto>(`/api/triage/registrations/${id(registrationId)}/decision`, request);
  }

  // Cases -------------------------------------------------------------------------------------------

  list(query: CaseListQuery = {}): Observable<CaseListResponse> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') {
        params = params.set(key, String(value));
      }
    }
    return this.http.get<CaseListResponse>(CASES_URL, { params });
  }

  get(caseId: string): Observable<CaseDetailDto> {
    return this.http.get<CaseDetailDto>(`${CASES_URL}/${id(caseId)}`);
  }

  update(caseId: string, request: UpdateCaseRequest): Observable<CaseDetailDto> {
    return this.http.put<CaseDetailDto>(`${CASES_URL}/${id(caseId)}`, request);
  }

  transition(caseId: string, request: CaseTransitionRequest): Observable<CaseDetailDto> {
    return this.http.post<CaseDetailDto>(`${CASES_URL}/${id(caseId)}/transitions`, request);
  }

  addParticipant(caseId: string, request: AddParticipantRequest): Observable<CaseDetailDto> {
    return this.http.post<CaseDetailDto>(`${CASES_URL}/${id(caseId)}/participants`, request);
  }

  // Items and attachments ---------------------------------------------------------------------------

  addItem(caseId: string, request: CreateCaseItemRequest): Observable<{ id: string }> {
    return this.http.post<{ id: string }>(`${CASES_URL}/${id(caseId)}/items`, request);
  }

  updateItem(caseId: string, itemId: string, request: UpdateCaseItemRequest): Observable<{ id: string; version: number }> {
    return this.http.put<{ id: string; version: number }>(`${CASES_URL}/${id(caseId)}/items/${id(itemId)}`, request);
  }

  /** The server refuses a forbidden type or a file over the limit before it stores anything. */
  attach(caseId: string, itemId: string, file: File): Observable<AttachmentDto> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<AttachmentDto>(`${CASES_URL}/${id(caseId)}/items/${id(itemId)}/attachments`, form);
  }

  /** A link the browser can follow to download (the server audits every download). */
  attachmentUrl(caseId: string, itemId: string, attachmentId: string): string {
    return `${CASES_URL}/${id(caseId)}/items/${id(itemId)}/attachments/${id(attachmentId)}`;
  }

  // Disclosures -------------------------------------------------------------------------------------

  proposeDisclosure(caseId: string, request: CreateDisclosureRequest): Observable<{ id: string }> {
    return this.http.post<{ id: string }>(`${CASES_URL}/${id(caseId)}/disclosures`, request);
  }

  approveDisclosure(caseId: string, disclosureId: string): Observable<void> {
    return this.http.post<void>(`${CASES_URL}/${id(caseId)}/disclosures/${id(disclosureId)}/approve`, {});
  }

  rejectDisclosure(caseId: string, disclosureId: string): Observable<void> {
    return this.http.post<void>(`${CASES_URL}/${id(caseId)}/disclosures/${id(disclosureId)}/reject`, {});
  }

  revokeDisclosure(caseId: string, disclosureId: string, reason: string): Observable<void> {
    return this.http.post<void>(`${CASES_URL}/${id(caseId)}/disclosures/${id(disclosureId)}/revoke`, { reason });
  }

  // Information requests ----------------------------------------------------------------------------

  requestInformation(caseId: string, request: CreateInformationRequestRequest): Observable<{ id: string }> {
    return this.http.post<{ id: string }>(`${CASES_URL}/${id(caseId)}/information-requests`, request);
  }

  /** Open requests I sent (cases I manage) and received (my organisation), overdue first. */
  informationRequests(): Observable<InformationRequestOverviewDto[]> {
    return this.http.get<InformationRequestOverviewDto[]>('/api/information-requests');
  }

  /** Answer by adding an item with `informationRequestId`; decline with a reason. */
  declineInformationRequest(caseId: string, requestId: string, reason: string): Observable<void> {
    return this.http.post<void>(`${CASES_URL}/${id(caseId)}/information-requests/${id(requestId)}/decline`, {
      reason,
    });
  }

  // Consents and informing the person ------------------------------------------------------------------

  /** The case's consent register, each consent with the disclosures citing it that the user sees. */
  consents(caseId: string): Observable<CaseConsentsDto> {
    return this.http.get<CaseConsentsDto>(`${CASES_URL}/${id(caseId)}/consents`);
  }

  recordConsent(caseId: string, request: CreateConsentRequest): Observable<{ id: string }> {
    return this.http.post<{ id: string }>(`${CASES_URL}/${id(caseId)}/consents`, request);
  }

  /** Takes effect when the server receives it; disclosures under the consent lapse at once. */
  withdrawConsent(caseId: string, consentId: string, request: WithdrawConsentRequest): Observable<void> {
    return this.http.post<void>(`${CASES_URL}/${id(caseId)}/consents/${id(consentId)}/withdraw`, request);
  }

  informing(caseId: string): Observable<CaseInformingDto> {
    return this.http.get<CaseInformingDto>(`${CASES_URL}/${id(caseId)}/informing`);
  }

  putInforming(caseId: string, request: PutInformingRequest): Observable<CaseInformingDto> {
    return this.http.put<CaseInformingDto>(`${CASES_URL}/${id(caseId)}/informing`, request);
  }

  /** Deferrals to review today or earlier, in the cases the user manages (the dashboard's reminder). */
  informingReviews(): Observable<InformingReviewDto[]> {
    return this.http.get<InformingReviewDto[]>('/api/informing/reviews-due');
  }

  // Break-the-glass (noodknop) ---------------------------------------------------------------------

  /** Opens a summarised item for a while, with a reason; logged and reviewed by the FG. */
  breakGlass(caseId: string, itemId: string, reason: string): Observable<BreakGlassGrantDto> {
    return this.http.post<BreakGlassGrantDto>(
      `${CASES_URL}/${id(caseId)}/items/${id(itemId)}/break-glass`,
      { reason },
    );
  }

  /** The FG's queue: openings at the FG's tables, unreviewed first. */
  breakGlassReviews(): Observable<BreakGlassReviewDto[]> {
    return this.http.get<BreakGlassReviewDto[]>('/api/break-glass/reviews');
  }

  reviewBreakGlass(grantId: string, request: ReviewBreakGlassRequest): Observable<BreakGlassReviewDto> {
    return this.http.post<BreakGlassReviewDto>(`/api/break-glass/${id(grantId)}/review`, request);
  }

  // Mensenhandel ------------------------------------------------------------------------------------

  putExploitation(caseId: string, request: PutExploitationRequest): Observable<CaseDetailDto> {
    return this.http.put<CaseDetailDto>(`${CASES_URL}/${id(caseId)}/mensenhandel/exploitation`, request);
  }

  putB8(caseId: string, request: PutB8Request): Observable<CaseDetailDto> {
    return this.http.put<CaseDetailDto>(`${CASES_URL}/${id(caseId)}/mensenhandel/b8`, request);
  }

  putShelter(caseId: string, request: PutShelterRequest): Observable<CaseDetailDto> {
    return this.http.put<CaseDetailDto>(`${CASES_URL}/${id(caseId)}/mensenhandel/shelter`, request);
  }
}
