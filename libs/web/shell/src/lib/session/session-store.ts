import { Injectable, computed, signal } from '@angular/core';

export interface SessionUser {
  displayName: string;
  organisationName: string;
}

/**
 * Placeholder for the signed-in user until the auth API exists.
 * Lives in memory only: session data is never written to browser storage.
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly state = signal<SessionUser | null>(null);

  readonly user = this.state.asReadonly();
  readonly signedIn = computed(() => this.state() !== null);

  signIn(user: SessionUser): void {
    this.state.set(user);
  }

  signOut(): void {
    this.state.set(null);
  }
}

/** Accepts `{ displayName, organisationName }` or `{ user: { … } }`; anything else is not a session user. */
export function toSessionUser(body: unknown): SessionUser | null {
  const candidate = isRecord(body) && isRecord(body['user']) ? body['user'] : body;
  if (
    isRecord(candidate) &&
    typeof candidate['displayName'] === 'string' &&
    typeof candidate['organisationName'] === 'string'
  ) {
    return { displayName: candidate['displayName'], organisationName: candidate['organisationName'] };
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
