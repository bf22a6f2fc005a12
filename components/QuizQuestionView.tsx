import { useState } from 'preact/hooks';
import { correctOptionIndexes, isCorrectAnswer, type QuizQuestion } from '../core/lesson';
import { useT } from './I18n';

export interface QuizQuestionViewProps {
  question: QuizQuestion;
  /** 0-based position and count, for "Pertanyaan 1 dari 3". */
  index: number;
  count: number;
  onAnswered: (correct: boolean) => void;
  onContinue: () => void;
}

/**
 * One quiz question with immediate feedback. A question with one correct
 * option is answered by choosing it; one with several correct options by
 * ticking them and pressing "Periksa jawaban". Right and wrong are marked with
 * words and symbols, not colour alone.
 */
export function QuizQuestionView({ question, index, count, onAnswered, onContinue }: QuizQuestionViewProps) {
  const { t } = useT();
  const multiple = correctOptionIndexes(question).length > 1;
  const [chosen, setChosen] = useState<number[]>([]);
  const [answered, setAnswered] = useState<boolean | null>(null);

  const submit = (selection: number[]) => {
    if (answered !== null || selection.length === 0) return;
    const correct = isCorrectAnswer(question, selection);
    setChosen(selection);
    setAnswered(correct);
    onAnswered(correct);
  };

  return (
    <div class="quiz">
      <p class="progress">{t('lesson_questionProgress', index + 1, count)}</p>
      <h2 id="quiz-prompt" tabIndex={-1} class="step-heading" dangerouslySetInnerHTML={{ __html: question.prompt }} />
      {multiple && answered === null && <p class="muted">{t('lesson_chooseAll')}</p>}
      <ul class="options" aria-labelledby="quiz-prompt">
        {question.options.map((option, i) => {
          const picked = chosen.includes(i);
          const state = answered === null ? '' : option.correct ? 'is-correct' : picked ? 'is-wrong' : '';
          return (
            <li key={i}>
              <button
                type="button"
                class={`option ${state} ${picked ? 'is-picked' : ''}`}
                data-testid="quiz-option"
                data-correct={answered === null ? undefined : String(option.correct)}
                aria-pressed={multiple ? picked : undefined}
                aria-disabled={answered !== null}
                onClick={() => {
                  if (answered !== null) return;
                  if (multiple) setChosen((c) => (c.includes(i) ? c.filter((x) => x !== i) : [...c, i]));
                  else submit([i]);
                }}
              >
                <span class="option-mark" aria-hidden="true">
                  {answered === null ? '' : option.correct ? '✓' : picked ? '✗' : ''}
                </span>
                <span dangerouslySetInnerHTML={{ __html: option.text }} />
                {answered !== null && (option.correct || picked) && (
                  <span class="visually-hidden">
                    {' — '}
                    {[picked ? t('lesson_yourAnswer') : '', option.correct ? t('lesson_rightAnswer') : '']
                      .filter(Boolean)
                      .join(', ')}
                  </span>
                )}
              </button>
            </li>
          );
        })}
      </ul>
      <div aria-live="polite" class="feedback-region">
        {answered !== null && (
          <div class={`feedback ${answered ? 'is-correct' : 'is-wrong'}`} data-testid="quiz-feedback">
            <p class="feedback-verdict">
              <span aria-hidden="true">{answered ? '✓ ' : '✗ '}</span>
              {answered ? t('lesson_correct') : t('lesson_incorrect')}
            </p>
            <p dangerouslySetInnerHTML={{ __html: question.explanation }} />
          </div>
        )}
      </div>
      {multiple && answered === null && (
        <button type="button" disabled={chosen.length === 0} onClick={() => submit(chosen)}>
          {t('lesson_check')}
        </button>
      )}
      {answered !== null && (
        <button type="button" data-testid="lesson-continue" onClick={onContinue}>
          {t('lesson_continue')}
        </button>
      )}
    </div>
  );
}
