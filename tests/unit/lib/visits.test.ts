import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LangkahDB } from '../../../lib/db';
import { allVisits, pruneReceipts, recordVisit, weeklyUsage } from '../../../lib/visits';

let db: LangkahDB;
let n = 0;

beforeEach(() => {
  db = new LangkahDB(`test-visits-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const nameOf = (id: string) => ({ name: id.toUpperCase(), category: 'kepegawaian' as const });

describe('recordVisit', () => {
  it('keeps one aggregate per system per day with first and last time seen', async () => {
    await recordVisit(db, { eventId: 'a', systemId: 'siasn', day: '2026-11-27', at: 2000 });
    await recordVisit(db, { eventId: 'b', systemId: 'siasn', day: '2026-11-27', at: 1000 });
    await recordVisit(db, { eventId: 'c', systemId: 'siasn', day: '2026-11-27', at: 3000 });
    expect(await allVisits(db)).toEqual([
      { day: '2026-11-27', systemId: 'siasn', views: 3, firstSeen: 1000, lastSeen: 3000 },
    ]);
  });

  it('counts exactly when many tabs report at once', async () => {
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        recordVisit(db, { eventId: `e${i}`, systemId: i % 2 ? 'siasn' : 'srikandi', day: '2026-11-27', at: i }),
      ),
    );
    const rows = (await allVisits(db)).sort((a, b) => a.systemId.localeCompare(b.systemId));
    expect(rows.map((r) => [r.systemId, r.views])).toEqual([
      ['siasn', 20],
      ['srikandi', 20],
    ]);
  });

  it('an id that names an Object.prototype member starts at one view like any other', async () => {
    await recordVisit(db, { eventId: 'p', systemId: 'constructor', day: '2026-11-27', at: 7 });
    expect(await allVisits(db)).toEqual([
      { day: '2026-11-27', systemId: 'constructor', views: 1, firstSeen: 7, lastSeen: 7 },
    ]);
  });

  it('counts a retried event once', async () => {
    const event = { eventId: 'same', systemId: 'siasn', day: '2026-11-27', at: 1 };
    expect(await recordVisit(db, event)).toBe(true);
    expect(await recordVisit(db, event)).toBe(false);
    expect((await allVisits(db))[0]?.views).toBe(1);
  });

  it('stores no URL, path or title — only the aggregate fields', async () => {
    await recordVisit(db, { eventId: 'x', systemId: 'siasn', day: '2026-11-27', at: 5 });
    const [row] = await allVisits(db);
    expect(Object.keys(row ?? {}).sort()).toEqual(['day', 'firstSeen', 'lastSeen', 'systemId', 'views']);
    // As stored (schema v6): one record per day, each system's three numbers in it.
    expect(await db.visitDays.toArray()).toEqual([
      { day: '2026-11-27', systems: { siasn: { views: 1, firstSeen: 5, lastSeen: 5 } } },
    ]);
  });
});

describe('weeklyUsage', () => {
  it('sums the 7 days ending today, most used first, and ignores older days', async () => {
    const visits = [
      ['srikandi', '2026-11-28'],
      ['siasn', '2026-11-22'],
      ['siasn', '2026-11-23'],
      ['siasn', '2026-11-21'], // 8 days before: outside the week
      ['srikandi', '2026-11-24'],
      ['srikandi', '2026-11-25'],
    ] as const;
    for (const [i, [systemId, day]] of visits.entries()) {
      await recordVisit(db, { eventId: `v${i}`, systemId, day, at: i });
    }
    const usage = await weeklyUsage(db, '2026-11-28', nameOf);
    expect(usage.map((u) => [u.systemId, u.views])).toEqual([
      ['srikandi', 3],
      ['siasn', 2],
    ]);
    expect(usage[0]?.name).toBe('SRIKANDI');
  });
});

describe('pruneReceipts', () => {
  it('drops receipts older than three days and keeps the rest', async () => {
    const day = 86_400_000;
    await db.receipts.bulkAdd([
      { id: 'old', at: 0 },
      { id: 'new', at: 3 * day + 1 },
    ]);
    expect(await pruneReceipts(db, 6 * day)).toBe(1);
    expect((await db.receipts.toArray()).map((r) => r.id)).toEqual(['new']);
  });
});
