import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadHolidays } from '../../../build/holidays';
import { addDays, type DayKey, dayKey } from '../../../core/day';
import { computeStreak, normalizeDailyGoal, type StreakInput, type StreakResult } from '../../../core/streak';
import {
  isWorkingDay,
  type LeaveKind,
  type LeaveRange,
  type WorkWeek,
  workingDaysBetween,
} from '../../../core/workdays';

const holidays = loadHolidays();

/** One completion on each listed day. */
function once(...days: DayKey[]): Record<DayKey, number> {
  return Object.fromEntries(days.map((day) => [day, 1]));
}

/** Every day from `from` to `to` inclusive. */
function range(from: DayKey, to: DayKey): DayKey[] {
  const days: DayKey[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) days.push(day);
  return days;
}

function run(goalByDay: StreakInput['goalByDay'], today: DayKey, options: Partial<StreakInput> = {}): StreakResult {
  return computeStreak({ goalByDay, dailyGoal: 1, today, holidays, ...options });
}

function statusOf(result: StreakResult, day: DayKey) {
  return result.days.find((entry) => entry.day === day)?.status;
}

// November 2026: Mon 16 … Fri 20, Sat 21, Sun 22, Mon 23 … Fri 27.
const WEEK = range('2026-11-16', '2026-11-20');

describe('no history', () => {
  it('is all zero, today pending, 84 heatmap days', () => {
    const result = run({}, '2026-11-23');
    expect(result).toMatchObject({ current: 0, longest: 0, freezesHeld: 0, freezesUsedOn: [], todayStatus: 'pending' });
    expect(result.days).toHaveLength(84);
    expect(result.days.at(-1)).toMatchObject({ day: '2026-11-23', status: 'pending-today' });
    expect(result.days[0]?.day).toBe('2026-09-01');
  });

  it('reads today as rest on a Saturday', () => {
    expect(run({}, '2026-11-28').todayStatus).toBe('rest');
  });
});

describe('weekends', () => {
  it('a weekend never breaks the streak, and today not yet met is pending', () => {
    const result = run(once(...WEEK), '2026-11-23');
    expect(result).toMatchObject({ current: 5, longest: 5, todayMet: false, todayStatus: 'pending' });
    expect(statusOf(result, '2026-11-21')).toBe('rest');
    expect(statusOf(result, '2026-11-22')).toBe('rest');
    expect(statusOf(result, '2026-11-23')).toBe('pending-today');
  });

  it('a goal met on a Saturday adds 1', () => {
    const result = run(once(...WEEK, '2026-11-21'), '2026-11-23');
    expect(result.current).toBe(6);
    expect(statusOf(result, '2026-11-21')).toBe('goal');
  });

  it.each([
    // Wed–Fri, then Mon; Saturday missed
    { what: '5-day week: Saturday is rest', options: { workWeek: 5 as WorkWeek }, current: 4, sat: 'rest' },
    { what: '6-day week: Saturday missed breaks', options: { workWeek: 6 as WorkWeek }, current: 1, sat: 'missed' },
    { what: 'working-day mode off: the weekend breaks', options: { workingDayMode: false }, current: 1, sat: 'missed' },
  ])('$what', ({ options, current, sat }) => {
    const result = run(once('2026-11-18', '2026-11-19', '2026-11-20', '2026-11-23'), '2026-11-23', options);
    expect(result.current).toBe(current);
    expect(result.longest).toBe(Math.max(current, 3));
    expect(statusOf(result, '2026-11-21')).toBe(sat);
  });
});

