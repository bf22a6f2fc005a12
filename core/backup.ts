/**
 * The learner's backup file ("cadangan"): one versioned JSON document with
 * every record and setting, its validator, and the two ways of importing it —
 * "gabungkan" (merge) and "ganti" (replace). Pure: the extension side
 * (lib/backup.ts) reads the database and storage, calls these, and writes.
 *
 * Version 1 of the format:
 *
 *   { "format": "langkah-cadangan", "version": 1, "exportedAt": "2026-11-28T09:15:00.000Z",
 *     "data": { "completions": […], "reviews": […], "visits": […], "tipLog": […],
 *               "leave": […], "settings": { "dailyGoal": 2, … } } }
 *
 * A reader accepts every version up to its own and refuses newer ones with a
 * message that says so; a later version of Langkah that changes the format
 * bumps `BACKUP_VERSION` and keeps reading version 1.
 */

import { parseHhMm } from './clock';
import { addDays, type DayKey, isDayKey } from './day';
import { parseHostInput } from './host-input';
import type { ReviewState } from './review';
import type { LeaveRange } from './workdays';
import { z } from './zod';

export const BACKUP_FORMAT = 'langkah-cadangan';
export const BACKUP_VERSION = 1;
/** Larger files are refused before they are read or parsed (20 MB; five heavy years are under 1 MB). */
export const MAX_BACKUP_BYTES = 20 * 1024 * 1024;
/** Keys refused anywhere in a file: they could reach an object's prototype when copied. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/* ------------------------------------------------------------------ records */

/** A completion as stored (lib/db.ts `Completion`). */
export interface BackupCompletion {
  id: string;
  lessonId: string;
  kind: 'lesson' | 'review';
  day: string;
  completedAt: number;
  utcOffset: number;
  correct: number;
  total: number;
  durationMs: number;
  /** Ids of the questions the run asked; absent before question pools. */
  questions?: string[];
}

/** A visit aggregate as stored (lib/db.ts `VisitDay`). */
export interface BackupVisit {
  day: string;
  systemId: string;
  views: number;
  firstSeen: number;
  lastSeen: number;
}

/** A tip offer as stored (lib/db.ts `TipLogEntry`). */
export interface BackupTip {
  offerId: string;
  day: string;
  tipId: string;
  systemId: string;
  at: number;
  action: 'learn' | 'later' | 'never' | 'system-off' | 'closed' | null;
}

/** Every preference (lib/settings.ts) except leave days, which travel as `data.leave`. */
export interface BackupSettings {
  uiLanguage: 'id' | 'en';
  paused: boolean;
  disabledSystems: string[];
  internalSystems: { id: string; name: string; host: string }[];
  tipCaps: {
    enabled: boolean;
    perSystemPerDay: number;
    perDay: number;
    minMinutesBetween: number;
    quietHours: { start: string; end: string } | null;
  };
  dailyLessonCard: boolean;
  tipsNever: string[];
  tipsOffSystems: string[];
  dailyGoal: number;
  workingDayMode: boolean;
  workWeek: 5 | 6;
  rolloverHour: number;
  reminder: { enabled: boolean; time: string; quiet: boolean };
  xapiActor: string;
  /** Role paths the learner chose (data/paths.yaml ids). */
  rolePaths: string[];
}

export type SettingName = keyof BackupSettings;

export interface BackupData {
  completions: BackupCompletion[];
  reviews: ReviewState[];
  visits: BackupVisit[];
  tipLog: BackupTip[];
  leave: LeaveRange[];
  /** Only the settings the file carries; a file from an older Langkah may lack newer ones. */
  settings: Partial<BackupSettings>;
}

export interface BackupDocument {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601 instant of the export. */
  exportedAt: string;
  data: BackupData;
}

/* ------------------------------------------------------------------ schema */

const DAY = 'day';
const HEX32 = /^[0-9a-f]{32}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const SYSTEM_ID = /^[a-z0-9][a-z0-9.:_-]{0,299}$/;
/** More leave ranges than a career of cuti, dinas luar and sakit could hold. */
export const MAX_LEAVE_RANGES = 1000;
/** Deepest nesting of arrays and objects a backup has (it needs 5); deeper is refused before parsing. */
export const MAX_NESTING = 32;
/** 2100-01-01: a later instant is not a real record. */
const MAX_INSTANT = 4_102_444_800_000;
/** Longest duration a completion can carry (lib/completions.ts caps what it stores at 6 h). */
const MAX_DURATION_MS = 6 * 3_600_000;

