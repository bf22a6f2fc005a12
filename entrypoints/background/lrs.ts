/**
 * Delivery to the agency's LRS from the background (issue 17): drains the
 * outbox on an alarm, when the browser is back online, after a completion and
 * when the learner asks ("Kirim sekarang", consent given). All state is in
 * Dexie (lib/outbox.ts), so a stopped service worker loses nothing: the next
 * wake re-sends the batch it had marked, with the same ids.
 */
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
import { loadLessonIndex } from './package-data';

export const LRS_ALARM = 'langkah-lrs';
/** A periodic check, so a backlog left by a closed browser or a lost alarm is sent in the end. */
const LRS_PERIOD_MINUTES = 15;

/**
 * Serialises drains in this worker. A call while one runs is not lost: the
 * running drain goes round once more after it — always when the call was
 * forced (the learner's "Kirim sekarang" must send now, even if the round in
 * flight ended on a 500 and planned a backoff), and when the queue was found
 * empty otherwise (a completion queued meanwhile is not left for the alarm).
 * Every caller gets the result of the last round, which covers its request.
 */
export function serialDrains(
  once: (force: boolean) => Promise<DrainResult | null>,
): (force: boolean) => Promise<DrainResult | null> {
  let running: Promise<DrainResult | null> | undefined;
  /** What was asked while a drain ran: nothing, a plain round or a forced one. */
  let asked: { force: boolean } | undefined;
  return (force) => {
    if (running) {
      asked = { force: force || (asked?.force ?? false) };
      return running;
    }
    running = (async () => {
      let round = force;
      for (;;) {
        asked = undefined;
        const result = await once(round);
        const next = asked as { force: boolean } | undefined;
        if (!next || !(next.force || result?.stopped === 'empty')) return result;
        round = next.force;
      }
    })()
      .catch((error: unknown) => {
        console.error('[langkah] LRS delivery', error);
        return null;
      })
      .finally(() => {
        running = undefined;
        asked = undefined;
      });
    return running;
  };
}

let clock: { now: () => number; random: () => number } = { now: Date.now, random: Math.random };
const serial = serialDrains((force) => drainOnce(force, clock.now, clock.random));

/**
 * Sends what is waiting, when an LRS is set up, consented and not paused. One
 * drain at a time in this worker (see `serialDrains`).
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
  clock = { now, random };
  return serial(force);
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
  texts ??= Promise.all([loadTranslator('en'), loadLessonIndex()]).then(([en, index]) => lessonTexts(index, en));
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
