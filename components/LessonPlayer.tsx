import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Lesson } from '../core/lesson';
import { questionsPerRun, selectQuestions, shuffleOptions } from '../core/quiz';
import { ExampleCardView } from './ExampleCardView';
import { useT } from './I18n';
import { LessonResult, type SaveState } from './LessonResult';
import { QuizQuestionView } from './QuizQuestionView';

export interface LessonOutcome {
  correct: number;
  total: number;
  durationMs: number;
  /** Ids of the questions asked, in order. */
  questions: string[];
}

export interface LessonPlayerProps {
  lesson: Lesson;
  /** A review shows only the quiz. */
  mode: 'lesson' | 'review';
  /** Called once when the last question is answered; resolves when the result is stored. */
  onFinished: (outcome: LessonOutcome) => Promise<void>;
  onDone: () => void;
  /** This run's seed: picks among equally seen questions and orders the options, the same on every render. */
  seed: string;
  /** How often the learner was asked each question of this lesson (by question id). */
  seen?: ReadonlyMap<string, number>;
  /** "Ulasan 1 dari 3" when the review holds several lessons. */
  position?: { index: number; count: number };
  /** Label of the result's done button (default "Selesai"). */
  doneLabel?: string;
  /** Milliseconds clock; injectable for tests. */
  now?: () => number;
}

/**
 * Plays a lesson: its cards one at a time, then the quiz with immediate
 * feedback, then the result with score and time. Focus moves to each new
 * step's heading, so keyboard and screen-reader users always know where they are.
 */
export function LessonPlayer({
  lesson,
  mode,
  onFinished,
  onDone,
  seed,
  seen,
  position,
  doneLabel,
  now = () => performance.now(),
}: LessonPlayerProps) {
  const { t } = useT();
  const cards = mode === 'lesson' ? lesson.cards : [];
  // Chosen once per run from the pool (least seen first), options shuffled with the run's seed.
  const quiz = useMemo(
    () =>
      selectQuestions(lesson.quiz, seen ?? new Map(), questionsPerRun(lesson.quiz.length, mode), seed).map(
        (q) => shuffleOptions(q, seed).question,
      ),
    [lesson, mode, seed, seen],
  );
  const steps = cards.length + quiz.length;
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
      void finish({ correct, total: quiz.length, durationMs, questions: quiz.map((q) => q.id) });
    }
    setStep(following);
  };

  let body: preact.JSX.Element;
  if (step < cards.length) {
    const card = cards[step];
    body = (
      <article class="card" key={step}>
        <p class="progress">{t('lesson_cardProgress', step + 1, cards.length)}</p>
        <h2 tabIndex={-1} class="step-heading">
          {card?.kind === 'example' && <span class="badge">{t('lesson_exampleLabel')}</span>} {card?.title}
        </h2>
        {card?.kind === 'example' ? (
          <ExampleCardView card={card} />
        ) : (
          <div class="card-body" dangerouslySetInnerHTML={{ __html: card?.html ?? '' }} />
        )}
        <button type="button" data-testid="lesson-continue" onClick={next}>
          {step + 1 === cards.length ? t('lesson_startQuiz') : t('lesson_continue')}
        </button>
      </article>
    );
  } else if (step < steps) {
    const index = step - cards.length;
    const question = quiz[index];
    body = question ? (
      <QuizQuestionView
        key={index}
        question={question}
        index={index}
        count={quiz.length}
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
        total={quiz.length}
        durationMs={duration}
        save={save}
        onRetry={() =>
          void finish({ correct, total: quiz.length, durationMs: duration, questions: quiz.map((q) => q.id) })
        }
        onDone={onDone}
        doneLabel={doneLabel}
        sources={lesson.sources}
      />
    );
  }

  return (
    <div ref={container} class="player">
      <header class="player-header">
        <h1>{lesson.title}</h1>
        <p class="muted">
          {mode === 'review' && <span class="badge">{t('lesson_reviewBadge')}</span>}{' '}
          {position && position.count > 1 && (
            <span data-testid="review-position">{t('review_progress', position.index + 1, position.count)} · </span>
          )}
          {t(`level_${lesson.level}`)} · {t(`pillar_${lesson.pillar.replace('-', '_')}` as 'pillar_aman_digital')}
        </p>
      </header>
      {body}
    </div>
  );
}