const int = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));
const instant = () => int(0, MAX_INSTANT);
const text = (max: number) => z.string().check(z.minLength(1), z.maxLength(max));
const pattern = (re: RegExp) => z.string().check(z.regex(re));
// A marked message lets the validator tell "a date that does not exist" from other bad values.
const dayKey = () => z.string().check(z.refine((v) => isDayKey(v), DAY));
// The one HH:MM parser (core/clock.ts).
const hhmm = () => z.string().check(z.refine((v) => !Number.isNaN(parseHhMm(v))));
const finite = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));

const completionSchema = z
  .object({
    id: pattern(HEX32),
    lessonId: pattern(SLUG),
    kind: z.enum(['lesson', 'review']),
    day: dayKey(),
    completedAt: instant(),
    utcOffset: int(-720, 840),
    correct: int(0, 10),
    total: int(1, 10),
    durationMs: int(0, MAX_DURATION_MS),
    questions: z.optional(z.array(pattern(/^[0-9a-f]{10}$/)).check(z.maxLength(10))),
  })
  .check(
    z.superRefine((c, ctx) => {
      if (c.correct > c.total) ctx.issues.push({ code: 'custom', message: 'range', input: c, path: ['correct'] });
    }),
  );

const visitSchema = z
  .object({
    day: dayKey(),
    systemId: pattern(SYSTEM_ID),
    views: int(1, 1_000_000),
    firstSeen: instant(),
    lastSeen: instant(),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.firstSeen > v.lastSeen) ctx.issues.push({ code: 'custom', message: 'range', input: v, path: ['lastSeen'] });
    }),
  );

const reviewSchema = z.object({
  lessonId: pattern(SLUG),
  due: instant(),
  card: z.object({
    due: instant(),
    stability: finite(0, 1e6),
    difficulty: finite(0, 10),
    scheduledDays: int(0, 36_500),
    reps: int(0, 100_000),
    lapses: int(0, 100_000),
    state: int(0, 3),
    lastReview: z.nullable(instant()),
  }),
});

const tipSchema = z.object({
  offerId: pattern(HEX32),
  day: dayKey(),
  tipId: text(200),
  systemId: pattern(SYSTEM_ID),
  at: instant(),
  action: z.nullable(z.enum(['learn', 'later', 'never', 'system-off', 'closed'])),
});

const leaveSchema = z.object({ start: dayKey(), end: dayKey(), kind: z.enum(['cuti', 'dinas-luar', 'sakit']) }).check(
  z.superRefine((r, ctx) => {
    if (isDayKey(r.start) && isDayKey(r.end) && r.start > r.end)
      ctx.issues.push({ code: 'custom', message: 'range', input: r, path: ['end'] });
  }),
);

const idList = z.array(pattern(SYSTEM_ID)).check(z.maxLength(1000));

/** One schema per setting: the same ranges the options page allows. */
export const SETTING_SCHEMAS = {
  uiLanguage: z.enum(['id', 'en']),
  paused: z.boolean(),
  disabledSystems: idList,
  internalSystems: z
    .array(
      z.object({ id: pattern(SYSTEM_ID), name: text(60), host: text(253) }).check(
        // The options page's own parser, and the id it derives: a file cannot
        // rename a catalog system (SIASN) or register a pattern that breaks injection.
        z.refine((s) => {
          const parsed = parseHostInput(s.host);
          return parsed.ok && parsed.host === s.host && s.id === `internal-${s.host}`;
        }),
      ),
    )
    .check(z.maxLength(100)),
  tipCaps: z.object({
    enabled: z.boolean(),
    perSystemPerDay: int(1, 5),
    perDay: int(1, 10),
    minMinutesBetween: int(0, 480),
    quietHours: z.nullable(z.object({ start: hhmm(), end: hhmm() })),
  }),
  dailyLessonCard: z.boolean(),
  tipsNever: z.array(text(200)).check(z.maxLength(10_000)),
  tipsOffSystems: idList,
  dailyGoal: int(1, 3),
  workingDayMode: z.boolean(),
  workWeek: z.union([z.literal(5), z.literal(6)]),
  rolloverHour: int(0, 6),
  reminder: z.object({ enabled: z.boolean(), time: hhmm(), quiet: z.boolean() }),
  xapiActor: pattern(HEX32),
  rolePaths: z.array(pattern(SYSTEM_ID)).check(z.minLength(1), z.maxLength(20)),
} satisfies { [K in SettingName]: z.ZodMiniType<BackupSettings[K]> };

