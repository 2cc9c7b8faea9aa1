import { addCalendarMonths, rightsDueDate } from './rights';

describe('addCalendarMonths', () => {
  it.each([
    ['2026-01-15', 1, '2026-02-15'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-04-30', 1, '2026-05-30'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-02-28', 1, '2026-03-28'],
    ['2026-05-31', -3, '2026-02-28'],
  ])('%s + %i month(s) = %s', (date, months, expected) => {
    expect(addCalendarMonths(date, months)).toBe(expected);
  });

  it('refuses what is not a calendar date or whole months', () => {
    expect(() => addCalendarMonths('31-01-2026', 1)).toThrow();
    expect(() => addCalendarMonths('2026-01-31', 1.5)).toThrow();
  });
});

describe('rightsDueDate', () => {
  it('is one calendar month after receipt, and one plus the extension once extended', () => {
    expect(rightsDueDate('2026-01-31')).toBe('2026-02-28');
    expect(rightsDueDate('2026-01-31', 2)).toBe('2026-04-30');
    expect(rightsDueDate('2026-01-31', 1)).toBe('2026-03-31');
  });
});
