/**
 * Frequency caps for automatic tips: a pure decision over what was shown
 * before, so tips stay helpful instead of nagging. Defaults: at most one
 * tip per system per day, three per day overall, one per hour, none in
 * quiet hours (by default outside ASN working hours, 17:00–07:00).
 */
import { parseHhMm } from './clock';

export interface CapSettings {
  /** Automatic tips at all. */
  enabled: boolean;
  perSystemPerDay: number;
  perDay: number;
  /** Minimum minutes between two automatic tips. */
  minMinutesBetween: number;
  /** Local times `HH:MM`; when start > end the window wraps past midnight. Null: no quiet hours. */
  quietHours: { start: string; end: string } | null;
}

export const DEFAULT_CAPS: CapSettings = {
  enabled: true,
  perSystemPerDay: 1,
  perDay: 3,
  minMinutesBetween: 60,
  quietHours: { start: '17:00', end: '07:00' },
};

/** One tip (or daily-lesson card) shown today. */
export interface ShownTip {
  tipId: string;
  systemId: string;
  /** ms since epoch */
  at: number;
}

export interface CapState {
  /** Tips shown on the current local day. */
  shownToday: readonly ShownTip[];
  /** Systems where the learner switched tips off. */
  systemsOff: ReadonlySet<string>;
  /** Systems the learner said "Nanti" to today. */
  laterToday: ReadonlySet<string>;
}

export type CapDecision =
  | { ok: true }
  | {
      ok: false;
      reason: 'disabled' | 'system-off' | 'later-today' | 'per-system' | 'per-day' | 'per-hour' | 'quiet-hours';
    };

/** How long a reserved offer waits for its card to be mounted before it lapses and frees the caps. */
export const RESERVATION_MS = 2 * 60_000;

/** An offer as logged: `shownAt` null while only reserved, absent on offers logged before reservations. */
export interface LoggedOffer extends ShownTip {
  shownAt?: number | null;
  tabId?: number;
}

/**
 * Whether a logged offer counts against the caps at `now`, when the page in
 * `tabId` asks: a shown card always does; a reservation only while its card
 * may still appear — not once `RESERVATION_MS` passed, and not when a new page
 * in the same tab asks (the page it was made for is gone).
 * @example offerCounts({ tipId: 't', systemId: 's', at: 0, shownAt: null }, RESERVATION_MS, 1) // false
 */
export function offerCounts(offer: LoggedOffer, now: number, tabId?: number): boolean {
  if (offer.shownAt !== null) return true;
  if (tabId !== undefined && offer.tabId === tabId) return false;
  return now - offer.at < RESERVATION_MS;
}

/** Minutes after local midnight of `HH:MM`; NaN when malformed (core/clock.ts `parseHhMm`). */
export const parseClock = parseHhMm;

/**
 * Whether local minute-of-day `minute` falls in the quiet window [start, end).
 * @example inQuietHours(23 * 60, { start: '17:00', end: '07:00' }) // true (wraps midnight)
 */
export function inQuietHours(minute: number, quiet: CapSettings['quietHours']): boolean {
  if (!quiet) return false;
  const start = parseClock(quiet.start);
  const end = parseClock(quiet.end);
  if (Number.isNaN(start) || Number.isNaN(end) || start === end) return false;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/**
 * May an automatic tip be shown on `systemId` now? `minuteOfDay` is the
 * learner's local time; `now` is ms since epoch (for the hourly spacing).
 */
export function canShowTip(
  settings: CapSettings,
  state: CapState,
  systemId: string,
  now: number,
  minuteOfDay: number,
): CapDecision {
  if (!settings.enabled) return { ok: false, reason: 'disabled' };
  if (state.systemsOff.has(systemId)) return { ok: false, reason: 'system-off' };
  if (state.laterToday.has(systemId)) return { ok: false, reason: 'later-today' };
  if (inQuietHours(minuteOfDay, settings.quietHours)) return { ok: false, reason: 'quiet-hours' };
  if (state.shownToday.filter((s) => s.systemId === systemId).length >= settings.perSystemPerDay) {
    return { ok: false, reason: 'per-system' };
  }
  if (state.shownToday.length >= settings.perDay) return { ok: false, reason: 'per-day' };
  const last = Math.max(-Infinity, ...state.shownToday.map((s) => s.at));
  if (now - last < settings.minMinutesBetween * 60_000) return { ok: false, reason: 'per-hour' };
  return { ok: true };
}