/** Every setting name the format knows, in a stable order. */
export const SETTING_NAMES = Object.keys(SETTING_SCHEMAS) as SettingName[];

const documentSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  data: z.object({
    completions: z.array(completionSchema),
    reviews: z.array(reviewSchema),
    visits: z.array(visitSchema),
    tipLog: z.array(tipSchema),
    leave: z.array(leaveSchema).check(z.maxLength(MAX_LEAVE_RANGES)),
    settings: z.partial(z.object(SETTING_SCHEMAS)),
  }),
});

/* ------------------------------------------------------------------ validation */

export type BackupErrorCode =
  | 'too-large'
  | 'not-json'
  | 'forbidden-key'
  | 'not-langkah'
  | 'newer-version'
  | 'invalid-value'
  | 'invalid-day'
  | 'future-day'
  | 'too-deep'
  | 'duplicate-id'
  /** The file could not be read to the end (the reader failed, e.g. out of memory); set by the shell. */
  | 'unreadable';

/** What is wrong with a file, for a message that names it (lib/backup.ts `backupErrorMessage`). */
export interface BackupError {
  code: BackupErrorCode;
  /** Where in the document, e.g. `['data', 'completions', 3, 'day']`; empty for the file as a whole. */
  path: (string | number)[];
  /** The offending key, id, version or size, when there is one. */
  detail?: string;
}

export type ParseResult = { ok: true; backup: BackupDocument } | { ok: false; error: BackupError };

const fail = (code: BackupErrorCode, path: (string | number)[] = [], detail?: string): ParseResult => ({
  ok: false,
  error: detail === undefined ? { code, path } : { code, path, detail },
});

/** UTF-8 length of a string, without encoding it. */
export function utf8Length(value: string): number {
  let bytes = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function duplicate<T>(rows: readonly T[], key: (row: T) => string): { index: number; id: string } | null {
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const id = key(row);
    if (seen.has(id)) return { index, id };
    seen.add(id);
  }
  return null;
}

/**
 * How deeply arrays and objects nest in JSON text, counted by one pass over
 * the characters (strings skipped) and stopped as soon as it passes `limit`.
 * @example nestingDepth('{"a":[1,[2]]}') // 3
 */
export function nestingDepth(source: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return deepest;
}

/**
 * The first pair of leave ranges that overlap, by sorting on start: O(n log n).
 * Returns the index (in `ranges`) of the later-starting one, or -1.
 */
export function firstLeaveOverlap(ranges: readonly LeaveRange[]): number {
  const order = ranges.map((_, i) => i).sort((a, b) => byKey(ranges[a]?.start ?? '', ranges[b]?.start ?? '') || a - b);
  let reach = '';
  for (const i of order) {
    const range = ranges[i] as LeaveRange;
    if (reach !== '' && range.start <= reach) return i;
    if (range.end > reach) reach = range.end;
  }
  return -1;
}

/**
 * Reads a backup file's text. Checks, in order, so each file gets the one
 * message that fits it best: size (before parsing), JSON, forbidden keys
 * (`__proto__`, `constructor`, `prototype` — dropped by the parser's reviver
 * before any object holds them, then refused), the format name, the version,
 * every value's type and range, dates that exist, unique ids.
 * Nesting deeper than a backup has is refused before parsing; a record dated
 * more than one day after `today` (a clock set ahead, a crafted file) is
 * refused, so no stored day from the future is ever taken for "today".
 * @param sizeBytes the file's size when known (a `File`'s `size`); else the text's UTF-8 length.
 * @param today the learner's day key now; without it, dates are not compared with today.
 * @example parseBackup('{"format":"other"}') // { ok: false, error: { code: 'not-langkah', path: [] } }
 */
