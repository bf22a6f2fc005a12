/**
 * ASN working days: which calendar days count for a working-day streak.
 *
 * A working day is a day inside the learner's work week (Senin–Jumat by
 * default, per Perpres 21/2023; Senin–Sabtu for 6-day offices) that is not a
 * national holiday (libur nasional), not a cuti bersama and not inside one of
 * the learner's own leave ranges (cuti, dinas luar, sakit). Everything works
 * on day keys, so the weekday comes from the date itself and never from the
 * runtime's time zone.
 */
import { type DayKey, dayKeyFromNumber, dayNumber, isDayKey, weekdayOfNumber } from './day';

/** Days in the work week: 5 = Senin–Jumat (default), 6 = Senin–Sabtu. */
export type WorkWeek = 5 | 6;

/** `libur-daerah`: a regional day off an agency adds by policy. */
export type HolidayKind = 'libur-nasional' | 'cuti-bersama' | 'libur-daerah';

/**
 * Where a holiday comes from: the SKB 3 Menteri, the date-holidays library for
 * years with no SKB data, or the learner's agency (policy `extraHolidays`).
 */
export type HolidaySource = 'skb' | 'date-holidays' | 'instansi';

export interface Holiday {
  /** Indonesian name, e.g. `Cuti bersama Idulfitri 1447 Hijriah`. */
  name: string;
  kind: HolidayKind;
  source: HolidaySource;
}

/**
 * The holiday data the build produces (`virtual:langkah/holidays`).
 * `officialYears` are the years whose days come from an SKB; other years come
 * from date-holidays (national holidays only, no cuti bersama).
 */
export interface HolidayCalendar {
  days: Record<DayKey, Holiday>;
  officialYears: number[];
}

export type LeaveKind = 'cuti' | 'dinas-luar' | 'sakit';

export const LEAVE_KINDS: readonly LeaveKind[] = ['cuti', 'dinas-luar', 'sakit'];

/** A leave range the learner marked, both ends inclusive. */
export interface LeaveRange {
  start: DayKey;
  end: DayKey;
  kind: LeaveKind;
}

export interface WorkdayOptions {
  /** Default 5 (Senin–Jumat). */
  workWeek?: WorkWeek;
  /** Default: no holidays. */
  holidays?: HolidayCalendar;
  /** Default: no leave. */
  leave?: readonly LeaveRange[];
}

/** Why a day is not a working day. */
export type RestReason = 'holiday' | 'weekend' | 'leave';

/** How far ahead (in days from today) a leave range may end. */
export const LEAVE_MAX_DAYS_AHEAD = 30;
/** How far back (in days from today) a leave range may start. */
export const LEAVE_MAX_DAYS_BACK = 7;

/**
 * True when `weekday` (0 = Minggu … 6 = Sabtu) is inside the work week.
 * @example isWorkWeekday(6, 5) // false — Sabtu is off in a 5-day week
 */
export function isWorkWeekday(weekday: number, workWeek: WorkWeek = 5): boolean {
  return weekday >= 1 && weekday <= workWeek;
}

/**
 * A precomputed calendar for many look-ups (the streak engine asks once per
 * day). Look-ups take day numbers (`dayNumber(key)`) to stay allocation-free.
 */
export interface WorkdayCalendar {
  /** The holiday on that day, if any. */
  holidayAt(n: number): Holiday | undefined;
  /** The learner's leave on that day, if any (the first matching range wins). */
  leaveAt(n: number): LeaveKind | undefined;
  /**
   * Why the day is not a working day, or `undefined` for a working day.
   * A holiday outranks a weekend, which outranks leave: a cuti range over a
   * Saturday reports `weekend`.
   */
  restReasonAt(n: number): RestReason | undefined;
}

const holidayNumberCache = new WeakMap<Record<DayKey, Holiday>, Map<number, Holiday>>();

function holidaysByNumber(calendar: HolidayCalendar | undefined): Map<number, Holiday> {
  if (!calendar) return new Map();
  let byNumber = holidayNumberCache.get(calendar.days);
  if (!byNumber) {
    byNumber = new Map();
    for (const [key, holiday] of Object.entries(calendar.days)) {
      const n = dayNumber(key);
      if (!Number.isNaN(n)) byNumber.set(n, holiday);
    }
    holidayNumberCache.set(calendar.days, byNumber);
  }
  return byNumber;
}

/**
 * Builds a `WorkdayCalendar`. Leave ranges are expanded only inside
 * `[from, to]` (day numbers) when given, so a stray huge range stays cheap.
 * Malformed ranges (bad keys, end before start) are ignored.
 */
