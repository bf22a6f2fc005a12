/**
 * Spaced review of every finished lesson, scheduled with FSRS (ts-fsrs, the
 * maintained reference implementation) at day granularity. A lesson enters
 * review when first finished and comes back as a short quiz when due: further
 * apart each time it is answered well (Good), soon again after a miss (Again).
 * Intervals are capped at MAX_INTERVAL_DAYS, so every lesson keeps coming back.
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

/** The longest a lesson waits between two reviews. */
export const MAX_INTERVAL_DAYS = 180;

/** A lesson whose review interval reaches this many days counts as "kuat" (strong). */
export const STRONG_AFTER_DAYS = 21;

// Day-level scheduling without fuzz: deterministic for the same answers and times.
// Created on first use, so pages that only list due reviews do not pull in the scheduler.
let scheduler: ReturnType<typeof fsrs> | undefined;
const getScheduler = () => {
  scheduler ??= fsrs({ enable_short_term: false, enable_fuzz: false, maximum_interval: MAX_INTERVAL_DAYS });
  return scheduler;
};

/** The FSRS grade for a quiz result: every answer right the first time is Good, any miss is Again. */
export function gradeFor(correct: number, total: number): Grade {
  return total > 0 && correct >= total ? Rating.Good : Rating.Again;
}

/** Whether a lesson's review interval makes it "kuat" (strong). */
export function isStrong(state: Pick<ReviewState, 'card'> | undefined): boolean {
  return (state?.card.scheduledDays ?? 0) >= STRONG_AFTER_DAYS;
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

/** The review state after a lesson or review quiz: the first result starts it, each next one moves it. */
export function scheduleReview(
  previous: ReviewState | undefined,
  lessonId: string,
  result: { correct: number; total: number },
  now: number,
): ReviewState {
  const grade = gradeFor(result.correct, result.total);
  const card = previous ? toCard(previous.card) : createEmptyCard(new Date(now));
  // A record from a clock that ran ahead is never trusted as "later": review at the later of the two.
  const at = Math.max(now, previous?.card.lastReview ?? now);
  const next = getScheduler().next(card, new Date(at), grade).card;
  return { lessonId, due: next.due.getTime(), card: fromCard(next) };
}

/**
 * The review state of a lesson from its finished runs, oldest first: how a
 * lesson finished before every lesson entered review gets its schedule
 * (the database upgrade to version 3).
 */
export function replayReview(
  lessonId: string,
  runs: readonly { correct: number; total: number; completedAt: number }[],
): ReviewState | undefined {
  let state: ReviewState | undefined;
  for (const run of [...runs].sort((a, b) => a.completedAt - b.completedAt)) {
    state = scheduleReview(state, lessonId, run, run.completedAt);
  }
  return state;
}

/** Reviews due at `now`, the most overdue first (ties by lesson id). */
export function dueReviews(states: readonly ReviewState[], now: number): ReviewState[] {
  return states
    .filter((s) => s.due <= now)
    .sort((a, b) => a.due - b.due || (a.lessonId < b.lessonId ? -1 : a.lessonId > b.lessonId ? 1 : 0));
}
