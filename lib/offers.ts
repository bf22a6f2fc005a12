/**
 * The tip log's reads and writes by offer (lib/db.ts `tipOffers`, schema v6):
 * the store is keyed by [day+offerId], so a day's offers are one key range
 * and a lookup by offer id alone walks back from the newest day — an offer
 * is acted on soon after it is made, so the walk stops within the first few.
 */
import Dexie from 'dexie';
import type { DayKey } from '../core/day';
import type { LangkahDB, TipLogEntry } from './db';

/** The offers made on `day`. */
export function offersOfDay(db: LangkahDB, day: DayKey): Dexie.Collection<TipLogEntry, [DayKey, string]> {
  return db.tipOffers.where('[day+offerId]').between([day, Dexie.minKey], [day, Dexie.maxKey], true, true);
}

/** The offer `offerId`, newest days first; undefined when there is none. */
export function findOffer(db: LangkahDB, offerId: string): Promise<TipLogEntry | undefined> {
  return db.tipOffers
    .reverse()
    .filter((e) => e.offerId === offerId)
    .first();
}

/** Changes fields of a stored offer. */
export function updateOffer(db: LangkahDB, entry: TipLogEntry, changes: Partial<TipLogEntry>): Promise<number> {
  return db.tipOffers.update([entry.day, entry.offerId], changes);
}
