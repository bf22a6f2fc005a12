/**
 * Decides whether a government page gets a card, and which — caps, quiet
 * hours, the agency's policy and the learner's switches included — and
 * applies the learner's choice on it. The content script only asks and shows;
 * every decision and every string is made here. The kinds of card live one
 * per module in ./cards (registry.ts lists them); this file runs a request
 * through them one request at a time.
 */
import { type Browser, browser } from 'wxt/browser';
import { type CardPlan, type CardState, planCards } from '../../core/cards';
import type { Detection } from '../../core/catalog';
import { type AgencyPolicy, featureDisabled } from '../../core/policy';
import type { TipAction, TipOffer } from '../../core/protocol';
import { getDb } from '../../lib/db';
import { findOffer, updateOffer } from '../../lib/offers';
import { loadPolicy } from '../../lib/policy';
import { tipsNever, tipsOffSystems } from '../../lib/settings';
import { CARDS } from './cards/registry';
import {
  type CapCheck,
  type Card,
  type CardContext,
  cardContext,
  cardPage,
  checkCaps,
  senderSystem,
} from './cards/shared';
import { loadLessonsById, loadTips } from './package-data';

/** How many tip questions the background answered, and how many of those answers offered a card. */
export interface TipDecisions {
  answered: number;
  offered: number;
}

/**
 * The count since this worker started, in memory only: a storage write on
 * every page visit cost the worker more than the rest of the decision (trace
 * bench). End-to-end tests read it in the worker as
 * `globalThis.__langkahTipDecisions`, to wait for an answer instead of sleeping.
 */
const decisions: TipDecisions = { answered: 0, offered: 0 };
(globalThis as { __langkahTipDecisions?: TipDecisions }).__langkahTipDecisions = decisions;

/** A copy of the count (unit tests). */
export function tipDecisions(): TipDecisions {
  return { ...decisions };
}

/** Starts the count again (unit tests, before each test). */
export function resetTipDecisions(): void {
  decisions.answered = 0;
  decisions.offered = 0;
}

function countDecision(offered: boolean): void {
  decisions.answered += 1;
  if (offered) decisions.offered += 1;
}

/** The card's script (entrypoints/tipcard.ts), put only into a page where a card could come. */
const CARD_SCRIPT = '/tipcard.js';

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs decisions one after another: a decision reads the log and records its
 * offer before the next one reads, so tabs asking at the same moment cannot
 * all pass the caps.
 */
function serially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task, task);
  queue = run.catch(() => undefined);
  return run;
}

function cardState(policy: AgencyPolicy, check: CapCheck): CardState {
  return { disabledFeatures: new Set(policy.disabledFeatures ?? []), offersToday: check.shownToday.length };
}

/** The registered kinds that apply to the page of `ctx`, in the order they are tried. */
function plan(ctx: CardContext): CardPlan<Card> {
  return planCards(CARDS, ctx.page, cardState(ctx.policy, ctx.check));
}

/** The first offer one of `cards` builds (and reserves), or null. */
async function firstOffer(cards: readonly Card[], ctx: CardContext): Promise<TipOffer | null> {
  for (const card of cards) {
    // A kind that reads the page never comes before the reading (core/cards.ts `planCards`).
    if (card.readsPage) continue;
    const offer = await card.offer(ctx);
    if (offer) return offer;
  }
  return null;
}

/**
 * Decides whether the sender's page gets a card and reserves it. Requests are
 * decided one at a time, so N tabs asking at once get exactly as many offers
 * as the caps allow.
 */
export function requestTip(
  request: { elements: unknown; articleLike: unknown },
  sender: Browser.runtime.MessageSender,
  now: number,
): Promise<{ offer: TipOffer | null; readTopic: boolean }> {
  return serially(async () => {
    const reply = await decideTip(request, sender, now);
    if (!reply.readTopic) countDecision(reply.offer !== null);
    return reply;
  });
}

/**
 * The tip question of a page visit, asked before the page is read: could the
 * sender's page get any card now (the agency's switch, caps, quiet hours, the
 * learner's switches)? `detection` is null for a page that gets none (its
 * system paused or switched off). When not — most pages: the day's few cards
 * are soon used — that is the answer, counted as one, and the page is never
 * read. When it could, the card's script (entrypoints/tipcard.ts) is put into
 * the sender's frame, and it asks `requestTip` with what it reads there, which
 * decides for good. A frame that cannot take the script (closed meanwhile) is
 * answered "no", counted too.
 */
export async function mayOfferCard(
  sender: Browser.runtime.MessageSender,
  now: number,
  detection: Detection | null,
): Promise<boolean> {
  const possible = await serially(async () => {
    let may = detection !== null && !featureDisabled((await loadPolicy()).policy, 'tips');
    if (detection && may) may = (await checkCaps(detection.system.id, now, sender.tab?.id)).ok;
    if (!may) countDecision(false);
    return may;
  });
  if (!possible) return false;
  const tabId = sender.tab?.id;
  try {
    if (tabId === undefined) throw new Error('no tab');
    await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [CARD_SCRIPT] });
    return true;
  } catch {
    countDecision(false);
    return false;
  }
}

