/**
 * The content script's whole work on a page (entrypoints/gov/script.ts wires
 * it): one `pageVisited` message once the page is idle, sent again on a lost
 * or failed reply (a service worker that was stopped and did not wake in
 * time). The reply needs no reading: when a card could come, the background
 * has already put the card's script into the page (entrypoints/tipcard.ts),
 * which takes it from there.
 *
 * Kept this small on purpose, with nothing of lib/send.ts: every byte of the
 * content script is compiled on every government page, and the trace bench
 * (`npm run bench -- "content script"`) counts each.
 */
import { type Envelope, FORBIDDEN, type Reply } from '../../core/protocol';

/** What reporting needs of the extension runtime (Chromium's and Firefox's `runtime.sendMessage` return a promise). */
export interface ReportRuntime {
  sendMessage(message: Envelope<'pageVisited'>): Promise<Reply<unknown> | undefined>;
}

/** Attempts after the first, and the delay before the first of them (doubling), as lib/send.ts. */
export const REPORT_RETRIES = 2;
export const REPORT_RETRY_MS = 150;

/** Sends the visit, retrying as said above; never throws (a missed visit is not worth disturbing the page for). */
/** `eventId` is lib/ids.ts `eventId()`, made once per page view. */
export function reportVisit(runtime: () => ReportRuntime | undefined, eventId: string, attempt = 0): void {
  const again = () => {
    if (attempt < REPORT_RETRIES)
      setTimeout(() => reportVisit(runtime, eventId, attempt + 1), REPORT_RETRY_MS * 2 ** attempt);
  };
  try {
    const sent = runtime()?.sendMessage({ langkah: 1, type: 'pageVisited', data: { eventId } });
    if (!sent) return; // the extension is gone from under the page
    sent.then((reply) => {
      if (!reply?.ok && reply?.error !== FORBIDDEN) again();
    }, again);
  } catch {
    again();
  }
}
