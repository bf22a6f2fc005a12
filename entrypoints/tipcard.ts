import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { type ShowTipCard, showWhenCalm, TIP_CARD_GLOBAL } from './gov/calm';

/**
 * The tip card's code — the card and the rules for when and where it
 * appears (gov/calm.ts) — apart from the content script so that an ordinary
 * page (no card) never parses it: the background injects this file into the
 * frame it offers a card to, just before it replies with the offer
 * (background/tips.ts `withCardScript`). It runs in the extension's isolated
 * world, the content script's, and leaves `showWhenCalm` there — never on
 * the page's own `window`.
 */
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<typeof TIP_CARD_GLOBAL, ShowTipCard>)[TIP_CARD_GLOBAL] = showWhenCalm;
});
