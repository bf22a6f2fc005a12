import Dexie from 'dexie';
import type { Detection } from '../core/catalog';
import { addDays, type DayKey } from '../core/day';
import { flattenVisits, groupVisits, type LangkahDB, type VisitDay } from './db';

/** One system's use over a period, for the popup. */
export interface SystemUsage {
  systemId: string;
  name: string;
  category: Detection['system']['category'];
  views: number;
  lastSeen: number;
}

export interface VisitEvent {
  eventId: string;
  systemId: string;
  day: DayKey;
  at: number;
}

/**
 * Counts one page view for `systemId` on `day`. Atomic: many tabs reporting at
 * once give exact counts, and a retried event (same `eventId`) counts once.
 * Returns false when the event was already applied.
 *
 * Three requests in one transaction, the first two at once (each request costs
 * the service worker about half a millisecond of CPU): the receipt is added
 * outright — a retry's receipt exists, so the add fails and nothing is counted
 * (the caught failure does not abort the transaction) — and the day's row is
 * read, then written whole.
 */
export async function recordVisit(db: LangkahDB, event: VisitEvent): Promise<boolean> {
  return db.transaction('rw', db.visitDays, db.receipts, async () => {
    const [fresh, found] = await Promise.all([
      db.receipts.add({ id: event.eventId, at: event.at }).then(
        () => true,
        (error: unknown) => {
          if (error instanceof Dexie.ConstraintError) return false;
          throw error;
        },
      ),
      db.visitDays.get(event.day),
    ]);
    if (!fresh) return false;
    const row = found ?? { day: event.day, systems: {} };
    // Own entries only: an id like `constructor` must not find Object.prototype's.
    const existing = Object.hasOwn(row.systems, event.systemId) ? row.systems[event.systemId] : undefined;
    row.systems[event.systemId] = existing
      ? {
          views: existing.views + 1,
          firstSeen: Math.min(existing.firstSeen, event.at),
          lastSeen: Math.max(existing.lastSeen, event.at),
        }
      : { views: 1, firstSeen: event.at, lastSeen: event.at };
    await db.visitDays.put(row);
    return true;
  });
}

/** Drops receipts older than `keepDays`; a retry never comes that late. */
export async function pruneReceipts(db: LangkahDB, now: number, keepDays = 3): Promise<number> {
  return db.receipts
    .where('at')
    .below(now - keepDays * 86_400_000)
    .delete();
}

/**
 * The visit aggregates of the days `from`…`to` (inclusive), read through the
 * primary key, the day: no index of its own needed.
 */
export async function visitsBetween(db: LangkahDB, from: DayKey, to: DayKey): Promise<VisitDay[]> {
  return flattenVisits(await db.visitDays.where('day').between(from, to, true, true).toArray());
}

/** Every visit aggregate, one row per day and system (backups, counts). */
export async function allVisits(db: LangkahDB): Promise<VisitDay[]> {
  return flattenVisits(await db.visitDays.toArray());
}

/**
 * Writes visit aggregates: each replaces the one of its day and system, the
 * day's other systems stay. Call inside a transaction that includes `visitDays`.
 */
export async function putVisits(db: LangkahDB, rows: readonly VisitDay[]): Promise<void> {
  const incoming = groupVisits(rows);
  if (incoming.length === 0) return;
  const stored = await db.visitDays.bulkGet(incoming.map((r) => r.day));
  await db.visitDays.bulkPut(
    incoming.map((row, i) => ({ day: row.day, systems: { ...stored[i]?.systems, ...row.systems } })),
  );
}

/** Views per system over the 7 days ending `today`, most used first. */
export async function weeklyUsage(
  db: LangkahDB,
  today: DayKey,
  nameOf: (systemId: string) => Pick<SystemUsage, 'name' | 'category'>,
): Promise<SystemUsage[]> {
  const rows = await visitsBetween(db, addDays(today, -6), today);
  const bySystem = new Map<string, SystemUsage>();
  for (const row of rows) {
    const usage = bySystem.get(row.systemId) ?? {
      systemId: row.systemId,
      ...nameOf(row.systemId),
      views: 0,
      lastSeen: 0,
    };
    usage.views += row.views;
    usage.lastSeen = Math.max(usage.lastSeen, row.lastSeen);
    bySystem.set(row.systemId, usage);
  }
  return [...bySystem.values()].sort(
    (a, b) => b.views - a.views || b.lastSeen - a.lastSeen || a.name.localeCompare(b.name),
  );
}
