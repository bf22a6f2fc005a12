/**
 * Spaced review of lessons whose questions were missed, scheduled with FSRS
 * (ts-fsrs, the maintained reference implementation) at day granularity.
 * A lesson answered perfectly the first time needs no review; one with a
 * miss comes back as a short quiz when due, further apart each time it is
 * answered well, and retires once its interval is long enough.
 */
import { type Card, createEmptyCard, fsrs, type Grade, Rating, type State } from 'ts-fsrs';

/** A card as stored: plain numbers, dates as ms since epoch. */
export interface StoredCard {
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  reps: number;
  lapses: number;
  state: number;
  lastReview: number | null;
}

export interface ReviewState {
  lessonId: string;
  /** When the review is due (ms since epoch); indexed. */
  due: number;
  card: StoredCard;
}

/** A review whose next interval reaches this many days is retired. */
export const RETIRE_AFTER_DAYS = 60;

// Day-level scheduling without fuzz: deterministic for the same answers and times.
// Created on first use, so pages that only list due reviews do not pull in the scheduler.
let scheduler: ReturnType<typeof fsrs> | undefined;
const getScheduler = () => {
  scheduler ??= fsrs({ enable_short_term: false, enable_fuzz: false });
  return scheduler;
};

/** The FSRS grade for a quiz result: all correct is Good, at least half is Hard, less is Again. */
export function gradeFor(correct: number, total: number): Grade {
  if (total > 0 && correct >= total) return Rating.Good;
  if (total > 0 && correct * 2 >= total) return Rating.Hard;
  return Rating.Again;
}

function toCard(stored: StoredCard): Card {
  return {
    due: new Date(stored.due),
    stability: stored.stability,
    difficulty: stored.difficulty,
    elapsed_days: 0,
    scheduled_days: stored.scheduledDays,
    learning_steps: 0,
    reps: stored.reps,
    lapses: stored.lapses,
    state: stored.state as State,
    ...(stored.lastReview === null ? {} : { last_review: new Date(stored.lastReview) }),
  };
}

function fromCard(card: Card): StoredCard {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}

/**
 * The review state after a lesson or review quiz, or null when the lesson
 * needs (no more) review: a first attempt without a miss, or a good answer
 * that pushes the next interval to RETIRE_AFTER_DAYS or beyond.
 */
export function scheduleReview(
  previous: ReviewState | undefined,
  lessonId: string,
  result: { correct: number; total: number },
  now: number,
): ReviewState | null {
  const grade = gradeFor(result.correct, result.total);
  if (!previous && grade === Rating.Good) return null;
  const card = previous ? toCard(previous.card) : createEmptyCard(new Date(now));
  const next = getScheduler().next(card, new Date(now), grade).card;
  if (grade === Rating.Good && next.scheduled_days >= RETIRE_AFTER_DAYS) return null;
  return { lessonId, due: next.due.getTime(), card: fromCard(next) };
}

/** Reviews due at `now`, the most overdue first (ties by lesson id). */
export function dueReviews(states: readonly ReviewState[], now: number): ReviewState[] {
  return states
    .filter((s) => s.due <= now)
    .sort((a, b) => a.due - b.due || (a.lessonId < b.lessonId ? -1 : a.lessonId > b.lessonId ? 1 : 0));
}
