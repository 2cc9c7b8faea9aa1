import { Clock } from './clock';

describe('Clock', () => {
  it('gives the Dutch calendar date, not the UTC one', () => {
    const clock = new Clock(true);
    // 2026-03-14 23:30 UTC is already 15 March in Amsterdam (UTC+1 in winter).
    clock.advance(Date.parse('2026-03-14T23:30:00Z') - Date.now());
    expect(clock.today()).toBe('2026-03-15');
    clock.advance(-2 * 3_600_000);
    expect(clock.today()).toBe('2026-03-14');
  });

  it('cannot be moved outside tests', () => {
    expect(() => new Clock(false).advance(1)).toThrow(/only be moved in tests/);
  });
});
