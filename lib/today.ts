/**
 * Today's lesson and today's review for this learner, from the records in
 * Dexie and the lesson index. The popup and the reminder both call
 * `getTodayPick` (through `getTodayPlan` for the popup), and the pick is kept
 * for the day so both always name the same lesson — until it is done.
 */
import { storage } from 'wxt/utils/storage';
import { addDays, type DayKey } from '../core/day';
import type { LessonBrief } from '../core/lesson';
import { type Pick, type PickInput, pickToday, planReviews, type ReviewPlan } from '../core/pick';
import { dueReviews, isStrong } from '../core/review';
import { normalizeDailyGoal } from '../core/streak';
import type { LangkahDB } from './db';
import { dailyGoal, rolePaths } from './settings';
import { visitsBetween } from './visits';

export interface StoredPick extends Pick {
  day: DayKey;
}

export const todayPickItem = storage.defineItem<StoredPick | null>('local:todayPick', { fallback: null });

/**
 * Gathers what the pick depends on: lessons done, today's review (due reviews
 * up to the daily cap for the learner's goal), systems used in the 7 days ending `today`.
 */
export async function loadPickInput(
  db: LangkahDB,
  lessons: readonly LessonBrief[],
  now: number,
  today: DayKey,
  goal?: number,
): Promise<PickInput & { review: ReviewPlan }> {
  const [completions, reviews, visits, storedGoal, chosenPaths] = await Promise.all([
    // Every completion, in the order they happened (sorted here: no completedAt index, schema v6).
    db.completions.toArray().then((all) => all.sort((a, b) => a.completedAt - b.completedAt)),
    db.reviews.toArray(),
    visitsBetween(db, addDays(today, -6), today),
    goal ?? dailyGoal.getValue(),
    rolePaths.getValue(),
  ]);
  const review = planReviews({
    due: dueReviews(reviews, now).map((r) => r.lessonId),
    known: new Set(lessons.map((l) => l.id)),
    goal: normalizeDailyGoal(storedGoal),
    reviewedToday: completions.filter((c) => c.day === today && c.kind === 'review').length,
  });
  const lastDone = new Map<string, number>();
  for (const c of completions) if (c.kind === 'lesson') lastDone.set(c.lessonId, c.completedAt);
  const systemViews = new Map<string, number>();
  for (const v of visits) systemViews.set(v.systemId, (systemViews.get(v.systemId) ?? 0) + v.views);
  return {
    lessons,
    doneInOrder: [...lastDone.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id),
    lastFinished: completions.at(-1)?.lessonId ?? null,
    dueReviews: review.lessonIds,
    systemViews,
    chosenPaths,
    review,
  };
}

/**
 * Today's pick. A pick made earlier today is kept while it is not yet done,
 * so the reminder and the popup agree; once done, the next one is chosen.
 */
export async function getTodayPick(
  db: LangkahDB,
  lessons: readonly LessonBrief[],
  now: number,
  today: DayKey,
): Promise<StoredPick | null> {
  return (await getTodayPlan(db, lessons, now, today)).pick;
}

export interface TodayPlan {
  /** What the reminder names: today's review first while one waits, else the lesson. */
  pick: StoredPick | null;
  /** Today's new lesson (or refresher), offered beside the review. */
  lesson: StoredPick | null;
  review: ReviewPlan;
}

/** Today's pick, today's lesson and today's review, from one read of the records. */
export async function getTodayPlan(
  db: LangkahDB,
  lessons: readonly LessonBrief[],
  now: number,
  today: DayKey,
): Promise<TodayPlan> {
  const input = await loadPickInput(db, lessons, now, today);
  const pick = await storedOrNewPick(db, lessons, today, input);
  const lessonPick =
    pick?.kind === 'lesson'
      ? pick
      : ((p) => (p ? { ...p, day: today } : null))(pickToday({ ...input, dueReviews: [] }));
  return { pick, lesson: lessonPick, review: input.review };
}

async function storedOrNewPick(
  db: LangkahDB,
  lessons: readonly LessonBrief[],
  today: DayKey,
  input: PickInput,
): Promise<StoredPick | null> {
  const stored = await todayPickItem.getValue();
  if (stored && stored.day === today && lessons.some((l) => l.id === stored.lessonId)) {
    const doneToday = await db.completions
      .where('day')
      .equals(today)
      .filter((c) => c.lessonId === stored.lessonId && c.kind === stored.kind)
      .count();
    if (doneToday === 0) return stored;
  }
  const pick = pickToday(input);
  const next = pick ? { ...pick, day: today } : null;
  await todayPickItem.setValue(next);
  return next;
}

/** Lessons whose review interval makes them "kuat" (core/review.ts `isStrong`). */
export async function strongLessons(db: LangkahDB): Promise<Set<string>> {
  return new Set((await db.reviews.toArray()).filter(isStrong).map((r) => r.lessonId));
}
