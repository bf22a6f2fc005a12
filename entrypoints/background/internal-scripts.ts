import { browser } from 'wxt/browser';
import { allInternalSystems, watchPolicy } from '../../lib/policy';
import { type InternalSystem, internalSystems } from '../../lib/settings';

const SCRIPT_ID = 'langkah-internal-systems';

/** The match pattern (and permission origin) of one internal host; ports are not part of patterns. */
export const internalOrigin = (host: string) => `*://${host}/*`;

/**
 * Injects the content script on the learner's internal systems — only on
 * hosts whose optional permission the learner granted. Registration is made
 * to match the setting each time, so it is idempotent and survives restarts.
 */
export async function syncInternalScripts(systems?: InternalSystem[]): Promise<void> {
  const list = systems ?? (await allInternalSystems());
  const granted: string[] = [];
  for (const system of list) {
    const pattern = internalOrigin(system.host);
    if (await browser.permissions.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (granted.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: granted,
      js: ['content-scripts/gov.js'],
      runAt: 'document_idle',
      persistAcrossSessions: true,
    },
  ]);
}

/** Re-syncs at start and whenever the setting or the granted permissions change. */
export function setupInternalScripts(): void {
  const sync = () => void syncInternalScripts().catch((error) => console.error('[langkah] internal scripts', error));
  internalSystems.watch(sync);
  watchPolicy(sync);
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  sync();
}