describe('national holidays and cuti bersama (SKB 2026)', () => {
  it('Proklamasi on Monday 17 August does not break the streak', () => {
    const result = run(once('2026-08-12', '2026-08-13', '2026-08-14', '2026-08-18'), '2026-08-18');
    expect(result).toMatchObject({ current: 4, todayStatus: 'met', freezesUsedOn: [] });
    expect(result.days.find((d) => d.day === '2026-08-17')).toMatchObject({
      status: 'holiday',
      holiday: 'Proklamasi Kemerdekaan RI',
    });
  });

  it('the Idulfitri block (cuti bersama 18, 20, 23, 24 March; Nyepi 19; Idulfitri 21–22) keeps the streak', () => {
    const result = run(once('2026-03-16', '2026-03-17', '2026-03-25'), '2026-03-25');
    expect(result.current).toBe(3);
    const block = result.days.filter((d) => d.day >= '2026-03-18' && d.day <= '2026-03-24');
    expect(block.map((d) => d.status)).toEqual(Array(7).fill('holiday'));
    expect(block.map((d) => d.holiday)).toEqual([
      'Cuti bersama Hari Suci Nyepi (Tahun Baru Saka 1948)',
      'Hari Suci Nyepi (Tahun Baru Saka 1948)',
      'Cuti bersama Idulfitri 1447 Hijriah',
      'Idulfitri 1447 Hijriah (hari ke-1)',
      'Idulfitri 1447 Hijriah (hari ke-2)',
      'Cuti bersama Idulfitri 1447 Hijriah',
      'Cuti bersama Idulfitri 1447 Hijriah',
    ]);
  });

  it('a lesson on a cuti bersama still counts', () => {
    expect(run(once('2026-12-23', '2026-12-24', '2026-12-28'), '2026-12-28').current).toBe(3);
  });

  it('with working-day mode off, holidays are ordinary days', () => {
    const result = run(once('2026-08-12', '2026-08-13', '2026-08-14', '2026-08-18'), '2026-08-18', {
      workingDayMode: false,
    });
    expect(result.current).toBe(1);
    expect(statusOf(result, '2026-08-17')).toBe('missed');
  });
});

describe('leave (cuti, dinas luar, sakit)', () => {
  it.each<LeaveKind>(['cuti', 'dinas-luar', 'sakit'])('%s days never break the streak', (kind) => {
    const leave: LeaveRange[] = [{ start: '2026-11-04', end: '2026-11-09', kind }];
    const result = run(once('2026-11-02', '2026-11-03', '2026-11-10'), '2026-11-10', { leave });
    expect(result).toMatchObject({ current: 3, freezesUsedOn: [] });
    expect(result.days.find((d) => d.day === '2026-11-05')).toMatchObject({ status: 'leave', leave: kind });
    expect(statusOf(result, '2026-11-07')).toBe('rest'); // Saturday inside the range reads as the weekend
  });

  it('a lesson during leave still counts', () => {
    const leave: LeaveRange[] = [{ start: '2026-11-04', end: '2026-11-06', kind: 'dinas-luar' }];
    expect(run(once('2026-11-03', '2026-11-05', '2026-11-09'), '2026-11-09', { leave }).current).toBe(3);
  });

  it('leave still protects with working-day mode off', () => {
    const leave: LeaveRange[] = [{ start: '2026-11-21', end: '2026-11-22', kind: 'cuti' }];
    const result = run(once('2026-11-20', '2026-11-23'), '2026-11-23', { leave, workingDayMode: false });
    expect(result.current).toBe(2);
    expect(statusOf(result, '2026-11-21')).toBe('leave');
  });

  it('today on leave reads as rest', () => {
    const leave: LeaveRange[] = [{ start: '2026-11-23', end: '2026-11-23', kind: 'sakit' }];
    expect(run(once(...WEEK), '2026-11-23', { leave }).todayStatus).toBe('rest');
  });
});

