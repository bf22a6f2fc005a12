/**
 * The daily micro-lesson reminder: one alarm, one notification a day at most.
 * What to do is decided in core/reminder.ts; this module only talks to the
 * browser, and every difference between Chrome and Firefox lives here:
 *
 * - Alarms: Chrome usually keeps them across browser restarts, Firefox does
 *   not. `ensureReminderAlarm` runs at every start and re-creates the alarm
 *   only when it is missing or its schedule differs from the setting — never
 *   blindly, which would reset a pending alarm on every service-worker wake.
 * - A reminder missed while the browser was closed (or the alarm lost) is
 *   caught up at start: `checkReminder` shows it once, later that same day.
 * - Notifications: Chrome requires `iconUrl`; Firefox ignores or rejects the
 *   Chrome-only fields (`buttons`, `requireInteraction`, `silent`,
 *   `contextMessage`), so only the four common fields are sent.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { type DayKey, localClock } from '../../core/day';
import {
  decideReminder,
  MINUTES_PER_DAY,
  parseReminderTime,
  planReminderAlarm,
  type ReminderDecision,
} from '../../core/reminder';
import { nextLocalTime } from '../../lib/clock';
import { getDb } from '../../lib/db';
import { loadHabits } from '../../lib/habits';
import { loadTranslator } from '../../lib/i18n';
import { hasNotifications } from '../../lib/platform';
import { effectiveLocale, effectiveReminder, watchPolicy } from '../../lib/policy';
import { reminder } from '../../lib/settings';
import { getTodayPick } from '../../lib/today';
import { loadLessonIndex, loadLessonsById } from './package-data';

export const REMINDER_ALARM = 'langkah-reminder';
/** Notification ids are `langkah-reminder:<kind>:<lesson id>`: a click opens exactly what was offered. */
export const REMINDER_NOTIFICATION_PREFIX = 'langkah-reminder:';

/** The learner's day the reminder was last shown: once a day, on time or late. */
export const lastReminderDay = storage.defineItem<DayKey | null>('local:lastReminderDay', { fallback: null });

/**
 * Creates the daily alarm at the chosen local time, clears it when reminders
 * are off, and leaves a matching one alone. Returns what it did.
 */
export async function ensureReminderAlarm(now: number = Date.now()): Promise<'keep' | 'create' | 'clear'> {
  const [{ value: settings }, existing] = await Promise.all([effectiveReminder(), browser.alarms.get(REMINDER_ALARM)]);
  const plan = planReminderAlarm(settings, existing ?? undefined);
  if (plan === 'create') {
    await browser.alarms.create(REMINDER_ALARM, {
      when: nextLocalTime(now, parseReminderTime(settings.time)),
      periodInMinutes: MINUTES_PER_DAY,
    });
  } else if (plan === 'clear') {
    await browser.alarms.clear(REMINDER_ALARM);
  }
  return plan;
}

export type ReminderOutcome = ReminderDecision | { show: false; reason: 'no-lesson' };

let queue: Promise<unknown> = Promise.resolve();

/** Runs reminder work one at a time, so an alarm and a start-up check never both show it. */
function serially<T>(task: () => Promise<T>, failed: T): Promise<T> {
  const run = queue.then(task).catch((error: unknown) => {
    console.error('[langkah] reminder failed', error);
    return failed;
  });
  queue = run;
  return run;
}

async function showReminder(now: number, today: DayKey): Promise<boolean> {
  const db = getDb();
  const lessonIndex = await loadLessonIndex();
  const [pick, { value: locale }] = await Promise.all([getTodayPick(db, lessonIndex, now, today), effectiveLocale()]);
  const lesson = pick ? lessonIndex.find((l) => l.id === pick.lessonId) : undefined;
  if (!pick || !lesson) return false;
  const { tn } = await loadTranslator(locale);
  // Marked first: should the browser refuse the notification, it is not retried all day.
  await lastReminderDay.setValue(today);
  await browser.notifications.create(`${REMINDER_NOTIFICATION_PREFIX}${pick.kind}:${lesson.id}`, {
    type: 'basic',
    // Chrome will not show a notification without an icon.
    iconUrl: browser.runtime.getURL('/icon/96.png'),
    title: lesson.title,
    message: tn(pick.kind === 'review' ? 'reminder_messageReview' : 'reminder_message', lesson.minutes),
  });
  return true;
}

