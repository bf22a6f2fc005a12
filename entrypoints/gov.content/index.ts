import { defineContentScript } from 'wxt/utils/define-content-script';
import { randomId } from '../../lib/ids';
import { sendMessage } from '../../lib/messaging';

/**
 * Runs on government hosts only. It stays off the page's critical path: it
 * waits until the page is idle, then tells the background that a page was
 * opened. It sends no URL, title or page content — the background reads the
 * URL from the browser's own sender record, detects the system and forgets it.
 */
export default defineContentScript({
  // Widened at build time to every catalog host (see wxt.config.ts).
  matches: ['*://*.go.id/*'],
  runAt: 'document_idle',
  main(ctx) {
    const report = () => {
      if (ctx.isInvalid) return;
      sendMessage('pageVisited', { eventId: randomId() }).catch(() => {
        // The background could not be reached after retries; a missed page
        // view is not worth disturbing the user's work for.
      });
    };
    ctx.requestIdleCallback(report, { timeout: 3000 });
  },
});