export function workdayCalendar(
  { workWeek = 5, holidays, leave = [] }: WorkdayOptions = {},
  bounds?: { from: number; to: number },
): WorkdayCalendar {
  const holidayMap = holidaysByNumber(holidays);
  const leaveMap = new Map<number, LeaveKind>();
  for (const range of leave) {
    let start = dayNumber(range.start);
    let end = dayNumber(range.end);
    if (Number.isNaN(start) || Number.isNaN(end) || end < start) continue;
    if (bounds) {
      start = Math.max(start, bounds.from);
      end = Math.min(end, bounds.to);
    }
    for (let n = start; n <= end; n++) if (!leaveMap.has(n)) leaveMap.set(n, range.kind);
  }
  return {
    holidayAt: (n) => holidayMap.get(n),
    leaveAt: (n) => leaveMap.get(n),
    restReasonAt(n) {
      if (holidayMap.has(n)) return 'holiday';
      if (!isWorkWeekday(weekdayOfNumber(n), workWeek)) return 'weekend';
      if (leaveMap.has(n)) return 'leave';
      return undefined;
    },
  };
}

/**
 * Why `day` is not a working day (`holiday`, `weekend` or `leave`), or
 * `undefined` when it is one.
 * @example restReason('2026-03-20', { holidays }) // 'holiday' (cuti bersama Idulfitri)
 */
export function restReason(day: DayKey, options: WorkdayOptions = {}): RestReason | undefined {
  const n = dayNumber(day);
  return workdayCalendar(options, { from: n, to: n }).restReasonAt(n);
}

/**
 * True when `day` is an ASN working day for this learner: inside the work
 * week, not a libur nasional or cuti bersama, not inside a leave range.
 * @example isWorkingDay('2026-08-17', { holidays }) // false — Proklamasi, a Monday
 * @example isWorkingDay('2026-08-22', { workWeek: 6 }) // true — Sabtu in a 6-day week
 */
export function isWorkingDay(day: DayKey, options: WorkdayOptions = {}): boolean {
  return restReason(day, options) === undefined;
}

/**
 * The learner's rest reason on day number `n` from a calendar: with
 * working-day mode on, weekends, holidays and leave; with it off, only leave.
 * The one working-day rule — the streak, the reminder and the daily lesson
 * card all ask it.
 */
export function learnerRestAt(
  calendar: WorkdayCalendar,
  workingDayMode: boolean,
): (n: number) => RestReason | undefined {
  return workingDayMode ? calendar.restReasonAt : (n) => (calendar.leaveAt(n) ? 'leave' : undefined);
}

/**
 * Whether `day` is a working day for this learner (`learnerRestAt` for one day).
 * @example isLearnerWorkingDay('2026-11-28', { workingDayMode: false }) // true — a Saturday counts when the mode is off
 */
export function isLearnerWorkingDay(
  day: DayKey,
  { workingDayMode = true, ...options }: WorkdayOptions & { workingDayMode?: boolean } = {},
): boolean {
  const n = dayNumber(day);
  if (Number.isNaN(n)) return false;
  return learnerRestAt(workdayCalendar(options, { from: n, to: n }), workingDayMode)(n) === undefined;
}

export type LeaveError =
  /** `start`, `end` or `today` is not a real `YYYY-MM-DD` date. */
  | 'invalid-day'
  /** `kind` is not cuti, dinas-luar or sakit. */
  | 'invalid-kind'
  | 'end-before-start'
  /** The range starts more than 7 days before today. */
  | 'too-far-back'
  /** The range ends more than 30 days after today. */
  | 'too-far-ahead';

/**
 * Checks a leave range the learner is about to save: both ends real dates,
 * start ≤ end, starting no more than 7 days back and ending no more than 30
 * days ahead of `today` (both limits inclusive). Returns `null` when valid.
 * @example validateLeave({ start: '2026-11-20', end: '2026-11-27', kind: 'sakit' }, '2026-11-27') // null
 * @example validateLeave({ start: '2026-11-19', end: '2026-11-20', kind: 'cuti' }, '2026-11-27') // 'too-far-back'
 */
export function validateLeave(range: LeaveRange, today: DayKey): LeaveError | null {
  if (!isDayKey(range.start) || !isDayKey(range.end) || !isDayKey(today)) return 'invalid-day';
  if (!LEAVE_KINDS.includes(range.kind)) return 'invalid-kind';
  const start = dayNumber(range.start);
  const end = dayNumber(range.end);
  const now = dayNumber(today);
  if (end < start) return 'end-before-start';
  if (start < now - LEAVE_MAX_DAYS_BACK) return 'too-far-back';
  if (end > now + LEAVE_MAX_DAYS_AHEAD) return 'too-far-ahead';
  return null;
}

/** All working days from `from` to `to` inclusive (for tests and reports, not hot paths). */
export function workingDaysBetween(from: DayKey, to: DayKey, options: WorkdayOptions = {}): DayKey[] {
  const start = dayNumber(from);
  const end = dayNumber(to);
  const calendar = workdayCalendar(options, { from: start, to: end });
  const days: DayKey[] = [];
  for (let n = start; n <= end; n++) if (calendar.restReasonAt(n) === undefined) days.push(dayKeyFromNumber(n));
  return days;
}
