/**
 * Local calendar days. A "day key" is `YYYY-MM-DD` in the learner's own time
 * zone at the moment something happened, shifted by the rollover hour so that
 * work at 01:30 still counts for the evening before. Keys are stored with each
 * record, so travel and clock changes never rewrite history.
 */

export type DayKey = string;

export interface DayOptions {
  /** IANA zone, e.g. `Asia/Jakarta`; default: the runtime's own zone. */
  timeZone?: string;
  /** Hours after midnight that still belong to the previous day (0–6). */
  rolloverHour?: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The day key of an instant (ms since epoch).
 * @example dayKey(Date.UTC(2026, 10, 27, 18, 30), { timeZone: 'Asia/Jakarta', rolloverHour: 3 }) // '2026-11-27' (01:30 WIB)
 */
export function dayKey(at: number, { timeZone, rolloverHour = 3 }: DayOptions = {}): DayKey {
  const shifted = at - rolloverHour * 3_600_000;
  const parts = formatterFor(timeZone).formatToParts(shifted);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
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
