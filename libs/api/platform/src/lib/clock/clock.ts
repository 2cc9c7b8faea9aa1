/**
 * The time as the application sees it. Session timeouts, lockouts and deadlines read it here, never
 * `Date.now()` or the database's `now()`, so tests can move time without waiting.
 */
export class Clock {
  private offsetMs = 0;

  /** @param canTravel only in tests may the clock be moved. */
  constructor(private readonly canTravel = false) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  /** Tests only: move the clock forward (or back). */
  advance(ms: number): void {
    if (!this.canTravel) {
      throw new Error('The clock can only be moved in tests (NODE_ENV=test)');
    }
    this.offsetMs += ms;
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
