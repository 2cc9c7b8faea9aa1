/**
 * A calendar date (`YYYY-MM-DD`, or the date part of an ISO timestamp) as d-M-yyyy, e.g.
 * `2026-01-05` as `5-1-2026`: the usual Dutch short form, also readable in English. Done by hand so
 * that no locale data is needed and no time zone can move the date.
 */
export function formatDate(value: string | null | undefined): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value ?? '');
  if (!match) {
    return value ?? '';
  }
  const [, year, month, day] = match;
  return `${Number(day)}-${Number(month)}-${year}`;
}

/**
 * A moment as d-M-yyyy HH:mm in the browser's time zone (history entries are timestamps).
 * By hand, like `formatDate`, so that no locale data is needed.
 */
export function formatDateTime(value: string): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) {
    return value;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getDate()}-${date.getMonth() + 1}-${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Sorts like the API does (Dutch collation, case-insensitive). */
export function byName<T>(name: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => name(a).localeCompare(name(b), 'nl', { sensitivity: 'base' });
}
