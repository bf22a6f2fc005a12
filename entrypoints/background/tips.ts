/**
 * Decides whether a government page gets a tip card, and which — caps,
 * quiet hours and the learner's switches included. The content script only
 * asks and shows; every decision and every string is made here.
 */
import lessonIndex from 'virtual:langkah/lesson-index';
import tips from 'virtual:langkah/tips';
import { type Browser, browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { canShowTip, offerCounts } from '../../core/caps';
import { GENERIC_GOV_ID } from '../../core/catalog';
import { localClock } from '../../core/clock';
import type { LessonMeta } from '../../core/lesson';
import { type AgencyPolicy, featureDisabled } from '../../core/policy';
import type { TipAction, TipOffer } from '../../core/protocol';
import { chooseTip, TIP_ELEMENTS, type TipElement, type TipMatch } from '../../core/tips';
import { todayKey } from '../../lib/clock';
import { getDb, type TipLogEntry } from '../../lib/db';
import { isLearnerWorkingDay, loadHabitSettings } from '../../lib/habits';
import { loadTranslator, type MessageKey, type Translator } from '../../lib/i18n';
import { randomId } from '../../lib/ids';
import { effectiveCaps, effectiveLocale, loadPolicy } from '../../lib/policy';
import { dailyLessonCard, disabledSystems, paused, tipsNever, tipsOffSystems } from '../../lib/settings';
import { getTodayPick } from '../../lib/today';
import { getRegistry } from './registry';

const lessonsById = new Map(lessonIndex.map((l) => [l.id, l]));

function labels(i18n: Translator): TipOffer['labels'] {
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

function learnLink(i18n: Translator, lesson: LessonMeta | undefined): TipOffer['learn'] {
  return lesson ? { lessonId: lesson.id, label: i18n.tn('tip_learn', lesson.minutes) } : null;
}

/** The system that asked, as the registry sees the sender's URL; null when none or switched off. */
async function senderSystem(sender: Browser.runtime.MessageSender) {
  const url = sender.url ?? sender.tab?.url;
  const detection = url ? (await getRegistry()).detect(url) : null;
  if (!detection || (await paused.getValue())) return null;
  if ((await disabledSystems.getValue()).includes(detection.system.id)) return null;
  return detection;
}

interface CapCheck {
  ok: boolean;
  today: string;
  now: number;
  shownToday: TipLogEntry[];
  tabId: number | undefined;
}

/**
 * How many tip requests the background answered since the browser started,
 * and how many of those answers offered a card (session storage, gone with
 * the browser). A test waits for an answer here instead of sleeping.
 */
export const tipDecisions = storage.defineItem<{ answered: number; offered: number }>('session:tipDecisions', {
  fallback: { answered: 0, offered: 0 },
});

async function countDecision(offered: boolean): Promise<void> {
  const { answered, offered: before } = await tipDecisions.getValue();
  await tipDecisions.setValue({ answered: answered + 1, offered: before + (offered ? 1 : 0) });
}

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

async function checkCaps(systemId: string, now: number, tabId: number | undefined): Promise<CapCheck> {
  const today = await todayKey(now);
  const loggedToday = await getDb().tipLog.where('day').equals(today).toArray();
  // Reservations whose card never appeared no longer hold a place.
  const shownToday = loggedToday.filter((e) => offerCounts(e, now, tabId));
  const [caps, systemsOff] = await Promise.all([effectiveCaps().then((c) => c.value), tipsOffSystems.getValue()]);
  const decision = canShowTip(
    caps,
    {
      shownToday,
      systemsOff: new Set(systemsOff),
      laterToday: new Set(shownToday.filter((e) => e.action === 'later').map((e) => e.systemId)),
    },
    systemId,
    now,
    localClock(now).minute,
  );
  return { ok: decision.ok, today, now, shownToday, tabId };
}

/** Reserves an offer: it counts against the caps once its card is mounted (`tipShown`), or lapses. */
async function record(
  entry: Omit<TipLogEntry, 'offerId' | 'action' | 'shownAt' | 'tabId'>,
  tabId: number | undefined,
): Promise<string> {
  const offerId = randomId();
  await getDb().tipLog.add({
    ...entry,
    offerId,
    action: null,
    shownAt: null,
    ...(tabId === undefined ? {} : { tabId }),
  });
  return offerId;
}

async function tipOffer(match: TipMatch, systemName: string, i18n: Translator, check: CapCheck, systemId: string) {
  const { t } = i18n;
  const why = [t('tip_why_system', systemName)];
  if (match.matched.context) why.push(t('tip_why_context', match.matched.context));
  if (match.matched.element) why.push(t(`tip_why_element_${match.matched.element.replace('-', '_')}` as MessageKey));
  why.push(t('tip_why_caps', (await effectiveCaps()).value.perDay));
  const offerId = await record({ day: check.today, tipId: match.tip.id, systemId, at: check.now }, check.tabId);
  return {
    offerId,
    kind: 'tip',
    title: t('tip_title'),
    text: match.tip.text,
    why: why.join(' '),
    learn: learnLink(i18n, match.tip.lesson ? lessonsById.get(match.tip.lesson) : undefined),
    labels: labels(i18n),
  } satisfies TipOffer;
}

/** Today's lesson as the first card of a working day, when it is not yet done. */
async function lessonOffer(
  i18n: Translator,
  check: CapCheck,
  systemId: string,
  policy: AgencyPolicy,
): Promise<TipOffer | null> {
  if (featureDisabled(policy, 'dailyLessonCard')) return null;
  if (check.shownToday.length > 0 || !(await dailyLessonCard.getValue())) return null;
  const settings = await loadHabitSettings();
  if (!isLearnerWorkingDay(check.today, settings)) return null;
  const db = getDb();
  // Today's goal already met: no lesson card.
  if ((await db.completions.where('day').equals(check.today).count()) >= settings.dailyGoal) return null;
  const pick = await getTodayPick(db, lessonIndex, check.now, check.today);
  const lesson = pick ? lessonsById.get(pick.lessonId) : undefined;
  if (!pick || !lesson) return null;
  const offerId = await record(
    { day: check.today, tipId: `lesson:${lesson.id}`, systemId, at: check.now },
    check.tabId,
  );
  return {
    offerId,
    kind: 'lesson',
    title: i18n.t('tip_lessonTitle'),
    text: i18n.tn('tip_lessonText', lesson.minutes, lesson.title, lesson.summary),
    why: i18n.t('tip_why_lesson'),
    learn: learnLink(i18n, lesson),
    labels: labels(i18n),
  };
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
    if (!reply.readTopic) await countDecision(reply.offer !== null);
    return reply;
  });
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
  const systemId = detection.system.id;
  const check = await checkCaps(systemId, now, sender.tab?.id);
  if (!check.ok) return { offer: null, readTopic: false };
  const i18n = await loadTranslator((await effectiveLocale()).value);
  const lessonCard = await lessonOffer(i18n, check, systemId, policy);
  if (lessonCard) return { offer: lessonCard, readTopic: false };
  // A government page no catalog rule describes: read its topic first (the content script asks).
  if (systemId === GENERIC_GOV_ID && articleLike === true && !featureDisabled(policy, 'topicReader')) {
    return { offer: null, readTopic: true };
  }
  return { offer: await chooseAndOffer(elements, detection, i18n, check), readTopic: false };
}

