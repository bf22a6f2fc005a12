/**
 * The learner's data, extension side: export to a backup file, import from
 * one ("gabungkan" or "ganti"), the xAPI export, and "Hapus semua data saya".
 * Decisions live in core/backup.ts and core/xapi.ts; this module reads and
 * writes the database and storage.
 *
 * Import is all-or-nothing: the records change in one Dexie transaction over
 * every table; the settings are written only after it committed, in one
 * storage call, and should that fail the records are put back as they were.
 */
import { browser } from 'wxt/browser';
import type { WxtStorageItem } from 'wxt/utils/storage';
import { storage } from 'wxt/utils/storage';
import {
  type BackupData,
  type BackupDocument,
  type BackupError,
  type BackupSettings,
  backupFileName,
  createBackup,
  type ImportMode,
  type ImportPlan,
  MAX_BACKUP_BYTES,
  type ParseResult,
  planImport,
  SETTING_NAMES,
  type SettingName,
} from '../core/backup';
import { type DayKey, dayKey } from '../core/day';
import type { LessonMeta } from '../core/lesson';
import type { LeaveRange } from '../core/workdays';
import { type LessonText, toXapiStatements, xapiFileName } from '../core/xapi';
// Vite's worker import: WXT defines `import.meta.url` for every bundle, which hides the
// `new Worker(new URL('./x', import.meta.url))` form from Vite; `?worker` bundles it all the same.
import BackupWorker from './backup.worker.ts?worker';
import {
  type BackupWorkCalls,
  type BackupWorkKind,
  type BackupWorkRequest,
  type BackupWorkResponse,
  handleBackupWork,
} from './backup-work';
import { todayKey } from './clock';
import type { LangkahDB } from './db';
import { completionSummaryCache } from './habits';
import type { Translator } from './i18n';
import { randomId } from './ids';
import { sendMessage } from './messaging';
import * as settings from './settings';
import { todayPickItem } from './today';
import { allVisits, putVisits } from './visits';

// biome-ignore lint/suspicious/noExplicitAny: items of every value type share this map
type AnyItem = WxtStorageItem<any, Record<string, unknown>>;

/**
 * Every setting of the backup format and the storage item it is kept in.
 * Typed by the format, so a setting added there must be mapped here; a unit
 * test checks every item in lib/settings.ts is here or is `leaveDays`.
 */
export const SETTING_ITEMS: { [K in SettingName]: WxtStorageItem<BackupSettings[K] | null, Record<string, unknown>> } =
  {
    uiLanguage: settings.uiLanguage,
    paused: settings.paused,
    disabledSystems: settings.disabledSystems,
    internalSystems: settings.internalSystems,
    tipCaps: settings.tipCaps,
    dailyLessonCard: settings.dailyLessonCard,
    tipsNever: settings.tipsNever,
    tipsOffSystems: settings.tipsOffSystems,
    dailyGoal: settings.dailyGoal,
    workingDayMode: settings.workingDayMode,
    workWeek: settings.workWeek,
    rolloverHour: settings.rolloverHour,
    reminder: settings.reminder,
    xapiActor: settings.xapiActor,
    rolePaths: settings.rolePaths,
  };

/** Caches derived from the records: dropped after an import, rebuilt on next use. */
const DERIVED_ITEMS: AnyItem[] = [todayPickItem, completionSummaryCache];

const items = () => SETTING_NAMES.map((name) => SETTING_ITEMS[name] as AnyItem);

/** The learner's local date (midnight rollover): the date in file names. */
export function localDate(now: number): string {
  return dayKey(now, { rolloverHour: 0 });
}

/* ------------------------------------------------------------------ reading */

async function readTables(db: LangkahDB): Promise<Omit<BackupData, 'leave' | 'settings'>> {
  const [completions, reviews, visits, tipLog] = await Promise.all([
    db.completions.toArray(),
    db.reviews.toArray(),
    allVisits(db),
    db.tipOffers.toArray(),
  ]);
  return { completions, reviews, visits, tipLog };
}

