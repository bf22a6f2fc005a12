import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { eventId } from '../../lib/ids';
import { createSender, type MessageRuntime } from '../../lib/send';
import { type ShowTipCard, TIP_CARD_GLOBAL } from './calm';
import { looksLikeArticle, pageElements } from './page';

/**
 * The extension runtime, read only when the script sends (never while the
 * page loads): Chromium builds an extension API's bindings on first touch.
 */
type PageRuntime = MessageRuntime & { id?: string };
const extensionApi = globalThis as unknown as Record<'browser' | 'chrome', { runtime?: PageRuntime } | undefined>;
const runtime = (): PageRuntime | undefined =>
  // Firefox's promise-based API is \`browser\`; Chromium's \`chrome\` (its newer \`browser\` alias builds the same bindings).
  (import.meta.env.FIREFOX ? extensionApi.browser : extensionApi.chrome)?.runtime;
const sendMessage = createSender(() => {
  const api = runtime();
  if (!api) throw new Error('no extension runtime');
  return api;
});

/**
 * The card's code, present only once the background offered a card and
 * injected it (entrypoints/tipcard.ts): it shows the card when the learner
 * is not busy (gov/calm.ts).
 */
const cardApi = () => (globalThis as unknown as Record<string, ShowTipCard | undefined>)[TIP_CARD_GLOBAL];

/** False once the extension was updated or removed under this page: the script stops and its card goes. */
const alive = () => runtime()?.id !== undefined;

/**
 * The content script on government hosts (and, registered at run time, the
 * learner's internal systems). A plain script rather than WXT's
 * `defineContentScript`, whose wrapper builds a script context that reads the
 * extension id — and so the runtime API's bindings — while the page loads;
 * the manifest entry is added in wxt.config.ts.
 *
 * It stays off the page's critical path: before `load` it does nothing but
 * wait for it (no DOM read, no extension API, no message); once the browser
 * is idle it sends one message — the page was opened (no URL, title or
 * content: the background reads the URL from the sender and forgets it) and
 * which kinds of fields it has — whose reply says whether to show a tip.
 * The card's code, and the rules for showing it only when the learner is not
 * typing and never over the field in focus, are not in this script: the
 * background injects them only into a page it offers a card to
 * (entrypoints/tipcard.ts, gov/calm.ts).
 */
export default defineUnlistedScript(() => {
  const whenIdle = () => requestIdleCallback(() => void start(), { timeout: 3000 });
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
});

async function start(): Promise<void> {
  try {
    const reply = await sendMessage('pageVisited', {
      eventId: eventId(),
      elements: pageElements(document),
      articleLike: looksLikeArticle(document),
    });
    // Nothing to show (the usual page): nothing more to do, not even to ask whether the extension is still there.
    if (!reply.systemId || (!reply.offer && !reply.readTopic) || !alive()) return;
    const offer = reply.offer ?? (reply.readTopic ? (await sendMessage('readPage', {})).offer : null);
    const showWhenCalm = cardApi();
    if (offer && showWhenCalm && alive()) showWhenCalm(offer, { sendMessage, alive });
  } catch {
    // The background could not be reached after retries: a missed tip is not
    // worth disturbing the learner's work for.
  }
}
