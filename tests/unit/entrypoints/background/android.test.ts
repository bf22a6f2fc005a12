/**
 * Firefox for Android has lacked extension notifications and run-time
 * permission requests in some versions: without them the background still
 * starts, the reminder stays silent instead of throwing, and "delete all
 * data" still works.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { deleteAllData } from '../../../../entrypoints/background/data';
import { setupInternalScripts, syncInternalScripts } from '../../../../entrypoints/background/internal-scripts';
import { checkReminder, setupReminders, startReminders } from '../../../../entrypoints/background/reminders';
import { getDb } from '../../../../lib/db';
import { canRequestPermissions, hasNotifications } from '../../../../lib/platform';
import { dailyGoal } from '../../../../lib/settings';

const local = (y: number, m: number, d: number, h: number) => new Date(y, m - 1, d, h).getTime();
const TUESDAY_10 = local(2026, 11, 24, 10);

/** Takes `api` away from the browser object for one test, as a browser without it would. */
function without(api: 'notifications' | 'permissions'): () => void {
  const target = browser as unknown as Record<string, unknown>;
  const saved = Object.getOwnPropertyDescriptor(target, api);
  Object.defineProperty(target, api, { value: undefined, configurable: true, writable: true });
  return () => {
    if (saved) Object.defineProperty(target, api, saved);
    else delete target[api];
  };
}

let restore: (() => void)[] = [];
beforeEach(async () => {
  const db = getDb();
  await Promise.all([db.completions.clear(), db.reviews.clear(), db.visitDays.clear()]);
});
afterEach(() => {
  for (const undo of restore) undo();
  restore = [];
});

describe('without notifications', () => {
  it('is detected', () => {
    expect(hasNotifications()).toBe(true);
    restore.push(without('notifications'));
    expect(hasNotifications()).toBe(false);
  });

  it('the reminder set-up and the missed-reminder check run without throwing, showing nothing', async () => {
    restore.push(without('notifications'));
    expect(() => setupReminders(() => TUESDAY_10)).not.toThrow();
    await expect(startReminders(() => TUESDAY_10)).resolves.not.toThrow();
    expect(await checkReminder(() => TUESDAY_10)).toEqual({ show: false, reason: 'off' });
  });

  it('with notifications the same check does show it (the test above is not vacuous)', async () => {
    expect((await checkReminder(() => TUESDAY_10)).show).toBe(true);
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toHaveLength(1);
  });

  it('"delete all data" still deletes everything', async () => {
    restore.push(without('notifications'));
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
      manifest_version: 3,
      name: 'Langkah',
      version: '0.1.0',
    });
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockResolvedValue({ permissions: [], origins: [] });
    await dailyGoal.setValue(3);
    await deleteAllData(() => TUESDAY_10);
    expect(await dailyGoal.getValue()).toBe(1);
  });
});

describe('without run-time permissions', () => {
  it('is detected; internal-system scripts are left unregistered instead of failing', async () => {
    expect(canRequestPermissions()).toBe(true);
    vi.spyOn(fakeBrowser.scripting, 'getRegisteredContentScripts').mockResolvedValue([]);
    const register = vi.spyOn(fakeBrowser.scripting, 'registerContentScripts').mockResolvedValue();
    restore.push(without('permissions'));
    expect(canRequestPermissions()).toBe(false);
    expect(() => setupInternalScripts()).not.toThrow();
    await syncInternalScripts([{ id: 'internal-simpeg.contoh.id', name: 'SIMPEG', host: 'simpeg.contoh.id' }]);
    expect(register).not.toHaveBeenCalled();
  });
});
