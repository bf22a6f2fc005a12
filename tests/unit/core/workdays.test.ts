import { afterEach, describe, expect, it } from 'vitest';
import { loadHolidays } from '../../../build/holidays';
import { addDays, dayKeyFromNumber, dayNumber, weekdayOf } from '../../../core/day';
import {
  isWorkingDay,
  type LeaveKind,
  type LeaveRange,
  restReason,
  validateLeave,
  workingDaysBetween,
} from '../../../core/workdays';

const holidays = loadHolidays();

describe('day numbers and weekdays come from the key alone', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('round-trips every day from 1999 to 2041, leap days included', () => {
    let key = '1999-01-01';
    const start = dayNumber(key);
    const mismatches: string[] = [];
    for (let i = 0; i < 15_500; i++) {
      if (dayNumber(key) !== start + i || dayKeyFromNumber(start + i) !== key) mismatches.push(key);
      key = addDays(key, 1);
    }
    expect(key).toBe('2041-06-09');
    expect(mismatches).toEqual([]);
  });

  it.each([
    ['2026-08-17', 1], // Senin
    ['2026-03-21', 6], // Sabtu
    ['2026-03-22', 0], // Minggu
    ['2028-02-29', 2], // Selasa
    ['2027-01-01', 5], // Jumat
  ])('%s is weekday %i in any runtime zone', (key, weekday) => {
    for (const tz of ['Asia/Jayapura', 'America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
      process.env.TZ = tz;
      expect(weekdayOf(key)).toBe(weekday);
    }
  });

  it('rejects keys that are not YYYY-MM-DD', () => {
    for (const bad of ['2026-1-01', '2026/01/01', '2026-13-01', '2026-00-10', '']) expect(dayNumber(bad)).toBeNaN();
  });
});

describe('isWorkingDay', () => {
  it.each([
    { day: '2026-11-23', options: {}, expected: true, why: 'Senin biasa' },
    { day: '2026-11-27', options: {}, expected: true, why: 'Jumat biasa' },
    { day: '2026-11-28', options: {}, expected: false, why: 'Sabtu, 5-day week' },
    { day: '2026-11-28', options: { workWeek: 6 }, expected: true, why: 'Sabtu, 6-day week' },
    { day: '2026-11-29', options: { workWeek: 6 }, expected: false, why: 'Minggu is never a working day' },
    { day: '2026-08-17', options: { holidays }, expected: false, why: 'Proklamasi, a Monday' },
    { day: '2026-08-17', options: {}, expected: true, why: 'the same Monday without holiday data' },
    { day: '2026-03-20', options: { holidays }, expected: false, why: 'cuti bersama Idulfitri (Jumat)' },
    { day: '2026-03-23', options: { holidays }, expected: false, why: 'cuti bersama Idulfitri (Senin)' },
    { day: '2026-03-25', options: { holidays }, expected: true, why: 'first working day after Idulfitri' },
    {
      day: '2026-03-21',
      options: { holidays, workWeek: 6 },
      expected: false,
      why: 'Idulfitri on a Saturday, 6-day week',
    },
    { day: '2026-12-24', options: { holidays }, expected: false, why: 'cuti bersama Natal' },
    { day: '2025-08-18', options: { holidays }, expected: false, why: 'cuti bersama HUT ke-80 RI (SKB perubahan)' },
    { day: '2027-01-01', options: { holidays }, expected: false, why: 'Tahun baru 2027 from date-holidays' },
  ] as const)('$day → $expected ($why)', ({ day, options, expected }) => {
    expect(isWorkingDay(day, options)).toBe(expected);
  });

  it.each<LeaveKind>(['cuti', 'dinas-luar', 'sakit'])('a %s range is not working, both ends included', (kind) => {
    const leave: LeaveRange[] = [{ start: '2026-11-24', end: '2026-11-26', kind }];
    expect(isWorkingDay('2026-11-23', { leave })).toBe(true);
    expect(isWorkingDay('2026-11-24', { leave })).toBe(false);
    expect(isWorkingDay('2026-11-26', { leave })).toBe(false);
    expect(isWorkingDay('2026-11-27', { leave })).toBe(true);
    expect(restReason('2026-11-25', { leave })).toBe('leave');
  });

  it('reports a holiday before a weekend before leave', () => {
    const leave: LeaveRange[] = [{ start: '2026-03-16', end: '2026-03-29', kind: 'cuti' }];
    expect(restReason('2026-03-19', { holidays, leave })).toBe('holiday'); // Nyepi
    expect(restReason('2026-03-28', { holidays, leave })).toBe('weekend');
    expect(restReason('2026-03-26', { holidays, leave })).toBe('leave');
    expect(restReason('2026-03-26', { holidays })).toBeUndefined();
  });

  it('ignores malformed leave ranges', () => {
    const leave = [
      { start: '2026-11-26', end: '2026-11-24', kind: 'cuti' },
      { start: 'kemarin', end: '2026-11-24', kind: 'sakit' },
    ] as LeaveRange[];
    expect(isWorkingDay('2026-11-24', { leave })).toBe(true);
  });

  it('counts 240 ASN working days in 2026 (261 weekdays − 13 weekday libur − 8 cuti bersama)', () => {
    expect(workingDaysBetween('2026-01-01', '2026-12-31')).toHaveLength(261);
    expect(workingDaysBetween('2026-01-01', '2026-12-31', { holidays })).toHaveLength(240);
  });
});

describe('validateLeave: up to 30 days ahead, 7 days back', () => {
  const today = '2026-11-27';
  it.each([
    ['2026-11-27', '2026-11-27', 'cuti', null],
    ['2026-11-20', '2026-11-20', 'sakit', null], // exactly 7 days back
    ['2026-11-19', '2026-11-20', 'sakit', 'too-far-back'],
    ['2026-12-20', '2026-12-27', 'cuti', null], // ends exactly 30 days ahead
    ['2026-12-20', '2026-12-28', 'cuti', 'too-far-ahead'],
    ['2026-11-20', '2026-12-27', 'dinas-luar', null], // the whole window
    ['2026-11-30', '2026-11-28', 'dinas-luar', 'end-before-start'],
    ['2026-02-30', '2026-03-02', 'cuti', 'invalid-day'],
    ['2026-11-30', '2026-12-01', 'libur', 'invalid-kind'],
  ] as const)('%s … %s (%s) → %s', (start, end, kind, expected) => {
    expect(validateLeave({ start, end, kind: kind as LeaveKind }, today)).toBe(expected);
  });

  it('crosses a year boundary by calendar days', () => {
    expect(validateLeave({ start: '2026-12-25', end: '2027-01-05', kind: 'cuti' }, '2026-12-31')).toBeNull();
    expect(validateLeave({ start: '2027-01-29', end: '2027-01-30', kind: 'cuti' }, '2026-12-31')).toBeNull();
    expect(validateLeave({ start: '2027-01-30', end: '2027-01-31', kind: 'cuti' }, '2026-12-31')).toBe('too-far-ahead');
  });

  it('rejects a malformed today', () => {
    expect(validateLeave({ start: '2026-11-27', end: '2026-11-27', kind: 'cuti' }, 'hari ini')).toBe('invalid-day');
  });
});
