/**
 * An upgrade across two real schema versions: a database written at version
 * 1 (tests/fixtures/db/v1.ts, by a raw Dexie) is opened by LangkahDB with
 * one more version declared here only — a Dexie `upgrade()` that changes
 * records — and every record arrives, changed exactly as the upgrade says.
 * It guards the mechanism every real version relies on: versions chain, an
 * upgrade runs once, and a failing upgrade leaves the old data readable.
 */
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { LangkahDB, type TipLogEntry } from '../../../lib/db';
import { dbV1Records, stores as v1Stores } from '../../fixtures/db/v1';

/** LangkahDB plus one version: legacy tip offers (no `shownAt`) are marked shown at their offer time. */
class NextDB extends LangkahDB {
  constructor(name: string, fail = false) {
    super(name);
    this.version(this.verno + 1)
      .stores({})
      .upgrade(async (tx) => {
        await tx
          .table<TipLogEntry>('tipOffers')
          .toCollection()
          .modify((entry) => {
            entry.shownAt ??= entry.at;
          });
        if (fail) throw new Error('upgrade failed half-way');
      });
  }
}

async function writeV1(name: string) {
  const raw = new Dexie(name);
  raw.version(1).stores(v1Stores);
  await raw.open();
  await raw.table('completions').bulkAdd([...dbV1Records.completions]);
  await raw.table('tipLog').bulkAdd([...dbV1Records.tipLog]);
  raw.close();
}

describe('an upgrade across two schema versions', () => {
  it('runs once, keeps every record and changes them as declared', async () => {
    await writeV1('upgrade-ok');
    const db = new NextDB('upgrade-ok');
    await db.open();
    expect(db.verno).toBe(new LangkahDB('upgrade-verno').verno + 1);
    expect(await db.completions.toArray()).toEqual([...dbV1Records.completions].sort((a, b) => (a.id < b.id ? -1 : 1)));
    const tips = await db.tipOffers.toArray();
    expect(tips).toHaveLength(dbV1Records.tipLog.length);
    for (const tip of tips) expect(tip.shownAt).toBe(tip.at);
    db.close();
    await db.delete();
  });

  it('a failing upgrade leaves the version-1 data as it was', async () => {
    await writeV1('upgrade-fail');
    const db = new NextDB('upgrade-fail', true);
    await expect(db.open()).rejects.toThrow();
    db.close();
    const raw = new Dexie('upgrade-fail');
    await raw.open();
    expect(raw.verno).toBe(1);
    expect(await raw.table('tipLog').toArray()).toEqual(
      [...dbV1Records.tipLog].sort((a, b) => (a.offerId < b.offerId ? -1 : 1)),
    );
    raw.close();
    await raw.delete();
  });
});
