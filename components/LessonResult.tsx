import type { LessonSource } from '../core/lesson';
import { formatLessonDuration } from '../lib/dates';
import { useT } from './I18n';

export type SaveState = 'idle' | 'saving' | 'saved' | 'failed';

export interface LessonResultProps {
  mode: 'lesson' | 'review';
  correct: number;
  total: number;
  durationMs: number;
  save: SaveState;
  onRetry: () => void;
  onDone: () => void;
  sources: LessonSource[];
  /** The done button's label; "Selesai" by default. */
  doneLabel?: string;
}

/** The end of a lesson: score, time, whether the result is saved, and "Selesai". */
export function LessonResult({
  mode,
  correct,
  total,
  durationMs,
  save,
  onRetry,
  onDone,
  sources,
  doneLabel,
}: LessonResultProps) {
  const { t, locale } = useT();
  return (
    <section class="result" data-testid="lesson-result" data-score={correct} data-total={total}>
      <h2 tabIndex={-1} class="step-heading">
        {mode === 'review' ? t('lesson_reviewResultTitle') : t('lesson_resultTitle')}
      </h2>
      <p class="score">{t('lesson_score', correct, total)}</p>
      <p>{t('lesson_time', formatLessonDuration(durationMs, locale))}</p>
      <p class="muted">{correct < total ? t('lesson_reviewWillReturn') : t('lesson_reviewWillReturnGood')}</p>
      <p role="status" data-testid="lesson-save-status" data-state={save}>
        {save === 'saving' && t('lesson_saving')}
        {save === 'saved' && t('lesson_saved')}
        {save === 'failed' && t('lesson_saveFailed')}
      </p>
      {save === 'failed' && (
        <button type="button" class="secondary" onClick={onRetry}>
          {t('lesson_retrySave')}
        </button>
      )}
      <button type="button" data-testid="lesson-complete" disabled={save === 'saving'} onClick={onDone}>
        {doneLabel ?? t('lesson_finish')}
      </button>
      {sources.length > 0 && (
        <details class="sources">
          <summary>{t('lesson_sources')}</summary>
          <ul>
            {sources.map((s) => (
              <li key={s.url}>
                <a href={s.url} target="_blank" rel="noopener noreferrer">
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
