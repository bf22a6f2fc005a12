import { useEffect, useRef, useState } from 'preact/hooks';
import type { Lesson } from '../core/lesson';
import { useT } from './I18n';
import { LessonResult, type SaveState } from './LessonResult';
import { QuizQuestionView } from './QuizQuestionView';

export interface LessonOutcome {
  correct: number;
  total: number;
  durationMs: number;
}

export interface LessonPlayerProps {
  lesson: Lesson;
  /** A review shows only the quiz. */
  mode: 'lesson' | 'review';
  /** Called once when the last question is answered; resolves when the result is stored. */
  onFinished: (outcome: LessonOutcome) => Promise<void>;
  onDone: () => void;
  /** Milliseconds clock; injectable for tests. */
  now?: () => number;
}

/**
 * Plays a lesson: its cards one at a time, then the quiz with immediate
 * feedback, then the result with score and time. Focus moves to each new
 * step's heading, so keyboard and screen-reader users always know where they are.
 */
export function LessonPlayer({ lesson, mode, onFinished, onDone, now = () => performance.now() }: LessonPlayerProps) {
  const { t } = useT();
  const cards = mode === 'lesson' ? lesson.cards : [];
  const steps = cards.length + lesson.quiz.length;
  const [step, setStep] = useState(0);
  const [answers, setAnswers] = useState<boolean[]>([]);
  const [save, setSave] = useState<SaveState>('idle');
  const [started] = useState(now);
  const [duration, setDuration] = useState(0);
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    container.current?.querySelector<HTMLElement>('.step-heading')?.focus();
  }, [step]);

  const correct = answers.filter(Boolean).length;
  const finish = async (outcome: LessonOutcome) => {
    setSave('saving');
    try {
      await onFinished(outcome);
      setSave('saved');
    } catch {
      setSave('failed');
    }
  };
  const next = () => {
    const following = step + 1;
    if (following === steps) {
      const durationMs = Math.max(0, Math.round(now() - started));
      setDuration(durationMs);
      void finish({ correct, total: lesson.quiz.length, durationMs });
    }
    setStep(following);
  };

  let body: preact.JSX.Element;
  if (step < cards.length) {
    const card = cards[step];
    body = (
      <article class="card">
        <p class="progress">{t('lesson_cardProgress', step + 1, cards.length)}</p>
        <h2 tabIndex={-1} class="step-heading">
          {card?.title}
        </h2>
        <div class="card-body" dangerouslySetInnerHTML={{ __html: card?.html ?? '' }} />
        <button type="button" data-testid="lesson-continue" onClick={next}>
          {step + 1 === cards.length ? t('lesson_startQuiz') : t('lesson_continue')}
        </button>
      </article>
    );
  } else if (step < steps) {
    const index = step - cards.length;
    const question = lesson.quiz[index];
    body = question ? (
      <QuizQuestionView
        key={index}
        question={question}
        index={index}
        count={lesson.quiz.length}
        onAnswered={(ok) => setAnswers((a) => [...a, ok])}
        onContinue={next}
      />
    ) : (
      <p />
    );
  } else {
    body = (
      <LessonResult
        mode={mode}
        correct={correct}
        total={lesson.quiz.length}
        durationMs={duration}
        save={save}
        onRetry={() => void finish({ correct, total: lesson.quiz.length, durationMs: duration })}
        onDone={onDone}
        sources={lesson.sources}
      />
    );
  }

  return (
    <div ref={container} class="player">
      <header class="player-header">
        <h1>{lesson.title}</h1>
        <p class="muted">
          {mode === 'review' && <span class="badge">{t('lesson_reviewBadge')}</span>} {t(`level_${lesson.level}`)} ·{' '}
          {t(`pillar_${lesson.pillar.replace('-', '_')}` as 'pillar_aman_digital')}
        </p>
      </header>
      {body}
    </div>
  );
}