/**
 * Shows today's reminder when it is due (core/reminder.ts `decideReminder`):
 * at the alarm, or later the same day when the alarm was missed.
 */
export function checkReminder(now: () => number = Date.now): Promise<ReminderOutcome> {
  return serially<ReminderOutcome>(
    async () => {
      const at = now();
      const [{ value: settings }, habits, last] = await Promise.all([
        effectiveReminder(),
        loadHabits(getDb(), at),
        lastReminderDay.getValue(),
      ]);
      const decision = decideReminder({
        settings,
        today: habits.today,
        clock: localClock(at),
        rolloverHour: habits.settings.rolloverHour,
        todayStatus: habits.streak.todayStatus,
        lastReminderDay: last,
      });
      if (!decision.show) return decision;
      // No notifications in this browser (some Firefox for Android versions): options says so.
      if (!hasNotifications()) return { show: false, reason: 'off' };
      return (await showReminder(at, habits.today)) ? decision : { show: false, reason: 'no-lesson' };
    },
    { show: false, reason: 'off' },
  );
}

/** Removes a reminder still on screen once today's goal is met (after a completion). */
export async function dismissReminderIfMet(now: () => number = Date.now): Promise<void> {
  try {
    const habits = await loadHabits(getDb(), now());
    if (habits.streak.todayStatus === 'pending' || !hasNotifications()) return;
    const shown = Object.keys(await browser.notifications.getAll());
    await Promise.all(
      shown.filter((id) => id.startsWith(REMINDER_NOTIFICATION_PREFIX)).map((id) => browser.notifications.clear(id)),
    );
  } catch (error) {
    console.error('[langkah] reminder dismiss failed', error);
  }
}

/** The lesson page a reminder notification offers, or null for another extension notification. */
export async function lessonUrlOfNotification(notificationId: string): Promise<string | null> {
  if (!notificationId.startsWith(REMINDER_NOTIFICATION_PREFIX)) return null;
  const [kind, lessonId] = notificationId.slice(REMINDER_NOTIFICATION_PREFIX.length).split(/:(.*)/s);
  if (!lessonId || !(await loadLessonsById()).has(lessonId)) return null;
  const mode = kind === 'review' ? '&mode=review' : '';
  return browser.runtime.getURL(`/lesson.html?id=${encodeURIComponent(lessonId)}${mode}`);
}

async function openFromNotification(notificationId: string): Promise<void> {
  const url = await lessonUrlOfNotification(notificationId);
  if (!url) return;
  await browser.notifications.clear(notificationId);
  // With no browser window open (Chrome running in the background), a tab needs a window.
  await browser.tabs.create({ url }).catch(() => browser.windows.create({ url }));
}

/**
 * Wires the reminder's listeners: the alarm, the notification click and the
 * setting (synchronously, so the event that woke the background is heard).
 * The start-up work is `startReminders`.
 */
export function setupReminders(now: () => number = Date.now): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== REMINDER_ALARM) return;
    void checkReminder(now).then(() => ensureReminderAlarm(now()).catch(() => undefined));
  });
  browser.notifications?.onClicked.addListener((id) => {
    void openFromNotification(id).catch((error) => console.error('[langkah] open lesson failed', error));
  });
  const replan = () => {
    void ensureReminderAlarm(now()).catch((error) => console.error('[langkah] reminder alarm failed', error));
  };
  reminder.watch(replan);
  // An agency may preset or lock the reminder: a policy change re-plans it without a restart.
  watchPolicy(replan);
}

/**
 * Makes sure the daily alarm exists and catches up a reminder missed earlier
 * today (the browser was closed at its time): on install and browser start
 * (./startup.ts), not on every wake of the service worker.
 */
export function startReminders(now: () => number = Date.now): Promise<unknown> {
  return ensureReminderAlarm(now())
    .catch((error) => console.error('[langkah] reminder alarm failed', error))
    .then(() => checkReminder(now));
}
