import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Clock, TooManyRequestsError } from '@casustafel/api/platform';

const WINDOW_MS = 60_000;
const MAX_KEYS = 100_000;

/**
 * Attempts per client address per minute on the login endpoints (password, second factor, password
 * change), independent of the account lockout: it slows down guessing across many accounts.
 * Per instance; with N instances behind a balancer the effective limit is at most N times higher.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly windows = new Map<string, { startMs: number; count: number }>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  hit(address: string | undefined): void {
    const key = address ?? 'unknown';
    const now = this.clock.nowMs();
    let window = this.windows.get(key);
    if (!window || now - window.startMs >= WINDOW_MS || now < window.startMs) {
      if (this.windows.size >= MAX_KEYS) {
        this.windows.clear();
      }
      window = { startMs: now, count: 0 };
      this.windows.set(key, window);
    }
    window.count += 1;
    if (window.count > this.config.auth.loginRateLimitPerMinute) {
      const retryAfter = Math.max(1, Math.ceil((window.startMs + WINDOW_MS - now) / 1000));
      throw new TooManyRequestsError(retryAfter, 'Too many attempts from this address; wait and try again.');
    }
  }
}
