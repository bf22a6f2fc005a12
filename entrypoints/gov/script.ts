/**
 * The content script on government hosts (and, registered at run time, the
 * learner's internal systems). It is built on its own by esbuild
 * (build/content-script.ts) into `content-scripts/gov.js`, a plain script
 * without the wrapper WXT gives a content script (which builds the
 * extension's runtime API while the page loads); the manifest entry is added
 * in wxt.config.ts.
 *
 * It stays off the page's critical path. It is injected at `document_start`
 * (by the manifest and by the internal-system registration alike), so the
 * page has not loaded yet: before `load` it does nothing but wait for it — no
 * DOM read (not even `document.readyState`: a content script's first touch of
 * `document` builds its wrapper, about 0.3 ms), no extension API, no message.
 * Once the browser is idle after `load` it sends one message: the page was
 * opened (no URL, title or content: the background reads the URL from the
 * sender and forgets it). When a card could come, the background puts the
 * card's script into the page (entrypoints/tipcard.ts), which reads the page
 * and asks which card; on every other page this is all Langkah does.
 */
import { eventId } from '../../lib/ids';
import { type ReportRuntime, reportVisit } from './report';

/**
 * The extension runtime, read only when the script sends (never while the
 * page loads): Chromium builds an extension API's bindings on first touch.
 * Firefox's promise-based API is `browser`; Chromium's `chrome` (its newer
 * `browser` alias builds the same bindings).
 */
const extensionApi = globalThis as unknown as Record<'browser' | 'chrome', { runtime?: ReportRuntime } | undefined>;
const runtime = () => (import.meta.env.FIREFOX ? extensionApi.browser : extensionApi.chrome)?.runtime;

addEventListener('load', () => requestIdleCallback(() => reportVisit(runtime, eventId()), { timeout: 3000 }), {
  once: true,
});
