/**
 * The learner's habits, gathered once for everyone who shows them: the popup,
 * the toolbar badge and the daily reminder all call `loadHabits`, so they never
 * disagree about the streak or about whether today's goal is met.
 *
 * Completions are read in one `getAll` (see `readCompletions`), settings from
 * WXT storage, holidays from the build (`virtual:langkah/holidays`). A compact
 * copy of the completion summary is kept in extension storage
 * (`completionSummaryCache`), so the popup can draw the streak from the same
 * single storage read as the settings, before IndexedDB answers.
 */
import defaultHolidays from 'virtual:langkah/holidays';
import { storage } from 'wxt/utils/storage';
import { addDays, type DayKey, isDayKey, weekdayOf } from '../core/day';
import { LESSON_PILLARS, type LessonBrief, type LessonPillar } from '../core/lesson';
import { type AgencyHoliday, type AgencyPolicy, effectiveSetting, withAgencyHolidays } from '../core/policy';
import { computeStreak, normalizeDailyGoal, type StreakResult } from '../core/streak';
import {
  type HolidayCalendar,
  isLearnerWorkingDay as isWorkingDayFor,
  LEAVE_KINDS,
  type LeaveRange,
  type WorkWeek,
} from '../core/workdays';
import { learnerDayKey, normalizeRolloverHour } from './clock';
import type { LangkahDB } from './db';
import { LEARNER_KEYS, loadPolicy, watchPolicy } from './policy';
import { dailyGoal, leaveDays, rolloverHour, workingDayMode, workWeek } from './settings';

/** Weeks in the popup's heatmap. */
export const HEATMAP_WEEKS = 12;

/** Everything the streak depends on besides the records, cleaned up. */
export interface HabitSettings {
  /** 1–3. */
  dailyGoal: number;
  workingDayMode: boolean;
  workWeek: WorkWeek;
  /** 0–6. */
  rolloverHour: number;
  leave: LeaveRange[];
  /** Extra days off the learner's agency set by policy (regional holidays, a year with no SKB yet). */
  agencyHolidays: readonly AgencyHoliday[];
}

/** Settings as stored may come from an older version or a hand edit: this makes them safe to use. */
export function normalizeHabitSettings(raw: {
  dailyGoal?: unknown;
  workingDayMode?: unknown;
  workWeek?: unknown;
  rolloverHour?: unknown;
  leave?: unknown;
  agencyHolidays?: readonly AgencyHoliday[];
}): HabitSettings {
  const leave = Array.isArray(raw.leave)
    ? (raw.leave as LeaveRange[]).filter(
        (r) =>
          typeof r === 'object' &&
          r !== null &&
          isDayKey(r.start) &&
          isDayKey(r.end) &&
          r.start <= r.end &&
          LEAVE_KINDS.includes(r.kind),
      )
    : [];
  return {
    dailyGoal: normalizeDailyGoal(typeof raw.dailyGoal === 'number' ? raw.dailyGoal : 1),
    workingDayMode: raw.workingDayMode !== false,
    workWeek: raw.workWeek === 6 ? 6 : 5,
    rolloverHour: normalizeRolloverHour(raw.rolloverHour),
    leave,
    agencyHolidays: raw.agencyHolidays ?? [],
  };
}

const SETTING_ITEMS = [dailyGoal, workingDayMode, workWeek, rolloverHour, leaveDays] as const;
/** The raw keys of the settings an agency may preset: absent when the learner never chose. */
const LEARNER_CHOICES = [LEARNER_KEYS.dailyGoal, LEARNER_KEYS.workWeek] as const;

/**
 * The habit settings from stored values (`SETTING_ITEMS`, then the raw
 * `LEARNER_CHOICES`) and the agency policy: locked policy > learner > policy
 * default > built-in for the goal and the work week, plus the agency's days off.
 */
