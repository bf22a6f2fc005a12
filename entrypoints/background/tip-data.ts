/**
 * The tips (data/tips/*.yaml, checked at build time by build/tips.ts), read
 * from the extension's own `tips.json` the first time a card needs them
 * rather than bundled into the background: every start of the service worker
 * would otherwise load them, most starts (alarms, the popup's messages) never
 * use them. A file of the package, never the network.
 */
import type { Tip } from '../../core/tips';

/** Where the build writes the tips, at the root of the extension. */
export const TIPS_FILE = 'tips.json';

let tips: Promise<Tip[]> | undefined;

/** Every tip, read once per start of the background; a failed read is tried again next time. */
export function loadTips(): Promise<Tip[]> {
  tips ??= fetch(`/${TIPS_FILE}`).then(async (response) => {
    if (!response.ok) throw new Error(`${TIPS_FILE}: HTTP ${response.status}`);
    return (await response.json()) as Tip[];
  });
  tips.catch(() => {
    tips = undefined;
  });
  return tips;
}
