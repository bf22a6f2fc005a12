/**
 * The learner's records, in IndexedDB of the extension's own origin.
 * Opened only by the background and extension pages — never by a content
 * script, which would write into the government site's storage instead.
 *
 * Every schema change is a new `version()` with an upgrade function when data
 * must change; a released version is never edited.
 */
import Dexie, { type EntityTable, type Table, type Transaction } from 'dexie';
import type { DayKey } from '../core/day';
import type { DeliveryState, RowState } from '../core/outbox';
import type { ReviewState } from '../core/review';
import type { XapiStatement } from '../core/xapi';

/** Page views of one system on one local day: an aggregate, never a URL. */
export interface VisitDay {
  day: DayKey;
  systemId: string;
  views: number;
  firstSeen: number;
  lastSeen: number;
}

/** One system's page views on a day, inside a `VisitDayRow`. */
export interface SystemViews {
  views: number;
  firstSeen: number;
  lastSeen: number;
}

/**
 * What is stored (schema v6): every system's views of one local day in one
 * record, keyed by the day — a tenth of the records `VisitDay` rows took.
 * lib/visits.ts reads and writes it as `VisitDay` rows.
 */
export interface VisitDayRow {
  day: DayKey;
  systems: Record<string, SystemViews>;
}

/** One finished lesson or review. */
export interface Completion {
  id: string;
  lessonId: string;
  kind: 'lesson' | 'review';
  day: DayKey;
  completedAt: number;
  /** Minutes east of UTC when it happened (WIB = 420). */
  utcOffset: number;
  correct: number;
  total: number;
  durationMs: number;
  /**
   * Ids of the questions this run asked (core/quiz.ts), the learner's exposure
   * to each question. Absent on completions stored before question pools.
   */
  questions?: string[];
}

/** Ids of events already applied, so a retried message is not counted twice. Pruned after a few days. */
export interface Receipt {
  id: string;
  at: number;
}

/** One tip (or lesson card) offered on a page, and what the learner did with it. */
export interface TipLogEntry {
  offerId: string;
  day: DayKey;
  /** The tip id, or `lesson:<id>` / `topic:<id>` for the lesson and topic cards. */
  tipId: string;
  systemId: string;
  at: number;
  action: 'learn' | 'later' | 'never' | 'system-off' | 'closed' | null;
  /**
   * When its card was mounted on the page (not indexed: no schema change).
   * `null`: only reserved — the card has not appeared yet, and the
   * reservation lapses unless it does. Absent on offers recorded before
   * reservations existed, which count as shown.
   */
  shownAt?: number | null;
  /** The tab a reservation was made for; a new page in that tab lets it lapse at once. */
  tabId?: number;
}

/** The spaced-review schedule of one lesson (core/review.ts). */
export type Review = ReviewState;

/**
 * One xAPI statement for the agency's LRS (core/outbox.ts), queued in the same
 * transaction as the completion it describes. Sent ones are kept (a few
 * hundred) so "Data Anda" shows what left, when and to which LRS.
 */
export interface OutboxEntry {
  /** The statement's id (UUID v5 of the completion, core/xapi.ts). */
  id: string;
  /** Order of sending: the completion's time ×10 + the statement's index. */
  seq: number;
  state: RowState;
  statement: XapiStatement;
  enqueuedAt: number;
  /** For the "Data Anda" list without opening the statement: `completed`, `passed`, `failed`. */
  verb: string;
  lessonId: string;
  sentAt?: number;
  /** The endpoint it went to. */
  lrs?: string;
  /** Why the LRS refused it (parked). */
  reason?: string;
}

/** The delivery state (core/outbox.ts), one row keyed `delivery`. */
export type LrsStateRow = DeliveryState & { key: 'delivery' };

export const DB_NAME = 'langkah';

