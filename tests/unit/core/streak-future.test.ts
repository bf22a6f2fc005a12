/** Stored days from the future are never "today" (issue #13 item 3). */
import { describe, expect, it } from 'vitest';
import { computeStreak } from '../../../core/streak';

/** Mon 16 – Fri 20 Nov 2026 met; today Monday 23 Nov. */
const week = { '2026-11-16': 1, '2026-11-17': 1, '2026-11-18': 1, '2026-11-19': 1, '2026-11-20': 1 };

describe('computeStreak and days from the future', () => {
  it('one completion dated a year ahead neither stops the streak nor becomes today', () => {
    const result = computeStreak({ goalByDay: { ...week, '2027-11-23': 1 }, dailyGoal: 1, today: '2026-11-23' });
    expect(result.today).toBe('2026-11-23');
    expect(result.current).toBe(5);
    expect(result.todayStatus).toBe('pending');
    expect(result.ignoredFutureDays).toEqual(['2027-11-23']);
  });

  it('a day up to one day ahead still counts (a learner who flew east), and becomes today', () => {
    const result = computeStreak({ goalByDay: { ...week, '2026-11-24': 1 }, dailyGoal: 1, today: '2026-11-23' });
    expect(result.today).toBe('2026-11-24');
    expect(result.ignoredFutureDays).toEqual([]);
  });

  it('the ignored day counts once its day comes', () => {
    const goalByDay = { ...week, '2026-11-25': 1 };
    expect(computeStreak({ goalByDay, dailyGoal: 1, today: '2026-11-23' }).ignoredFutureDays).toEqual(['2026-11-25']);
    const then = computeStreak({ goalByDay, dailyGoal: 1, today: '2026-11-25' });
    expect(then.ignoredFutureDays).toEqual([]);
    expect(then.todayMet).toBe(true);
  });
});
