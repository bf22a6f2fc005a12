/**
 * The card script's work (entrypoints/tipcard.ts runs it once the background
 * put it into a page where a card could come): read the page — the kinds of
 * fields it has, whether it reads like an article — ask which card, ask for
 * the topic reading when the background wants it, and show the card when the
 * learner is calm (gov/calm.ts). Given what it needs, so a unit test can watch it.
 */
import type { CardHost, ShowTipCard } from './calm';
import { looksLikeArticle, pageElements } from './page';

export interface CardFlowHost extends CardHost {
  /** The page to read. */
  page(): Document;
  /** Shows the card when the learner is not busy (gov/calm.ts `showWhenCalm`). */
  show: ShowTipCard;
}

export async function askForCard({ page, show, sendMessage, alive }: CardFlowHost): Promise<void> {
  try {
    if (!alive()) return;
    const doc = page();
    const reply = await sendMessage('requestTip', { elements: pageElements(doc), articleLike: looksLikeArticle(doc) });
    if ((!reply.offer && !reply.readTopic) || !alive()) return;
    const offer = reply.offer ?? (await sendMessage('readPage', {})).offer;
    if (offer && alive()) show(offer, { sendMessage, alive });
  } catch {
    // The background could not be reached after retries: a missed tip is not
    // worth disturbing the learner's work for.
  }
}
