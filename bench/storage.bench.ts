/**
 * The database after five years of heavy use, in the built extension in
 * headless Chromium: every working day 10 systems opened 20 times each
 * (200 page views, kept as 10 day-level aggregates — since schema v6 in one
 * record for the day), 2 lessons, 3 tips with
 * the learner's answer; a review state for each of 40 lessons; and the visit
 * receipts of the last 3 days (older ones are pruned at every background
 * start). Written into the extension's own IndexedDB from one of its pages,
 * in the shapes the extension writes.
 *
 * Measured two ways, both checked against the goal: Chromium's own
 * `navigator.storage.estimate()` usage of the extension's origin (what the
 * disk holds: IndexedDB with its indexes), and the serialized size of every
 * record (JSON, about what a backup file weighs). The disk figure used to
 * jump between runs (3.1 vs 5.1 MB): Chromium's IndexedDB store compacts its
 * write-ahead log and merges files in the background after the database is
 * opened, so a read right after a restart caught it at a random point. Now it
 * is read after a second restart, once three reads in a row agree; three runs
 * on fresh profiles must agree within 10%, and their spread is printed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { addDays, weekdayOf } from '../core/day';
import { groupVisits } from '../lib/db';
import { CHROME_BUILD, chromiumArgs, findChromium, requireBuild } from '../tests/support/browsers';
import { median } from './stats';
import type { Measurement } from './types';

const GOAL_MB = 3;
/** Largest allowed (max − min) / median across runs. */
const SPREAD = 0.1;
const RUNS = 3;
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
  // Stored as the extension stores them (schema v6): visits one record per day, the tip log as tipOffers.
  return {
    workingDays,
    records: { visitDays: groupVisits(visits), completions, tipOffers: tipLog, receipts, reviews },
  };
}

const launch = (userDataDir: string, extensionDir: string) =>
  chromium.launchPersistentContext(userDataDir, {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(extensionDir),
  });

/**
 * `navigator.storage.estimate()` usage once it has settled: the same figure
 * three reads in a row, half a second apart. Chromium's IndexedDB backing
 * store compacts its write-ahead log and merges files in the background after
 * the database is opened, so a single early read catches it at a random point.
 */
