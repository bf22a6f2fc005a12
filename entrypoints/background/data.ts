/**
 * The learner's data as a whole: "Hapus semua data saya" and what follows an
 * import from a backup. Both end by redrawing what the background shows
 * (badge) and re-planning what it schedules (day change, reminder), so the
 * extension looks exactly as its records and settings now say.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { getDb } from '../../lib/db';
import { hasNotifications } from '../../lib/platform';
import { pruneReceipts } from '../../lib/visits';
import { refreshBadge, scheduleDayChange } from './badge';
import { ensureReminderAlarm, REMINDER_NOTIFICATION_PREFIX } from './reminders';

async function redraw(now: () => number): Promise<void> {
  await Promise.all([refreshBadge(now), scheduleDayChange(now()), ensureReminderAlarm(now())]);
}

/**
 * Gives back every host permission the learner granted for internal systems
 * (optional ones): what the manifest requires stays, everything else goes.
 */
export async function removeGrantedHosts(): Promise<string[]> {
  // Firefox for Android has no run-time permissions: nothing was granted, nothing to give back.
  if (!browser.permissions?.getAll) return [];
  const required = new Set(browser.runtime.getManifest().host_permissions ?? []);
  const { origins = [] } = await browser.permissions.getAll();
  const granted = origins.filter((origin) => !required.has(origin));
  if (granted.length > 0) await browser.permissions.remove({ origins: granted });
  return granted;
}

/**
 * Empties every table (one transaction) and the extension's local storage —
 * every setting, cache and the xAPI id — gives back the host permissions
 * granted for internal systems, then clears alarms and reminder
 * notifications and sets them up again from the defaults: as freshly installed.
 */
export async function deleteAllData(now: () => number = Date.now): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map((table) => table.clear())));
  await storage.clear('local');
  await removeGrantedHosts();
  await browser.alarms.clearAll();
  const shown = hasNotifications() ? Object.keys(await browser.notifications.getAll()) : [];
  await Promise.all(
    shown.filter((id) => id.startsWith(REMINDER_NOTIFICATION_PREFIX)).map((id) => browser.notifications.clear(id)),
  );
  await redraw(now);
}

/** After an import: the badge from the restored records, alarms from the restored settings. */
export async function afterImport(now: () => number = Date.now): Promise<void> {
  await redraw(now);
}

/**
 * Drops idempotency receipts older than a few days, so storage grows by
 * day-level aggregates only. Run once per browser session (./startup.ts);
 * a failure is only logged.
 */
export function pruneOldReceipts(now: () => number = Date.now): Promise<number> {
  return pruneReceipts(getDb(), now()).catch((error: unknown) => {
    console.error('[langkah] receipt pruning failed', error);
    return 0;
  });
}
