/**
 * Three weeks of a plausible learner's history for the store screenshots,
 * written straight into the extension's IndexedDB (`langkah`, see lib/db.ts)
 * from one of its pages. Fixed, not random: the same pictures on every run,
 * relative to the day they are taken.
 */
import type { Page } from '@playwright/test';
import { addDays, type DayKey, dayKey, weekdayOf } from '../../core/day';
import type { Completion, VisitDay } from '../../lib/db';

export interface StoreHistory {
  completions: Completion[];
  visits: VisitDay[];
}

/** Lessons per working day, oldest first; 0 is a missed working day (a streak freeze covers it). */
const LESSONS_PER_WORKING_DAY = [1, 2, 1, 1, 1, 0, 1, 2, 1, 1, 1, 1, 3, 1, 1, 2];
/** Systems opened on working days: [system id, views on a working day by its index]. */
const SYSTEM_VIEWS: [string, number[]][] = [
  ['siasn', [6, 3, 8, 4, 5]],
  ['srikandi', [4, 7, 2, 5, 6]],
  ['e-kinerja-bkn', [2, 0, 3, 1, 4]],
  ['spse-lpse', [0, 3, 0, 2, 1]],
];

/**
 * 21 days ending today (learner's day with the default 03:00 rollover, in
 * this machine's time zone — the same zone the browser uses): lessons on
 * nearly every working day, one Saturday lesson, one missed day, today's goal
 * met; visits to four catalog systems on each working day of the last week.
 */
export function storeHistory(now: number, lessonIds: readonly string[]): StoreHistory {
  const today = dayKey(now, { rolloverHour: 3 });
  const utcOffset = -new Date(now).getTimezoneOffset();
  const completions: Completion[] = [];
  const visits: VisitDay[] = [];
  let workingDay = 0;
  let lesson = 0;
  for (let back = 20; back >= 0; back--) {
    const day: DayKey = addDays(today, -back);
    const weekday = weekdayOf(day);
    const working = weekday >= 1 && weekday <= 5;
    const morning = Date.parse(`${day}T08:30:00`);
    let count = 0;
    if (back === 0) count = 1;
    else if (working) count = LESSONS_PER_WORKING_DAY[workingDay++ % LESSONS_PER_WORKING_DAY.length] ?? 1;
    else if (weekday === 6 && back > 7) count = 1;
    for (let i = 0; i < count; i++) {
      const lessonId = lessonIds[lesson++ % lessonIds.length] ?? 'kata-sandi-kuat';
      completions.push({
        id: `store-${day}-${i}`,
        lessonId,
        kind: i === 2 ? 'review' : 'lesson',
        day,
        completedAt: morning + i * 3_600_000,
        utcOffset,
        correct: (back + i) % 4 === 0 ? 2 : 3,
        total: 3,
        durationMs: 95_000 + i * 20_000,
      });
    }
    if (working && back <= 7) {
      for (const [systemId, views] of SYSTEM_VIEWS) {
        const count = views[weekday - 1] ?? 0;
        if (count > 0) {
          visits.push({ day, systemId, views: count, firstSeen: morning, lastSeen: morning + 6 * 3_600_000 });
        }
      }
    }
  }
  return { completions, visits };
}

/**
 * Writes the history into `langkah` from `page`, an extension page that has
 * opened the database already (any Langkah page does); pages opened afterwards
 * read it.
 */
export async function seedHistory(page: Page, history: StoreHistory): Promise<void> {
  await page.evaluate(async ({ completions, visits }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('langkah');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['completions', 'visitDays'], 'readwrite');
        for (const c of completions) tx.objectStore('completions').put(c);
        // One record per day, every system's views in it (schema v6, lib/db.ts VisitDayRow).
        const days = new Map<string, { day: string; systems: Record<string, object> }>();
        for (const { day, systemId, views, firstSeen, lastSeen } of visits) {
          const row = days.get(day) ?? { day, systems: {} };
          row.systems[systemId] = { views, firstSeen, lastSeen };
          days.set(day, row);
        }
        for (const row of days.values()) tx.objectStore('visitDays').put(row);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
  }, history);
}
