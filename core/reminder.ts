/**
 * The daily reminder and the toolbar badge, decided without any browser API.
 * The background (entrypoints/background/reminders.ts, badge.ts) reads the
 * clock, the settings and the streak, and asks these functions what to do.
 *
 * When the reminder shows:
 * 1. The learner left it on, and not in quiet mode (quiet = badge only).
 * 2. Today is a working day for this learner and today's goal is not yet met
 *    (`todayStatus === 'pending'` from `computeStreak`).
 * 3. It is the reminder time or later *of the learner's day* (the day runs
 *    from the rollover hour to the next one), and no later than
 *    `LATE_REMINDER_UNTIL` — so a browser opened at 10:00 still gets the 08:00
 *    reminder, but nobody gets one at 01:30.
 * 4. It has not been shown yet on this day (`lastReminderDay`): once a day,
 *    whether it came on time from the alarm or later at start-up.
 */
import { parseHhMm } from './clock';
import { type DayKey, type LocalClock, localClock } from './day';

export interface ReminderSettings {
  enabled: boolean;
  /** Local wall-clock time `HH:MM`, 24-hour. */
  time: string;
  /** No notification; the toolbar badge alone marks a pending lesson. */
  quiet: boolean;
}

export const DEFAULT_REMINDER: ReminderSettings = { enabled: true, time: '08:00', quiet: false };

/** A missed reminder is shown later the same day only before this local time (minutes after midnight, 22:00). */
export const LATE_REMINDER_UNTIL = 22 * 60;

/** Minutes in a day; also the reminder alarm's period. */
export const MINUTES_PER_DAY = 1440;

/** Minutes after midnight of a `HH:MM` time, or `NaN` (core/clock.ts `parseHhMm`). */
export const parseReminderTime = parseHhMm;

export interface ReminderCheck {
  settings: ReminderSettings;
  /** The learner's day key now (with the rollover hour). */
  today: DayKey;
  /** The local wall clock now. */
  clock: LocalClock;
  /** The learner's rollover hour (0–6): the day starts then. */
  rolloverHour: number;
  /** Today's status from `computeStreak`: met, pending (a working day not yet met), or rest. */
  todayStatus: 'met' | 'pending' | 'rest';
  /** The day the reminder was last shown, if ever. */
  lastReminderDay: DayKey | null;
}

export type ReminderSkip =
  | 'off'
  | 'quiet'
  | 'already-shown'
  | 'goal-met'
  | 'not-working-day'
  | 'too-early'
  | 'too-late'
  | 'bad-time';

export type ReminderDecision = { show: true } | { show: false; reason: ReminderSkip };

/** Minutes since the start of the learner's day (the rollover hour) for a wall-clock minute. */
function sinceDayStart(minute: number, rolloverHour: number): number {
  return (((minute - rolloverHour * 60) % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
}

/**
 * Whether to show the reminder now; the rules are in this module's header.
 * @example
 * // 10:15 on a working day, reminder 08:00, goal unmet, not shown yet → { show: true } (a late reminder)
 * // the same at 23:00 → { show: false, reason: 'too-late' }
 */
export function decideReminder(check: ReminderCheck): ReminderDecision {
  const { settings } = check;
  if (!settings.enabled) return { show: false, reason: 'off' };
  if (settings.quiet) return { show: false, reason: 'quiet' };
  if (check.lastReminderDay === check.today) return { show: false, reason: 'already-shown' };
  if (check.todayStatus === 'met') return { show: false, reason: 'goal-met' };
  if (check.todayStatus === 'rest') return { show: false, reason: 'not-working-day' };
  const at = parseReminderTime(settings.time);
  if (Number.isNaN(at)) return { show: false, reason: 'bad-time' };
  const rollover = Math.min(6, Math.max(0, Math.round(check.rolloverHour) || 0));
  const reminderAt = sinceDayStart(at, rollover);
  const now = sinceDayStart(check.clock.minute, rollover);
  if (now < reminderAt) return { show: false, reason: 'too-early' };
  // A late reminder until 22:00; a reminder set at 22:00 or later gets an hour.
  const lateUntil = Math.max(sinceDayStart(LATE_REMINDER_UNTIL, rollover), reminderAt + 60);
  if (now >= lateUntil) return { show: false, reason: 'too-late' };
  return { show: true };
}

/** An alarm as the browser reports it. */
export interface AlarmInfo {
  scheduledTime: number;
  periodInMinutes?: number;
}

/**
 * What to do with the daily reminder alarm at start-up or after a settings
 * change: `keep` it when it already fires daily at the chosen local time (so a
 * restart never resets it), `create` it when it is missing or its schedule
 * differs, `clear` it when reminders are off.
 * @example planReminderAlarm({ enabled: true, time: '08:00', quiet: false }, undefined) // 'create'
 */
export function planReminderAlarm(
  settings: ReminderSettings,
  existing: AlarmInfo | undefined,
  timeZone?: string,
): 'keep' | 'create' | 'clear' {
  const at = parseReminderTime(settings.time);
  // Quiet mode keeps the alarm, so switching quiet off later does not move it.
  if (!settings.enabled || Number.isNaN(at)) return existing ? 'clear' : 'keep';
  if (!existing || existing.periodInMinutes !== MINUTES_PER_DAY) return 'create';
  return localClock(existing.scheduledTime, timeZone).minute === at ? 'keep' : 'create';
}

export interface BadgeState {
  /** At most 4 characters: the streak, and `•` when today's lesson is pending. */
  text: string;
  pending: boolean;
}

/** The mark appended to the badge while today's goal is pending on a working day. */
export const PENDING_MARK = '•';

/**
 * The toolbar badge for a streak: the current streak (nothing when 0), with a
 * mark while today's goal is pending on a working day.
 * @example badgeFor(3, 'pending') // { text: '3•', pending: true }
 * @example badgeFor(0, 'rest') // { text: '', pending: false }
 */
export function badgeFor(current: number, todayStatus: 'met' | 'pending' | 'rest'): BadgeState {
  const pending = todayStatus === 'pending';
  const number = current > 0 ? String(Math.min(current, 999)) : '';
  return { text: pending ? `${number}${PENDING_MARK}` : number, pending };
}
