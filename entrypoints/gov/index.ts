import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { TipOffer } from '../../core/protocol';
import { randomId } from '../../lib/ids';
import { createSender, type MessageRuntime } from '../../lib/send';
import { type MountTipCard, TIP_CARD_GLOBAL } from './card';
import { looksLikeArticle, pageElements } from './page';

/** Quiet time after the last key press or focus change before a card may appear. */
const CALM_MS = 1500;

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

/** The card's code, present only once the background offered a card and injected it (entrypoints/tipcard.ts). */
const cardApi = () => (globalThis as unknown as Record<string, MountTipCard | undefined>)[TIP_CARD_GLOBAL];

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
 * which kinds of fields it has — whose reply says whether to show a tip. It
 * shows it only when the learner is not typing, never over the field in focus.
 * The card's own code is not in this script: the background injects it only
 * into a page it offers a card to (entrypoints/tipcard.ts).
 */
export default defineUnlistedScript(() => {
  const whenIdle = () => requestIdleCallback(() => void start(), { timeout: 3000 });
  if (document.readyState === 'complete') whenIdle();
  else addEventListener('load', whenIdle, { once: true });
});

async function start(): Promise<void> {
  try {
    const reply = await sendMessage('pageVisited', {
      eventId: randomId(),
      elements: pageElements(document),
      articleLike: looksLikeArticle(document),
    });
    if (!reply.systemId || !alive()) return;
    const offer = reply.offer ?? (reply.readTopic ? (await sendMessage('readPage', {})).offer : null);
    const mountTipCard = cardApi();
    if (offer && mountTipCard && alive()) showWhenCalm(offer, mountTipCard);
  } catch {
    // The background could not be reached after retries: a missed tip is not
    // worth disturbing the learner's work for.
  }
}

function isEditable(node: Element | null): boolean {
  if (!node) return false;
  if (node instanceof HTMLInputElement)
    return !['button', 'submit', 'reset', 'checkbox', 'radio', 'image'].includes(node.type);
  return (
    node instanceof HTMLTextAreaElement || node instanceof HTMLSelectElement || (node as HTMLElement).isContentEditable
  );
}

/** Where the page's form submit buttons are on screen now (those in view only). */
function submitButtonRects(): DOMRect[] {
  const buttons = document.querySelectorAll(
    'form button:not([type]), form button[type="submit"], form input[type="submit"], form input[type="image"]',
  );
  return [...buttons]
    .map((button) => button.getBoundingClientRect())
    .filter((r) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight);
}

/** Shows the card once no field has focus and no key was pressed for a moment; keeps it clear of focused fields. */
function showWhenCalm(offer: TipOffer, mountTipCard: MountTipCard): void {
  // Ends every listener (and removes the card) once the extension is gone from under the page.
  const stop = new AbortController();
  const listen = (
    target: EventTarget,
    type: string,
    listener: (event: Event) => void,
    options: AddEventListenerOptions,
  ) => target.addEventListener(type, listener, { ...options, signal: stop.signal });
  const whileAlive = (run: (event: Event) => void) => (event: Event) => {
    if (alive()) run(event);
    else stop.abort();
  };
  let lastActivity = 0;
  const activity = () => {
    lastActivity = performance.now();
  };
  listen(document, 'keydown', activity, { capture: true, passive: true });
  listen(document, 'focusin', activity, { capture: true, passive: true });

  const tryShow = () => {
    if (!alive()) {
      stop.abort();
      return;
    }
    const busy = isEditable(document.activeElement) || performance.now() - lastActivity < CALM_MS;
    if (busy) {
      setTimeout(tryShow, 500);
      return;
    }
    const card = mountTipCard(offer, (action) => {
      void sendMessage('tipAction', { offerId: offer.offerId, action }).catch(() => {});
    });
    stop.signal.addEventListener('abort', card.remove);
    // Now the learner can see it: the background counts the tip (until now it was only reserved).
    void sendMessage('tipShown', { offerId: offer.offerId }).catch(() => {});
    // On a narrow screen the card spans the width: keep it off the form's submit button, also as the page scrolls.
    const clearSubmit = () => {
      for (const rect of submitButtonRects()) card.avoid(rect);
    };
    clearSubmit();
    let scrolled = 0;
    listen(
      window,
      'scroll',
      whileAlive(() => {
        cancelAnimationFrame(scrolled);
        scrolled = requestAnimationFrame(clearSubmit);
      }),
      { passive: true },
    );
    // Should the learner later focus a field under the card, the card moves aside.
    listen(
      document,
      'focusin',
      whileAlive((event) => {
        const target = event.target as Element | null;
        card.avoid(target && isEditable(target) ? target.getBoundingClientRect() : null);
      }),
      { capture: true, passive: true },
    );
  };
  tryShow();
}
