import { defineBackground } from 'wxt/utils/define-background';
import { keepManagedCopy } from '../../lib/policy';
import { setupBadge, startBadge } from './badge';
import { pruneOldReceipts } from './data';
import { setupInternalScripts, syncInternalScripts } from './internal-scripts';
import { drainOutbox, ensureLrsAlarm, setupLrs } from './lrs';
import { setupMessaging } from './messaging';
import { watchRegistry } from './registry';
import { setupReminders, startReminders } from './reminders';
import { setupStartup } from './startup';
import { setupWelcome } from './welcome';

export default defineBackground(() => {
  // Listeners first and synchronously, so a message that woke the worker is answered.
  setupMessaging();
  // The agency policy, copied to session storage for every page (lib/policy.ts).
  keepManagedCopy();
  watchRegistry();
  setupInternalScripts();
  setupBadge();
  setupReminders();
  setupWelcome();
  setupLrs();
  // Once per browser session, not on every wake. Receipts only guard against a
  // retried message: a few days' worth is kept.
  setupStartup(() => Promise.all([syncInternalScripts(), startBadge(), startReminders(), pruneOldReceipts()]));
  // At every wake, not once per session: a batch a stopped worker left marked "sending" goes out again.
  void ensureLrsAlarm().then(() => drainOutbox());
});
