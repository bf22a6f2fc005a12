/**
 * New lessons and reviews over 120 simulated working days, for daily goals 1,
 * 2 and 3: a learner who each working day does today's review (core/pick.ts
 * `planReviews`) and then new lessons until the goal is met. The daily load
 * stays bounded, the pile of waiting reviews stays small, and every finished
 * lesson comes back.
 */
import { describe, expect, it } from 'vitest';
import { LESSON_LEVELS, LESSON_PILLARS } from '../../../core/lesson';
import { type PickLesson, pickToday, planReviews, reviewCap } from '../../../core/pick';
import { seededRandom } from '../../../core/quiz';
import { dueReviews, type ReviewState, scheduleReview } from '../../../core/review';

const DAY = 86_400_000;
const WORKING_DAYS = 120;

/** 34 lessons like the real set: more dasar than menengah than mahir, four pillars. */
const lessons: PickLesson[] = Array.from({ length: 34 }, (_, i) => ({
  id: `l${String(i).padStart(2, '0')}`,
  level: LESSON_LEVELS[i < 14 ? 0 : i < 26 ? 1 : 2] ?? 'dasar',
  pillar: LESSON_PILLARS[i % 4] ?? 'cakap-digital',
  systems: [],
}));
const known = new Set(lessons.map((l) => l.id));

interface Day {
  reviews: number;
  lessons: number;
  waiting: number;
}

function simulate(goal: number) {
  const reviews = new Map<string, ReviewState>();
  const doneAt = new Map<string, number>();
  const firstDone = new Map<string, number>();
  /** For every review finished: how many calendar days after it fell due. */
  const lateness: number[] = [];
  const reviewedLessons = new Set<string>();
  const days: Day[] = [];
  const random = seededRandom(`goal-${goal}`);
  // Monday 2 November 2026, 09:00 WIB; only Monday–Friday are working days.
  let now = Date.UTC(2026, 10, 2, 2, 0);
  let lastFinished: string | null = null;
  while (days.length < WORKING_DAYS) {
    const weekday = new Date(now).getUTCDay();
    if (weekday === 0 || weekday === 6) {
      now += DAY;
      continue;
    }
    let at = now;
    const plan = planReviews({
      due: dueReviews([...reviews.values()], at).map((r) => r.lessonId),
      known,
      goal,
      reviewedToday: 0,
    });
    for (const id of plan.lessonIds) {
      const state = reviews.get(id);
      lateness.push(Math.round((at - (state?.due ?? at)) / DAY));
      // One review in six has a miss.
      const correct = random() < 1 / 6 ? 1 : 2;
      reviews.set(id, scheduleReview(state, id, { correct, total: 2 }, at));
      reviewedLessons.add(id);
      lastFinished = id;
      at += 60_000;
    }
    let newLessons = 0;
    while (plan.lessonIds.length + newLessons < goal) {
      const pick = pickToday({
        lessons,
        doneInOrder: [...doneAt.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id),
        lastFinished,
        dueReviews: [],
        systemViews: new Map(),
      });
      if (!pick) break;
      const correct = random() < 0.3 ? 2 : 3;
      reviews.set(pick.lessonId, scheduleReview(reviews.get(pick.lessonId), pick.lessonId, { correct, total: 3 }, at));
      doneAt.set(pick.lessonId, at);
      if (!firstDone.has(pick.lessonId)) firstDone.set(pick.lessonId, at);
      lastFinished = pick.lessonId;
      newLessons++;
      at += 60_000;
    }
    days.push({ reviews: plan.lessonIds.length, lessons: newLessons, waiting: plan.waiting });
    now += DAY;
  }
  return { days, reviews, firstDone, lateness, reviewedLessons, end: now };
}

describe.each([1, 2, 3])('goal %i over 120 working days', (goal) => {
  const sim = simulate(goal);

  it('keeps the daily load bounded: at most the review cap plus the goal', () => {
    const load = sim.days.map((d) => d.reviews + d.lessons);
    expect(Math.max(...load)).toBeLessThanOrEqual(reviewCap(goal) + goal);
    // And the learner meets the goal every day.
    expect(Math.min(...load)).toBeGreaterThanOrEqual(goal);
  });

  it('never lets the pile of waiting reviews grow without bound', () => {
    const waiting = sim.days.map((d) => d.waiting);
    // Measured: at most 4, 6 and 8 for goals 1, 2 and 3; never more than two days' cap.
    expect(Math.max(...waiting)).toBeLessThanOrEqual(2 * reviewCap(goal));
    // And it empties again: every two weeks have a day with nothing waiting.
    for (let start = 0; start + 10 <= WORKING_DAYS; start++) {
      expect(waiting.slice(start, start + 10), `days ${start}–${start + 9}`).toContain(0);
    }
  });

  it('brings every finished lesson back, within a few days of its due date', () => {
    expect(sim.firstDone.size).toBeGreaterThan(goal * 10);
    for (const [id, first] of sim.firstDone) {
      // Every lesson finished more than a month before the end has been reviewed.
      if (sim.end - first > 30 * DAY) expect(sim.reviewedLessons.has(id), id).toBe(true);
      // And every lesson finished is in review, coming back.
      expect(sim.reviews.get(id)?.due, id).toBeGreaterThan(first);
    }
    expect(Math.max(...sim.lateness)).toBeLessThanOrEqual(7);
  });

  it('still moves on to new lessons', () => {
    const learned = sim.days.reduce((n, d) => n + d.lessons, 0);
    expect(learned).toBeGreaterThanOrEqual(Math.min(34, 20 * goal));
  });
});
