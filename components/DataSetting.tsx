import { useRef, useState } from 'preact/hooks';
import type { BackupDocument, ImportMode, ImportPlan, TableChange } from '../core/backup';
import { getDb } from '../lib/db';
import { loadTranslator, type MessageKey } from '../lib/i18n';
import { xapiActor } from '../lib/settings';
import { useStorageItem } from '../lib/useStorageItem';
import { useT } from './I18n';

type Notice = { kind: 'ok' | 'error'; text: string } | null;

const TABLES = ['completions', 'visits', 'reviews', 'tipLog', 'leave'] as const;

const TABLE_NAMES = {
  completions: 'backup_table_completions',
  visits: 'backup_table_visits',
  reviews: 'backup_table_reviews',
  tipLog: 'backup_table_tipLog',
  leave: 'backup_table_leave',
} satisfies Record<string, MessageKey>;

/** Backup, restore, xAPI and deletion, with their validator (zod): loaded when the learner first uses one. */
const loadBackup = () => import('../lib/backup');

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A line that reports the outcome of the last action: announced politely, or as an alert when it failed. */
function NoticeLine({ notice, testId }: { notice: Notice; testId: string }) {
  return notice?.kind === 'error' ? (
    <p role="alert" class="error" data-testid={testId}>
      {notice.text}
    </p>
  ) : (
    <p aria-live="polite" data-testid={testId}>
      {notice?.text ?? ''}
    </p>
  );
}

/**
 * "Data Anda" in options: download a backup, restore one (gabungkan or
 * ganti, with a summary of what will change before anything does), the xAPI
 * export with the learner's opaque code, and "Hapus semua data saya" behind a
 * typed confirmation.
 */
