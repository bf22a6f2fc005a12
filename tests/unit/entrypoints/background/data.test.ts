import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DAY_ALARM } from '../../../../entrypoints/background/badge';
import { afterImport, deleteAllData, pruneOldReceipts } from '../../../../entrypoints/background/data';
import { REMINDER_ALARM } from '../../../../entrypoints/background/reminders';
import { getDb, groupVisits } from '../../../../lib/db';
import { dailyGoal, leaveDays, reminder, uiLanguage, xapiActor } from '../../../../lib/settings';
import { dbV1Records } from '../../../fixtures/db/v1';

const now = () => new Date(2026, 10, 24, 9).getTime();

/** Host permissions as the browser reports them: the manifest's own plus `granted`; `remove` takes them back. */
function mockPermissions(granted: string[]) {
  const required = ['*://*.go.id/*'];
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Langkah',
    version: '0.1.0',
    host_permissions: required,
  });
  let held = [...required, ...granted];
  vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({ permissions: [], origins: [...held] }));
  const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async ({ origins = [] }) => {
    held = held.filter((o) => !origins.includes(o));
    return true;
  });
  return { remove, held: () => held };
}

beforeEach(async () => {
  mockPermissions([]);
  const db = getDb();
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
    await db.completions.bulkAdd(dbV1Records.completions);
    await db.visitDays.bulkAdd(groupVisits(dbV1Records.visits));
    await db.reviews.bulkAdd(dbV1Records.reviews);
    await db.tipOffers.bulkAdd(dbV1Records.tipLog);
    await db.receipts.bulkAdd(dbV1Records.receipts);
  });
});

describe('deleteAllData', () => {
  it('empties every table and every stored item, then sets alarms and badge up as on a fresh install', async () => {
    await Promise.all([
      dailyGoal.setValue(3),
      uiLanguage.setValue('en'),
      leaveDays.setValue([{ start: '2026-11-30', end: '2026-11-30', kind: 'cuti' }]),
      xapiActor.setValue('a'.repeat(32)),
      reminder.setValue({ enabled: false, time: '08:00', quiet: false }),
    ]);
    await fakeBrowser.alarms.create('something-old', { when: now() + 60_000 });

    await deleteAllData(now);

    for (const table of getDb().tables) expect(await table.count(), table.name).toBe(0);
    const stored = await fakeBrowser.storage.local.get(null);
    // Only the badge's copy of the (now empty) completion summary is written again.
    expect(Object.keys(stored).filter((k) => k !== 'completionSummary')).toEqual([]);
    expect(await dailyGoal.getValue()).toBe(1);
    expect(await xapiActor.getValue()).toBeNull();
    const alarms = (await fakeBrowser.alarms.getAll()).map((a) => a.name).sort();
    expect(alarms).toEqual([DAY_ALARM, REMINDER_ALARM].sort()); // the default reminder is on
    expect(await fakeBrowser.action.getBadgeText({})).toBe('•'); // no streak, today pending
  });
});

describe('deleteAllData and host permissions', () => {
  it('gives back the hosts granted for internal systems, and only those', async () => {
    const permissions = mockPermissions(['*://simpeg.pemda-contoh.id/*', '*://10.20.30.40/*']);
    await deleteAllData(now);
    expect(permissions.remove).toHaveBeenCalledWith({
      origins: ['*://simpeg.pemda-contoh.id/*', '*://10.20.30.40/*'],
    });
    expect(permissions.held()).toEqual(['*://*.go.id/*']);
  });
});

describe('afterImport', () => {
  it('redraws the badge from the records now stored', async () => {
    await afterImport(() => new Date(2026, 10, 24, 12).getTime());
    expect(await fakeBrowser.action.getBadgeText({})).toMatch(/^\d/);
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name)).toContain(DAY_ALARM);
  });
});

describe('pruneOldReceipts', () => {
  it('drops receipts older than three days, keeps recent ones', async () => {
    const day = 86_400_000;
    const newest = Math.max(...dbV1Records.receipts.map((r) => r.at));
    expect(await pruneOldReceipts(() => newest + 2 * day)).toBe(0);
    expect(await pruneOldReceipts(() => newest + 4 * day)).toBe(dbV1Records.receipts.length);
    expect(await getDb().receipts.count()).toBe(0);
  });
});
