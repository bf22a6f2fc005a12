/**
 * Work that follows the browser, not the service worker: drawing the badge,
 * planning alarms, catching up a missed reminder and syncing the internal
 * systems' content scripts. It runs once per browser session — on install or
 * update, on browser start, when the extension is switched back on — and not
 * each time the worker wakes for a message or an alarm. Between those, the
 * events that change them (settings, alarms, permissions) keep them current.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';

/** Set once the start-up work ran in this browser session (session storage is gone after a restart or update). */
export const startedThisSession = storage.defineItem<number | null>('session:startedAt', { fallback: null });

let running: Promise<boolean> | undefined;

/**
 * Runs `work` unless it already ran in this browser session; resolves true when it ran now.
 * A wake of the worker (a new module instance) finds the session mark and skips it.
 */
export function runOncePerSession(work: () => Promise<unknown>, now: () => number = Date.now): Promise<boolean> {
  running ??= (async () => {
    if ((await startedThisSession.getValue()) !== null) return false;
    await work();
    // Marked once done: a worker stopped half-way runs it again at its next wake.
    await startedThisSession.setValue(now());
    return true;
  })().finally(() => {
    running = undefined;
  });
  return running;
}

/**
 * Wires start-up: `runtime.onStartup` and `onInstalled` wake the worker when the
 * browser starts and after install or update; the check at each wake covers the
 * extension being switched back on, which fires neither. Call once, synchronously.
 */
export function setupStartup(work: () => Promise<unknown>, now: () => number = Date.now): void {
  const run = () => void runOncePerSession(work, now).catch((error) => console.error('[langkah] start-up', error));
  browser.runtime.onStartup.addListener(run);
  browser.runtime.onInstalled.addListener(run);
  run();
}
