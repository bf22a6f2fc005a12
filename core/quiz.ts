/**
 * Which questions of a lesson's pool a run shows, and in which option order.
 * Pure and deterministic: the same pool, exposure counts and run seed always
 * give the same questions and the same order, so a re-render never reshuffles.
 */
import { LESSON_LIMITS, type QuizQuestion } from './lesson';

/** Questions one review of a lesson asks. */
export const REVIEW_QUESTIONS = 2;

/** What one question takes a learner on average, for "± N menit". */
export const SECONDS_PER_QUESTION = 20;

/** 32-bit FNV-1a hash of a string. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A seeded generator of numbers in [0, 1) (mulberry32). */
export function seededRandom(seed: string): () => number {
  let state = hashString(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The indexes 0…n-1 in a seeded random order (Fisher–Yates). */
export function shuffledOrder(n: number, seed: string): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const random = seededRandom(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/**
 * Questions a run asks from a pool of `poolSize`. A first run asks up to
 * `questionsPerRun` but always leaves at least one question unseen when the
 * pool has three or more, so the first review asks something new; a review
 * asks REVIEW_QUESTIONS.
 */
export function questionsPerRun(poolSize: number, mode: 'lesson' | 'review'): number {
  if (mode === 'review') return Math.min(REVIEW_QUESTIONS, poolSize);
  if (poolSize <= LESSON_LIMITS.minQuestions) return poolSize;
  return Math.min(LESSON_LIMITS.questionsPerRun, poolSize - 1);
}

/**
 * The questions of a run: the least seen first (`seen` counts by question id),
 * ties broken by the run's seed, shown in pool order so a lesson's questions
 * keep the order the trainer wrote.
 */
export function selectQuestions<Q extends Pick<QuizQuestion, 'id'>>(
  pool: readonly Q[],
  seen: ReadonlyMap<string, number>,
  count: number,
  seed: string,
): Q[] {
  const tieBreak = shuffledOrder(pool.length, `${seed}:questions`);
  const rank = new Map(tieBreak.map((poolIndex, position) => [poolIndex, position]));
  const chosen = pool
    .map((question, index) => ({ question, index, seen: seen.get(question.id) ?? 0 }))
    .sort((a, b) => a.seen - b.seen || (rank.get(a.index) ?? 0) - (rank.get(b.index) ?? 0))
    .slice(0, count)
    .sort((a, b) => a.index - b.index);
  return chosen.map((c) => c.question);
}

/** How often each question was asked, from the question ids of past runs. */
export function exposureCounts(runs: readonly (readonly string[] | undefined)[]): Map<string, number> {
  const seen = new Map<string, number>();
  for (const run of runs) for (const id of run ?? []) seen.set(id, (seen.get(id) ?? 0) + 1);
  return seen;
}

/** A question with its options in display order; `original[i]` is the pool index of displayed option i. */
export interface ShuffledQuestion<Q extends QuizQuestion = QuizQuestion> {
  question: Q;
  original: number[];
}

/**
 * The question as displayed: its options shuffled with the run seed and the
 * question id, so each question has its own order and a re-render keeps it.
 * Checking an answer on the shuffled question is the same as on the original.
 */
export function shuffleOptions<Q extends QuizQuestion>(question: Q, seed: string): ShuffledQuestion<Q> {
  const original = shuffledOrder(question.options.length, `${seed}:${question.id}`);
  return {
    question: { ...question, options: original.map((i) => question.options[i] as Q['options'][number]) },
    original,
  };
}

/** Minutes a review of `questions` questions takes, rounded, at least 1. */
export function reviewMinutes(questions: number): number {
  return Math.max(1, Math.round((questions * SECONDS_PER_QUESTION) / 60));
}
