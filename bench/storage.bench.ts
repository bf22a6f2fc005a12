/**
 * The database after five years of heavy use, in the built extension in
 * headless Chromium: every working day 10 systems opened 20 times each
 * (200 page views, kept as 10 day-level aggregates), 2 lessons, 3 tips with
 * the learner's answer; a review state for each of 40 lessons; and the visit
 * receipts of the last 3 days (older ones are pruned at every background
 * start). Written into the extension's own IndexedDB from one of its pages,
 * in the shapes the extension writes.
 *
 * Measured two ways, both printed: Chromium's own `navigator.storage.estimate()`
 * usage of the extension's origin after a browser restart (what the disk
 * holds: IndexedDB with its indexes, once the write-ahead log of the bulk
 * write is compacted — the goal is checked on this; the figure right after
 * writing is printed too), and the serialized size of every record (JSON,
 * about what a backup file weighs).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { addDays, weekdayOf } from '../core/day';
import { CHROME_BUILD, chromiumArgs, findChromium, requireBuild } from '../tests/support/browsers';
import type { Measurement } from './types';

const GOAL_MB = 5;
const MB = 1024 * 1024;
const YEARS = 5;
const SYSTEMS = [
  'siasn',
  'myasn',
  'e-kinerja',
  'srikandi',
  'spse-lpse',
  'sakti',
  'sipd',
  'sirup',
  'jdih-bpk',
  'e-office',
];
const VIEWS_PER_SYSTEM = 20;
const LESSONS_PER_DAY = 2;
const TIPS_PER_DAY = 3;
const LESSONS = 40;
const RECEIPT_DAYS = 3;

const hex = (n: number, salt: number) => ((n * 2654435761 + salt) >>> 0).toString(16).padStart(8, '0').repeat(4);

/** Five years of records ending `end` (exclusive), Monday–Friday working days. */
export function fiveYears(end: string) {
  const visits = [];
  const completions = [];
  const tipLog = [];
  const receipts = [];
  let start = addDays(end, -365 * YEARS - 1);
  let n = 0;
  let workingDays = 0;
  for (let day = start; day < end; day = addDays(day, 1)) {
    const weekday = weekdayOf(day);
    if (weekday === 0 || weekday === 6) continue;
    workingDays++;
    const morning = Date.parse(`${day}T07:30:00+07:00`);
    for (const systemId of SYSTEMS)
      visits.push({ day, systemId, views: VIEWS_PER_SYSTEM, firstSeen: morning, lastSeen: morning + 8 * 3_600_000 });
    for (let i = 0; i < LESSONS_PER_DAY; i++) {
      n++;
      completions.push({
        id: hex(n, 1),
        lessonId: `pelajaran-contoh-${n % LESSONS}`,
        kind: i === 0 ? 'lesson' : 'review',
        day,
        completedAt: morning + (i + 1) * 3_600_000,
        utcOffset: 420,
        correct: 2,
        total: 3,
        durationMs: 95_000,
      });
    }
    for (let i = 0; i < TIPS_PER_DAY; i++) {
      n++;
      tipLog.push({
        offerId: hex(n, 2),
        day,
        tipId: `tip-${SYSTEMS[i % SYSTEMS.length]}-${n % 50}`,
        systemId: SYSTEMS[i % SYSTEMS.length] ?? 'siasn',
        at: morning + (i + 2) * 3_600_000,
        action: (['learn', 'later', 'closed'] as const)[i] ?? null,
      });
    }
  }
  start = addDays(end, -RECEIPT_DAYS);
  for (let day = start; day < end; day = addDays(day, 1)) {
    for (let i = 0; i < SYSTEMS.length * VIEWS_PER_SYSTEM; i++) {
      n++;
      receipts.push({ id: hex(n, 3), at: Date.parse(`${day}T08:00:00+07:00`) + i * 60_000 });
    }
  }
  const reviews = Array.from({ length: LESSONS }, (_, i) => ({
    lessonId: `pelajaran-contoh-${i}`,
    due: Date.parse(`${end}T09:00:00+07:00`) + i * 86_400_000,
    card: {
      due: Date.parse(`${end}T09:00:00+07:00`) + i * 86_400_000,
      stability: 12.5,
      difficulty: 5.2,
      scheduledDays: 14,
      reps: 6,
      lapses: 1,
      state: 2,
      lastReview: Date.parse(`${end}T09:00:00+07:00`) - 14 * 86_400_000,
    },
  }));
  return { workingDays, records: { visits, completions, tipLog, receipts, reviews } };
}