async function settledUsage(page: Page): Promise<number> {
  const read = () => page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  let last = await read();
  let same = 0;
  for (let i = 0; i < 60 && same < 2; i++) {
    await new Promise((r) => setTimeout(r, 500));
    const now = await read();
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return last;
}

/** Opens the data page (it opens the database) and waits until it shows the completions count. */
async function openDataPage(context: BrowserContext, dataPage: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(dataPage);
  await page.getByTestId('data-count-completions').filter({ hasNotText: '…' }).waitFor();
  return page;
}

interface StorageRun {
  usageBefore: number;
  usageWritten: number;
  /** Settled usage after the first and the second browser restart. */
  usageRestart1: number;
  usageRestart2: number;
  serialized: number;
  /** Stored records and their JSON size, per table, as read back. */
  tables: Record<string, { rows: number; bytes: number }>;
  shown: string;
  workingDays: number;
  counts: Record<string, number>;
  receiptBytes: number;
}

/** One fresh profile: seed five years, restart twice, measure. */
async function storageRun(extensionDir: string): Promise<StorageRun> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'langkah-bench-storage-'));
  let context = await launch(userDataDir, extensionDir);
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // Any Langkah page opens the database, so its stores exist.
    const dataPage = `chrome-extension://${new URL(worker.url()).host}/data.html`;
    const page = await openDataPage(context, dataPage);
    const usageBefore = await settledUsage(page);

    const { workingDays, records } = fiveYears(new Date().toISOString().slice(0, 10));
    const counts = Object.fromEntries(Object.entries(records).map(([k, v]) => [k, v.length]));
    const tables = await page.evaluate(async (all) => {
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
      // Read back what was stored, as the extension would, and weigh it, table by table.
      const tables: Record<string, { rows: number; bytes: number }> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        tables[store] = { rows: rows.length, bytes: new Blob([JSON.stringify(rows)]).size };
      }
      db.close();
      return tables;
    }, records);
    const serialized = Object.values(tables).reduce((sum, t) => sum + t.bytes, 0);
    const usageWritten = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    // Restart the browser on the same profile, as a learner's browser restarts, and measure what stays —
    // twice, so the second figure is after the first session's compaction has finished.
    const usages: number[] = [];
    let shown = '';
    for (let restart = 0; restart < 2; restart++) {
      await context.close();
      context = await launch(userDataDir, extensionDir);
      const again = await openDataPage(context, dataPage);
      shown = (await again.getByTestId('data-count-completions').textContent()) ?? '';
      usages.push(await settledUsage(again));
    }
    return {
      usageBefore,
      usageWritten,
      usageRestart1: usages[0] ?? Number.NaN,
      usageRestart2: usages[1] ?? Number.NaN,
      serialized,
      tables,
      shown,
      workingDays,
      counts,
      receiptBytes: new Blob([JSON.stringify(records.receipts)]).size / records.receipts.length,
    };
  } finally {
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

const mb = (bytes: number) => (bytes / MB).toFixed(2);
/** (max − min) / median, as a fraction. */
const relativeSpread = (values: number[]) => (Math.max(...values) - Math.min(...values)) / median(values);

export const measurements: Measurement[] = [
  {
    name: 'storage: database after five years of heavy use',
    goal: `≤ ${GOAL_MB} MB (disk and JSON), runs within ${SPREAD * 100}%`,
    needsBuild: true,
    needsBrowser: true,
    async run() {
      const extensionDir = requireBuild(process.env.LANGKAH_BENCH_EXTENSION ?? CHROME_BUILD);
      const runs: StorageRun[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await storageRun(extensionDir));
      const disk = runs.map((r) => r.usageRestart2);
      const json = runs.map((r) => r.serialized);
      const usage = median(disk);
      const first = runs[0] as StorageRun;
      const everyReceipt = first.workingDays * SYSTEMS.length * VIEWS_PER_SYSTEM;
      const pass =
        Math.max(...disk) <= GOAL_MB * MB &&
        Math.max(...json) <= GOAL_MB * MB &&
        relativeSpread(disk) <= SPREAD &&
        relativeSpread(json) <= SPREAD;
      return {
        value: Math.round((usage / MB) * 100) / 100,
        unit: 'MB',
        pass,
        spread:
          `disk ${(relativeSpread(disk) * 100).toFixed(1)}%, JSON ${(relativeSpread(json) * 100).toFixed(1)}% ` +
          `(max−min over median, ${RUNS} runs)`,
        detail:
          `${RUNS} runs, each a fresh profile. navigator.storage.estimate() usage of the extension origin, settled, ` +
          `after a second browser restart: ${disk.map(mb).join(', ')} MB (spread ${(relativeSpread(disk) * 100).toFixed(1)}%); ` +
          `after the first restart: ${runs.map((r) => mb(r.usageRestart1)).join(', ')} MB; right after writing: ` +
          `${runs.map((r) => mb(r.usageWritten)).join(', ')} MB; before seeding: ${runs.map((r) => mb(r.usageBefore)).join(', ')} MB. ` +
          `All records serialized as JSON: ${json.map(mb).join(', ')} MB (spread ${(relativeSpread(json) * 100).toFixed(1)}%); ` +
          `${first.workingDays} working days: ${(first.counts.visitDays ?? 0) * SYSTEMS.length} visit aggregates in ${first.counts.visitDays} day records, ${first.counts.completions} completions ` +
          `(data page shows ${first.shown}), ${first.counts.tipOffers} tip offers, ${first.counts.reviews} reviews, ` +
          `${first.counts.receipts} receipts. Per table as stored (records, JSON): ` +
          `${Object.entries(first.tables)
            .map(([name, t]) => `${name} ${t.rows} ${(t.bytes / 1024).toFixed(0)} KB`)
            .join(', ')}; without pruning, ${everyReceipt} receipts would add ≈ ` +
          `${((everyReceipt * first.receiptBytes) / MB).toFixed(1)} MB of JSON`,
      };
    },
  },
];
