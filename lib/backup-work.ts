/**
 * The heavy part of importing a backup — reading the file's text, parsing and
 * validating it, planning the merge — as requests a Web Worker answers
 * (lib/backup.worker.ts), so a 10 MB file never freezes the options page.
 * One typed contract for both sides; the work itself is core/backup.ts.
 *
 * This module imports nothing of the extension shell (no `browser`, no
 * storage, no database): the worker has none of them. The page reads the
 * learner's today and current data and sends them along.
 */
import {
  type BackupData,
  type CurrentData,
  type ImportMode,
  type ImportPlan,
  MAX_BACKUP_BYTES,
  type ParseResult,
  parseBackup,
  planImport,
} from '../core/backup';
import type { DayKey } from '../core/day';

/** Each request kind, what it carries and what it answers. */
export interface BackupWorkCalls {
  /** Read, parse and validate a chosen file against the learner's today. */
  parse: { args: { file: Blob; today?: DayKey }; result: ParseResult };
  /** What importing would change (core/backup.ts `planImport`). */
  plan: { args: { current: CurrentData; backup: BackupData; mode: ImportMode }; result: ImportPlan };
}
export type BackupWorkKind = keyof BackupWorkCalls;

export type BackupWorkRequest = {
  [K in BackupWorkKind]: { id: number; kind: K } & BackupWorkCalls[K]['args'];
}[BackupWorkKind];

/** The answer to request `id`: its result, or the message of what was thrown. */
export type BackupWorkResponse =
  | { [K in BackupWorkKind]: { id: number; kind: K; ok: true; result: BackupWorkCalls[K]['result'] } }[BackupWorkKind]
  | { id: number; kind: BackupWorkKind; ok: false; message: string };

/**
 * Reads a chosen file: refused by size before its text is read, then parsed
 * and validated (records dated after `today` are refused).
 */
export async function readBackupBlob(file: Blob, today?: DayKey): Promise<ParseResult> {
  if (file.size > MAX_BACKUP_BYTES)
    return { ok: false, error: { code: 'too-large', path: [], detail: String(file.size) } };
  return parseBackup(await file.text(), file.size, today);
}

/** Answers one request; never throws (a failure is an answer with `ok: false`). */
export async function handleBackupWork(request: BackupWorkRequest): Promise<BackupWorkResponse> {
  const { id, kind } = request;
  try {
    switch (request.kind) {
      case 'parse':
        return { id, kind: 'parse', ok: true, result: await readBackupBlob(request.file, request.today) };
      case 'plan':
        return { id, kind: 'plan', ok: true, result: planImport(request.current, request.backup, request.mode) };
    }
  } catch (error) {
    return { id, kind, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