export function settingsFrom(values: readonly unknown[], policy: AgencyPolicy = {}): HabitSettings {
  const [goal, mode, week, rollover, leave, goalChoice, weekChoice] = values;
  const learner = normalizeHabitSettings({ dailyGoal: goal, workWeek: week });
  const chose = (value: unknown) => (value === null || value === undefined ? null : value);
  return normalizeHabitSettings({
    dailyGoal: effectiveSetting(1, chose(goalChoice) === null ? null : learner.dailyGoal, policy.dailyGoal).value,
    workingDayMode: mode,
    workWeek: effectiveSetting<number>(5, chose(weekChoice) === null ? null : learner.workWeek, policy.workWeek).value,
    rolloverHour: rollover,
    leave,
    agencyHolidays: policy.extraHolidays ?? [],
  });
}

async function readSettingValues(extra: readonly Parameters<typeof storage.getItems>[0][number][] = []) {
  const [items, read] = await Promise.all([
    storage.getItems([...SETTING_ITEMS, ...LEARNER_CHOICES, ...extra]),
    loadPolicy(),
  ]);
  return { values: items.map((r) => r.value), policy: read.policy };
}

/** Reads the habit settings from storage and the agency policy, in one storage read. */
export async function loadHabitSettings(): Promise<HabitSettings> {
  const { values, policy } = await readSettingValues();
  return settingsFrom(values, policy);
}

/** Calls `onChange` after any habit setting or the agency policy changes, in any extension context. Returns the unwatch. */
export function watchHabitSettings(onChange: () => void): () => void {
  const unwatch = [...SETTING_ITEMS.map((item) => item.watch(() => onChange())), watchPolicy(() => onChange())];
  return () => {
    for (const stop of unwatch) stop();
  };
}

/**
 * Whether `day` is a working day for this learner: with working-day mode on,
 * inside the work week and not a holiday or leave; with it off, any day not
 * inside the learner's leave.
 */
export function isLearnerWorkingDay(
  day: DayKey,
  settings: HabitSettings,
  holidays: HolidayCalendar = defaultHolidays,
): boolean {
  return isWorkingDayFor(day, {
    workingDayMode: settings.workingDayMode,
    workWeek: settings.workWeek,
    holidays: withAgencyHolidays(holidays, settings.agencyHolidays),
    leave: settings.leave,
  });
}

/** What the habits need from the completion records. */
export interface CompletionSummary {
  /** Completions (lessons and reviews) per stored day key. */
  goalByDay: Map<DayKey, number>;
  /** Lessons finished at least once. */
  lessonIds: Set<string>;
}

/**
 * Reads every completion once and summarizes it. One `toArray()` is a single
 * IndexedDB `getAll`; reading only the `day` index instead (`orderBy('day').keys()`)
 * looks cheaper but walks a cursor record by record, about ten times slower
 * with two years of history (IndexedDB has no bulk read of index keys).
 */
export async function readCompletions(db: LangkahDB): Promise<CompletionSummary> {
  const goalByDay = new Map<DayKey, number>();
  const lessonIds = new Set<string>();
  for (const c of await db.completions.toArray()) {
    goalByDay.set(c.day, (goalByDay.get(c.day) ?? 0) + 1);
    lessonIds.add(c.lessonId);
  }
  return { goalByDay, lessonIds };
}

/**
 * The heatmap's days: whole weeks, Senin to Minggu, the last one holding `today`.
 * @example heatmapWindow('2026-11-25') // { from: '2026-09-07', to: '2026-11-29' } (12 weeks)
 */
export function heatmapWindow(today: DayKey, weeks = HEATMAP_WEEKS): { from: DayKey; to: DayKey } {
  const sinceMonday = (weekdayOf(today) + 6) % 7;
  return { from: addDays(today, -sinceMonday - 7 * (weeks - 1)), to: addDays(today, 6 - sinceMonday) };
}

/** The completion summary as stored in extension storage. */
export interface StoredCompletionSummary {
  v: 1;
  days: Record<DayKey, number>;
  lessons: string[];
}

/**
 * A copy of `readCompletions`'s result, written by the background after each
 * completion (and by the popup when it finds it out of date). Only a head
 * start: the popup still reads IndexedDB right after and follows that.
 */
export const completionSummaryCache = storage.defineItem<StoredCompletionSummary | null>('local:completionSummary', {
  fallback: null,
});

export function toStoredSummary(summary: CompletionSummary): StoredCompletionSummary {
  const days = [...summary.goalByDay].sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { v: 1, days: Object.fromEntries(days), lessons: [...summary.lessonIds].sort() };
}

