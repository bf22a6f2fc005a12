/**
 * The toolbar badge: the current streak, with a mark (`•`, an amber badge and
 * a title that says so) while today's lesson is pending on a working day.
 * Updated at start, after each completion, when the learner's day changes
 * (an alarm at the rollover hour) and when a habit setting or the language
 * changes; each update also refreshes the stored completion summary.
 */
import { browser } from 'wxt/browser';
import { type BadgeState, badgeFor } from '../../core/reminder';
import { nextDayStart } from '../../lib/clock';
import { getDb } from '../../lib/db';
import { loadHabits, storeCompletionSummary, watchHabitSettings } from '../../lib/habits';
import { loadTranslator } from '../../lib/i18n';
import { effectiveLocale, watchPolicy } from '../../lib/policy';
import { rolloverHour, uiLanguage } from '../../lib/settings';

/** Fires when the learner's day changes (their rollover hour), to redraw the badge. */
export const DAY_ALARM = 'langkah-day';

const COLOR_STREAK = '#0b6e4f';
const COLOR_PENDING = '#9a4a00';

let queue: Promise<unknown> = Promise.resolve();

async function drawBadge(now: number): Promise<BadgeState> {
  const [habits, { value: locale }] = await Promise.all([loadHabits(getDb(), now), effectiveLocale()]);
  const { streak } = habits;
  const { t, tn } = await loadTranslator(locale);
  const badge = badgeFor(streak.current, streak.todayStatus);
  const title = [
    t('actionTitle'),
    tn('badge_streak', streak.current),
    streak.todayStatus === 'met' ? t('badge_met') : streak.todayStatus === 'pending' ? t('badge_pending') : '',
  ]
    .filter(Boolean)
    .join(' · ');
  await Promise.all([
    // The popup draws its first frame from this copy (lib/habits.ts).
    storeCompletionSummary(habits.completions),
    browser.action.setBadgeText({ text: badge.text }),
    browser.action.setBadgeBackgroundColor({ color: badge.pending ? COLOR_PENDING : COLOR_STREAK }),
    browser.action.setTitle({ title }),
  ]);
  return badge;
}

/**
 * Redraws the badge from the stored completions and settings. Updates run one
 * after another, so a slow older one never overwrites a newer badge. Resolves
 * with what was drawn, or null when it failed (logged).
 */
export function refreshBadge(now: () => number = Date.now): Promise<BadgeState | null> {
  const run = queue
    .then(() => drawBadge(now()))
    .catch((error: unknown) => {
      console.error('[langkah] badge update failed', error);
      return null;
    });
  queue = run;
  return run;
}

/** Makes sure the day-change alarm fires at the next rollover; re-created only when it is missing or off. */
export async function scheduleDayChange(now: number = Date.now()): Promise<void> {
  const when = nextDayStart(now, await rolloverHour.getValue());
  const existing = await browser.alarms.get(DAY_ALARM);
  if (existing?.scheduledTime !== when) await browser.alarms.create(DAY_ALARM, { when });
}

const logDayAlarmError = (error: unknown) => console.error('[langkah] day alarm failed', error);

/**
 * Wires the badge's triggers: the day alarm and the settings it shows. Call
 * once, synchronously, at every wake; the first drawing is `startBadge`.
 */
export function setupBadge(now: () => number = Date.now): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== DAY_ALARM) return;
    void refreshBadge(now);
    void scheduleDayChange(now()).catch(logDayAlarmError);
  });
  watchHabitSettings(() => void refreshBadge(now));
  rolloverHour.watch(() => void scheduleDayChange(now()).catch(logDayAlarmError));
  uiLanguage.watch(() => void refreshBadge(now));
  watchPolicy(() => void refreshBadge(now));
}

/** Draws the badge and plans the day-change alarm: on install and browser start (./startup.ts). */
export function startBadge(now: () => number = Date.now): Promise<unknown> {
  return Promise.all([refreshBadge(now), scheduleDayChange(now()).catch(logDayAlarmError)]);
}
