/**
 * First run: the welcome page opens once, when the extension is installed —
 * never after an update, a browser update or a reload of the same version
 * (reasons `update`, `browser_update`, `chrome_update`, `shared_module_update`).
 * A learner who closes it keeps working defaults (lib/settings.ts fallbacks).
 */
import { browser } from 'wxt/browser';

/** The page the extension opens after install (entrypoints/welcome/). */
export const WELCOME_PATH = '/welcome.html';

/** Whether an `runtime.onInstalled` event should open the welcome page. */
export function shouldOpenWelcome(details: { reason: string }): boolean {
  return details.reason === 'install';
}

/** The onInstalled handler: opens the welcome page in a new tab on a fresh install; true when it did. */
export async function handleInstalled(details: { reason: string }): Promise<boolean> {
  if (!shouldOpenWelcome(details)) return false;
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PATH) });
  return true;
}

export function setupWelcome(): void {
  browser.runtime.onInstalled.addListener((details) => {
    handleInstalled(details).catch((error) => console.error('[langkah] welcome page failed', error));
  });
}
