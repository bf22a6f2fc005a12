import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { inQuietHours, parseClock } from '../../../core/caps';
import { currentTimeZone, localClock, parseHhMm } from '../../../core/clock';
import { dayKey } from '../../../core/day';
import { parseReminderTime } from '../../../core/reminder';
import { computeStreak } from '../../../core/streak';
import { isLearnerWorkingDay, type LeaveRange } from '../../../core/workdays';

const zoneAtStart = process.env.TZ;
afterEach(() => {
  process.env.TZ = zoneAtStart;
});

describe('the clock follows a time-zone change', () => {
  // 16:30 UTC: 23:30 in WIB (UTC+7), 01:30 the next day in WIT (UTC+9).
  const at = Date.UTC(2026, 10, 24, 16, 30);

  it('WIB → WIT: the wall clock, the day key and quiet hours move with the device', () => {
    process.env.TZ = 'Asia/Jakarta';
    expect(currentTimeZone()).toBe('Asia/Jakarta');
    expect(localClock(at)).toEqual({ day: '2026-11-24', minute: 23 * 60 + 30 });
    expect(dayKey(at, { rolloverHour: 0 })).toBe('2026-11-24');

    process.env.TZ = 'Asia/Jayapura'; // the learner landed in Jayapura
    expect(currentTimeZone()).toBe('Asia/Jayapura');
    expect(localClock(at)).toEqual({ day: '2026-11-25', minute: 90 });
    expect(dayKey(at, { rolloverHour: 0 })).toBe('2026-11-25');
    // Quiet hours are judged on the new wall clock (01:30), not the old one (23:30).
    expect(inQuietHours(localClock(at).minute, { start: '01:00', end: '02:00' })).toBe(true);
    expect(inQuietHours(localClock(at).minute, { start: '23:00', end: '23:59' })).toBe(false);
    // It agrees with the runtime's own Date, which follows the zone too.
    expect(localClock(at).minute).toBe(new Date(at).getHours() * 60 + new Date(at).getMinutes());
  });
});

describe('the zone name is read again only when the offsets change', () => {
  it('asks Intl for no name while the zone stays, and reads the new name after a change', () => {
    const built = vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions');
    try {
      process.env.TZ = 'Asia/Makassar';
      expect(currentTimeZone()).toBe('Asia/Makassar');
      const afterFirst = built.mock.calls.length;
      for (let i = 0; i < 5; i++) expect(currentTimeZone()).toBe('Asia/Makassar');
      expect(built.mock.calls.length).toBe(afterFirst);
      // A zone with a DST rule: the fingerprint (January and July offsets) differs from WITA's.
      process.env.TZ = 'Europe/London';
      expect(currentTimeZone()).toBe('Europe/London');
      expect(built.mock.calls.length).toBeGreaterThan(afterFirst);
    } finally {
      built.mockRestore();
    }
  });
});

describe('one HH:MM parser', () => {
  it.each([
    ['00:00', 0],
    ['07:30', 450],
    ['23:59', 1439],
    ['24:00', Number.NaN],
    ['7:30', Number.NaN],
    ['07:60', Number.NaN],
    [' 07:30', Number.NaN],
    ['', Number.NaN],
  ])('%s → %d', (text, minutes) => {
    expect(parseHhMm(text)).toBe(minutes);
    // Quiet hours and the reminder read times with the same parser.
    expect(parseClock(text)).toBe(parseHhMm(text));
    expect(parseReminderTime(text)).toBe(parseHhMm(text));
  });
});

describe('one working-day predicate', () => {
  it('the daily lesson card and the streak agree on every day, in both modes', () => {
    const day = fc
      .integer({ min: 0, max: 60 })
      .map((i) => new Date(Date.UTC(2026, 10, 1 + i)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(
        day,
        fc.boolean(),
        fc.constantFrom<5 | 6>(5, 6),
        fc.array(fc.tuple(day, fc.integer({ min: 0, max: 5 })), { maxLength: 3 }),
        (today, workingDayMode, workWeek, spans) => {
          const leave: LeaveRange[] = spans.map(([start, length]) => ({
            start,
            end: new Date(Date.parse(start) + length * 86_400_000).toISOString().slice(0, 10),
            kind: 'cuti',
          }));
          const streak = computeStreak({ goalByDay: {}, dailyGoal: 1, today, workWeek, workingDayMode, leave });
          const working = isLearnerWorkingDay(today, { workingDayMode, workWeek, leave });
          expect(streak.todayStatus === 'pending').toBe(working);
        },
      ),
    );
  });
});