export function parseBackup(source: string, sizeBytes?: number, today?: DayKey): ParseResult {
  const size = sizeBytes ?? (source.length * 3 <= MAX_BACKUP_BYTES ? source.length : utf8Length(source));
  if (size > MAX_BACKUP_BYTES) return fail('too-large', [], String(size));
  if (nestingDepth(source, MAX_NESTING) > MAX_NESTING) return fail('too-deep');

  let forbidden: string | undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(source, (key, value) => {
      if (FORBIDDEN_KEYS.includes(key)) {
        forbidden ??= key;
        return undefined; // removed from its holder at once
      }
      return value;
    });
  } catch {
    return fail('not-json');
  }
  if (forbidden !== undefined) return fail('forbidden-key', [], forbidden);

  if (!isPlainObject(raw) || raw.format !== BACKUP_FORMAT) return fail('not-langkah');
  const { version } = raw;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
    return fail('invalid-value', ['version']);
  if (version > BACKUP_VERSION) return fail('newer-version', ['version'], String(version));

  const parsed = documentSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = (issue?.path ?? []).filter((p): p is string | number => typeof p !== 'symbol');
    return fail(issue?.message === DAY ? 'invalid-day' : 'invalid-value', path);
  }
  const backup = parsed.data as BackupDocument;
  const { data } = backup;
  const checks: [string, { index: number; id: string } | null][] = [
    ['completions', duplicate(data.completions, (c) => c.id)],
    ['reviews', duplicate(data.reviews, (r) => r.lessonId)],
    ['visits', duplicate(data.visits, (v) => `${v.day}+${v.systemId}`)],
    ['tipLog', duplicate(data.tipLog, (t) => t.offerId)],
  ];
  for (const [table, dup] of checks) if (dup) return fail('duplicate-id', ['data', table, dup.index], dup.id);
  const overlap = firstLeaveOverlap(data.leave);
  if (overlap >= 0) return fail('invalid-value', ['data', 'leave', overlap]);
  if (today !== undefined && isDayKey(today)) {
    const latest = addDays(today, 1);
    const dated: [string, readonly { day: DayKey }[]][] = [
      ['completions', data.completions],
      ['visits', data.visits],
      ['tipLog', data.tipLog],
    ];
    for (const [table, rows] of dated) {
      const index = rows.findIndex((row) => row.day > latest);
      if (index >= 0) return fail('future-day', ['data', table, index, 'day']);
    }
  }
  return { ok: true, backup };
}

/** Index of the first range in `sorted` (by start) that starts after `day`. */
function firstStartAfter(sorted: readonly LeaveRange[], day: DayKey): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as LeaveRange).start <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/* ------------------------------------------------------------------ export */

const byKey = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The backup document of `data`, records in a stable order (so two exports of
 * the same data are byte-identical apart from `exportedAt`).
 */
export function createBackup(data: BackupData, exportedAt: string): BackupDocument {
  const settings: Partial<BackupSettings> = {};
  for (const name of SETTING_NAMES) {
    if (data.settings[name] !== undefined) Object.assign(settings, { [name]: data.settings[name] });
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt,
    data: {
      completions: [...data.completions].sort((a, b) => a.completedAt - b.completedAt || byKey(a.id, b.id)),
      reviews: [...data.reviews].sort((a, b) => byKey(a.lessonId, b.lessonId)),
      visits: [...data.visits].sort((a, b) => byKey(a.day, b.day) || byKey(a.systemId, b.systemId)),
      tipLog: [...data.tipLog].sort((a, b) => a.at - b.at || byKey(a.offerId, b.offerId)),
      leave: [...data.leave].sort((a, b) => byKey(a.start, b.start)),
      settings,
    },
  };
}

/** `langkah-cadangan-YYYY-MM-DD.json` for the learner's local date. */
export function backupFileName(localDay: string): string {
  return `${BACKUP_FORMAT}-${localDay}.json`;
}

/* ------------------------------------------------------------------ import */

/** "gabungkan": add what is new, double-count nothing. "ganti": the file becomes the data. */
export type ImportMode = 'gabungkan' | 'ganti';

export interface TableChange {
  added: number;
  updated: number;
  unchanged: number;
  /** Records that go away ("ganti" only). */
  removed: number;
  /** Records of the file left out (leave overlapping a range already there). */
  skipped: number;
}

