/**
 * What every card kind shares: the card shape a kind module exports, the
 * system check on the sender, the caps check, the reservation of an offer and
 * the card's common labels. A kind module (tip.ts, daily-lesson.ts,
 * topic-reader.ts) only says where it applies and how it builds its offer.
 */
import type { Browser } from 'wxt/browser';
import { type CapSettings, canShowTip, offerCounts } from '../../../core/caps';
import type { CardPage, CardTrigger } from '../../../core/cards';
import { type Detection, GENERIC_GOV_ID } from '../../../core/catalog';
import { localClock } from '../../../core/clock';
import type { LessonMeta } from '../../../core/lesson';
import type { AgencyPolicy } from '../../../core/policy';
import type { TipOffer } from '../../../core/protocol';
import { TIP_ELEMENTS, type TipElement } from '../../../core/tips';
import { learnerDayKey } from '../../../lib/clock';
import { getDb, type TipLogEntry } from '../../../lib/db';
import { loadTranslator, type Translator } from '../../../lib/i18n';
import { randomId } from '../../../lib/ids';
import { offersOfDay } from '../../../lib/offers';
import { capsSetting, effectiveLocale, loadPolicy } from '../../../lib/policy';
import { visitSettings } from '../memory';
import { getRegistry } from '../registry';

/** Today's caps as they stand for one request. */
export interface CapCheck {
  ok: boolean;
  today: string;
  now: number;
  /** Offers that count against the caps today: shown, or reserved and still pending. */
  shownToday: TipLogEntry[];
  tabId: number | undefined;
}

/** Everything a kind needs to build its offer for one request. */
export interface CardContext {
  detection: Detection;
  page: CardPage;
  check: CapCheck;
  policy: AgencyPolicy;
  /** The learner's language, loaded on first use. */
  i18n(): Promise<Translator>;
}

/** Where a reading kind runs its script. */
export interface ReadTarget {
  tabId: number;
  frameId: number;
}

/**
 * A card kind: its declarative trigger (core/cards.ts `CardTrigger`) and how
 * it builds its offer. `offer` reserves the offer (`reserve`) before it
 * returns it, or returns null when it has nothing for this page.
 */
export type Card =
  | (CardTrigger & { readsPage?: false; offer(ctx: CardContext): Promise<TipOffer | null> })
  | (CardTrigger & {
      readsPage: true;
      /** Runs in the page's tab; its result is untrusted (the page may have changed anything). */
      read(target: ReadTarget): Promise<unknown>;
      offer(ctx: CardContext, found: unknown): Promise<TipOffer | null>;
    });

/** The system that asked, as the registry sees the sender's URL; null when none or switched off. */
export async function senderSystem(sender: Browser.runtime.MessageSender): Promise<Detection | null> {
  const url = sender.url ?? sender.tab?.url;
  const detection = url ? (await getRegistry()).detect(url) : null;
  if (!detection || (await visitSettings.paused())) return null;
  if ((await visitSettings.disabledSystems()).includes(detection.system.id)) return null;
  return detection;
}

/** The page as the triggers see it; `elements` is what the content script reported (untrusted). */
export function cardPage(detection: Detection, elements: unknown, articleLike: boolean): CardPage {
  return {
    systemId: detection.system.id,
    generic: detection.system.id === GENERIC_GOV_ID,
    context: detection.context,
    elements: new Set(
      (Array.isArray(elements) ? elements : []).filter((e): e is TipElement =>
        (TIP_ELEMENTS as readonly unknown[]).includes(e),
      ),
    ),
    articleLike,
  };
}

export function cardContext(detection: Detection, page: CardPage, check: CapCheck, policy: AgencyPolicy): CardContext {
  let translator: Promise<Translator> | undefined;
  return {
    detection,
    page,
    check,
    policy,
    i18n: () => {
      translator ??= effectiveLocale().then((locale) => loadTranslator(locale.value));
      return translator;
    },
  };
}

/** The effective caps (the agency's quiet hours included), from memory. */
export async function currentCaps(): Promise<CapSettings> {
  const [learner, { policy }] = await Promise.all([visitSettings.capsChoice(), loadPolicy()]);
  return capsSetting(learner, policy).value;
}

/**
 * May `systemId` get a card at `now`, for a page in `tabId`? Reservations that
 * lapsed no longer count. Settings come from memory; the day's log is read only
 * when the settings alone (caps off, quiet hours, system switched off) do not
 * already say no — a log can only add reasons to refuse.
 */
export async function checkCaps(systemId: string, now: number, tabId: number | undefined): Promise<CapCheck> {
  const [rollover, caps, systemsOff] = await Promise.all([
    visitSettings.rolloverHour(),
    currentCaps(),
    visitSettings.tipsOffSystems(),
  ]);
  const today = learnerDayKey(now, rollover);
  const minute = localClock(now).minute;
  const decide = (shownToday: TipLogEntry[]) =>
    canShowTip(
      caps,
      {
        shownToday,
        systemsOff: new Set(systemsOff),
        laterToday: new Set(shownToday.filter((e) => e.action === 'later').map((e) => e.systemId)),
      },
      systemId,
      now,
      minute,
    );
  if (!decide([]).ok) return { ok: false, today, now, shownToday: [], tabId };
  const loggedToday = await offersOfDay(getDb(), today).toArray();
  // Reservations whose card never appeared no longer hold a place.
  const shownToday = loggedToday.filter((e) => offerCounts(e, now, tabId));
  return { ok: decide(shownToday).ok, today, now, shownToday, tabId };
}

/**
 * Reserves an offer: it counts against the caps once its card is mounted
 * (`tipShown`), or lapses. `tipId` is the tip's id, or `<prefix>:<lessonId>`
 * for a card that leads to a lesson (its "Pelajari" opens that lesson).
 */
export async function reserve(ctx: CardContext, tipId: string): Promise<string> {
  const offerId = randomId();
  const { check } = ctx;
  await getDb().tipOffers.add({
    day: check.today,
    tipId,
    systemId: ctx.detection.system.id,
    at: check.now,
    offerId,
    action: null,
    shownAt: null,
    ...(check.tabId === undefined ? {} : { tabId: check.tabId }),
  });
  return offerId;
}

/** The buttons and region names every card has. */
export function labels(i18n: Translator): TipOffer['labels'] {
  const { t } = i18n;
  return {
    later: t('tip_later'),
    never: t('tip_never'),
    systemOff: t('tip_systemOff'),
    why: t('tip_why'),
    close: t('tip_close'),
    region: t('tip_region'),
  };
}

/** "Pelajari (n menit)" for `lesson`; null without one. */
export function learnLink(i18n: Translator, lesson: LessonMeta | undefined): TipOffer['learn'] {
  return lesson ? { lessonId: lesson.id, label: i18n.tn('tip_learn', lesson.minutes) } : null;
}
