/**
 * Every schema version upgrades to the current one with every record intact.
 * For each version the database declares there must be a fixture
 * (tests/fixtures/db/v<N>.ts): its stores exactly as that version declared
 * them, and one learner's records as that version wrote them. The test builds
 * a database at that version with a raw Dexie (not LangkahDB), fills it,
 * opens it with the current LangkahDB and compares every table with the
 * newest fixture's records — the same learner's data after all upgrades.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LangkahDB, type TipLogEntry } from '../../../lib/db';
import { findOffer, offersOfDay } from '../../../lib/offers';
import { visitsBetween } from '../../../lib/visits';

interface DbFixture {
  version: number;
  stores: Record<string, string>;
  dbV1Records?: Record<string, readonly object[]>;
  records?: Record<string, readonly object[]>;
}

const modules = import.meta.glob<DbFixture>('../../fixtures/db/v*.ts', { eager: true });
const fixtures = new Map<number, DbFixture>();
for (const [path, mod] of Object.entries(modules)) {
  const n = Number(/v(\d+)\.ts$/.exec(path)?.[1]);
  expect(mod.version, `${path} declares version ${mod.version}`).toBe(n);
  fixtures.set(n, mod);
}
const recordsOf = (f: DbFixture) => f.records ?? f.dbV1Records ?? {};

/**
 * The whole schema at `version`: a version declares only the stores it changes
 * (null deletes one), so the stores of every fixture up to it, in order.
 */
function schemaAt(version: number): Record<string, string> {
  const schema: Record<string, string | null> = {};
  for (const n of [...fixtures.keys()].sort((a, b) => a - b)) {
    if (n <= version) Object.assign(schema, fixtures.get(n)?.stores);
  }
  return Object.fromEntries(Object.entries(schema).filter((entry): entry is [string, string] => entry[1] !== null));
}

/** The versions LangkahDB declares, with their stores (Dexie keeps them on `_versions`). */
function declaredVersions(): { version: number; stores: Record<string, string | null> }[] {
  const db = new LangkahDB('migrations-declared');
  const versions = (
    db as unknown as { _versions: { _cfg: { version: number; storesSource: Record<string, string | null> } }[] }
  )._versions;
  return versions
    .map((v) => ({ version: v._cfg.version, stores: v._cfg.storesSource }))
    .sort((a, b) => a.version - b.version);
}

const current = declaredVersions();
const latest = fixtures.get(Math.max(...current.map((v) => v.version)));

describe('schema versions', () => {
  it('every declared version has a fixture (a new version without one fails here)', () => {
    for (const { version } of current)
      expect(fixtures.has(version), `tests/fixtures/db/v${version}.ts is missing`).toBe(true);
    expect(new LangkahDB('migrations-verno').verno).toBe(Math.max(...current.map((v) => v.version)));
  });

  it('released versions are frozen: each declares exactly the stores of its fixture', () => {
    for (const { version, stores } of current)
      expect(stores, `version ${version} changed`).toEqual(fixtures.get(version)?.stores);
  });
});

describe.each(current.map((v) => v.version))('a database at version %i', (version) => {
  it('opens with the current code, every record intact and migrated', async () => {
    const fixture = fixtures.get(version);
    if (!fixture || !latest) throw new Error(`no fixture for version ${version}`);
    const name = `migrations-v${version}`;
    const old = new Dexie(name);
    old.version(version).stores(schemaAt(version));
    await old.open();
    await old.transaction('rw', old.tables, async () => {
      for (const [table, rows] of Object.entries(recordsOf(fixture))) await old.table(table).bulkAdd([...rows]);
    });
    old.close();

    const db = new LangkahDB(name);
    await db.open();
    expect(db.verno).toBe(Math.max(...current.map((v) => v.version)));
    const expected = recordsOf(latest);
    expect(db.tables.map((t) => t.name).sort()).toEqual(Object.keys(expected).sort());
    for (const [table, rows] of Object.entries(expected)) {
      const byKey = (r: object) => JSON.stringify(Object.entries(r).sort());
      const stored = (await db.table(table).toArray()).map(byKey).sort();
      expect(stored, table).toEqual([...rows].map(byKey).sort());
    }
    // Only the indexes the code queries are kept (version 4 dropped the others, version 6 completedAt).
    const idb = db.backendDB();
    const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
    const indexes = Object.fromEntries(
      [...idb.objectStoreNames].map((name) => [name, [...tx.objectStore(name).indexNames].sort()]),
    );
    expect(indexes).toEqual({
      visitDays: [],
      completions: ['day'],
      receipts: ['at'],
      reviews: [],
      tipOffers: [],
      outbox: ['[state+seq]'],
      lrsState: [],
    });
    // The indexes the code queries answer over the upgraded data.
    // Version 6: one visit record per day, read by the day through the primary key.
    expect((await visitsBetween(db, '2026-11-23', '2026-11-23')).length).toBeGreaterThan(0);
    expect(await db.completions.where('day').equals('2026-11-24').count()).toBe(2);
    // Version 6: a day's tip offers are a range of the key [day+offerId], and an offer is found by its id.
    const offers = expected.tipOffers as TipLogEntry[];
    const first = offers[0] as TipLogEntry;
    expect((await offersOfDay(db, first.day).toArray()).map((e) => e.offerId).sort()).toEqual(
      offers
        .filter((e) => e.day === first.day)
        .map((e) => e.offerId)
        .sort(),
    );
    expect(await findOffer(db, first.offerId)).toEqual(first);
    expect((await db.visitDays.get('2026-11-23'))?.systems.siasn).toBeDefined();
    // Version 5: the outbox's sending order answers (empty after an upgrade: nothing queued before).
    expect(await db.outbox.where('[state+seq]').between(['waiting', 0], ['waiting', Infinity]).count()).toBe(0);
    await db.delete();
  });
});
