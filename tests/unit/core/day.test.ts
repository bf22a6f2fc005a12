import { describe, expect, it } from 'vitest';
import { addDays, dayKey, isDayKey, localClock } from '../../../core/day';

describe('dayKey', () => {
  it.each([
    // [instant (UTC), zone, rollover, expected]
    [Date.UTC(2026, 10, 27, 18, 30), 'Asia/Jakarta', 3, '2026-11-27'], // 01:30 WIB → evening before
    [Date.UTC(2026, 10, 27, 20, 30), 'Asia/Jakarta', 3, '2026-11-28'], // 03:30 WIB
    [Date.UTC(2026, 10, 27, 18, 30), 'Asia/Jayapura', 3, '2026-11-28'], // 03:30 WIT
    [Date.UTC(2026, 10, 27, 18, 30), 'Asia/Jakarta', 0, '2026-11-28'],
    [Date.UTC(2026, 0, 1, 0, 0), 'Asia/Makassar', 3, '2026-01-01'], // 08:00 WITA
    [Date.UTC(2025, 11, 31, 17, 0), 'Asia/Jakarta', 3, '2025-12-31'], // 00:00 WIB on 1 Jan → still 31 Dec
  ])('%s in %s with rollover %s is %s', (at, timeZone, rolloverHour, expected) => {
    expect(dayKey(at, { timeZone, rolloverHour })).toBe(expected);
  });
});

describe('addDays / isDayKey', () => {
  it('crosses months and years', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
  it.each(['2026-02-30', '2026-13-01', '26-01-01', '2026-1-1', 20260101, null])('rejects %s', (value) => {
    expect(isDayKey(value)).toBe(false);
  });
  it('accepts a real date', () => expect(isDayKey('2028-02-29')).toBe(true));
});

describe('localClock', () => {
  it('reads the wall clock of the given zone', () => {
    const at = Date.UTC(2026, 10, 24, 1, 0); // 08:00 WIB, 09:00 WITA, 10:00 WIT
    expect(localClock(at, 'Asia/Jakarta')).toEqual({ day: '2026-11-24', minute: 480 });
    expect(localClock(at, 'Asia/Makassar')).toEqual({ day: '2026-11-24', minute: 540 });
    expect(localClock(at, 'Asia/Jayapura')).toEqual({ day: '2026-11-24', minute: 600 });
    expect(localClock(Date.UTC(2026, 10, 23, 17, 0), 'Asia/Jakarta')).toEqual({ day: '2026-11-24', minute: 0 });
  });
});
