/**
 * Finished lessons and reviews: written by the background only, in one
 * transaction with the review schedule so the two never disagree.
 */
import type { DayKey } from '../core/day';
import type { CompletionRequest } from '../core/protocol';
import { scheduleReview } from '../core/review';
import type { Completion, LangkahDB, OutboxEntry } from './db';
import { enqueueInTransaction } from './outbox';

// The lesson page reads exposure without the review scheduler (ts-fsrs) this module brings.
export { questionExposure } from './exposure';

/** Largest plausible duration of one lesson (a tab left open over a weekend is not a lesson time). */
const MAX_DURATION_MS = 6 * 3_600_000;

/** A question id as the build makes it (build/lessons.ts `questionId`). */
const QUESTION_ID = /^[0-9a-f]{10}$/;

/** Why a completion request was refused; the sender gets it as the error. */
export class InvalidCompletion extends Error {
  override name = 'InvalidCompletion';
}

/** Checks a request from an extension page; throws InvalidCompletion naming the bad field. */
export function validateCompletion(req: CompletionRequest, knownLesson: (id: string) => boolean): CompletionRequest {
  const fail = (field: string) => {
    throw new InvalidCompletion(`completeLesson.${field}`);
  };
  if (typeof req !== 'object' || req === null) fail('(request)');
  if (typeof req.completionId !== 'string' || !/^[0-9a-f]{32}$/.test(req.completionId)) fail('completionId');
  if (typeof req.lessonId !== 'string' || !knownLesson(req.lessonId)) fail('lessonId');
  if (req.kind !== 'lesson' && req.kind !== 'review') fail('kind');
  if (!Number.isInteger(req.total) || req.total < 1 || req.total > 10) fail('total');
  if (!Number.isInteger(req.correct) || req.correct < 0 || req.correct > req.total) fail('correct');
  if (!Number.isFinite(req.durationMs) || req.durationMs < 0) fail('durationMs');
  if (
    req.questions !== undefined &&
    (!Array.isArray(req.questions) ||
      req.questions.length !== req.total ||
      new Set(req.questions).size !== req.questions.length ||
      !req.questions.every((id) => typeof id === 'string' && QUESTION_ID.test(id)))
  ) {
    fail('questions');
  }
  return { ...req, durationMs: Math.min(Math.round(req.durationMs), MAX_DURATION_MS) };
}

/**
 * Stores a completion once (by id), with the questions it asked, and updates
 * the lesson's review schedule: every finished lesson is in review from then
 * on. Returns false when that completion was already stored. `outbox`: its xAPI
 * statements for the agency's LRS (lib/outbox.ts), queued in the same
 * transaction — stored with the completion or not at all, never twice.
 */
export async function recordCompletion(
  db: LangkahDB,
  req: CompletionRequest,
  at: { now: number; day: DayKey; utcOffset: number },
  outbox: readonly OutboxEntry[] = [],
): Promise<boolean> {
  return db.transaction('rw', [db.completions, db.reviews, db.outbox, db.lrsState], async () => {
    if (await db.completions.get(req.completionId)) return false;
    const completion: Completion = {
      id: req.completionId,
      lessonId: req.lessonId,
      kind: req.kind,
      day: at.day,
      completedAt: at.now,
      utcOffset: at.utcOffset,
      correct: req.correct,
      total: req.total,
      durationMs: req.durationMs,
      ...(req.questions ? { questions: [...req.questions] } : {}),
    };
    await db.completions.add(completion);
    const previous = await db.reviews.get(req.lessonId);
    await db.reviews.put(scheduleReview(previous, req.lessonId, req, at.now));
    await enqueueInTransaction(db, outbox);
    return true;
  });
}