export const measurements: Measurement[] = [
  {
    name: 'storage: database after five years of heavy use',
    goal: `< ${GOAL_MB} MB`,
    needsBuild: true,
    needsBrowser: true,
    async run() {
      const extensionDir = requireBuild(CHROME_BUILD);
      const userDataDir = mkdtempSync(join(tmpdir(), 'langkah-bench-storage-'));
      let context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: findChromium(),
        headless: true,
        args: chromiumArgs(extensionDir),
      });
      try {
        const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
        const page = await context.newPage();
        // Any Langkah page opens the database, so its stores exist.
        const dataPage = `chrome-extension://${new URL(worker.url()).host}/data.html`;
        await page.goto(dataPage);
        await page.getByTestId('data-count-completions').filter({ hasText: '0' }).waitFor();
        const usageBefore = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);

        const { workingDays, records } = fiveYears(new Date().toISOString().slice(0, 10));
        const counts = Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.length]));
        const serialized = await page.evaluate(async (all) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open('langkah');
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          for (const [store, rows] of Object.entries(all)) {
            for (let i = 0; i < rows.length; i += 2000) {
              await new Promise<void>((resolve, reject) => {
                const tx = db.transaction(store, 'readwrite');
                for (const row of rows.slice(i, i + 2000)) tx.objectStore(store).put(row);
                tx.oncomplete = () => resolve();
                tx.onerror = () => reject(tx.error);
              });
            }
          }
          // Read back what was stored, as the extension would, and weigh it.
          let bytes = 0;
          for (const store of Array.from(db.objectStoreNames)) {
            const rows = await new Promise<unknown[]>((resolve, reject) => {
              const request = db.transaction(store).objectStore(store).getAll();
              request.onsuccess = () => resolve(request.result);
              request.onerror = () => reject(request.error);
            });
            bytes += new Blob([JSON.stringify(rows)]).size;
          }
          db.close();
          return bytes;
        }, records);
        const usageWritten = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
        // Restart the browser on the same profile, as a learner's browser restarts, and measure what stays.
        await context.close();
        context = await chromium.launchPersistentContext(userDataDir, {
          executablePath: findChromium(),
          headless: true,
          args: chromiumArgs(extensionDir),
        });
        const again = await context.newPage();
        await again.goto(dataPage);
        await again.getByTestId('data-count-completions').filter({ hasNotText: '…' }).waitFor();
        const shown = await again.getByTestId('data-count-completions').textContent();
        const usage = await again.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
        const everyReceipt = workingDays * SYSTEMS.length * VIEWS_PER_SYSTEM;
        const receiptBytes = new Blob([JSON.stringify(records.receipts)]).size / records.receipts.length;
        return {
          value: Math.round((usage / MB) * 100) / 100,
          unit: 'MB',
          pass: usage < GOAL_MB * MB,
          detail:
            `navigator.storage.estimate() usage of the extension origin after a browser restart ` +
            `(${(usageBefore / MB).toFixed(2)} MB before seeding, ${(usageWritten / MB).toFixed(2)} MB right after writing); ` +
            `all records serialized as JSON: ${(serialized / MB).toFixed(2)} MB; ` +
            `${workingDays} working days: ${counts.visits} visit aggregates, ${counts.completions} completions ` +
            `(data page shows ${shown}), ${counts.tipLog} tip offers, ${counts.reviews} reviews, ${counts.receipts} receipts; ` +
            `without pruning, ${everyReceipt} receipts would add ≈ ${((everyReceipt * receiptBytes) / MB).toFixed(1)} MB of JSON`,
        };
      } finally {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  },
];
