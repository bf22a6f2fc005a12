/**
 * When and where the tip card appears on the page: only once the learner is
 * not typing, never over the field in focus, clear of the form's submit
 * button. Part of the card's script (entrypoints/tipcard.ts), which the
 * background injects only into a page where a card could come; gov/visit.ts
 * calls it with the offer.
 */
import type { TipOffer } from '../../core/protocol';
import type { createSender } from '../../lib/send';
import { mountTipCard } from './card';

/** Quiet time after the last key press or focus change before a card may appear. */
const CALM_MS = 1500;

/** Set in the extension's isolated world of a frame once the card's script (entrypoints/tipcard.ts) runs there. */
export const CARD_SCRIPT_GLOBAL = 'langkahCardScript';

/** What the card needs: a sender, and whether the extension is still there. */
export interface CardHost {
  sendMessage: ReturnType<typeof createSender>;
  /** False once the extension was updated or removed under this page: the card and its listeners go. */
  alive(): boolean;
}
export type ShowTipCard = typeof showWhenCalm;

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
export function showWhenCalm(offer: TipOffer, { sendMessage, alive }: CardHost): void {
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