/** The summary back from storage, or null when missing or not in the expected shape. */
export function fromStoredSummary(stored: unknown): CompletionSummary | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { v, days, lessons } = stored as Partial<StoredCompletionSummary>;
  if (v !== 1 || typeof days !== 'object' || days === null || !Array.isArray(lessons)) return null;
  const goalByDay = new Map<DayKey, number>();
  for (const [day, count] of Object.entries(days)) {
    if (!isDayKey(day) || typeof count !== 'number' || !(count > 0)) return null;
    goalByDay.set(day, count);
  }
  if (!lessons.every((id) => typeof id === 'string')) return null;
  return { goalByDay, lessonIds: new Set(lessons) };
}

/** Stores the summary when it differs from the stored copy. Returns whether it wrote. */
export async function storeCompletionSummary(summary: CompletionSummary): Promise<boolean> {
  const next = toStoredSummary(summary);
  const current = await completionSummaryCache.getValue();
  if (current && JSON.stringify(current) === JSON.stringify(next)) return false;
  await completionSummaryCache.setValue(next);
  return true;
}

/**
 * The habit settings and the stored completion summary (null when there is
 * none yet), in one storage read: everything the popup's first render needs.
 */
export async function loadHabitSnapshot(): Promise<{ settings: HabitSettings; cached: CompletionSummary | null }> {
  const { values, policy } = await readSettingValues([completionSummaryCache]);
  const summary = values[SETTING_ITEMS.length + LEARNER_CHOICES.length];
  return { settings: settingsFrom(values, policy), cached: fromStoredSummary(summary) };
}

export interface Habits {
  /** The day the streak treats as today (see `StreakResult.today`). */
  today: DayKey;
  settings: HabitSettings;
  streak: StreakResult;
}

export interface LoadedHabits extends Habits {
  completions: CompletionSummary;
}

export interface LoadHabitsOptions {
  /** Already-read settings (the popup watches them); read from storage when absent. */
  settings?: HabitSettings;
  holidays?: HolidayCalendar;
  /** Days reported in `streak.days`; default the heatmap's 12 weeks. */
  window?: { from: DayKey; to: DayKey };
}

/**
 * The streak at `now` from completions per day and the learner's settings —
 * synchronous, for a caller that already holds both (the popup).
 */
export function habitsAt(
  goalByDay: ReadonlyMap<DayKey, number>,
  settings: HabitSettings,
  now: number,
  options: Omit<LoadHabitsOptions, 'settings'> = {},
): Habits {
  const today = learnerDayKey(now, settings.rolloverHour);
  const streak = computeStreak({
    goalByDay,
    dailyGoal: settings.dailyGoal,
    today,
    workingDayMode: settings.workingDayMode,
    workWeek: settings.workWeek,
    holidays: withAgencyHolidays(options.holidays ?? defaultHolidays, settings.agencyHolidays),
    leave: settings.leave,
    window: options.window ?? heatmapWindow(today),
  });
  return { today: streak.today, settings, streak };
}

/**
 * The streak at `now` from the stored completions and the learner's settings:
 * the one function the badge and the reminder use (the popup uses `habitsAt`
 * over the same reads, kept live).
 */
export async function loadHabits(db: LangkahDB, now: number, options: LoadHabitsOptions = {}): Promise<LoadedHabits> {
  const [settings, completions] = await Promise.all([options.settings ?? loadHabitSettings(), readCompletions(db)]);
  return { ...habitsAt(completions.goalByDay, settings, now, options), completions };
}

export interface PillarProgress {
  pillar: LessonPillar;
  /** Different lessons of this pillar finished at least once. */
  done: number;
  /** Lessons of this pillar there are. */
  available: number;
}

/** Lessons done (`lessonIds` of `readCompletions`) and available per digital-literacy pillar, in the framework's order. */
export function pillarProgress(done: ReadonlySet<string>, lessons: readonly LessonBrief[]): PillarProgress[] {
  return LESSON_PILLARS.map((pillar) => {
    const ofPillar = lessons.filter((l) => l.pillar === pillar);
    return { pillar, done: ofPillar.filter((l) => done.has(l.id)).length, available: ofPillar.length };
  });
}
