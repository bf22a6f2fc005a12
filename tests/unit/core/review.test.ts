import { describe, expect, it } from 'vitest';
import {
  dueReviews,
  gradeFor,
  isStrong,
  MAX_INTERVAL_DAYS,
  type ReviewState,
  replayReview,
  STRONG_AFTER_DAYS,
  scheduleReview,
} from '../../../core/review';

const DAY = 86_400_000;
const t0 = Date.UTC(2026, 10, 2, 1, 0); // Monday 08:00 WIB

describe('gradeFor', () => {
  it.each([
    [3, 3, 3],
    [2, 2, 3],
    [2, 3, 1],
    [1, 2, 1],
    [1, 3, 1],
    [0, 2, 1],
    [0, 0, 1],
  ])('%i of %i correct is grade %i (all right: Good, any miss: Again)', (correct, total, grade) => {
    expect(gradeFor(correct, total)).toBe(grade);
  });
});

describe('scheduleReview', () => {
  it('puts a lesson finished without a miss into review a few days later', () => {
    const state = scheduleReview(undefined, 'kata-sandi', { correct: 3, total: 3 }, t0);
    expect(state.lessonId).toBe('kata-sandi');
    const days = (state.due - t0) / DAY;
    expect(days).toBeGreaterThanOrEqual(2);
    expect(days).toBeLessThanOrEqual(5);
    expect(isStrong(state)).toBe(false);
  });

  it('brings a missed lesson back sooner: the next day', () => {
    const missed = scheduleReview(undefined, 'kata-sandi', { correct: 1, total: 3 }, t0);
    const perfect = scheduleReview(undefined, 'kata-sandi', { correct: 3, total: 3 }, t0);
    expect((missed.due - t0) / DAY).toBe(1);
    expect(missed.due).toBeLessThan(perfect.due);
  });

  it('spaces reviews further apart after good answers, becomes strong, and keeps coming back', () => {
    let state = scheduleReview(undefined, 'x', { correct: 3, total: 3 }, t0);
    const intervals: number[] = [];
    let becameStrong = -1;
    for (let i = 0; i < 12; i++) {
      const now = state.due;
      state = scheduleReview(state, 'x', { correct: 2, total: 2 }, now);
      intervals.push((state.due - now) / DAY);
      if (becameStrong < 0 && isStrong(state)) becameStrong = i;
    }
    for (let i = 1; i < intervals.length; i++) {
      expect(intervals[i]).toBeGreaterThanOrEqual(intervals[i - 1] ?? 0);
    }
    expect(intervals[1]).toBeGreaterThan(intervals[0] ?? 0);
    // Strong (interval ≥ 21 days) after a few good reviews, and never retired: capped, it comes back.
    expect(becameStrong).toBeGreaterThanOrEqual(1);
    expect(becameStrong).toBeLessThanOrEqual(4);
    expect(state.card.scheduledDays).toBeGreaterThanOrEqual(STRONG_AFTER_DAYS);
    // Capped near MAX_INTERVAL_DAYS (FSRS still adds a day after each good review).
    expect(state.card.scheduledDays).toBeGreaterThanOrEqual(MAX_INTERVAL_DAYS);
    expect(Math.max(...intervals)).toBeLessThanOrEqual(MAX_INTERVAL_DAYS + intervals.length);
  });

  it('shortens the interval again after a miss (a lapse) and is no longer strong', () => {
    let good = scheduleReview(undefined, 'x', { correct: 2, total: 2 }, t0);
    for (let i = 0; i < 3; i++) good = scheduleReview(good, 'x', { correct: 2, total: 2 }, good.due);
    expect(isStrong(good)).toBe(true);
    const goodAgain = scheduleReview(good, 'x', { correct: 2, total: 2 }, good.due);
    const missed = scheduleReview(good, 'x', { correct: 1, total: 2 }, good.due);
    expect(missed.due - good.due).toBeLessThan(goodAgain.due - good.due);
    expect(missed.card.lapses).toBe(1);
    expect(isStrong(missed)).toBe(false);
  });

  it('never schedules from a moment before the last review (a clock that ran ahead)', () => {
    const ahead = scheduleReview(undefined, 'x', { correct: 2, total: 2 }, t0 + 30 * DAY);
    const next = scheduleReview(ahead, 'x', { correct: 2, total: 2 }, t0);
    expect(next.card.lastReview).toBe(ahead.card.lastReview);
    expect(next.due).toBeGreaterThanOrEqual(ahead.due);
  });

  it('is deterministic', () => {
    const a = scheduleReview(undefined, 'x', { correct: 1, total: 2 }, t0);
    const b = scheduleReview(undefined, 'x', { correct: 1, total: 2 }, t0);
    expect(a).toEqual(b);
  });
});

describe('replayReview', () => {
  it('gives the state the same results would have built one by one, whatever the order given', () => {
    const runs = [
      { correct: 3, total: 3, completedAt: t0 + 4 * DAY },
      { correct: 1, total: 3, completedAt: t0 },
    ];
    const first = scheduleReview(undefined, 'x', { correct: 1, total: 3 }, t0);
    expect(replayReview('x', runs)).toEqual(scheduleReview(first, 'x', { correct: 3, total: 3 }, t0 + 4 * DAY));
    expect(replayReview('x', [])).toBeUndefined();
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
