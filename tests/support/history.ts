/**
 * Synthetic learner history for browser tests and the popup bench: completions
 * and visit aggregates written into the extension's own IndexedDB from one of
 * its pages, with the raw IndexedDB API (nothing is exposed by the extension
 * for this). The page must have opened the database once (any Langkah page
 * does), so the stores exist; pages opened afterwards read the new records.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, type DayKey, weekdayOf } from '../../core/day';
import { ROOT } from './browsers';

/** The id of every lesson in lessons/ (its file name), sorted. */
export function lessonIds(): string[] {
  return readdirSync(resolve(ROOT, 'lessons'))
    .filter((f) => f.endsWith('.md') && f !== 'README.md')
    .map((f) => f.slice(0, -'.md'.length))
    .sort();
}

export interface SeedCompletion {
  id: string;
  lessonId: string;
  kind: 'lesson' | 'review';
  day: DayKey;
  completedAt: number;
  utcOffset: number;
  correct: number;
  total: number;
  durationMs: number;
}

export interface SeedVisit {
  day: DayKey;
  systemId: string;
  views: number;
  firstSeen: number;
  lastSeen: number;
}

export interface History {
  completions: SeedCompletion[];
  visits: SeedVisit[];
}

/** mulberry32: the same history on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYSTEMS = ['siasn', 'srikandi', 'e-kinerja', 'lpse', 'sakti'];

/**
 * `days` days of history ending the day BEFORE `today`: on about 80 % of
 * Monday–Friday and 1 in 8 weekend days, 1–3 completions of the given lessons;
 * 1–3 systems visited on each working day. Today is left for the test to fill.
 */
export function syntheticHistory(
  today: DayKey,
  lessonIds: readonly string[],
  { days = 730, seed = 0x1a9c4, skip = [] as DayKey[] } = {},
): History {
  const next = random(seed);
  const completions: History['completions'] = [];
  const visits: History['visits'] = [];
  let n = 0;
  for (let day = addDays(today, -days); day < today; day = addDays(day, 1)) {
    const weekday = weekdayOf(day);
    const working = weekday >= 1 && weekday <= 5;
    const noon = Date.parse(`${day}T05:00:00Z`);
    if (!skip.includes(day) && next() < (working ? 0.8 : 0.125)) {
      const count = 1 + Math.floor(next() * 3);
      for (let i = 0; i < count; i++) {
        const lessonId = lessonIds[Math.floor(next() * lessonIds.length)] ?? 'lesson';
        completions.push({
          id: (++n).toString(16).padStart(32, '0'),
          lessonId,
          kind: next() < 0.2 ? 'review' : 'lesson',
          day,
          completedAt: noon + i * 600_000,
          utcOffset: 420,
          correct: 2,
          total: 3,
          durationMs: 90_000,
        });
      }
    }
    if (working) {
      const used = 1 + Math.floor(next() * 3);
      for (let i = 0; i < used; i++) {
        const systemId = SYSTEMS[(weekday + i) % SYSTEMS.length] ?? 'siasn';
        visits.push({ day, systemId, views: 1 + Math.floor(next() * 12), firstSeen: noon, lastSeen: noon + 3_600_000 });
      }
    }
  }
  return { completions, visits };
}

/** Writes the history into the `langkah` database from `page` (an extension page). */
export async function seedHistory(page: Page, history: History): Promise<void> {
  await page.evaluate(async ({ completions, visits }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('langkah');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['completions', 'visitDays'], 'readwrite');
      const completionStore = tx.objectStore('completions');
      for (const c of completions) completionStore.put(c);
      // One record per day, every system's views in it (schema v6, lib/db.ts VisitDayRow).
      const days = new Map<string, { day: string; systems: Record<string, object> }>();
      for (const { day, systemId, views, firstSeen, lastSeen } of visits) {
        const row = days.get(day) ?? { day, systems: {} };
        row.systems[systemId] = { views, firstSeen, lastSeen };
        days.set(day, row);
      }
      const visitStore = tx.objectStore('visitDays');
      for (const row of days.values()) visitStore.put(row);
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, history);
}

/**
 * Every record of one store of the `langkah` database. Runs inside an
 * extension page, so it is passed whole to the browser: `page.evaluate(storeRecords, 'completions')`
 * (Playwright and puppeteer alike); it must use nothing from outside its body.
 */
export function storeRecords(name: string): Promise<unknown[]> {
  return new Promise((done, fail) => {
    const open = indexedDB.open('langkah');
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const request = open.result.transaction(name).objectStore(name).getAll();
      request.onsuccess = () => {
        open.result.close();
        done(request.result);
      };
      request.onerror = () => fail(request.error);
    };
  });
}

/** Every record of a store in the extension's database, read from one of its pages (Playwright). */
export async function readStore<T = Record<string, unknown>>(page: Page, store: string): Promise<T[]> {
  return (await page.evaluate(storeRecords, store)) as T[];
}
