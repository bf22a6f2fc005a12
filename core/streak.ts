/**
 * The streak engine: pure, deterministic, no browser API. It reads the number
 * of completions per day key (each completion stored its own local day key when
 * it happened) and walks day by day from the first activity to today.
 *
 * The rules, in the order the popup explains them ("Apa yang dihitung?"):
 *
 * 1. **Goal day.** A day meets the goal when its completions reach the daily
 *    goal (1–3; default 1). Days are the learner's local days with a rollover
 *    hour (see `core/day.ts`), so a lesson at 01:30 counts for the evening before.
 * 2. **Working-day mode** (default on). Days outside the work week (Senin–Jumat,
 *    or Senin–Sabtu), libur nasional, cuti bersama and the learner's own leave
 *    (cuti, dinas luar, sakit) never break a streak, yet a goal met on them still
 *    counts: a lesson on a Saturday adds 1. With the mode off every calendar day
 *    is a working day, and only leave still protects.
 * 3. **Today is pending.** Today not (yet) met never breaks the streak; it is
 *    judged once the day is over.
 * 4. **Streak freeze.** Each 5th goal day of an unbroken run (5, 10, 15…) earns
 *    one freeze; at most 2 are held and an earn beyond that is lost. A missed
 *    working day uses one automatically: that day is `frozen`, the streak goes on
 *    but does not grow. A missed working day with no freeze left breaks it.
 *    Rest days and frozen days do not interrupt the "5 in a row".
 * 5. **Numbers.** `current` = goal days in the run that is still unbroken today;
 *    `longest` = the most goal days any run ever reached.
 * 6. **Clocks and travel.** History is never rewritten: keys are what they were
 *    when stored. If `today` is earlier than the latest stored key (the clock was
 *    set back, or the learner flew west), the engine uses the latest key as
 *    today instead, so no stored day is lost or judged in the future — but
 *    only a key at most one day past `today`. A later key (a clock set a year
 *    ahead, a crafted file) is kept in storage but ignored, and listed in
 *    `ignoredFutureDays`, until its day comes: it never becomes "today".
 *
 * Counting runs on integer day numbers (see `dayNumber`) with holidays and
 * leave precomputed as maps, not on `Date`/date-fns: a `Date` reads its weekday
 * in the runtime's zone, a day number never does, and no object is created per
 * day. Five years of history take about half a millisecond (`npm run bench`).
 */
import { type DayKey, dayKeyFromNumber, dayNumber } from './day';
import {
  type HolidayCalendar,
  type LeaveKind,
  type LeaveRange,
  learnerRestAt,
  type RestReason,
  type WorkWeek,
  workdayCalendar,
} from './workdays';

/** Goal days in an unbroken run that earn one streak freeze. */
export const FREEZE_EVERY_GOAL_DAYS = 5;
/** Most streak freezes a learner can hold. */
export const MAX_FREEZES = 2;
/** Days in the default status window: a 12-week heatmap ending today. */
export const DEFAULT_WINDOW_DAYS = 84;

/**
 * The status of one day, as a heatmap draws it.
 * - `goal`: the daily goal was met (on any day, working or not).
 * - `missed`: a working day without the goal that broke the streak, or one before the first activity.
 * - `frozen`: a missed working day covered by a streak freeze.
 * - `rest` / `holiday` / `leave`: not a working day (outside the work week; libur nasional or cuti bersama; the learner's leave).
 * - `pending-today`: today, a working day, goal not yet met.
 * - `future`: after today.
 */
export type DayStatus = 'goal' | 'missed' | 'frozen' | 'rest' | 'holiday' | 'leave' | 'future' | 'pending-today';

export interface DayStatusEntry {
  day: DayKey;
  status: DayStatus;
  /** Completions stored for that day. */
  count: number;
  /** The holiday's Indonesian name when the day is one (even if the goal was met). */
  holiday?: string;
  /** The learner's leave on that day, if any. */
  leave?: LeaveKind;
}

export interface StreakInput {
  /** Completions per day key. Keys that are not `YYYY-MM-DD` and counts ≤ 0 are ignored. */
  goalByDay: ReadonlyMap<DayKey, number> | Readonly<Record<DayKey, number>>;
  /** Completions needed for a goal day: 1–3 (rounded and clamped into that range). */
  dailyGoal: number;
  /** The learner's current day key, e.g. `dayKey(now, { timeZone, rolloverHour })`. */
  today: DayKey;
  /** Default true. */
  workingDayMode?: boolean;
  /** Default 5 (Senin–Jumat). */
  workWeek?: WorkWeek;
  holidays?: HolidayCalendar;
  leave?: readonly LeaveRange[];
  /** Days to report in `days`, inclusive; default the 84 days ending today. */
  window?: { from: DayKey; to: DayKey };
}

export interface StreakResult {
  /** Goal days in the run still unbroken today. */
  current: number;
  /** Most goal days any run reached (≥ current). */
  longest: number;
  freezesHeld: number;
  /** Days a freeze covered, oldest first. */
  freezesUsedOn: DayKey[];
  /** Goal days from the 1st of today's month up to today. */
  goalDaysThisMonth: number;
  todayMet: boolean;
  /** `rest` when today is not a working day and the goal is not met. */
  todayStatus: 'met' | 'pending' | 'rest';
  /** The day treated as today: `max(input.today, latest stored key)`, among keys at most one day ahead. */
  today: DayKey;
  /** Stored keys more than one day past `input.today`: not counted, not taken for today, until their day comes. */
  ignoredFutureDays: DayKey[];
  /** One entry per day of the window, oldest first. */
  days: DayStatusEntry[];
}