async function decideTip(
  { elements, articleLike }: { elements: unknown; articleLike: unknown },
  sender: Browser.runtime.MessageSender,
  now: number,
): Promise<{ offer: TipOffer | null; readTopic: boolean }> {
  const detection = await senderSystem(sender);
  if (!detection) return { offer: null, readTopic: false };
  // The agency may switch automatic cards off for its staff (policy `disabledFeatures`).
  const { policy } = await loadPolicy();
  if (featureDisabled(policy, 'tips')) return { offer: null, readTopic: false };
  const check = await checkCaps(detection.system.id, now, sender.tab?.id);
  if (!check.ok) return { offer: null, readTopic: false };
  const ctx = cardContext(detection, cardPage(detection, elements, articleLike === true), check, policy);
  const { first, reader } = plan(ctx);
  const offer = await firstOffer(first, ctx);
  // No card yet, and a kind reads the page first: the content script asks for the reading (`readPage`).
  return { offer, readTopic: offer === null && reader !== null };
}

/**
 * Runs the reading kind's script in the sender's tab (the topic reader: it
 * matches the page against lesson topics there and returns only a lesson id
 * and topic) and offers from what it found; when it found nothing, the kinds
 * after it (a general tip) get their turn.
 */
export async function readPage(
  sender: Browser.runtime.MessageSender,
  now: number,
): Promise<{ offer: TipOffer | null }> {
  const nothing = () => {
    countDecision(false);
    return { offer: null };
  };
  const detection = await senderSystem(sender);
  const tabId = sender.tab?.id;
  if (!detection || tabId === undefined) return nothing();
  const { policy } = await loadPolicy();
  if (featureDisabled(policy, 'tips')) return nothing();
  // A first look, so the reader does not run where no card could be shown (or the agency switched it off).
  const page = cardPage(detection, [], true);
  const firstCheck = await checkCaps(detection.system.id, now, tabId);
  const { reader } = plan(cardContext(detection, page, firstCheck, policy));
  if (!firstCheck.ok || !reader?.readsPage) return nothing();
  const found = await reader.read({ tabId, frameId: sender.frameId ?? 0 });
  return serially(async () => {
    // Decided again, with the log as it is now: another tab may have used the caps meanwhile.
    const check = await checkCaps(detection.system.id, now, tabId);
    let offer: TipOffer | null = null;
    if (check.ok) {
      const ctx = cardContext(detection, page, check, policy);
      offer = (await reader.offer(ctx, found)) ?? (await firstOffer(plan(ctx).afterReading, ctx));
    }
    countDecision(offer !== null);
    return { offer };
  });
}

/**
 * The card of `offerId` is on the sender's page: the reservation becomes a
 * shown tip. Only the tab it was reserved for may confirm it, and only once.
 */
export async function tipShown(
  offerId: unknown,
  sender: Browser.runtime.MessageSender,
  now: number,
): Promise<{ confirmed: boolean }> {
  const db = getDb();
  if (typeof offerId !== 'string') return { confirmed: false };
  return db.transaction('rw', db.tipOffers, async () => {
    const entry = await findOffer(db, offerId);
    if (!entry || entry.shownAt !== null || entry.tabId !== sender.tab?.id) return { confirmed: false };
    await updateOffer(db, entry, { shownAt: now, tabId: undefined });
    return { confirmed: true };
  });
}

/** Applies the learner's choice on a card. */
export async function tipAction(
  offerId: string,
  action: TipAction,
  sender: Browser.runtime.MessageSender,
): Promise<{ done: boolean }> {
  const db = getDb();
  const entry = typeof offerId === 'string' ? await findOffer(db, offerId) : undefined;
  if (!entry || (entry.tabId !== undefined && entry.tabId !== sender.tab?.id)) return { done: false };
  // Acting on a card means it was seen, even if its confirmation was lost.
  await updateOffer(db, entry, entry.shownAt === null ? { action, shownAt: entry.at, tabId: undefined } : { action });
  if (action === 'never' && !entry.tipId.includes(':')) {
    await tipsNever.setValue([...new Set([...(await tipsNever.getValue()), entry.tipId])]);
  } else if (action === 'system-off') {
    await tipsOffSystems.setValue([...new Set([...(await tipsOffSystems.getValue()), entry.systemId])]);
  } else if (action === 'learn') {
    const lessonId = entry.tipId.includes(':')
      ? entry.tipId.split(':')[1]
      : (await loadTips()).find((t) => t.id === entry.tipId)?.lesson;
    if (lessonId && (await loadLessonsById()).has(lessonId)) {
      await browser.tabs.create({
        url: browser.runtime.getURL(`/lesson.html?id=${encodeURIComponent(lessonId)}`),
        ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}),
      });
    }
  }
  return { done: true };
}