export interface ImportPlan {
  mode: ImportMode;
  /** Empty the tables first ("ganti"). */
  clear: boolean;
  /** Records to write (put): all of them for "ganti", only new or changed ones for "gabungkan". */
  writes: Pick<BackupData, 'completions' | 'reviews' | 'visits' | 'tipLog'>;
  /** The leave list afterwards. */
  leave: LeaveRange[];
  /** Settings to write. */
  setSettings: Partial<BackupSettings>;
  /** Settings to reset to their defaults ("ganti": those the file does not carry). */
  resetSettings: SettingName[];
  summary: {
    completions: TableChange;
    reviews: TableChange;
    visits: TableChange;
    tipLog: TableChange;
    leave: TableChange;
    /** Settings whose stored value changes. */
    settings: SettingName[];
  };
}

const change = (): TableChange => ({ added: 0, updated: 0, unchanged: 0, removed: 0, skipped: 0 });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Merges one table: `combine(current, incoming)` returns the record to keep
 * when both have the key. Returns the records to write and the counts.
 */
function mergeTable<T>(
  current: readonly T[],
  incoming: readonly T[],
  key: (row: T) => string,
  combine: (current: T, incoming: T) => T,
): { writes: T[]; change: TableChange } {
  const byId = new Map(current.map((row) => [key(row), row]));
  const result = change();
  const writes: T[] = [];
  for (const row of incoming) {
    const existing = byId.get(key(row));
    if (!existing) {
      writes.push(row);
      byId.set(key(row), row);
      result.added++;
      continue;
    }
    const kept = combine(existing, row);
    if (same(kept, existing)) result.unchanged++;
    else {
      writes.push(kept);
      byId.set(key(row), kept);
      result.updated++;
    }
  }
  return { writes, change: result };
}

/** Replaces one table: counts what is added, changed, the same and gone. */
function replaceTable<T>(current: readonly T[], incoming: readonly T[], key: (row: T) => string): TableChange {
  const byId = new Map(current.map((row) => [key(row), row]));
  const result = change();
  for (const row of incoming) {
    const existing = byId.get(key(row));
    if (!existing) result.added++;
    else if (same(existing, row)) result.unchanged++;
    else result.updated++;
    byId.delete(key(row));
  }
  result.removed = byId.size;
  return result;
}

const completionKey = (c: BackupCompletion) => c.id;
const reviewKey = (r: ReviewState) => r.lessonId;
const visitKey = (v: BackupVisit) => `${v.day}+${v.systemId}`;
const tipKey = (t: BackupTip) => t.offerId;
const leaveKey = (r: LeaveRange) => `${r.start}/${r.end}/${r.kind}`;

/**
 * Visits of one system on one day, from two copies: the larger count, the
 * earliest first and latest last view. Both copies count the same page views
 * (a backup is a snapshot of this same counter), so adding them would count
 * a view twice, and importing the same file twice would double every day;
 * the maximum is idempotent — the same file twice changes nothing — and never
 * loses views the device counted after the backup. (Two browsers used on the
 * same day are undercounted rather than overcounted: counts are a guide, not a score.)
 */
export function combineVisits(current: BackupVisit, incoming: BackupVisit): BackupVisit {
  return {
    ...current,
    views: Math.max(current.views, incoming.views),
    firstSeen: Math.min(current.firstSeen, incoming.firstSeen),
    lastSeen: Math.max(current.lastSeen, incoming.lastSeen),
  };
}

/** The review state answered more recently wins; on a tie the device's own. */
export function combineReviews(current: ReviewState, incoming: ReviewState): ReviewState {
  return (incoming.card.lastReview ?? -1) > (current.card.lastReview ?? -1) ? incoming : current;
}

/** A tip offer is the same event on both sides; the learner's answer, when only the file has it, is kept. */
export function combineTips(current: BackupTip, incoming: BackupTip): BackupTip {
  return current.action === null && incoming.action !== null ? { ...current, action: incoming.action } : current;
}

/** What the device holds now. `settings`: only those the learner has set (not defaults). */
export type CurrentData = BackupData;

