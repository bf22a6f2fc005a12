import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { TipOffer } from '../../core/protocol';
import { randomId } from '../../lib/ids';
import { sendMessage } from '../../lib/messaging';
import { mountTipCard } from './card';
import { looksLikeArticle, pageElements } from './page';

/** Quiet time after the last key press or focus change before a card may appear. */
const CALM_MS = 1500;

/**
 * Runs on government hosts only, and stays off the page's critical path:
 * before `load` its own code does nothing but wait for it (no DOM read, no
 * message; WXT's script context only reads the extension id while the script
 * loads); once the browser is idle it sends one message — the page was opened
 * (no URL, title or content: the background reads the URL from the sender and
 * forgets it) and which kinds of fields it has — whose reply says whether to
 * show a tip. It shows it only when the learner is not typing, never over the
 * field in focus.
 */
export default defineContentScript({
  // Widened at build time to every catalog host (see wxt.config.ts).
  matches: ['*://*.go.id/*'],
  // Injected at document_start, when creating the script's world overlaps the
  // wait for the page's bytes (measured: injecting at document_idle added
  // ~20–40 ms to a fast page's load event); it then does nothing until the
  // page has loaded and the browser is idle.
  runAt: 'document_start',
  main(ctx) {
    const whenIdle = () => requestIdleCallback(() => void start(ctx), { timeout: 3000 });
    if (document.readyState === 'complete') whenIdle();
    else addEventListener('load', whenIdle, { once: true });
  },
});

async function start(ctx: ContentScriptContext): Promise<void> {
  if (ctx.isInvalid) return;
  try {
    const reply = await sendMessage('pageVisited', {
      eventId: randomId(),
      elements: pageElements(document),
      articleLike: looksLikeArticle(document),
    });
    if (!reply.systemId || ctx.isInvalid) return;
    const offer = reply.offer ?? (reply.readTopic ? (await sendMessage('readPage', {})).offer : null);
    if (offer && !ctx.isInvalid) showWhenCalm(ctx, offer);
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
function showWhenCalm(ctx: ContentScriptContext, offer: TipOffer): void {
  let lastActivity = 0;
  const activity = () => {
    lastActivity = performance.now();
  };
  ctx.addEventListener(document, 'keydown', activity, { capture: true, passive: true });
  ctx.addEventListener(document, 'focusin', activity, { capture: true, passive: true });

  const tryShow = () => {
    if (ctx.isInvalid) return;
    const busy = isEditable(document.activeElement) || performance.now() - lastActivity < CALM_MS;
    if (busy) {
      ctx.setTimeout(tryShow, 500);
      return;
    }
    const card = mountTipCard(offer, (action) => {
      void sendMessage('tipAction', { offerId: offer.offerId, action }).catch(() => {});
    });
    ctx.onInvalidated(card.remove);
    // Now the learner can see it: the background counts the tip (until now it was only reserved).
    void sendMessage('tipShown', { offerId: offer.offerId }).catch(() => {});
    // On a narrow screen the card spans the width: keep it off the form's submit button, also as the page scrolls.
    const clearSubmit = () => {
      for (const rect of submitButtonRects()) card.avoid(rect);
    };
    clearSubmit();
    let scrolled = 0;
    ctx.addEventListener(
      window,
      'scroll',
      () => {
        cancelAnimationFrame(scrolled);
        scrolled = requestAnimationFrame(clearSubmit);
      },
      { passive: true },
    );
    // Should the learner later focus a field under the card, the card moves aside.
    ctx.addEventListener(
      document,
      'focusin',
      (event) => {
        const target = event.target as Element | null;
        card.avoid(target && isEditable(target) ? target.getBoundingClientRect() : null);
      },
      { capture: true, passive: true },
    );
  };
  tryShow();
}
