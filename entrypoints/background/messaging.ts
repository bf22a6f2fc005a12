import { dayKey } from '../../core/day';
import { getDb } from '../../lib/db';
import { onMessages } from '../../lib/messaging';
import { detect } from '../../lib/systems';
import { recordVisit } from '../../lib/visits';

/** Wires every protocol message to its handler. Call once, synchronously, at start. */
export function setupMessaging(now: () => number = Date.now): void {
  onMessages({
    async pageVisited({ eventId }, sender) {
      // The URL comes from the browser's own record of the sender, is used
      // once for detection, and is never stored.
      const url = sender.url ?? sender.tab?.url;
      const detection = url ? detect(url) : null;
      if (!detection || typeof eventId !== 'string' || eventId.length > 64) {
        return { recorded: false, systemId: null };
      }
      const at = now();
      const recorded = await recordVisit(getDb(), {
        eventId,
        systemId: detection.system.id,
        day: dayKey(at),
        at,
      });
      return { recorded, systemId: detection.system.id };
    },
  });
}
