/**
 * Local calendar days. A "day key" is `YYYY-MM-DD` in the learner's own time
 * zone at the moment something happened, shifted by the rollover hour so that
 * work at 01:30 still counts for the evening before. Keys are stored with each
 * record, so travel and clock changes never rewrite history.
 */

import { localClock } from './clock';

export type DayKey = string;

export interface DayOptions {
  /** IANA zone, e.g. `Asia/Jakarta`; default: the runtime's own zone. */
  timeZone?: string;
  /** Hours after midnight that still belong to the previous day (0–6). */
  rolloverHour?: number;
}

export type { LocalClock } from './clock';
export { localClock } from './clock';

/**
 * The day key of an instant (ms since epoch).
 * @example dayKey(Date.UTC(2026, 10, 27, 18, 30), { timeZone: 'Asia/Jakarta', rolloverHour: 3 }) // '2026-11-27' (01:30 WIB)
 */
export function dayKey(at: number, { timeZone, rolloverHour = 3 }: DayOptions = {}): DayKey {
  return localClock(at - rolloverHour * 3_600_000, timeZone).day;
}

/** The key `days` calendar days after (or before, when negative) `key`. */
export function addDays(key: DayKey, days: number): DayKey {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** True for a well-formed key of a date that exists (no 2026-02-30). */
export function isDayKey(value: unknown): value is DayKey {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  return addDays(value, 0) === value;
}

/*
 * Day numbers: whole days since 1970-01-01 for a key, by integer arithmetic on
 * the key alone (no Date, no time zone). Hot loops count with these and only
 * turn a number back into a key when they must.
 */

/**
 * Days since 1970-01-01 of a key; `NaN` when the key is not shaped `YYYY-MM-DD`
 * with month 1–12 and day 1–31 (use `isDayKey` to reject `2026-02-30`).
 * @example dayNumber('1970-01-02') // 1
 */
export function dayNumber(key: DayKey): number {
  if (key.length !== 10 || key.charCodeAt(4) !== 45 || key.charCodeAt(7) !== 45) return Number.NaN;
  const y0 = +key.slice(0, 4);
  const m = +key.slice(5, 7);
  const d = +key.slice(8, 10);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return Number.NaN;
  // Howard Hinnant's days_from_civil.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The key of a day number; the inverse of `dayNumber` for real dates. */
export function dayKeyFromNumber(n: number): DayKey {
  // Howard Hinnant's civil_from_days.
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Day of the week of a day number: 0 = Minggu (Sunday) … 6 = Sabtu (Saturday).
 * Taken from the date itself, never from the runtime's time zone.
 */
export function weekdayOfNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/**
 * Day of the week of a key: 0 = Minggu (Sunday) … 6 = Sabtu (Saturday).
 * @example weekdayOf('2026-08-17') // 1 (Senin)
 */
export function weekdayOf(key: DayKey): number {
  return weekdayOfNumber(dayNumber(key));
}
