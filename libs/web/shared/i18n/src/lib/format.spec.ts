import { formatDate, formatDateTime } from './format';

describe('formatDate', () => {
  it('shows a calendar date as d-M-yyyy', () => {
    expect(formatDate('2026-01-05')).toBe('5-1-2026');
  });

  it('shows a timestamp as its date in the Netherlands', () => {
    // 23:30 UTC on 9 March is 00:30 on 10 March in Amsterdam.
    expect(formatDate('2026-03-09T23:30:00.000Z')).toBe('10-3-2026');
    expect(formatDate('2026-07-01T12:00:00.000Z')).toBe('1-7-2026');
  });

  it('leaves anything else alone', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('gisteren')).toBe('gisteren');
  });
});

describe('formatDateTime', () => {
  it('shows date and time in Dutch time (summer and winter)', () => {
    expect(formatDateTime('2026-01-05T08:05:00.000Z')).toBe('5-1-2026 09:05');
    expect(formatDateTime('2026-07-01T12:00:00.000Z')).toBe('1-7-2026 14:00');
    expect(formatDateTime(null)).toBe('');
  });
});
