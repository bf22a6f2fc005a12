/**
 * Preferences, in the extension's own storage (never the page's). Records
 * such as visits and completions live in Dexie instead (lib/db.ts).
 */
import { storage } from 'wxt/utils/storage';
import { type CapSettings, DEFAULT_CAPS } from '../core/caps';
import { DEFAULT_REMINDER, type ReminderSettings } from '../core/reminder';
import type { LeaveRange, WorkWeek } from '../core/workdays';
import { DEFAULT_LOCALE, type Locale } from './i18n';

export const uiLanguage = storage.defineItem<Locale>('local:uiLanguage', {
  fallback: DEFAULT_LOCALE,
  version: 1,
});

/** Everything Langkah does on government pages stops while paused (nothing recorded, no tips). */
export const paused = storage.defineItem<boolean>('local:paused', { fallback: false, version: 1 });

/** Catalog system ids the learner switched off: not recorded, no tips there. */
export const disabledSystems = storage.defineItem<string[]>('local:disabledSystems', { fallback: [], version: 1 });

/** A system of the learner's own agency on a host outside the catalog, e.g. an intranet SIMPEG. */
export interface InternalSystem {
  /** `internal-<host>`; stable while the host stays the same. */
  id: string;
  name: string;
  host: string;
}

export const internalSystems = storage.defineItem<InternalSystem[]>('local:internalSystems', {
  fallback: [],
  version: 1,
});

/** Frequency caps of automatic tips (core/caps.ts), editable in options. */
export const tipCaps = storage.defineItem<CapSettings>('local:tipCaps', { fallback: DEFAULT_CAPS, version: 1 });

/** Whether the first tip of a working day may offer today's lesson instead. */
export const dailyLessonCard = storage.defineItem<boolean>('local:dailyLessonCard', { fallback: true, version: 1 });

/** Tips dismissed with "Jangan tampilkan lagi": never shown again. */
export const tipsNever = storage.defineItem<string[]>('local:tipsNever', { fallback: [], version: 1 });

/** Systems where the learner chose "Jangan tampilkan di sistem ini" (visits are still counted). */
export const tipsOffSystems = storage.defineItem<string[]>('local:tipsOffSystems', { fallback: [], version: 1 });

/* Habits (core/streak.ts, core/reminder.ts): read together through lib/habits.ts. */

/** Lessons or reviews a day needs to meet the goal: 1–3. */
export const dailyGoal = storage.defineItem<number>('local:dailyGoal', { fallback: 1, version: 1 });

/** Weekends, holidays and leave do not break the streak (on), or only leave does (off). */
export const workingDayMode = storage.defineItem<boolean>('local:workingDayMode', { fallback: true, version: 1 });

/** 5 = Senin–Jumat, 6 = Senin–Sabtu. */
export const workWeek = storage.defineItem<WorkWeek>('local:workWeek', { fallback: 5, version: 1 });

/** Hour (0–6) the learner's day starts: a lesson at 01:30 counts for the evening before. */
export const rolloverHour = storage.defineItem<number>('local:rolloverHour', { fallback: 3, version: 1 });

/** The daily reminder: on/off, local time, quiet (badge only). */
export const reminder = storage.defineItem<ReminderSettings>('local:reminder', {
  fallback: DEFAULT_REMINDER,
  version: 1,
});

/** The learner's own leave (cuti, dinas luar, sakit): never breaks the streak. */
export const leaveDays = storage.defineItem<LeaveRange[]>('local:leaveDays', { fallback: [], version: 1 });

/**
 * The opaque id the xAPI export names the learner by (`account.name`, 32 hex
 * characters): random, made on first export, shown in options and resettable.
 * Null until then.
 */
export const xapiActor = storage.defineItem<string | null>('local:xapiActor', { fallback: null, version: 1 });