/** Settings the learner (or an import) has set; defaults are left out. */
async function readSetSettings(): Promise<{ settings: Partial<BackupSettings>; leave: LeaveRange[] }> {
  const keys = [...items().map((item) => item.key), settings.leaveDays.key];
  const values = await storage.getItems(keys);
  const out: Partial<BackupSettings> = {};
  let leave: LeaveRange[] = [];
  for (const { key, value } of values) {
    if (value === null || value === undefined) continue;
    if (key === settings.leaveDays.key) leave = value as LeaveRange[];
    else {
      const name = SETTING_NAMES.find((n) => SETTING_ITEMS[n].key === key);
      if (name) Object.assign(out, { [name]: value });
    }
  }
  return { settings: out, leave };
}

/** Everything, as the backup format holds it: records, leave, every setting's value (defaults included). */
export async function readAllData(db: LangkahDB): Promise<BackupData> {
  const [tables, values, leave] = await Promise.all([
    readTables(db),
    storage.getItems(items()),
    settings.leaveDays.getValue(),
  ]);
  const out: Partial<BackupSettings> = {};
  for (const [index, name] of SETTING_NAMES.entries()) {
    const value = values[index]?.value;
    if (value !== null && value !== undefined) Object.assign(out, { [name]: value });
  }
  return { ...tables, leave, settings: out };
}

/* ------------------------------------------------------------------ export */

export interface DownloadableFile {
  name: string;
  text: string;
}

/** The backup of everything on this device: `langkah-cadangan-YYYY-MM-DD.json`. */
export async function exportBackup(db: LangkahDB, now: number = Date.now()): Promise<DownloadableFile> {
  const backup = createBackup(await readAllData(db), new Date(now).toISOString());
  return { name: backupFileName(localDate(now)), text: `${JSON.stringify(backup, null, 2)}\n` };
}

/**
 * Offers `file` as a download through a Blob and an `<a download>` (no
 * `downloads` permission needed). Returns when the click was dispatched.
 */
export function downloadFile(file: DownloadableFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = file.name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the Blob only after the click returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/* ------------------------------------------------------------------ xAPI */

/** The learner's opaque xAPI id, made on first use. */
export async function getXapiActor(): Promise<string> {
  const current = await settings.xapiActor.getValue();
  if (current) return current;
  const fresh = randomId();
  await settings.xapiActor.setValue(fresh);
  return fresh;
}

/** A new opaque id: later exports can no longer be linked to earlier ones. */
export async function resetXapiActor(): Promise<string> {
  const fresh = randomId();
  await settings.xapiActor.setValue(fresh);
  return fresh;
}

/** Lesson names for the statements: the Indonesian title and summary, and an English framing of them. */
export function lessonTexts(
  lessons: readonly LessonMeta[],
  en: Translator,
): (lessonId: string) => LessonText | undefined {
  const byId = new Map(lessons.map((l) => [l.id, l]));
  return (lessonId) => {
    const lesson = byId.get(lessonId);
    if (!lesson) return undefined;
    const pillar = en.t(`pillar_${lesson.pillar.replace(/-/g, '_')}` as Parameters<Translator['t']>[0]);
    return {
      name: { 'id-ID': lesson.title, 'en-US': en.t('xapi_lessonName', lesson.title) },
      description: { 'id-ID': lesson.summary, 'en-US': en.t('xapi_lessonDescription', lesson.minutes, pillar) },
    };
  };
}

/** Completions and quiz results as xAPI 1.0.3 statements: `langkah-xapi-YYYY-MM-DD.json`. */
export async function exportXapi(
  db: LangkahDB,
  lessons: readonly LessonMeta[],
  en: Translator,
  now: number = Date.now(),
): Promise<DownloadableFile & { statements: number }> {
  const [completions, actorName] = await Promise.all([db.completions.toArray(), getXapiActor()]);
  const statements = await toXapiStatements(completions, { actorName, lessonText: lessonTexts(lessons, en) });
  return {
    name: xapiFileName(localDate(now)),
    text: `${JSON.stringify(statements, null, 2)}\n`,
    statements: statements.length,
  };
}

/* ------------------------------------------------------------------ import */

/* The worker that parses and plans (lib/backup.worker.ts): started on first use, kept for the page. */
let worker: Worker | undefined;
let nextId = 0;
const pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();

function startWorker(): Worker {
  const started = new BackupWorker({ name: 'langkah-cadangan' });
  started.onmessage = ({ data }: MessageEvent<BackupWorkResponse>) => {
    const call = pending.get(data.id);
    pending.delete(data.id);
    if (!call) return;
    if (data.ok) call.resolve(data.result as never);
    else call.reject(new Error(data.message));
  };
  // A worker that fails to load or dies (out of memory): every open request fails, the next one starts afresh.
  const fail = (message: string) => {
    if (worker === started) worker = undefined;
    started.terminate();
    for (const call of pending.values()) call.reject(new Error(message));
    pending.clear();
  };
  started.onerror = (event) => {
    event.preventDefault();
    fail(event.message || 'worker error');
  };
  started.onmessageerror = () => fail('worker message error');
  return started;
}

/**
 * Runs one request of lib/backup-work.ts in the backup worker, off the
 * page's main thread. Where a context has no `Worker` (unit tests in Node),
 * the same handler runs in place.
 */
export async function backupWork<K extends BackupWorkKind>(
  kind: K,
  args: BackupWorkCalls[K]['args'],
): Promise<BackupWorkCalls[K]['result']> {
  const id = ++nextId;
  const request = { id, kind, ...args } as BackupWorkRequest;
  if (typeof Worker === 'undefined') {
    const response = await handleBackupWork(request);
    if (!response.ok) throw new Error(response.message);
    return response.result as BackupWorkCalls[K]['result'];
  }
  worker ??= startWorker();
  const target = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve: resolve as (value: never) => void, reject });
    target.postMessage(request);
  });
}

