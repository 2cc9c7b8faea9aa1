import { deadlineOf, isOpenRequest } from './rights-util';

describe('deadlineOf', () => {
  it('says in words and colour that the deadline has passed', () => {
    expect(deadlineOf('2026-03-04', '2026-03-01', true)).toEqual({
      key: 'rights.deadline.overdue',
      days: 3,
      tone: 'danger',
      badge: 'rights.deadline.overdueBadge',
    });
    expect(deadlineOf('2026-03-02', '2026-03-01', true).key).toBe('rights.deadline.overdueOne');
  });

  it('flags the last week, today included', () => {
    expect(deadlineOf('2026-03-01', '2026-03-01', true)).toMatchObject({
      key: 'rights.deadline.today',
      tone: 'attention',
    });
    expect(deadlineOf('2026-02-28', '2026-03-01', true)).toMatchObject({
      key: 'rights.deadline.one',
      days: 1,
    });
    expect(deadlineOf('2026-02-22', '2026-03-01', true)).toMatchObject({
      days: 7,
      badge: 'rights.deadline.soonBadge',
    });
    expect(deadlineOf('2026-02-21', '2026-03-01', true)).toMatchObject({
      days: 8,
      tone: 'neutral',
      badge: null,
    });
  });

  it('has nothing to say about a closed request', () => {
    expect(deadlineOf('2026-05-01', '2026-03-01', false)).toMatchObject({ key: null, badge: null });
    expect(isOpenRequest('AFGEWEZEN')).toBe(false);
    expect(isOpenRequest('ONTVANGEN')).toBe(true);
  });
});
