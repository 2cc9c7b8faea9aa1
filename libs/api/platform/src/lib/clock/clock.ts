/**
 * The time as the application sees it. Session timeouts, lockouts and deadlines read it here, never
 * `Date.now()` or the database's `now()`, so tests can move time without waiting.
 */
const DUTCH_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

export class Clock {
  private offsetMs = 0;

  /** @param canTravel only in tests may the clock be moved. */
  constructor(private readonly canTravel = false) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /**
   * Today's calendar date (YYYY-MM-DD) in the Netherlands. Deadlines, B8 end dates and memberships
   * are Dutch calendar days; between 00:00 and 01:00/02:00 local time the UTC date is still yesterday.
   */
  today(): string {
    return DUTCH_DATE.format(this.now());
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
