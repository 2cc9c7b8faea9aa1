import { byName, formatDate, formatDateTime } from './format';

describe('formatDate', () => {
  it.each([
    ['2026-01-05', '5-1-2026'],
    ['2026-12-31', '31-12-2026'],
    ['2026-03-09T23:30:00.000Z', '9-3-2026'],
  ])('shows %s as %s', (input, output) => {
    expect(formatDate(input)).toBe(output);
  });

  it('leaves anything else alone', () => {
    expect(formatDate(null)).toBe('');
    expect(formatDate('gisteren')).toBe('gisteren');
  });
});

describe('formatDateTime', () => {
  it('shows a moment as day-month-year and time', () => {
    const moment = new Date(2026, 2, 9, 7, 5);
    expect(formatDateTime(moment.toISOString())).toBe('9-3-2026 07:05');
    expect(formatDateTime('onbekend')).toBe('onbekend');
  });
});

describe('byName', () => {
  it('sorts case-insensitively with Dutch collation', () => {
    const names = ['politie', 'Gemeente', 'ÉÉn', 'adviesbureau'];
    expect([...names].sort(byName((n) => n))).toEqual(['adviesbureau', 'ÉÉn', 'Gemeente', 'politie']);
  });
});
