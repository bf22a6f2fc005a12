import { describe, expect, it } from 'vitest';
import { type CapState, canShowTip, DEFAULT_CAPS, inQuietHours, parseClock, type ShownTip } from '../../../core/caps';

const HOUR = 3_600_000;
const nine = 9 * 60; // 09:00 local
const t0 = Date.UTC(2026, 10, 27, 2); // 09:00 WIB

const state = (shownToday: ShownTip[] = [], over: Partial<CapState> = {}): CapState => ({
  shownToday,
  systemsOff: new Set(),
  laterToday: new Set(),
  ...over,
});

describe('canShowTip with the default caps', () => {
  it('allows the first tip of the day', () => {
    expect(canShowTip(DEFAULT_CAPS, state(), 'siasn', t0, nine)).toEqual({ ok: true });
  });

  it('allows one per system per day', () => {
    const shown = [{ tipId: 'a', systemId: 'siasn', at: t0 - 5 * HOUR }];
    expect(canShowTip(DEFAULT_CAPS, state(shown), 'siasn', t0, nine)).toEqual({ ok: false, reason: 'per-system' });
    expect(canShowTip(DEFAULT_CAPS, state(shown), 'srikandi', t0, nine)).toEqual({ ok: true });
  });

  it('allows three per day overall', () => {
    const shown = ['siasn', 'srikandi', 'sakti'].map((systemId, i) => ({
      tipId: `t${i}`,
      systemId,
      at: t0 - (5 - i) * HOUR,
    }));
    expect(canShowTip(DEFAULT_CAPS, state(shown), 'myasn', t0, nine)).toEqual({ ok: false, reason: 'per-day' });
  });

  it('allows one per hour', () => {
    const shown = [{ tipId: 'a', systemId: 'siasn', at: t0 - 59 * 60_000 }];
    expect(canShowTip(DEFAULT_CAPS, state(shown), 'srikandi', t0, nine)).toEqual({ ok: false, reason: 'per-hour' });
    expect(canShowTip(DEFAULT_CAPS, state(shown), 'srikandi', t0 + 60_000, nine + 1)).toEqual({ ok: true });
  });

  it('is silent in quiet hours', () => {
    expect(canShowTip(DEFAULT_CAPS, state(), 'siasn', t0, 17 * 60)).toEqual({ ok: false, reason: 'quiet-hours' });
    expect(canShowTip(DEFAULT_CAPS, state(), 'siasn', t0, 6 * 60 + 59)).toEqual({ ok: false, reason: 'quiet-hours' });
    expect(canShowTip(DEFAULT_CAPS, state(), 'siasn', t0, 7 * 60)).toEqual({ ok: true });
  });

  it('respects "Nanti", "Jangan tampilkan di sistem ini" and the master switch', () => {
    expect(canShowTip(DEFAULT_CAPS, state([], { laterToday: new Set(['siasn']) }), 'siasn', t0, nine)).toEqual({
      ok: false,
      reason: 'later-today',
    });
    expect(canShowTip(DEFAULT_CAPS, state([], { systemsOff: new Set(['siasn']) }), 'siasn', t0, nine)).toEqual({
      ok: false,
      reason: 'system-off',
    });
    expect(canShowTip({ ...DEFAULT_CAPS, enabled: false }, state(), 'siasn', t0, nine)).toEqual({
      ok: false,
      reason: 'disabled',
    });
  });

  it('follows the learner’s own caps', () => {
    const generous = { ...DEFAULT_CAPS, perSystemPerDay: 2, perDay: 5, minMinutesBetween: 0, quietHours: null };
    const shown = [{ tipId: 'a', systemId: 'siasn', at: t0 - 1000 }];
    expect(canShowTip(generous, state(shown), 'siasn', t0, 23 * 60)).toEqual({ ok: true });
  });
});

describe('quiet hours', () => {
  it.each([
    ['12:00', '13:00', 12 * 60, true],
    ['12:00', '13:00', 13 * 60, false],
    ['22:00', '05:00', 2 * 60, true],
    ['22:00', '05:00', 21 * 60, false],
    ['08:00', '08:00', 8 * 60, false],
    ['8:00', '09:00', 8 * 60, false],
  ])('%s–%s at minute %i → %s', (start, end, minute, quiet) => {
    expect(inQuietHours(minute, { start, end })).toBe(quiet);
  });

  it('parses only valid clock times', () => {
    expect(parseClock('07:30')).toBe(450);
    expect(parseClock('24:00')).toBeNaN();
    expect(parseClock('7:30')).toBeNaN();
  });
});