describe('streak freezes', () => {
  it.each([
    // goal days in a row → freezes held
    [4, 0],
    [5, 1],
    [9, 1],
    [10, 2],
    [15, 2], // capped at 2
    [30, 2],
  ])('%i goal days in a row hold %i freeze(s)', (goalDays, held) => {
    const days = workingDaysBetween('2026-09-01', '2026-12-31', { holidays }).slice(0, goalDays);
    const today = addDays(days.at(-1) as DayKey, 1);
    expect(run(once(...days), today)).toMatchObject({ current: goalDays, freezesHeld: held });
  });

  it('a missed working day uses a freeze: the streak goes on but does not grow', () => {
    // Mon 16 – Fri 20 goal, Mon 23 missed, Tue 24 goal, today Wed 25 pending
    const result = run(once(...WEEK, '2026-11-24'), '2026-11-25');
    expect(result).toMatchObject({ current: 6, longest: 6, freezesHeld: 0, freezesUsedOn: ['2026-11-23'] });
    expect(statusOf(result, '2026-11-23')).toBe('frozen');
  });

  it('a missed working day with no freeze left breaks the streak', () => {
    // Mon 23 frozen, Tue 24 missed → broken; Wed 25 goal starts again
    const result = run(once(...WEEK, '2026-11-25'), '2026-11-25');
    expect(result).toMatchObject({ current: 1, longest: 5, freezesHeld: 0, freezesUsedOn: ['2026-11-23'] });
    expect(statusOf(result, '2026-11-24')).toBe('missed');
  });

  it('two freezes cover two missed days, the third breaks', () => {
    const goals = range('2026-11-02', '2026-11-13').filter((d) => isWorkingDay(d)); // 10 goal days
    const covered = run(once(...goals, '2026-11-18'), '2026-11-18');
    expect(covered).toMatchObject({ current: 11, freezesUsedOn: ['2026-11-16', '2026-11-17'], freezesHeld: 0 });
    const broken = run(once(...goals, '2026-11-19'), '2026-11-19');
    expect(broken).toMatchObject({ current: 1, longest: 10 });
  });

  it('rest and frozen days do not reset the count towards the next freeze', () => {
    // 7 goal days (freeze at 5), 1 frozen, 3 goal days → 10th goal day earns one again
    const goals = ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06', '2026-11-09', '2026-11-10'];
    const result = run(once(...goals, '2026-11-12', '2026-11-13', '2026-11-16'), '2026-11-17');
    expect(result).toMatchObject({ current: 10, freezesUsedOn: ['2026-11-11'], freezesHeld: 1 });
  });

  it('today pending never uses a freeze', () => {
    const result = run(once(...WEEK), '2026-11-23');
    expect(result).toMatchObject({ freezesHeld: 1, freezesUsedOn: [] });
  });
});

describe('daily goal 1–3', () => {
  // Mon 2, Tue 3, Wed 1, Thu 2, today Fri pending
  const counts = { '2026-11-16': 2, '2026-11-17': 3, '2026-11-18': 1, '2026-11-19': 2 };
  it.each([
    { dailyGoal: 1, current: 4, longest: 4, wed: 'goal' },
    { dailyGoal: 2, current: 1, longest: 2, wed: 'missed' },
    { dailyGoal: 3, current: 0, longest: 1, wed: 'missed' },
  ])('goal $dailyGoal: current $current, longest $longest', ({ dailyGoal, current, longest, wed }) => {
    const result = run(counts, '2026-11-20', { dailyGoal });
    expect(result).toMatchObject({ current, longest });
    expect(statusOf(result, '2026-11-18')).toBe(wed);
  });

  it('one lesson of two is not yet the goal today', () => {
    const result = run({ '2026-11-20': 1 }, '2026-11-20', { dailyGoal: 2 });
    expect(result).toMatchObject({ todayMet: false, todayStatus: 'pending', current: 0 });
    expect(result.days.at(-1)).toMatchObject({ status: 'pending-today', count: 1 });
  });

  it.each([
    [0, 1],
    [2, 2],
    [2.6, 3],
    [7, 3],
    [Number.NaN, 1],
  ])('normalizes %d to %i', (input, goal) => {
    expect(normalizeDailyGoal(input)).toBe(goal);
  });

  it('accepts a Map as well as a record', () => {
    expect(run(new Map(Object.entries(counts)), '2026-11-20', { dailyGoal: 2 })).toEqual(
      run(counts, '2026-11-20', { dailyGoal: 2 }),
    );
  });
});

