import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AccountSessionDto,
  AuthConfigResponse,
  ChangePasswordRequest,
  LoginRequest,
  LoginStepResponse,
  RecoveryCodesResponse,
  SecondFactorEnrolmentResponse,
  SecondFactorRequest,
  SessionResponse,
} from '@casustafel/shared/contracts';
import { Observable } from 'rxjs';

export const AUTH_URL = '/api/auth';

/** Every call of the sign-in flow and of "Mijn account", typed by the shared contracts. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  config(): Observable<AuthConfigResponse> {
    return this.http.get<AuthConfigResponse>(`${AUTH_URL}/config`);
  }

  login(credentials: LoginRequest): Observable<LoginStepResponse> {
    return this.http.post<LoginStepResponse>(`${AUTH_URL}/login`, credentials);
  }

  loginStep(): Observable<LoginStepResponse> {
    return this.http.get<LoginStepResponse>(`${AUTH_URL}/login-step`);
  }

  secondFactor(request: SecondFactorRequest): Observable<LoginStepResponse> {
    return this.http.post<LoginStepResponse>(`${AUTH_URL}/second-factor`, request);
  }

  startEnrolment(): Observable<SecondFactorEnrolmentResponse> {
    return this.http.post<SecondFactorEnrolmentResponse>(`${AUTH_URL}/second-factor/enrolment`, {});
  }

  confirmEnrolment(code: string): Observable<LoginStepResponse & RecoveryCodesResponse> {
    return this.http.post<LoginStepResponse & RecoveryCodesResponse>(
      `${AUTH_URL}/second-factor/enrolment/confirm`,
      { code },
    );
  }

  changeTemporaryPassword(request: ChangePasswordRequest): Observable<LoginStepResponse> {
    return this.http.post<LoginStepResponse>(`${AUTH_URL}/password`, request);
  }

  session(): Observable<SessionResponse> {
    return this.http.get<SessionResponse>(`${AUTH_URL}/session`);
  }

  logout(): Observable<void> {
    return this.http.post<void>(`${AUTH_URL}/logout`, {});
  }

  accountSessions(): Observable<AccountSessionDto[]> {
    return this.http.get<AccountSessionDto[]>('/api/account/sessions');
  }

  endOtherSessions(): Observable<void> {
    return this.http.post<void>('/api/account/sessions/end-others', {});
  }

  endSession(id: string): Observable<void> {
    return this.http.delete<void>(`/api/account/sessions/${encodeURIComponent(id)}`);
  }

  changePassword(request: ChangePasswordRequest): Observable<void> {
    return this.http.put<void>('/api/account/password', request);
  }
}