/**
 * Reads a chosen file in the backup worker: refused by size before its text
 * is read, then parsed and validated against the learner's today (records
 * from the future are refused). A worker that fails is a refusal too
 * (`unreadable`), never an endless "Membaca berkas…".
 */
export async function readBackupFile(file: Blob, today?: DayKey): Promise<ParseResult> {
  if (file.size > MAX_BACKUP_BYTES)
    return { ok: false, error: { code: 'too-large', path: [], detail: String(file.size) } };
  const day = today ?? (await todayKey());
  try {
    return await backupWork('parse', { file, today: day });
  } catch (error) {
    return { ok: false, error: { code: 'unreadable', path: [], detail: errorMessage(error) } };
  }
}

const errorMessage = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function currentData(db: LangkahDB): Promise<BackupData> {
  const [tables, set] = await Promise.all([readTables(db), readSetSettings()]);
  return { ...tables, leave: set.leave, settings: set.settings };
}

/** What importing would change, for the learner to confirm: planned in the backup worker. */
export async function previewImport(db: LangkahDB, backup: BackupDocument, mode: ImportMode): Promise<ImportPlan> {
  return backupWork('plan', { current: await currentData(db), backup: backup.data, mode });
}

/** The test seam for a failing settings write (see `applyImport`). */
export interface ImportHooks {
  writeSettings?: (values: Record<string, unknown>, remove: string[]) => Promise<void>;
}

const storageKey = (item: AnyItem) => item.key.replace(/^local:/, '');

async function writeSettingsRaw(values: Record<string, unknown>, remove: string[]): Promise<void> {
  if (Object.keys(values).length) await browser.storage.local.set(values);
  if (remove.length) await browser.storage.local.remove(remove);
}

/**
 * Imports `backup`. The plan is made inside the transaction from what the
 * database holds at that moment (a visit counted since the preview is not
 * lost), and every table is written in that one transaction. Then the
 * settings and leave days, in one storage call; should that fail, the tables
 * are restored to their state before the import and the error is rethrown.
 * Finally the background redraws the badge and alarms. Returns the plan applied.
 */