describe('rollover hour (via dayKey)', () => {
  // Friday's lesson done at 01:30 WIB on Saturday 21 November
  const lateFriday = Date.UTC(2026, 10, 20, 18, 30);
  const monToThu = ['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19'];

  it('with rollover 03:00 the late lesson counts for Friday', () => {
    const key = dayKey(lateFriday, { timeZone: 'Asia/Jakarta', rolloverHour: 3 });
    expect(key).toBe('2026-11-20');
    expect(run(once(...monToThu, key), '2026-11-23').current).toBe(5);
  });

  it('with rollover 00:00 it lands on Saturday and Friday is missed', () => {
    const key = dayKey(lateFriday, { timeZone: 'Asia/Jakarta', rolloverHour: 0 });
    expect(key).toBe('2026-11-21');
    const result = run(once(...monToThu, key), '2026-11-23');
    expect(result).toMatchObject({ current: 1, longest: 4 });
  });
});

describe('travel WIB → WIT → WIB', () => {
  const rolloverHour = 3;
  // Each completion is keyed in the zone the learner is in at that moment.
  const completions: [number, string][] = [
    [Date.UTC(2026, 10, 16, 13, 0), 'Asia/Jakarta'], // Mon 20:00 WIB, Jakarta
    [Date.UTC(2026, 10, 16, 22, 0), 'Asia/Jayapura'], // Tue 07:00 WIT, landed in Jayapura
    [Date.UTC(2026, 10, 17, 18, 30), 'Asia/Jayapura'], // Wed 03:30 WIT (= Wed 01:30 WIB)
    [Date.UTC(2026, 10, 19, 2, 0), 'Asia/Jakarta'], // Thu 09:00 WIB, back in Jakarta
    [Date.UTC(2026, 10, 20, 14, 0), 'Asia/Jakarta'], // Fri 21:00 WIB
  ];
  const counts: Record<DayKey, number> = {};
  for (const [at, timeZone] of completions) {
    const key = dayKey(at, { timeZone, rolloverHour });
    counts[key] = (counts[key] ?? 0) + 1;
  }

  it('stores one day per working day: no double, no gap', () => {
    expect(counts).toEqual(once(...WEEK));
  });

  it('the stored key is kept even though WIB would read the Wednesday lesson as Tuesday', () => {
    const [at] = completions[2] as [number, string];
    expect(dayKey(at, { timeZone: 'Asia/Jakarta', rolloverHour })).toBe('2026-11-17');
    const today = dayKey(Date.UTC(2026, 10, 23, 1, 0), { timeZone: 'Asia/Jakarta', rolloverHour }); // Mon 08:00 WIB
    expect(run(counts, today)).toMatchObject({ current: 5, longest: 5, todayStatus: 'pending', freezesUsedOn: [] });
  });

  it('flying west after an early lesson: today in WIB is behind the stored WIT key', () => {
    // Thu 04:00 WIT lesson (key Thu), then in Jakarta at 02:30 WIB the same night: WIB today reads Wednesday
    const lesson = dayKey(Date.UTC(2026, 10, 18, 19, 0), { timeZone: 'Asia/Jayapura', rolloverHour });
    const today = dayKey(Date.UTC(2026, 10, 18, 19, 30), { timeZone: 'Asia/Jakarta', rolloverHour });
    expect([lesson, today]).toEqual(['2026-11-19', '2026-11-18']);
    const result = run(once('2026-11-16', '2026-11-17', '2026-11-18', lesson), today);
    expect(result).toMatchObject({ today: '2026-11-19', current: 4, todayStatus: 'met' });
  });
});