async function chooseAndOffer(
  elements: unknown,
  detection: NonNullable<Awaited<ReturnType<typeof senderSystem>>>,
  i18n: Translator,
  check: CapCheck,
): Promise<TipOffer | null> {
  const present = new Set(
    (Array.isArray(elements) ? elements : []).filter((e): e is TipElement =>
      (TIP_ELEMENTS as readonly unknown[]).includes(e),
    ),
  );
  const lastShown = new Map<string, number>();
  await getDb().tipLog.each((e) => {
    if (offerCounts(e, check.now, check.tabId)) lastShown.set(e.tipId, Math.max(lastShown.get(e.tipId) ?? 0, e.at));
  });
  const match = chooseTip(
    tips,
    { systemId: detection.system.id, context: detection.context, elements: present },
    new Set(await tipsNever.getValue()),
    lastShown,
  );
  if (!match) return null;
  const name = detection.system.id === GENERIC_GOV_ID ? i18n.t('system_genericGov') : detection.system.name;
  return tipOffer(match, name, i18n, check, detection.system.id);
}

/**
 * Runs the reader script in the sender's tab. It matches the page against
 * lesson topics there and returns only a lesson id and topic; when nothing
 * matches, a general tip is offered instead.
 */
export async function readPage(
  sender: Browser.runtime.MessageSender,
  now: number,
): Promise<{ offer: TipOffer | null }> {
  const detection = await senderSystem(sender);
  const tabId = sender.tab?.id;
  if (!detection || tabId === undefined) return serially(() => countDecision(false).then(() => ({ offer: null })));
  const { policy } = await loadPolicy();
  // A first look, so the reader does not run where no card could be shown (or the agency switched it off).
  if (
    featureDisabled(policy, 'tips') ||
    featureDisabled(policy, 'topicReader') ||
    !(await checkCaps(detection.system.id, now, tabId)).ok
  ) {
    return serially(() => countDecision(false).then(() => ({ offer: null })));
  }
  const [injection] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [sender.frameId ?? 0] },
    files: ['/reader.js'],
  });
  const found = injection?.result as { lessonId: string; topic: string } | null | undefined;
  return serially(async () => {
    // Decided again, with the log as it is now: another tab may have used the caps meanwhile.
    const check = await checkCaps(detection.system.id, now, tabId);
    let offer: TipOffer | null = null;
    if (check.ok) {
      const i18n = await loadTranslator((await effectiveLocale()).value);
      const lesson = found && typeof found.lessonId === 'string' ? lessonsById.get(found.lessonId) : undefined;
      offer =
        found && lesson
          ? await topicOffer(i18n, check, detection.system.id, found.topic, lesson)
          : await chooseAndOffer([], detection, i18n, check);
    }
    await countDecision(offer !== null);
    return { offer };
  });
}

