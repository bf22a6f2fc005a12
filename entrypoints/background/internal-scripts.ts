import { browser } from 'wxt/browser';
import { allInternalSystems, watchPolicy } from '../../lib/policy';
import { type InternalSystem, internalSystems } from '../../lib/settings';

const SCRIPT_ID = 'langkah-internal-systems';
const CONTENT_SCRIPT = 'content-scripts/gov.js';

/** The match pattern (and permission origin) of one internal host; ports are not part of patterns. */
export const internalOrigin = (host: string) => `*://${host}/*`;

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/**
 * When the content script runs: at `document_start`, as from the manifest. It
 * waits for `load` and does not look whether `load` has passed
 * (entrypoints/gov/script.ts): injected any later, it would never report.
 */
const RUN_AT = 'document_start';

/**
 * Injects the content script on the learner's internal systems — only on
 * hosts whose optional permission the learner granted. The registration
 * persists across sessions; it is updated in place only when the set of hosts
 * (or its run time: earlier builds registered it at `document_idle`)
 * changed, so it is idempotent and injection never has a gap.
 */
export async function syncInternalScripts(systems?: InternalSystem[]): Promise<void> {
  const list = systems ?? (await allInternalSystems());
  const granted: string[] = [];
  for (const system of list) {
    const pattern = internalOrigin(system.host);
    if (await browser.permissions?.contains({ origins: [pattern] })) granted.push(pattern);
  }
  const [existing] = await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing) {
    // The same hosts at the same run time: nothing to do, and no moment without injection.
    if (sameSet(existing.matches ?? [], granted) && existing.runAt === RUN_AT) return;
    if (granted.length > 0) {
      await browser.scripting.updateContentScripts([
        { id: SCRIPT_ID, matches: granted, js: [CONTENT_SCRIPT], runAt: RUN_AT },
      ]);
      return;
    }
    await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  if (granted.length === 0) return;
  await browser.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      matches: granted,
      js: [CONTENT_SCRIPT],
      runAt: RUN_AT,
      persistAcrossSessions: true,
    },
  ]);
}

/** Re-syncs whenever the setting or the granted permissions change; at start-up, see ./startup.ts. */
export function setupInternalScripts(): void {
  const sync = () => void syncInternalScripts().catch((error) => console.error('[langkah] internal scripts', error));
  internalSystems.watch(sync);
  watchPolicy(sync);
  browser.permissions?.onAdded?.addListener(sync);
  browser.permissions?.onRemoved?.addListener(sync);
}