describe('clock set back a day', () => {
  it('keeps the days stored "in the future" and treats the latest as today', () => {
    const counts = once(...WEEK, '2026-11-23', '2026-11-24');
    const result = run(counts, '2026-11-23'); // the clock now says Monday, Tuesday is stored
    expect(result).toMatchObject({ today: '2026-11-24', current: 7, todayMet: true, todayStatus: 'met' });
    expect(result.days.at(-1)).toMatchObject({ day: '2026-11-24', status: 'goal' });
    expect(result.days.some((d) => d.status === 'future')).toBe(false);
  });

  it('is the same result as with the right clock', () => {
    const counts = once(...WEEK, '2026-11-23', '2026-11-24');
    expect(run(counts, '2026-11-23')).toEqual(run(counts, '2026-11-24'));
  });

  it('but a day stored more than one day ahead is ignored until it comes, never taken for today', () => {
    const counts = once(...WEEK, '2026-11-23', '2026-11-24');
    const result = run(counts, '2026-11-22');
    // Monday (one day ahead) is taken; Tuesday (two days ahead) waits.
    expect(result).toMatchObject({ today: '2026-11-23', ignoredFutureDays: ['2026-11-24'] });
  });

  it('marks days after today as future in a longer window', () => {
    const result = run(once(...WEEK), '2026-11-25', { window: { from: '2026-11-23', to: '2026-11-29' } });
    expect(result.days.map((d) => d.status)).toEqual([
      'frozen',
      'missed',
      'pending-today',
      'future',
      'future',
      'future',
      'future',
    ]);
  });
});

describe('year boundary (Dec 2025 → Jan 2026)', () => {
  const workdays = workingDaysBetween('2025-12-15', '2026-01-09', { holidays });

  it('skips Natal, cuti bersama 26 Dec and 1 January', () => {
    expect(workdays).not.toContain('2025-12-25');
    expect(workdays).not.toContain('2025-12-26');
    expect(workdays).not.toContain('2026-01-01');
    expect(workdays).toHaveLength(17);
  });

  it('carries the streak into January and restarts the month count', () => {
    const result = run(once(...workdays), '2026-01-09');
    expect(result).toMatchObject({ current: 17, longest: 17, goalDaysThisMonth: 6, freezesUsedOn: [] });
    expect(result.days.find((d) => d.day === '2026-01-01')).toMatchObject({
      status: 'holiday',
      holiday: 'Tahun Baru 2026 Masehi',
    });
    expect(statusOf(result, '2025-12-26')).toBe('holiday');
  });

  it('a lesson on 1 January counts', () => {
    const result = run(once(...workdays, '2026-01-01'), '2026-01-09');
    expect(result).toMatchObject({ current: 18, goalDaysThisMonth: 7 });
  });

  it('on 1 January the month count starts at the day itself', () => {
    expect(run(once('2025-12-29', '2025-12-30', '2025-12-31'), '2026-01-01').goalDaysThisMonth).toBe(0);
    expect(run(once('2025-12-31', '2026-01-01'), '2026-01-01').goalDaysThisMonth).toBe(1);
  });
});