async function topicOffer(
  i18n: Translator,
  check: CapCheck,
  systemId: string,
  topic: string,
  lesson: LessonMeta,
): Promise<TipOffer> {
  const offerId = await record({ day: check.today, tipId: `topic:${lesson.id}`, systemId, at: check.now }, check.tabId);
  return {
    offerId,
    kind: 'topic',
    title: i18n.t('tip_topicTitle'),
    text: i18n.tn('tip_topicText', lesson.minutes, topic, lesson.title),
    why: i18n.t('tip_why_topic', topic),
    learn: learnLink(i18n, lesson),
    labels: labels(i18n),
  };
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
  return db.transaction('rw', db.tipLog, async () => {
    const entry = await db.tipLog.get(offerId);
    if (!entry || entry.shownAt !== null || entry.tabId !== sender.tab?.id) return { confirmed: false };
    await db.tipLog.update(offerId, { shownAt: now, tabId: undefined });
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
  const entry = typeof offerId === 'string' ? await db.tipLog.get(offerId) : undefined;
  if (!entry || (entry.tabId !== undefined && entry.tabId !== sender.tab?.id)) return { done: false };
  // Acting on a card means it was seen, even if its confirmation was lost.
  await db.tipLog.update(
    offerId,
    entry.shownAt === null ? { action, shownAt: entry.at, tabId: undefined } : { action },
  );
  if (action === 'never' && !entry.tipId.includes(':')) {
    await tipsNever.setValue([...new Set([...(await tipsNever.getValue()), entry.tipId])]);
  } else if (action === 'system-off') {
    await tipsOffSystems.setValue([...new Set([...(await tipsOffSystems.getValue()), entry.systemId])]);
  } else if (action === 'learn') {
    const lessonId = entry.tipId.includes(':')
      ? entry.tipId.split(':')[1]
      : tips.find((t) => t.id === entry.tipId)?.lesson;
    if (lessonId && lessonsById.has(lessonId)) {
      await browser.tabs.create({
        url: browser.runtime.getURL(`/lesson.html?id=${encodeURIComponent(lessonId)}`),
        ...(sender.tab?.index !== undefined ? { index: sender.tab.index + 1 } : {}),
      });
    }
  }
  return { done: true };
}
