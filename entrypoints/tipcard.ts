import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { type MountTipCard, mountTipCard, TIP_CARD_GLOBAL } from './gov/card';

/**
 * The tip card's code, apart from the content script so that an ordinary
 * page (no card) never parses it: the background injects this file into the
 * frame it offers a card to, just before it replies with the offer
 * (background/tips.ts `withCardScript`). It runs in the extension's isolated
 * world, the content script's, and leaves `mountTipCard` there — never on
 * the page's own `window`.
 */
export default defineUnlistedScript(() => {
  (globalThis as unknown as Record<typeof TIP_CARD_GLOBAL, MountTipCard>)[TIP_CARD_GLOBAL] = mountTipCard;
});
