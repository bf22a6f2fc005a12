/**
 * The learner's records, in IndexedDB of the extension's own origin.
 * Opened only by the background and extension pages — never by a content
 * script, which would write into the government site's storage instead.
 *
 * Every schema change is a new `version()` with an upgrade function when data
 * must change; a released version is never edited.
 */
import Dexie, { type EntityTable, type Table } from 'dexie';
import type { DayKey } from '../core/day';
import type { ReviewState } from '../core/review';

/** Page views of one system on one local day: an aggregate, never a URL. */
export interface VisitDay {
  day: DayKey;
  systemId: string;
  views: number;
  firstSeen: number;
  lastSeen: number;
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
}

/** The spaced-review schedule of one lesson (core/review.ts). */
export type Review = ReviewState;

export const DB_NAME = 'langkah';

export class LangkahDB extends Dexie {
  visits!: Table<VisitDay, [DayKey, string]>;
  completions!: EntityTable<Completion, 'id'>;
  receipts!: EntityTable<Receipt, 'id'>;
  reviews!: EntityTable<Review, 'lessonId'>;
  tipLog!: EntityTable<TipLogEntry, 'offerId'>;

  constructor(name = DB_NAME) {
    super(name);
    this.version(1).stores({
      visits: '[day+systemId], day, systemId',
      completions: 'id, day, lessonId, completedAt',
      receipts: 'id, at',
      reviews: 'lessonId, due',
      tipLog: 'offerId, day, tipId',
    });
    // Indexes only what a where()/orderBy() reads: tips by day, completions by
    // day and time, receipts by age; visits by day through their primary key
    // [day+systemId] (lib/visits.ts). The rest cost disk and every write.
    this.version(2).stores({
      visits: '[day+systemId]',
      completions: 'id, day, completedAt',
      reviews: 'lessonId',
      tipLog: 'offerId, day',
    });
  }
}

let instance: LangkahDB | undefined;

/** The database singleton of this extension context. */
export function getDb(): LangkahDB {
  instance ??= new LangkahDB();
  return instance;
}