export async function applyImport(
  db: LangkahDB,
  backup: BackupDocument,
  mode: ImportMode,
  hooks: ImportHooks = {},
): Promise<ImportPlan> {
  const set = await readSetSettings();
  const tables = [db.completions, db.reviews, db.visitDays, db.tipOffers, db.receipts];
  let before: Omit<BackupData, 'leave' | 'settings'> | undefined;
  const plan = await db.transaction('rw', tables, async () => {
    before = await readTables(db);
    const next = planImport({ ...before, leave: set.leave, settings: set.settings }, backup.data, mode);
    if (next.clear)
      await Promise.all([db.completions.clear(), db.reviews.clear(), db.visitDays.clear(), db.tipOffers.clear()]);
    await Promise.all([
      db.completions.bulkPut(next.writes.completions),
      db.reviews.bulkPut(next.writes.reviews),
      putVisits(db, next.writes.visits),
      db.tipOffers.bulkPut(next.writes.tipLog),
    ]);
    return next;
  });

  const values: Record<string, unknown> = {};
  for (const name of SETTING_NAMES) {
    const value = plan.setSettings[name];
    if (value !== undefined) values[storageKey(SETTING_ITEMS[name] as AnyItem)] = value;
  }
  values[storageKey(settings.leaveDays as AnyItem)] = plan.leave;
  const remove = [
    ...plan.resetSettings.map((name) => storageKey(SETTING_ITEMS[name] as AnyItem)),
    ...DERIVED_ITEMS.map(storageKey),
  ];
  const touched = [...Object.keys(values), ...remove];
  const previousSettings = (await browser.storage.local.get(touched)) as Record<string, unknown>;
  try {
    await (hooks.writeSettings ?? writeSettingsRaw)(values, remove);
  } catch (error) {
    // Back as before: the settings (whatever part was written) and the tables.
    await writeSettingsRaw(
      previousSettings,
      touched.filter((key) => !(key in previousSettings)),
    ).catch(() => undefined);
    const previous = before;
    if (previous) {
      await db.transaction('rw', tables, async () => {
        await Promise.all([db.completions.clear(), db.reviews.clear(), db.visitDays.clear(), db.tipOffers.clear()]);
        await Promise.all([
          db.completions.bulkPut(previous.completions),
          db.reviews.bulkPut(previous.reviews),
          putVisits(db, previous.visits),
          db.tipOffers.bulkPut(previous.tipLog),
        ]);
      });
    }
    throw error;
  }
  await sendMessage('dataImported', {}).catch((error: unknown) => {
    // The data is in; only the badge may lag until the background next redraws it.
    console.error('[langkah] badge refresh after import failed', error);
  });
  return plan;
}

/** "Hapus semua data saya": the background empties everything and starts over as freshly installed. */
export async function deleteAllData(): Promise<boolean> {
  return (await sendMessage('deleteAllData', { confirmed: true })).cleared;
}

/* ------------------------------------------------------------------ messages */

type Key = Parameters<Translator['t']>[0];

const TABLE_KEYS: Record<string, Key> = {
  completions: 'backup_table_completions',
  reviews: 'backup_table_reviews',
  visits: 'backup_table_visits',
  tipLog: 'backup_table_tipLog',
  leave: 'backup_table_leave',
  settings: 'backup_table_settings',
};

/** Where in the file, in words: "riwayat pelajaran, baris 4, kolom “day”". */
export function describeBackupPath(path: BackupError['path'], { t }: Translator): string {
  const [root, table, row, ...rest] = path;
  if (root !== 'data' || typeof table !== 'string') return path.length ? t('backup_where_field', path.join('.')) : '';
  const tableKey = TABLE_KEYS[table];
  const parts = [tableKey ? t(tableKey) : table];
  if (table === 'settings' && row !== undefined) parts.push(t('backup_where_field', String(row)));
  else {
    if (typeof row === 'number') parts.push(t('backup_where_row', row + 1));
    if (rest.length) parts.push(t('backup_where_field', rest.join('.')));
  }
  return parts.join(', ');
}

/** The learner-facing message for a refused file, naming what is wrong. */
export function backupErrorMessage(error: BackupError, i18n: Translator): string {
  const where = describeBackupPath(error.path, i18n);
  const { t, n } = i18n;
  switch (error.code) {
    case 'too-large':
      return t('backupError_too_large', n(Math.round(MAX_BACKUP_BYTES / 1024 / 1024)));
    case 'not-json':
      return t('backupError_not_json');
    case 'not-langkah':
      return t('backupError_not_langkah');
    case 'newer-version':
      return t('backupError_newer_version', error.detail ?? '');
    case 'forbidden-key':
      return t('backupError_forbidden_key', error.detail ?? '');
    case 'invalid-day':
      return t('backupError_invalid_day', where);
    case 'future-day':
      return t('backupError_future_day', where);
    case 'too-deep':
      return t('backupError_too_deep');
    case 'duplicate-id':
      return t('backupError_duplicate_id', where, error.detail ?? '');
    case 'unreadable':
      return t('backupError_unreadable', error.detail ?? '');
    default:
      return t('backupError_invalid_value', where);
  }
}
