import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AdminUserDto,
  CaseTableAdminDto,
  CreateOrganisationRequest,
  CreateUserRequest,
  OrganisationDto,
  PutMembershipRequest,
  TableMembershipDto,
  TemporaryPasswordResponse,
  UpdateOrganisationRequest,
  UpdateUserRequest,
} from '@casustafel/shared/contracts';
import { Observable } from 'rxjs';

export const ADMIN_URL = '/api/admin';

/** Actions on one account that need no body and return the changed account. */
export type AdminUserAction = 'deactivate' | 'activate' | 'reset-second-factor' | 'unlock' | 'end-sessions';

const id = (value: string) => encodeURIComponent(value);

/**
 * The functional administration API (beheer): organisations, covenant status per table, users and
 * their roles. Typed by the shared contracts; errors are RFC 9457 problems (see `problemOf`).
 */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  organisations(): Observable<OrganisationDto[]> {
    return this.http.get<OrganisationDto[]>(`${ADMIN_URL}/organisations`);
  }

  createOrganisation(request: CreateOrganisationRequest): Observable<OrganisationDto> {
    return this.http.post<OrganisationDto>(`${ADMIN_URL}/organisations`, request);
  }

  /** A stale `version` gets 409. */
  updateOrganisation(
    organisationId: string,
    request: UpdateOrganisationRequest,
  ): Observable<OrganisationDto> {
    return this.http.put<OrganisationDto>(`${ADMIN_URL}/organisations/${id(organisationId)}`, request);
  }

  tables(): Observable<CaseTableAdminDto[]> {
    return this.http.get<CaseTableAdminDto[]>(`${ADMIN_URL}/tables`);
  }

  /** Sets an organisation's covenant status at a table; `version` only when it already has one. */
  putMembership(
    tableId: string,
    organisationId: string,
    request: PutMembershipRequest,
  ): Observable<TableMembershipDto> {
    return this.http.put<TableMembershipDto>(
      `${ADMIN_URL}/tables/${id(tableId)}/memberships/${id(organisationId)}`,
      request,
    );
  }

  users(): Observable<AdminUserDto[]> {
    return this.http.get<AdminUserDto[]>(`${ADMIN_URL}/users`);
  }

  /** Creates an account; the temporary password in the answer is shown once. */
  createUser(request: CreateUserRequest): Observable<TemporaryPasswordResponse> {
    return this.http.post<TemporaryPasswordResponse>(`${ADMIN_URL}/users`, request);
  }

  /** Name and roles; the roles replace those at the tables this beheerder administers. */
  updateUser(userId: string, request: UpdateUserRequest): Observable<AdminUserDto> {
    return this.http.put<AdminUserDto>(`${ADMIN_URL}/users/${id(userId)}`, request);
  }

  userAction(userId: string, action: AdminUserAction): Observable<AdminUserDto> {
    return this.http.post<AdminUserDto>(`${ADMIN_URL}/users/${id(userId)}/${action}`, {});
  }

  deactivateUser(userId: string): Observable<AdminUserDto> {
    return this.userAction(userId, 'deactivate');
  }

  activateUser(userId: string): Observable<AdminUserDto> {
    return this.userAction(userId, 'activate');
  }

  resetSecondFactor(userId: string): Observable<AdminUserDto> {
    return this.userAction(userId, 'reset-second-factor');
  }

  unlockUser(userId: string): Observable<AdminUserDto> {
    return this.userAction(userId, 'unlock');
  }

  endSessions(userId: string): Observable<AdminUserDto> {
    return this.userAction(userId, 'end-sessions');
  }

  /** A new temporary password; shown once, handed over out of band. */
  resetPassword(userId: string): Observable<TemporaryPasswordResponse> {
    return this.http.post<TemporaryPasswordResponse>(`${ADMIN_URL}/users/${id(userId)}/reset-password`, {});
  }
}
