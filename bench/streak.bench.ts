import { performance } from 'node:perf_hooks';
import { loadHolidays } from '../build/holidays';
import { addDays, type DayKey } from '../core/day';
import { computeStreak } from '../core/streak';
import { type HolidayCalendar, isWorkingDay, type LeaveKind, type LeaveRange } from '../core/workdays';
import { median, spread } from './stats';
import type { Measurement } from './types';

const GOAL_MS = 5;
const WARMUP_RUNS = 10;
const RUNS = 31;

/** mulberry32: a tiny seeded generator, so every run measures the same history. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SyntheticHistory {
  goalByDay: Map<DayKey, number>;
  leave: LeaveRange[];
  from: DayKey;
  today: DayKey;
}

/**
 * A deterministic learner history ending on `today`: about 80 % of working days
 * with 1–3 lessons, about 1 weekend or holiday in 8 with a lesson, and a leave
 * range (cuti, dinas luar or sakit, 1–5 days) roughly every two months.
 */
export function syntheticHistory(
  holidays: HolidayCalendar,
  { today = '2030-12-31', days = 1826, seed = 0x5742ea } = {},
): SyntheticHistory {
  const next = random(seed);
  const from = addDays(today, -(days - 1));
  const goalByDay = new Map<DayKey, number>();
  const leave: LeaveRange[] = [];
  const kinds: LeaveKind[] = ['cuti', 'dinas-luar', 'sakit'];
  let leaveUntil = '';
  for (let day = from; day <= today; day = addDays(day, 1)) {
    if (day > leaveUntil && next() < 1 / 42) {
      const end = addDays(day, Math.floor(next() * 5));
      leave.push({ start: day, end, kind: kinds[leave.length % kinds.length] as LeaveKind });
      leaveUntil = end;
    }
    const working = day > leaveUntil && isWorkingDay(day, { holidays });
    if (next() < (working ? 0.8 : 0.125)) goalByDay.set(day, 1 + Math.floor(next() * 3));
  }
  return { goalByDay, leave, from, today };
}

export const measurements: Measurement[] = [
  {
    name: 'streak: 5 years of history',
    goal: `≤ ${GOAL_MS} ms`,
    async run() {
      const holidays = loadHolidays();
      const history = syntheticHistory(holidays);
      // A fresh copy of the holiday data for every run, so the engine's holiday
      // look-up is rebuilt each time, as in a freshly opened popup.
      const fresh = () => ({ days: { ...holidays.days }, officialYears: [...holidays.officialYears] });
      const input = { goalByDay: history.goalByDay, dailyGoal: 1, today: history.today, leave: history.leave };
      for (let i = 0; i < WARMUP_RUNS; i++) computeStreak({ ...input, holidays: fresh() });
      const times: number[] = [];
      let result = computeStreak({ ...input, holidays: fresh() });
      for (let i = 0; i < RUNS; i++) {
        const calendar = fresh();
        const start = performance.now();
        result = computeStreak({ ...input, holidays: calendar });
        times.push(performance.now() - start);
      }
      const value = median(times);
      return {
        value: Math.round(value * 1000) / 1000,
        unit: 'ms',
        pass: value <= GOAL_MS,
        spread: spread(times, 'ms', 3),
        detail:
          `median of ${RUNS} runs after ${WARMUP_RUNS} warm-up (max ${Math.max(...times).toFixed(3)} ms); ` +
          `${history.from} … ${history.today}: ${history.goalByDay.size} active days, ${history.leave.length} leave ranges; ` +
          `current ${result.current}, longest ${result.longest}, ${result.freezesUsedOn.length} freezes used`,
      };
    },
  },
];
