/**
 * The learner's clock: today's day key with their rollover hour, and the next
 * local wall-clock moments the background schedules alarms for. Everything
 * that asks "which day is it?" goes through here instead of a bare
 * `dayKey(Date.now())`, so the rollover setting is never forgotten.
 */
import { type DayKey, dayKey } from '../core/day';
import { rolloverHour } from './settings';

/** The rollover hour as the clock uses it: an integer 0–6 (3 when not a number). */
export function normalizeRolloverHour(hour: unknown): number {
  if (typeof hour !== 'number' || !Number.isFinite(hour)) return 3;
  return Math.min(6, Math.max(0, Math.round(hour)));
}

/**
 * The learner's day key at `now` with a given rollover hour, in the runtime's time zone.
 * @example learnerDayKey(new Date(2026, 10, 28, 1, 30).getTime(), 3) // '2026-11-27'
 */
export function learnerDayKey(now: number, rollover: number): DayKey {
  return dayKey(now, { rolloverHour: normalizeRolloverHour(rollover) });
}

/** The learner's day key at `now` (default: this moment), reading the rollover setting. */
export async function todayKey(now: number = Date.now()): Promise<DayKey> {
  return learnerDayKey(now, await rolloverHour.getValue());
}

/** A whole hour as people write it: `03.00` in Indonesian, `03:00` in English. */
export function clockHour(hour: number, locale: 'id' | 'en'): string {
  return `${String(hour).padStart(2, '0')}${locale === 'id' ? '.' : ':'}00`;
}

/**
 * The first instant after `now` when the runtime's local clock reads
 * `minuteOfDay` (minutes after midnight). Uses local `Date` arithmetic, so a
 * daylight-saving jump moves it with the wall clock.
 * @example nextLocalTime(new Date(2026, 10, 24, 9, 0).getTime(), 8 * 60) // 25 Nov 2026 08:00 local
 */
export function nextLocalTime(now: number, minuteOfDay: number): number {
  const at = new Date(now);
  at.setHours(Math.floor(minuteOfDay / 60), minuteOfDay % 60, 0, 0);
  if (at.getTime() <= now) at.setDate(at.getDate() + 1);
  return at.getTime();
}

/** When the learner's next day starts (the next rollover hour, local time). */
export function nextDayStart(now: number, rollover: number): number {
  return nextLocalTime(now, normalizeRolloverHour(rollover) * 60);
}