export function DataSetting() {
  const i18n = useT();
  const { t, n } = i18n;
  const actor = useStorageItem(xapiActor);
  const fileInput = useRef<HTMLInputElement>(null);
  const [exportNotice, setExportNotice] = useState<Notice>(null);
  const [mode, setMode] = useState<ImportMode>('gabungkan');
  const [backup, setBackup] = useState<BackupDocument | null>(null);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [importNotice, setImportNotice] = useState<Notice>(null);
  const [busy, setBusy] = useState(false);
  const [xapiNotice, setXapiNotice] = useState<Notice>(null);
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState('');
  const [deleteNotice, setDeleteNotice] = useState<Notice>(null);

  const downloadBackup = async () => {
    try {
      const { downloadFile, exportBackup } = await loadBackup();
      const file = await exportBackup(getDb());
      downloadFile(file);
      setExportNotice({ kind: 'ok', text: t('options_data_exported', file.name) });
    } catch (error) {
      setExportNotice({ kind: 'error', text: errorText(error) });
    }
  };

  // The file is read and planned in a worker while the page stays usable: the
  // learner may switch the mode or choose another file meanwhile. The latest
  // choice wins; an answer for an earlier one is dropped.
  const modeNow = useRef<ImportMode>(mode);
  const choice = useRef(0);

  const preview = async (doc: BackupDocument, nextMode: ImportMode, token: number) => {
    const { previewImport } = await loadBackup();
    const next = await previewImport(getDb(), doc, nextMode);
    if (token === choice.current && nextMode === modeNow.current) setPlan(next);
  };

  const chooseFile = async (file: File | undefined) => {
    const token = ++choice.current;
    setBackup(null);
    setPlan(null);
    if (!file) return setImportNotice(null);
    setImportNotice({ kind: 'ok', text: t('options_data_reading') });
    const { backupErrorMessage, readBackupFile } = await loadBackup();
    const result = await readBackupFile(file);
    if (token !== choice.current) return;
    if (!result.ok) return setImportNotice({ kind: 'error', text: backupErrorMessage(result.error, i18n) });
    setBackup(result.backup);
    setImportNotice(null);
    await preview(result.backup, modeNow.current, token).catch((error: unknown) => planFailed(error, token));
  };

  /** The plan could not be made (the worker failed): said as a file that could not be read. */
  const planFailed = async (error: unknown, token: number) => {
    const { backupErrorMessage } = await loadBackup();
    if (token !== choice.current) return;
    setBackup(null);
    setPlan(null);
    setImportNotice({
      kind: 'error',
      text: backupErrorMessage({ code: 'unreadable', path: [], detail: errorText(error) }, i18n),
    });
  };

  const chooseMode = (next: ImportMode) => {
    setMode(next);
    modeNow.current = next;
    const token = choice.current;
    if (backup) void preview(backup, next, token).catch((error: unknown) => planFailed(error, token));
  };

  const cancelImport = () => {
    choice.current++;
    setBackup(null);
    setPlan(null);
    setImportNotice(null);
    if (fileInput.current) fileInput.current.value = '';
  };

  const restore = async () => {
    if (!backup) return;
    setBusy(true);
    try {
      const { applyImport } = await loadBackup();
      await applyImport(getDb(), backup, mode);
      cancelImport();
      setImportNotice({ kind: 'ok', text: t('options_data_imported') });
    } catch (error) {
      setImportNotice({ kind: 'error', text: t('options_data_importFailed', errorText(error)) });
    } finally {
      setBusy(false);
    }
  };

  const downloadXapi = async () => {
    try {
      // The lesson index only for this export: options does not load it at open.
      const [{ downloadFile, exportXapi }, { default: lessonIndex }] = await Promise.all([
        loadBackup(),
        import('virtual:langkah/lesson-index'),
      ]);
      const file = await exportXapi(getDb(), lessonIndex, await loadTranslator('en'));
      downloadFile(file);
      setXapiNotice({ kind: 'ok', text: t('options_data_xapiExported', file.name, n(file.statements)) });
    } catch (error) {
      setXapiNotice({ kind: 'error', text: errorText(error) });
    }
  };

  const newXapiCode = async () => {
    const { resetXapiActor } = await loadBackup();
    await resetXapiActor();
    setXapiNotice({ kind: 'ok', text: t('options_data_xapiResetDone') });
  };

  const word = t('options_data_deleteWord');
  const confirmed = typed.trim().toLocaleUpperCase() === word.toLocaleUpperCase();
  const deleteEverything = async (event: Event) => {
    event.preventDefault();
    if (!confirmed) return;
    setBusy(true);
    try {
      const { deleteAllData } = await loadBackup();
      await deleteAllData();
      setConfirming(false);
      setTyped('');
      cancelImport();
      setDeleteNotice({ kind: 'ok', text: t('options_data_deleted') });
    } catch (error) {
      setDeleteNotice({ kind: 'error', text: t('options_data_deleteFailed', errorText(error)) });
    } finally {
      setBusy(false);
    }
  };

  const changeLine = (name: string, c: TableChange) =>
    [
      t('options_data_summaryRow', capitalized(name), n(c.added), n(c.updated), n(c.unchanged)),
      c.removed ? t('options_data_summaryRemoved', n(c.removed)) : '',
      c.skipped ? t('options_data_summarySkipped', n(c.skipped)) : '',
    ]
      .filter(Boolean)
      .join('; ');

  return (
    <section aria-labelledby="data-title" class="settings-section" data-testid="data-settings">
      <h2 id="data-title">{t('options_data_title')}</h2>
      <p class="muted">{t('options_data_intro')}</p>
      <p>
        <a href="/data.html" data-testid="data-page-link">
          {t('options_data_learnMore')}
        </a>
      </p>
      <h3>{t('options_data_exportTitle')}</h3>
      <button type="button" data-testid="data-export" onClick={() => void downloadBackup()}>
        {t('options_data_export')}
      </button>
      <NoticeLine notice={exportNotice} testId="data-export-status" />
      <h3>{t('options_data_importTitle')}</h3>
      <div class="field field-stack">
        <label for="data-import-file">{t('options_data_importFile')}</label>
        <input
          ref={fileInput}
          id="data-import-file"
          type="file"
          accept=".json,application/json"
          data-testid="data-import-file"
          onChange={(e) => void chooseFile(e.currentTarget.files?.[0])}
        />
      </div>
      <fieldset class="choice-group">
        <legend>{t('options_data_mode')}</legend>
        {(['gabungkan', 'ganti'] as const).map((m) => (
          <label key={m} class="switch">
            <input
              type="radio"
              name="data-import-mode"
              value={m}
              data-testid={`data-import-mode-${m}`}
              checked={mode === m}
              onChange={() => chooseMode(m)}
            />
            {t(m === 'gabungkan' ? 'options_data_mode_gabungkan' : 'options_data_mode_ganti')}
          </label>
        ))}
      </fieldset>
      {plan && (
        <div class="notice" data-testid="data-import-summary" data-mode={plan.mode}>
          <h4>{t('options_data_previewTitle')}</h4>
          <ul>
            {TABLES.map((table) => (
              <li key={table} data-testid="data-import-change" data-table={table}>
                {changeLine(t(TABLE_NAMES[table]), plan.summary[table])}
              </li>
            ))}
            <li>
              {plan.summary.settings.length
                ? t('options_data_summarySettings', n(plan.summary.settings.length))
                : t('options_data_summaryNoSettings')}
            </li>
          </ul>
          <button type="button" data-testid="data-import-apply" disabled={busy} onClick={() => void restore()}>
            {t('options_data_apply')}
          </button>{' '}
          <button type="button" class="secondary" onClick={cancelImport}>
            {t('options_data_cancel')}
          </button>
        </div>
      )}
      <NoticeLine notice={importNotice} testId="data-import-status" />
      <h3>{t('options_data_xapiTitle')}</h3>
      <p class="muted">{t('options_data_xapiIntro')}</p>
      <p>
        {t('options_data_xapiId')}: <code data-testid="xapi-actor">{actor ?? t('options_data_xapiNoId')}</code>
      </p>
      <button type="button" data-testid="xapi-export" onClick={() => void downloadXapi()}>
        {t('options_data_xapiExport')}
      </button>{' '}
      {actor && (
        <button type="button" class="secondary" data-testid="xapi-reset" onClick={() => void newXapiCode()}>
          {t('options_data_xapiReset')}
        </button>
      )}
      <NoticeLine notice={xapiNotice} testId="xapi-status" />
      <h3>{t('options_data_deleteTitle')}</h3>
      <p class="muted">{t('options_data_deleteIntro')}</p>
      {confirming ? (
        <form onSubmit={(e) => void deleteEverything(e)} noValidate>
          <div class="field field-stack">
            <label for="data-delete-word">{t('options_data_deleteConfirmLabel', word)}</label>
            <input
              id="data-delete-word"
              data-testid="data-delete-word"
              value={typed}
              autoComplete="off"
              spellcheck={false}
              onInput={(e) => setTyped(e.currentTarget.value)}
            />
          </div>
          <button type="submit" data-testid="data-delete-confirm" disabled={!confirmed || busy}>
            {t('options_data_deleteConfirm')}
          </button>{' '}
          <button type="button" class="secondary" onClick={() => setConfirming(false)}>
            {t('options_data_cancel')}
          </button>
        </form>
      ) : (
        <button
          type="button"
          class="secondary"
          data-testid="data-delete-start"
          onClick={() => {
            setDeleteNotice(null);
            setConfirming(true);
          }}
        >
          {t('options_data_deleteStart')}
        </button>
      )}
      <NoticeLine notice={deleteNotice} testId="data-delete-status" />
    </section>
  );
}
