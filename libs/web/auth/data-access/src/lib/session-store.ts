import { Injectable, computed, inject, signal } from '@angular/core';
import type { Permission, SessionResponse } from '@casustafel/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { AuthApi } from './auth-api';

/**
 * The signed-in user as signals. Lives in memory only: nothing about the session or any case is
 * written to browser storage (the session itself is an httpOnly cookie the app never sees).
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly state = signal<SessionResponse | null>(null);
  private readonly demo = signal(false);
  private loading?: Promise<SessionResponse | null>;

  readonly session = this.state.asReadonly();
  readonly signedIn = computed(() => this.state() !== null);
  readonly user = computed(() => this.state()?.user ?? null);
  readonly organisation = computed(() => this.state()?.organisation ?? null);
  readonly demoMode = this.demo.asReadonly();

  has(permission: Permission): boolean {
    return this.state()?.permissions.includes(permission) ?? false;
  }

  /** Fetches the session once (at start-up, after login); null when not signed in. */
  load(force = false): Promise<SessionResponse | null> {
    if (!this.loading || force) {
      this.loading = firstValueFrom(this.api.session()).then(
        (session) => {
          this.state.set(session);
          return session;
        },
        () => {
          this.state.set(null);
          return null;
        },
      );
    }
    return this.loading;
  }

  /** Reads demo mode and obtains the CSRF cookie the login form needs. */
  async loadConfig(): Promise<void> {
    try {
      const config = await firstValueFrom(this.api.config());
      this.demo.set(config.demoMode);
    } catch {
      this.demo.set(false);
    }
  }

  /** The server ended the session (expired, revoked) or the user logged out. */
  clear(): void {
    this.state.set(null);
    this.loading = Promise.resolve(null);
  }
}
