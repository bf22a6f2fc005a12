/**
 * Delivery to the agency's LRS from the background (issue 17): drains the
 * outbox on an alarm, when the browser is back online, after a completion and
 * when the learner asks ("Kirim sekarang", consent given). All state is in
 * Dexie (lib/outbox.ts), so a stopped service worker loses nothing: the next
 * wake re-sends the batch it had marked, with the same ids.
 */
import lessonIndex from 'virtual:langkah/lesson-index';
import { browser } from 'wxt/browser';
import { type DrainResult, drain } from '../../core/outbox';
import type { XapiCompletion } from '../../core/xapi';
import { getXapiActor, lessonTexts } from '../../lib/backup';
import { getDb, type OutboxEntry } from '../../lib/db';
import { loadTranslator } from '../../lib/i18n';
import {
  dexieOutboxIO,
  learnerLrs,
  loadLrsSetup,
  lrsConsent,
  lrsPaused,
  outboxEntries,
  postStatements,
  queues,
  resetDelivery,
} from '../../lib/outbox';
import { watchPolicy } from '../../lib/policy';

export const LRS_ALARM = 'langkah-lrs';
/** A periodic check, so a backlog left by a closed browser or a lost alarm is sent in the end. */
const LRS_PERIOD_MINUTES = 15;

let running: Promise<DrainResult | null> | undefined;
/** A drain was asked for while one ran (a completion arrived): run once more after it. */
let again = false;

/**
 * Sends what is waiting, when an LRS is set up, consented and not paused. One
 * drain at a time in this worker; a call during a drain makes it go round once
 * more when it found the queue empty, so a statement queued meanwhile is not
 * left for the next alarm.
 */
export function drainOutbox({
  force = false,
  now = Date.now,
  random = Math.random,
}: {
  force?: boolean;
  now?: () => number;
  random?: () => number;
} = {}): Promise<DrainResult | null> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    let result: DrainResult | null;
    do {
      again = false;
      result = await drainOnce(force, now, random);
    } while (again && result?.stopped === 'empty');
    return result;
  })()
    .catch((error: unknown) => {
      console.error('[langkah] LRS delivery', error);
      return null;
    })
    .finally(() => {
      running = undefined;
    });
  return running;
}

async function drainOnce(force: boolean, now: () => number, random: () => number): Promise<DrainResult | null> {
  const setup = await loadLrsSetup();
  if (setup.state !== 'on') return null;
  const db = getDb();
  if (force) await resetDelivery(db);
  const io = dexieOutboxIO(
    db,
    setup.config,
    (statements) => postStatements(setup.config, statements),
    // Before each POST: still not paused, consent not withdrawn (the learner's own items, read fast;
    // a policy change re-runs the drain through its watcher).
    async () => !(await lrsPaused.getValue()) && (await lrsConsent.getValue()) !== null,
  );
  const result = await drain(io, { now, random, force });
  if (result.retryAt !== null) await browser.alarms.create(LRS_ALARM, { when: Math.max(result.retryAt, now() + 1000) });
  else await ensureLrsAlarm();
  return result;
}

/** The periodic alarm exists while an LRS is set up; it is cleared when none is. */
export async function ensureLrsAlarm(): Promise<void> {
  const setup = await loadLrsSetup();
  const existing = await browser.alarms.get(LRS_ALARM);
  if (setup.state === 'off') {
    if (existing) await browser.alarms.clear(LRS_ALARM);
    return;
  }
  if (!existing) await browser.alarms.create(LRS_ALARM, { periodInMinutes: LRS_PERIOD_MINUTES });
}

let texts: Promise<ReturnType<typeof lessonTexts>> | undefined;

/**
 * The statements of a completion that is about to be recorded, when an LRS is
 * set up (consented or not yet); otherwise none — nothing is queued for an LRS
 * that does not exist.
 */
export async function statementsFor(completion: XapiCompletion, now: number): Promise<OutboxEntry[]> {
  if (!queues(await loadLrsSetup())) return [];
  texts ??= loadTranslator('en').then((en) => lessonTexts(lessonIndex, en));
  const [actorName, lessonText] = await Promise.all([getXapiActor(), texts]);
  return outboxEntries(completion, { actorName, lessonText }, now);
}

/** Wires the alarm, `online`, and setting changes. Call once, synchronously, at start. */
export function setupLrs(): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === LRS_ALARM) void drainOutbox();
  });
  // Chrome's service worker and Firefox's event page both have a global `online` event.
  globalThis.addEventListener?.('online', () => void drainOutbox());
  const changed = () => void ensureLrsAlarm().then(() => drainOutbox());
  learnerLrs.watch(changed);
  lrsConsent.watch(changed);
  lrsPaused.watch(changed);
  watchPolicy(changed);
}
