/**
 * Today's lesson for this learner, from the records in Dexie and the lesson
 * index. The popup and the reminder both call `getTodayPick`, and the pick is
 * kept for the day so both always name the same lesson — until it is done.
 */
import { storage } from 'wxt/utils/storage';
import { addDays, type DayKey } from '../core/day';
import type { LessonMeta } from '../core/lesson';
import { type Pick, type PickInput, pickToday } from '../core/pick';
import { dueReviews } from '../core/review';
import type { LangkahDB } from './db';
import { visitsBetween } from './visits';

export interface StoredPick extends Pick {
  day: DayKey;
}

export const todayPickItem = storage.defineItem<StoredPick | null>('local:todayPick', { fallback: null });

/** Gathers what the pick depends on: lessons done, reviews due, systems used in the 7 days ending `today`. */
export async function loadPickInput(
  db: LangkahDB,
  lessons: readonly LessonMeta[],
  now: number,
  today: DayKey,
): Promise<PickInput> {
  const [completions, reviews, visits] = await Promise.all([
    db.completions.orderBy('completedAt').toArray(),
    db.reviews.toArray(),
    visitsBetween(db, addDays(today, -6), today),
  ]);
  const lastDone = new Map<string, number>();
  for (const c of completions) if (c.kind === 'lesson') lastDone.set(c.lessonId, c.completedAt);
  const systemViews = new Map<string, number>();
  for (const v of visits) systemViews.set(v.systemId, (systemViews.get(v.systemId) ?? 0) + v.views);
  return {
    lessons,
    doneInOrder: [...lastDone.entries()].sort((a, b) => a[1] - b[1]).map(([id]) => id),
    lastFinished: completions.at(-1)?.lessonId ?? null,
    dueReviews: dueReviews(reviews, now).map((r) => r.lessonId),
    systemViews,
  };
}

/**
 * Today's pick. A pick made earlier today is kept while it is not yet done,
 * so the reminder and the popup agree; once done, the next one is chosen.
 */
export async function getTodayPick(
  db: LangkahDB,
  lessons: readonly LessonMeta[],
  now: number,
  today: DayKey,
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
  const pick = pickToday(await loadPickInput(db, lessons, now, today));
  const next = pick ? { ...pick, day: today } : null;
  await todayPickItem.setValue(next);
  return next;
}