/** The rules written as plainly as possible, on keys, as an independent check of the engine. */
function reference(input: StreakInput) {
  const goal = normalizeDailyGoal(input.dailyGoal);
  const counts = input.goalByDay as Record<DayKey, number>;
  // Stored days more than one day past today are ignored until their day comes.
  const horizon = addDays(input.today, 1);
  const keys = Object.keys(counts)
    .filter((k) => (counts[k] ?? 0) > 0 && k <= horizon)
    .sort();
  const today = keys.length && (keys.at(-1) as DayKey) > input.today ? (keys.at(-1) as DayKey) : input.today;
  let current = 0;
  let longest = 0;
  let freezesHeld = 0;
  let goalDaysThisMonth = 0;
  const freezesUsedOn: DayKey[] = [];
  const options = { workWeek: input.workWeek, holidays: input.holidays, leave: input.leave };
  for (let day = keys[0]; day !== undefined && day <= today; day = addDays(day, 1)) {
    const working =
      input.workingDayMode === false
        ? !(input.leave ?? []).some((r) => r.start <= day && day <= r.end)
        : isWorkingDay(day, options);
    if ((counts[day] ?? 0) >= goal) {
      current++;
      longest = Math.max(longest, current);
      if (current % 5 === 0) freezesHeld = Math.min(2, freezesHeld + 1);
      if (day.slice(0, 7) === today.slice(0, 7)) goalDaysThisMonth++;
    } else if (day === today || !working) {
      // pending or rest
    } else if (freezesHeld > 0) {
      freezesHeld--;
      freezesUsedOn.push(day);
    } else {
      current = 0;
    }
  }
  return { current, longest, freezesHeld, freezesUsedOn, goalDaysThisMonth };
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('five years of history (2026–2030)', () => {
  const from = '2026-01-01';
  const to = '2030-12-31';
  const workdays = workingDaysBetween(from, to, { holidays });

  it('every working day met except three in a row: longest and current split there', () => {
    const gap = ['2028-06-05', '2028-06-06', '2028-06-07'] as const; // Mon–Wed: two freezes, then a break
    expect(gap.every((d) => workdays.includes(d))).toBe(true);
    const met = workdays.filter((d) => !(gap as readonly DayKey[]).includes(d));
    const result = run(once(...met), to);
    const before = met.filter((d) => d < gap[0]).length;
    const after = met.filter((d) => d > gap[2]).length;
    expect(result).toMatchObject({
      current: after,
      longest: Math.max(before, after),
      freezesUsedOn: ['2028-06-05', '2028-06-06'],
      todayStatus: 'met',
    });
    expect(before + after).toBe(workdays.length - 3);
    expect(result.goalDaysThisMonth).toBe(met.filter((d) => d.startsWith('2030-12')).length);
  });

  it.each([1, 2, 3, 4, 5])('a realistic random history (seed %i) matches the plain rules', (seed) => {
    const next = random(seed);
    const counts: Record<DayKey, number> = {};
    const leave: LeaveRange[] = [];
    for (const day of range(from, to)) {
      const working = isWorkingDay(day, { holidays });
      if (next() < (working ? 0.8 : 0.1)) counts[day] = 1 + Math.floor(next() * 3);
      if (working && next() < 0.004) {
        const kinds: LeaveKind[] = ['cuti', 'dinas-luar', 'sakit'];
        leave.push({
          start: day,
          end: addDays(day, Math.floor(next() * 10)),
          kind: kinds[leave.length % 3] as LeaveKind,
        });
      }
    }
    for (const dailyGoal of [1, 2]) {
      const input: StreakInput = { goalByDay: counts, dailyGoal, today: to, holidays, leave };
      const result = computeStreak(input);
      expect(result).toMatchObject(reference(input));
      expect(result.longest).toBeGreaterThan(0);
    }
  });
});

describe('property: the engine follows the plain rules', () => {
  const day = fc.integer({ min: 0, max: 119 }).map((i) => addDays('2026-10-01', i));
  it('for any history, goal, work week, mode, leave and today', () => {
    fc.assert(
      fc.property(
        fc.dictionary(day, fc.integer({ min: 0, max: 4 }), { maxKeys: 90 }),
        fc.integer({ min: 1, max: 3 }),
        fc.constantFrom<WorkWeek>(5, 6),
        fc.boolean(),
        fc.array(
          fc.record({
            start: day,
            length: fc.integer({ min: 0, max: 9 }),
            kind: fc.constantFrom<LeaveKind>('cuti', 'dinas-luar', 'sakit'),
          }),
          { maxLength: 3 },
        ),
        day,
        (goalByDay, dailyGoal, workWeek, workingDayMode, ranges, today) => {
          const leave = ranges.map((r) => ({ start: r.start, end: addDays(r.start, r.length), kind: r.kind }));
          const input: StreakInput = { goalByDay, dailyGoal, workWeek, workingDayMode, leave, today, holidays };
          const result = computeStreak(input);
          expect(result).toMatchObject(reference(input));
          expect(result.current).toBeLessThanOrEqual(result.longest);
          expect(result.freezesHeld).toBeLessThanOrEqual(2);
        },
      ),
      { numRuns: 300, seed: 6 },
    );
  });
});