const REST_STATUS: Record<RestReason, DayStatus> = { holiday: 'holiday', weekend: 'rest', leave: 'leave' };

/** The daily goal as the engine uses it: an integer 1–3 (1 when not a number). */
export function normalizeDailyGoal(goal: number): number {
  if (!Number.isFinite(goal)) return 1;
  return Math.min(3, Math.max(1, Math.round(goal)));
}

function countsByNumber(goalByDay: StreakInput['goalByDay']): Map<number, number> {
  const entries: Iterable<[DayKey, number]> =
    goalByDay instanceof Map ? goalByDay.entries() : Object.entries(goalByDay as Record<DayKey, number>);
  const counts = new Map<number, number>();
  for (const [key, count] of entries) {
    const n = dayNumber(key);
    if (Number.isNaN(n) || !(count > 0)) continue;
    counts.set(n, (counts.get(n) ?? 0) + count);
  }
  return counts;
}

/**
 * Computes the streak, freezes and per-day statuses from stored completions.
 * The rules are in this module's header. Throws a `RangeError` only when
 * `today` is not a day key.
 * @example
 * // Goal 1, Mon–Fri met, Sat–Sun nothing, today Monday pending:
 * computeStreak({ goalByDay: { '2026-11-16': 1, …, '2026-11-20': 1 }, dailyGoal: 1, today: '2026-11-23' })
 * // → { current: 5, freezesHeld: 1, todayStatus: 'pending', … }
 */
export function computeStreak(input: StreakInput): StreakResult {
  const goal = normalizeDailyGoal(input.dailyGoal);
  const workingDayMode = input.workingDayMode ?? true;
  const requestedToday = dayNumber(input.today);
  if (Number.isNaN(requestedToday)) throw new RangeError(`computeStreak: today "${input.today}" is not a day key`);

  const counts = countsByNumber(input.goalByDay);
  const ignoredFutureDays: DayKey[] = [];
  for (const n of [...counts.keys()]) {
    if (n > requestedToday + 1) {
      counts.delete(n);
      ignoredFutureDays.push(dayKeyFromNumber(n));
    }
  }
  ignoredFutureDays.sort();
  let first = Number.POSITIVE_INFINITY;
  let latest = Number.NEGATIVE_INFINITY;
  for (const n of counts.keys()) {
    if (n < first) first = n;
    if (n > latest) latest = n;
  }
  const today = Math.max(requestedToday, latest);
  const todayKey = dayKeyFromNumber(today);

  let windowFrom = today - (DEFAULT_WINDOW_DAYS - 1);
  let windowTo = today;
  if (input.window) {
    const from = dayNumber(input.window.from);
    const to = dayNumber(input.window.to);
    if (!Number.isNaN(from) && !Number.isNaN(to) && from <= to) {
      windowFrom = from;
      windowTo = to;
    }
  }

  const calendar = workdayCalendar(
    { workWeek: input.workWeek ?? 5, holidays: input.holidays, leave: input.leave },
    { from: Math.min(first, windowFrom), to: Math.max(today, windowTo) },
  );
  const restAt = learnerRestAt(calendar, workingDayMode);

  const windowStatus: (DayStatus | undefined)[] = new Array(windowTo - windowFrom + 1);
  const monthStart = dayNumber(`${todayKey.slice(0, 7)}-01`);
  let run = 0;
  let longest = 0;
  let freezes = 0;
  let goalDaysThisMonth = 0;
  const freezesUsedOn: DayKey[] = [];

  for (let n = first; n <= today; n++) {
    const count = counts.get(n) ?? 0;
    let status: DayStatus;
    if (count >= goal) {
      status = 'goal';
      run++;
      if (run > longest) longest = run;
      if (run % FREEZE_EVERY_GOAL_DAYS === 0 && freezes < MAX_FREEZES) freezes++;
      if (n >= monthStart) goalDaysThisMonth++;
    } else {
      const reason = restAt(n);
      if (reason) status = REST_STATUS[reason];
      else if (n === today) status = 'pending-today';
      else if (freezes > 0) {
        freezes--;
        status = 'frozen';
        freezesUsedOn.push(dayKeyFromNumber(n));
      } else {
        run = 0;
        status = 'missed';
      }
    }
    if (n >= windowFrom && n <= windowTo) windowStatus[n - windowFrom] = status;
  }

  const days: DayStatusEntry[] = [];
  for (let n = windowFrom; n <= windowTo; n++) {
    let status = windowStatus[n - windowFrom];
    if (!status) {
      // Outside the walked range: after today, or before the first activity.
      const reason = restAt(n);
      status = n > today ? 'future' : reason ? REST_STATUS[reason] : n === today ? 'pending-today' : 'missed';
    }
    const entry: DayStatusEntry = { day: dayKeyFromNumber(n), status, count: counts.get(n) ?? 0 };
    const holiday = calendar.holidayAt(n);
    if (holiday) entry.holiday = holiday.name;
    const leave = calendar.leaveAt(n);
    if (leave) entry.leave = leave;
    days.push(entry);
  }

  const todayMet = (counts.get(today) ?? 0) >= goal;
  return {
    current: run,
    longest,
    freezesHeld: freezes,
    freezesUsedOn,
    goalDaysThisMonth,
    todayMet,
    todayStatus: todayMet ? 'met' : restAt(today) ? 'rest' : 'pending',
    today: todayKey,
    ignoredFutureDays,
    days,
  };
}
