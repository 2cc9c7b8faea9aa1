const TIME_ZONE = 'Europe/Amsterdam';

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function amsterdam(value: string): Record<string, string> | null {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return null;
  }
  return Object.fromEntries(PARTS.formatToParts(date).map((p) => [p.type, p.value]));
}

/**
 * A date as d-M-yyyy (`5-1-2026`), the usual Dutch short form that English readers also read
 * correctly. A calendar date (`YYYY-MM-DD`) is shown as is; a timestamp as its date in the
 * Netherlands, so a registration at 00:30 is not shown on the previous day.
 */
export function formatDate(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) {
    return `${Number(plain[3])}-${Number(plain[2])}-${plain[1]}`;
  }
  const p = amsterdam(value);
  return p ? `${Number(p['day'])}-${Number(p['month'])}-${p['year']}` : value;
}

/** A timestamp as d-M-yyyy HH:mm, Dutch time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const p = amsterdam(value);
  return p ? `${formatDate(value)} ${p['hour']}:${p['minute']}` : value;
}

/** The time of a timestamp as HH:mm, Dutch time (e.g. until when a break-glass opening runs). */
export function formatTime(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const p = amsterdam(value);
  return p ? `${p['hour']}:${p['minute']}` : value;
}
