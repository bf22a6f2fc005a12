import { describe, expect, it } from 'vitest';
import { dueReviews, gradeFor, RETIRE_AFTER_DAYS, type ReviewState, scheduleReview } from '../../../core/review';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 10, 2, 1, 0); // Monday 08:00 WIB

describe('gradeFor', () => {
  it.each([
    [3, 3, 3],
    [2, 3, 2],
    [1, 2, 2],
    [1, 3, 1],
    [0, 2, 1],
    [0, 0, 1],
  ])('%i of %i correct is grade %i', (correct, total, grade) => {
    expect(gradeFor(correct, total)).toBe(grade);
  });
});

describe('scheduleReview', () => {
  it('needs no review after a perfect first attempt', () => {
    expect(scheduleReview(undefined, 'kata-sandi', { correct: 3, total: 3 }, t0)).toBeNull();
  });

  it('brings a missed lesson back within days, not the same day', () => {
    const state = scheduleReview(undefined, 'kata-sandi', { correct: 1, total: 3 }, t0);
    expect(state?.lessonId).toBe('kata-sandi');
    const days = ((state?.due ?? 0) - t0) / DAY;
    expect(days).toBeGreaterThanOrEqual(1);
    expect(days).toBeLessThanOrEqual(3);
  });

  it('spaces reviews further apart after good answers and retires the lesson', () => {
    let state: ReviewState | null = scheduleReview(undefined, 'x', { correct: 0, total: 2 }, t0);
    const intervals: number[] = [];
    let now = t0;
    for (let i = 0; i < 10 && state; i++) {
      now = state.due;
      const next: ReviewState | null = scheduleReview(state, 'x', { correct: 2, total: 2 }, now);
      if (next) intervals.push((next.due - now) / DAY);
      state = next;
    }
    expect(state).toBeNull();
    expect(intervals.length).toBeGreaterThan(0);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1] ?? 0);
    expect(intervals.at(-1)).toBeLessThan(RETIRE_AFTER_DAYS);
  });

  it('shortens the interval again after a miss (a lapse)', () => {
    const first = scheduleReview(undefined, 'x', { correct: 0, total: 2 }, t0);
    const good = first && scheduleReview(first, 'x', { correct: 2, total: 2 }, first.due);
    const goodAgain = good && scheduleReview(good, 'x', { correct: 2, total: 2 }, good.due);
    const missed = good && scheduleReview(good, 'x', { correct: 0, total: 2 }, good.due);
    expect(goodAgain && missed).toBeTruthy();
    expect((missed?.due ?? 0) - (good?.due ?? 0)).toBeLessThan((goodAgain?.due ?? 0) - (good?.due ?? 0));
    expect(missed?.card.lapses).toBe(1);
  });

  it('is deterministic', () => {
    const a = scheduleReview(undefined, 'x', { correct: 1, total: 2 }, t0);
    const b = scheduleReview(undefined, 'x', { correct: 1, total: 2 }, t0);
    expect(a).toEqual(b);
  });
});

describe('dueReviews', () => {
  it('lists only what is due, most overdue first', () => {
    const card = { due: 0, stability: 1, difficulty: 5, scheduledDays: 1, reps: 1, lapses: 0, state: 2, lastReview: 0 };
    const states: ReviewState[] = [
      { lessonId: 'b', due: t0 - DAY, card },
      { lessonId: 'c', due: t0 + DAY, card },
      { lessonId: 'a', due: t0 - DAY, card },
      { lessonId: 'd', due: t0 - 2 * DAY, card },
    ];
    expect(dueReviews(states, t0).map((s) => s.lessonId)).toEqual(['d', 'a', 'b']);
  });
});
