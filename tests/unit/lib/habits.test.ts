import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { LessonMeta } from '../../../core/lesson';
import type { HolidayCalendar } from '../../../core/workdays';
import { type Completion, LangkahDB } from '../../../lib/db';
import {
  completionSummaryCache,
  fromStoredSummary,
  heatmapWindow,
  isLearnerWorkingDay,
  loadHabitSettings,
  loadHabitSnapshot,
  loadHabits,
  normalizeHabitSettings,
  pillarProgress,
  readCompletions,
  storeCompletionSummary,
  toStoredSummary,
  watchHabitSettings,
} from '../../../lib/habits';
import { dailyGoal, leaveDays, rolloverHour, workingDayMode, workWeek } from '../../../lib/settings';

let db: LangkahDB;
let n = 0;
beforeEach(() => {
  db = new LangkahDB(`test-habits-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

let seq = 0;
const completion = (day: string, lessonId = 'kata-sandi-kuat', kind: Completion['kind'] = 'lesson'): Completion => ({
  id: String(++seq).padStart(32, '0'),
  lessonId,
  kind,
  day,
  completedAt: seq,
  utcOffset: 420,
  correct: 1,
  total: 2,
  durationMs: 60_000,
});

/** Local wall-clock instant (the runtime's zone), as the extension sees `Date.now()`. */
const local = (y: number, m: number, d: number, h = 10, min = 0) => new Date(y, m - 1, d, h, min).getTime();

const noHolidays: HolidayCalendar = { days: {}, officialYears: [] };
const holidays: HolidayCalendar = {
  days: { '2026-11-25': { name: 'Libur contoh', kind: 'libur-nasional', source: 'skb' } },
  officialYears: [2026],
};

describe('normalizeHabitSettings', () => {
  it('gives the defaults for missing or odd values', () => {
    expect(normalizeHabitSettings({})).toEqual({
      dailyGoal: 1,
      workingDayMode: true,
      workWeek: 5,
      rolloverHour: 3,
      leave: [],
      agencyHolidays: [],
    });
    expect(
      normalizeHabitSettings({
        dailyGoal: 7,
        workingDayMode: false,
        workWeek: 4,
        rolloverHour: 9,
        leave: [
          { start: '2026-11-20', end: '2026-11-21', kind: 'sakit' },
          { start: '2026-11-22', end: '2026-11-20', kind: 'cuti' },
          { start: 'kemarin', end: '2026-11-20', kind: 'cuti' },
          { start: '2026-11-20', end: '2026-11-20', kind: 'liburan' },
          null,
        ],
      }),
    ).toEqual({
      dailyGoal: 3,
      workingDayMode: false,
      workWeek: 5,
      rolloverHour: 6,
      leave: [{ start: '2026-11-20', end: '2026-11-21', kind: 'sakit' }],
      agencyHolidays: [],
    });
  });
});

describe('loadHabitSettings', () => {
  it('reads every habit setting from storage, with fallbacks', async () => {
    expect(await loadHabitSettings()).toMatchObject({
      dailyGoal: 1,
      workingDayMode: true,
      workWeek: 5,
      rolloverHour: 3,
    });
    await dailyGoal.setValue(2);
    await workWeek.setValue(6);
    await rolloverHour.setValue(0);
    await workingDayMode.setValue(false);
    await leaveDays.setValue([{ start: '2026-11-23', end: '2026-11-24', kind: 'dinas-luar' }]);
    expect(await loadHabitSettings()).toEqual({
      dailyGoal: 2,
      workingDayMode: false,
      workWeek: 6,
      rolloverHour: 0,
      leave: [{ start: '2026-11-23', end: '2026-11-24', kind: 'dinas-luar' }],
      agencyHolidays: [],
    });
  });

  it('applies the agency policy: locked > learner > policy default > built-in, and its days off', async () => {
    const day = { date: '2027-03-01', kind: 'libur-daerah', name: 'Hari jadi kota' } as const;
    await fakeBrowser.storage.managed.set({
      dailyGoal: { value: 2 },
      workWeek: { value: 6, locked: true },
      extraHolidays: [day],
    });
    expect(await loadHabitSettings()).toMatchObject({ dailyGoal: 2, workWeek: 6, agencyHolidays: [day] });
    await dailyGoal.setValue(3);
    await workWeek.setValue(5);
    expect(await loadHabitSettings()).toMatchObject({ dailyGoal: 3, workWeek: 6 });
    await fakeBrowser.storage.managed.set({ workWeek: { value: 6 } });
    expect(await loadHabitSettings()).toMatchObject({ dailyGoal: 3, workWeek: 5 });
  });

  it('tells a watcher about each change', async () => {
    let calls = 0;
    const stop = watchHabitSettings(() => calls++);
    await dailyGoal.setValue(3);
    await leaveDays.setValue([]);
    stop();
    await dailyGoal.setValue(1);
    expect(calls).toBe(2);
  });
});

describe('readCompletions', () => {
  it('counts lessons and reviews per stored day key and lists the lessons done', async () => {
    await db.completions.bulkAdd([
      completion('2026-11-23'),
      completion('2026-11-24'),
      completion('2026-11-24', 'srikandi-dasar'),
      completion('2026-11-24', 'kata-sandi-kuat', 'review'),
    ]);
    expect(await readCompletions(db)).toEqual({
      goalByDay: new Map([
        ['2026-11-23', 1],
        ['2026-11-24', 3],
      ]),
      lessonIds: new Set(['kata-sandi-kuat', 'srikandi-dasar']),
    });
  });
});

describe('heatmapWindow', () => {
  it.each([
    ['2026-11-25', '2026-09-07', '2026-11-29'], // Rabu
    ['2026-11-23', '2026-09-07', '2026-11-29'], // Senin
    ['2026-11-29', '2026-09-07', '2026-11-29'], // Minggu
    ['2027-01-01', '2026-10-12', '2027-01-03'], // across the year boundary
  ])('today %s → %s … %s (12 whole weeks)', (today, from, to) => {
    expect(heatmapWindow(today)).toEqual({ from, to });
  });
});

describe('isLearnerWorkingDay', () => {
  const base = normalizeHabitSettings({});
  it.each([
    ['2026-11-24', base, true], // Selasa
    ['2026-11-28', base, false], // Sabtu
    ['2026-11-28', { ...base, workWeek: 6 as const }, true],
    ['2026-11-25', base, false], // holiday
    ['2026-11-28', { ...base, workingDayMode: false }, true],
    ['2026-11-25', { ...base, workingDayMode: false }, true],
    [
      '2026-11-24',
      { ...base, workingDayMode: false, leave: [{ start: '2026-11-24', end: '2026-11-24', kind: 'sakit' as const }] },
      false,
    ],
  ])('%s', (day, settings, expected) => {
    expect(isLearnerWorkingDay(day, settings, holidays)).toBe(expected);
  });
});

describe('loadHabits', () => {
  it('computes the streak from the records and the settings in storage', async () => {
    // Mon 16 – Fri 20 Nov met; the weekend off; today Tuesday 24 Nov, Monday met.
    await db.completions.bulkAdd(
      ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23'].map((d) => completion(d)),
    );
    const habits = await loadHabits(db, local(2026, 11, 24), { holidays: noHolidays });
    expect(habits.today).toBe('2026-11-24');
    expect(habits.streak).toMatchObject({ current: 6, longest: 6, freezesHeld: 1, todayStatus: 'pending' });
    expect(habits.streak.days).toHaveLength(84);
    expect(habits.streak.days[0]?.day).toBe('2026-09-07');
    expect(habits.streak.days.find((d) => d.day === '2026-11-21')?.status).toBe('rest');
    expect(habits.streak.days.find((d) => d.day === '2026-11-24')?.status).toBe('pending-today');
    expect(habits.streak.days.at(-1)).toMatchObject({ day: '2026-11-29', status: 'future' });
  });

  it('uses the daily goal, the work week and leave from the settings', async () => {
    await db.completions.bulkAdd([completion('2026-11-23'), completion('2026-11-23'), completion('2026-11-24')]);
    await dailyGoal.setValue(2);
    let habits = await loadHabits(db, local(2026, 11, 24, 20), { holidays: noHolidays });
    expect(habits.streak).toMatchObject({ current: 1, todayMet: false, todayStatus: 'pending' });

    await leaveDays.setValue([{ start: '2026-11-24', end: '2026-11-24', kind: 'cuti' }]);
    habits = await loadHabits(db, local(2026, 11, 24, 20), { holidays: noHolidays });
    expect(habits.streak.todayStatus).toBe('rest');

    // Working-day mode off: the Sunday before a Monday start is simply before the history.
    await workingDayMode.setValue(false);
    await leaveDays.setValue([]);
    await dailyGoal.setValue(1);
    habits = await loadHabits(db, local(2026, 11, 26), { holidays: noHolidays });
    // Wednesday 25 missed with no freeze: the run is broken.
    expect(habits.streak).toMatchObject({ current: 0, longest: 2 });
  });

  it('lets a lesson at 01:30 count for the evening before, by the rollover setting', async () => {
    const at = local(2026, 11, 25, 1, 30);
    expect((await loadHabits(db, at, { holidays: noHolidays })).today).toBe('2026-11-24');
    await rolloverHour.setValue(0);
    expect((await loadHabits(db, at, { holidays: noHolidays })).today).toBe('2026-11-25');
  });

  it('treats a national holiday as rest with the real holiday data', async () => {
    // 17 Agustus 2026 is a Monday and a libur nasional.
    const habits = await loadHabits(db, local(2026, 8, 17));
    expect(habits.streak.todayStatus).toBe('rest');
    expect(habits.streak.days.find((d) => d.day === '2026-08-17')).toMatchObject({ status: 'holiday' });
  });
});

describe('pillarProgress', () => {
  const lesson = (id: string, pillar: LessonMeta['pillar']): LessonMeta => ({
    id,
    title: id,
    summary: '',
    minutes: 2,
    level: 'dasar',
    pillar,
    systems: [],
    paths: ['semua-asn'],
    topics: [],
  });
  const lessons = [
    lesson('a', 'aman-digital'),
    lesson('b', 'aman-digital'),
    lesson('c', 'cakap-digital'),
    lesson('d', 'etika-digital'),
  ];

  it('counts different lessons done per pillar against those available', async () => {
    await db.completions.bulkAdd([
      completion('2026-11-23', 'a'),
      completion('2026-11-24', 'a', 'review'),
      completion('2026-11-24', 'c'),
      completion('2026-11-24', 'gone'),
    ]);
    expect(pillarProgress((await readCompletions(db)).lessonIds, lessons)).toEqual([
      { pillar: 'cakap-digital', done: 1, available: 1 },
      { pillar: 'etika-digital', done: 0, available: 1 },
      { pillar: 'aman-digital', done: 1, available: 2 },
      { pillar: 'budaya-digital', done: 0, available: 0 },
    ]);
  });
});

describe('the stored completion summary', () => {
  const summary = {
    goalByDay: new Map([
      ['2026-11-24', 2],
      ['2026-11-23', 1],
    ]),
    lessonIds: new Set(['b', 'a']),
  };

  it('round-trips through storage in a stable shape', async () => {
    expect(toStoredSummary(summary)).toEqual({ v: 1, days: { '2026-11-23': 1, '2026-11-24': 2 }, lessons: ['a', 'b'] });
    expect(await storeCompletionSummary(summary)).toBe(true);
    expect(await storeCompletionSummary(summary)).toBe(false); // unchanged: not written again
    expect(await loadHabitSnapshot()).toEqual({ settings: normalizeHabitSettings({}), cached: summary });
  });

  it('is ignored when missing or malformed', async () => {
    expect((await loadHabitSnapshot()).cached).toBeNull();
    expect(fromStoredSummary({ v: 2, days: {}, lessons: [] })).toBeNull();
    expect(fromStoredSummary({ v: 1, days: { kemarin: 1 }, lessons: [] })).toBeNull();
    expect(fromStoredSummary({ v: 1, days: { '2026-11-24': -1 }, lessons: [] })).toBeNull();
    expect(fromStoredSummary({ v: 1, days: {}, lessons: [3] })).toBeNull();
    await completionSummaryCache.setValue({ v: 1, days: { '2026-02-30': 1 }, lessons: [] });
    expect((await loadHabitSnapshot()).cached).toBeNull();
  });

  it('matches what the records say after loadHabits', async () => {
    await db.completions.bulkAdd([completion('2026-11-24', 'x'), completion('2026-11-24', 'y')]);
    const habits = await loadHabits(db, local(2026, 11, 24), { holidays: noHolidays });
    expect(habits.completions).toEqual(await readCompletions(db));
  });
});
