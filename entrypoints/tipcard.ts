import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { createSender } from '../lib/send';
import { CARD_SCRIPT_GLOBAL, showWhenCalm } from './gov/calm';
import { askForCard } from './gov/visit';

/**
 * The card's script: reading the page, asking which card, and the card with
 * its rules for when and where it appears (gov/visit.ts, gov/calm.ts) — apart
 * from the content script, so an ordinary page never parses it. The
 * background injects it into a page only when a card could come there
 * (background/tips.ts `mayOfferCard`), before it answers the page's visit. It
 * runs in the extension's isolated world, the content script's, never in the
 * page's own.
 */
export default defineUnlistedScript(() => {
  // Injected again into the same frame (a retried visit report): the first one is already at work.
  const world = globalThis as unknown as Record<string, unknown>;
  if (world[CARD_SCRIPT_GLOBAL]) return;
  world[CARD_SCRIPT_GLOBAL] = true;
  // False once the extension was updated or removed under this page: the card and its listeners go.
  const alive = () => browser.runtime?.id !== undefined;
  const sendMessage = createSender(() => browser.runtime);
  void askForCard({ page: () => document, show: showWhenCalm, sendMessage, alive });
});
