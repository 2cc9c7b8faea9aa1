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

/** Sorts like the API does (Dutch collation, case-insensitive). */
export function byName<T>(name: (item: T) => string): (a: T, b: T) => number {
  return (a, b) => name(a).localeCompare(name(b), 'nl', { sensitivity: 'base' });
}
