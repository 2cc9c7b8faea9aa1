import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AddAgendaItemRequest,
  CreateMeetingRequest,
  EstablishMinutesRequest,
  LiveEventDto,
  LiveStateDto,
  MeetingDetailDto,
  MeetingStaffDto,
  MeetingSummaryDto,
  MeetingTransitionRequest,
  MinutesDto,
  ReviseMinutesRequest,
  SetAttendanceRequest,
  UpdateAgendaItemRequest,
  UpdateMeetingRequest,
  UpdateMinutesItemRequest,
} from '@casustafel/shared/contracts';
import { Observable } from 'rxjs';

export const MEETINGS_URL = '/api/meetings';

const id = (value: string) => encodeURIComponent(value);

/**
 * Meetings, agenda, attendance and minutes (issue 6 design item 10). Every answer is the server's
 * projection for the user's organisation; a stale `version` answers 409, a meeting the user may not
 * see 404, a chair action by a participant 403.
 */
@Injectable({ providedIn: 'root' })
export class MeetingsApi {
  private readonly http = inject(HttpClient);

  list(tableId?: string): Observable<MeetingSummaryDto[]> {
    const params = tableId ? new HttpParams().set('tableId', tableId) : undefined;
    return this.http.get<MeetingSummaryDto[]>(MEETINGS_URL, { params });
  }

  get(meetingId: string): Observable<MeetingDetailDto> {
    return this.http.get<MeetingDetailDto>(`${MEETINGS_URL}/${id(meetingId)}`);
  }

  create(request: CreateMeetingRequest): Observable<MeetingDetailDto> {
    return this.http.post<MeetingDetailDto>(MEETINGS_URL, request);
  }

  update(meetingId: string, request: UpdateMeetingRequest): Observable<MeetingDetailDto> {
    return this.http.put<MeetingDetailDto>(`${MEETINGS_URL}/${id(meetingId)}`, request);
  }

  transition(meetingId: string, request: MeetingTransitionRequest): Observable<MeetingDetailDto> {
    return this.http.post<MeetingDetailDto>(`${MEETINGS_URL}/${id(meetingId)}/transitions`, request);
  }

  /** Who can chair or take minutes at a table, and its organisations (the planner's choices). */
  staff(tableId: string): Observable<MeetingStaffDto> {
    return this.http.get<MeetingStaffDto>(`/api/tables/${id(tableId)}/meeting-staff`);
  }

  addAgendaItem(meetingId: string, request: AddAgendaItemRequest): Observable<MeetingDetailDto> {
    return this.http.post<MeetingDetailDto>(`${MEETINGS_URL}/${id(meetingId)}/agenda`, request);
  }

  updateAgendaItem(
    meetingId: string,
    itemId: string,
    request: UpdateAgendaItemRequest,
  ): Observable<MeetingDetailDto> {
    return this.http.put<MeetingDetailDto>(`${MEETINGS_URL}/${id(meetingId)}/agenda/${id(itemId)}`, request);
  }

  removeAgendaItem(meetingId: string, itemId: string): Observable<MeetingDetailDto> {
    return this.http.delete<MeetingDetailDto>(`${MEETINGS_URL}/${id(meetingId)}/agenda/${id(itemId)}`);
  }

  /** Answers the stored event's sequence number; read the meeting again for its new state. */
  setAttendance(
    meetingId: string,
    organisationId: string,
    request: SetAttendanceRequest,
  ): Observable<{ seq: number }> {
    return this.http.put<{ seq: number }>(
      `${MEETINGS_URL}/${id(meetingId)}/attendance/${id(organisationId)}`,
      request,
    );
  }

  /** The live room's state without a socket (same projection as a join). */
  live(meetingId: string): Observable<LiveStateDto> {
    return this.http.get<LiveStateDto>(`${MEETINGS_URL}/${id(meetingId)}/live`);
  }

  /** Resync over REST: the events after `since`, projected for the user's organisation. */
  events(meetingId: string, since: number): Observable<{ events: LiveEventDto[]; seq: number }> {
    return this.http.get<{ events: LiveEventDto[]; seq: number }>(`${MEETINGS_URL}/${id(meetingId)}/events`, {
      params: new HttpParams().set('since', String(since)),
    });
  }

  // Minutes ---------------------------------------------------------------------------------------

  minutes(meetingId: string): Observable<MinutesDto> {
    return this.http.get<MinutesDto>(`${MEETINGS_URL}/${id(meetingId)}/minutes`);
  }

  minutesVersion(meetingId: string, version: number): Observable<MinutesDto> {
    return this.http.get<MinutesDto>(`${MEETINGS_URL}/${id(meetingId)}/minutes/versions/${version}`);
  }

  generateMinutes(meetingId: string): Observable<MinutesDto> {
    return this.http.post<MinutesDto>(`${MEETINGS_URL}/${id(meetingId)}/minutes`, {});
  }

  updateMinutesItem(
    meetingId: string,
    agendaItemId: string,
    request: UpdateMinutesItemRequest,
  ): Observable<MinutesDto> {
    return this.http.put<MinutesDto>(
      `${MEETINGS_URL}/${id(meetingId)}/minutes/items/${id(agendaItemId)}`,
      request,
    );
  }

  /** `rowVersion`: MinutesDto.rowVersion as read (a concept changed since then answers 409). */
  establishMinutes(meetingId: string, rowVersion: number): Observable<MinutesDto> {
    const request: EstablishMinutesRequest = { version: rowVersion };
    return this.http.post<MinutesDto>(`${MEETINGS_URL}/${id(meetingId)}/minutes/establish`, request);
  }

  reviseMinutes(meetingId: string, request: ReviseMinutesRequest): Observable<MinutesDto> {
    return this.http.post<MinutesDto>(`${MEETINGS_URL}/${id(meetingId)}/minutes/revise`, request);
  }
}