export class LangkahDB extends Dexie {
  visitDays!: EntityTable<VisitDayRow, 'day'>;
  completions!: EntityTable<Completion, 'id'>;
  receipts!: EntityTable<Receipt, 'id'>;
  reviews!: EntityTable<Review, 'lessonId'>;
  /** The tip log (schema v6): keyed by [day+offerId], so a day's offers are a key range (lib/offers.ts). */
  tipOffers!: Table<TipLogEntry, [DayKey, string]>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  lrsState!: EntityTable<LrsStateRow, 'key'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      visits: '[day+systemId], day, systemId',
      completions: 'id, day, lessonId, completedAt',
      receipts: 'id, at',
      reviews: 'lessonId, due',
      tipLog: 'offerId, day, tipId',
    });
    // Version 3: every finished lesson enters spaced review. No index changes (so it composes with
    // the index clean-up of version 4); the upgrade gives each lesson finished without a review
    // state one, replayed from its completions. Existing review states are kept as they are.
    this.version(3).stores({}).upgrade(addMissingReviews);
    // Version 4: indexes only what a where()/orderBy() reads: tips by day, completions by
    // day and time, receipts by age; visits by day through their primary key
    // [day+systemId] (lib/visits.ts). The rest cost disk and every write.
    this.version(4).stores({
      visits: '[day+systemId]',
      completions: 'id, day, completedAt',
      reviews: 'lessonId',
      tipLog: 'offerId, day',
    });
    // Version 5: the xAPI outbox for the agency's LRS (issue 17) and its delivery state. New tables only.
    this.version(5).stores({ outbox: 'id, [state+seq]', lrsState: 'key' });
    // Version 6: less disk for the same records (bench "storage", issue 18). Every index entry
    // repeats its record's 32-character primary key, so: completions lose the completedAt index
    // (lib/today.ts sorts them itself), and the tip log moves from `tipLog` (key offerId, index
    // day) to `tipOffers`, keyed by [day+offerId] — a day's offers are a range of the key itself,
    // with no index. And the visit aggregates move from `visits` (one record per day and system)
    // to `visitDays` (one record per day, every system's views in it). Same content, copied;
    // the old tables are deleted after the copy.
    this.version(6)
      .stores({
        completions: 'id, day',
        tipLog: null,
        tipOffers: '[day+offerId]',
        visits: null,
        visitDays: 'day',
      })
      .upgrade(async (tx) => {
        await moveTipLog(tx);
        await moveVisits(tx);
      });
  }
}

/** The version 3 upgrade: a review state for every finished lesson that has none. */
export async function addMissingReviews(tx: Transaction): Promise<void> {
  const reviews = tx.table<Review, string>('reviews');
  const have = new Set(await reviews.toCollection().primaryKeys());
  const runs = new Map<string, Completion[]>();
  for (const c of await tx.table<Completion, string>('completions').toArray()) {
    if (have.has(c.lessonId)) continue;
    runs.set(c.lessonId, [...(runs.get(c.lessonId) ?? []), c]);
  }
  if (runs.size === 0) return;
  // The scheduler (ts-fsrs) only for this rare upgrade, not in every page that opens the database;
  // waitFor keeps the upgrade transaction open while it loads.
  const { replayReview } = await Dexie.waitFor(import('../core/review'));
  const added = [...runs].flatMap(([lessonId, list]) => replayReview(lessonId, list) ?? []);
  if (added.length > 0) await reviews.bulkAdd(added);
}

/** The version 6 upgrade: every tip offer from `tipLog` into `tipOffers`, unchanged. */
export async function moveTipLog(tx: Transaction): Promise<void> {
  const offers = await tx.table<TipLogEntry, string>('tipLog').toArray();
  if (offers.length > 0) await tx.table<TipLogEntry, [DayKey, string]>('tipOffers').bulkAdd(offers);
}

/** Groups `VisitDay` rows into one record per day, as `visitDays` stores them. */
export function groupVisits(rows: readonly VisitDay[]): VisitDayRow[] {
  const byDay = new Map<DayKey, VisitDayRow>();
  for (const { day, systemId, views, firstSeen, lastSeen } of rows) {
    const row = byDay.get(day) ?? { day, systems: {} };
    row.systems[systemId] = { views, firstSeen, lastSeen };
    byDay.set(day, row);
  }
  return [...byDay.values()];
}

/** The `VisitDay` rows of stored day records, by day and system id (the order the [day+systemId] key kept before v6). */
export function flattenVisits(rows: readonly VisitDayRow[]): VisitDay[] {
  return rows.flatMap(({ day, systems }) =>
    Object.entries(systems)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([systemId, v]) => ({
        day,
        systemId,
        views: v.views,
        firstSeen: v.firstSeen,
        lastSeen: v.lastSeen,
      })),
  );
}

/** The version 6 upgrade of the visits: one record per day instead of one per day and system. */
export async function moveVisits(tx: Transaction): Promise<void> {
  const rows = groupVisits(await tx.table<VisitDay, [DayKey, string]>('visits').toArray());
  if (rows.length > 0) await tx.table<VisitDayRow, DayKey>('visitDays').bulkAdd(rows);
}

let instance: LangkahDB | undefined;

/** The database singleton of this extension context. */
export function getDb(): LangkahDB {
  instance ??= new LangkahDB();
  return instance;
}