/**
 * What importing `backup` into `current` does, without doing it.
 *
 * "gabungkan": completions by id (a completion is an event: kept once);
 * visits per day and system by `combineVisits`; reviews per lesson by the
 * later state; tip offers by id; leave ranges added unless they overlap one
 * already there; settings only where the learner has none of their own.
 * Importing the same file twice changes nothing the second time.
 *
 * "ganti": every table and setting becomes the file's; settings the file
 * does not carry go back to their defaults.
 */
export function planImport(current: CurrentData, backup: BackupData, mode: ImportMode): ImportPlan {
  if (mode === 'ganti') {
    const setSettings: Partial<BackupSettings> = {};
    const changed: SettingName[] = [];
    for (const name of SETTING_NAMES) {
      const value = backup.settings[name];
      if (value !== undefined) Object.assign(setSettings, { [name]: value });
      if (!same(value, current.settings[name])) changed.push(name);
    }
    return {
      mode,
      clear: true,
      writes: {
        completions: backup.completions,
        reviews: backup.reviews,
        visits: backup.visits,
        tipLog: backup.tipLog,
      },
      leave: backup.leave,
      setSettings,
      resetSettings: SETTING_NAMES.filter((name) => backup.settings[name] === undefined),
      summary: {
        completions: replaceTable(current.completions, backup.completions, completionKey),
        reviews: replaceTable(current.reviews, backup.reviews, reviewKey),
        visits: replaceTable(current.visits, backup.visits, visitKey),
        tipLog: replaceTable(current.tipLog, backup.tipLog, tipKey),
        leave: replaceTable(current.leave, backup.leave, leaveKey),
        settings: changed,
      },
    };
  }

  const completions = mergeTable(current.completions, backup.completions, completionKey, (kept) => kept);
  const reviews = mergeTable(current.reviews, backup.reviews, reviewKey, combineReviews);
  const visits = mergeTable(current.visits, backup.visits, visitKey, combineVisits);
  const tipLog = mergeTable(current.tipLog, backup.tipLog, tipKey, combineTips);

  // Kept sorted by start: each range of the file is placed by binary search (O(n log n) comparisons).
  const leave = [...current.leave].sort((a, b) => byKey(a.start, b.start));
  const keys = new Set(leave.map(leaveKey));
  const leaveChange = change();
  for (const range of backup.leave) {
    if (keys.has(leaveKey(range))) {
      leaveChange.unchanged++;
      continue;
    }
    const at = firstStartAfter(leave, range.end);
    // Non-overlapping and sorted: only the range before `at` can reach into this one.
    const before = leave[at - 1];
    if (before && before.end >= range.start) leaveChange.skipped++;
    else {
      leave.splice(at, 0, range);
      keys.add(leaveKey(range));
      leaveChange.added++;
    }
  }

  const setSettings: Partial<BackupSettings> = {};
  for (const name of SETTING_NAMES) {
    const value = backup.settings[name];
    if (value !== undefined && current.settings[name] === undefined) Object.assign(setSettings, { [name]: value });
  }
  return {
    mode,
    clear: false,
    writes: {
      completions: completions.writes,
      reviews: reviews.writes,
      visits: visits.writes,
      tipLog: tipLog.writes,
    },
    leave,
    setSettings,
    resetSettings: [],
    summary: {
      completions: completions.change,
      reviews: reviews.change,
      visits: visits.change,
      tipLog: tipLog.change,
      leave: leaveChange,
      settings: Object.keys(setSettings) as SettingName[],
    },
  };
}

/** The data after applying `plan` to `current` (what lib/backup.ts writes, as one value; used by tests). */
export function applyPlan(current: CurrentData, plan: ImportPlan): CurrentData {
  const put = <T>(rows: readonly T[], writes: readonly T[], key: (row: T) => string) => {
    const byId = new Map(plan.clear ? [] : rows.map((row) => [key(row), row]));
    for (const row of writes) byId.set(key(row), row);
    return [...byId.values()];
  };
  const settings: Partial<BackupSettings> = { ...current.settings, ...plan.setSettings };
  for (const name of plan.resetSettings) delete settings[name];
  return {
    completions: put(current.completions, plan.writes.completions, completionKey),
    reviews: put(current.reviews, plan.writes.reviews, reviewKey),
    visits: put(current.visits, plan.writes.visits, visitKey),
    tipLog: put(current.tipLog, plan.writes.tipLog, tipKey),
    leave: plan.leave,
    settings,
  };
}
