import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompletionRequest } from '../../../core/protocol';
import { InvalidCompletion, recordCompletion, validateCompletion } from '../../../lib/completions';
import { LangkahDB } from '../../../lib/db';

let db: LangkahDB;
let n = 0;
beforeEach(() => {
  db = new LangkahDB(`test-completions-${++n}`);
});
afterEach(async () => {
  await db.delete();
});

const known = (id: string) => id === 'kata-sandi-kuat' || id === 'srikandi-dasar';
const request = (over: Partial<CompletionRequest> = {}): CompletionRequest => ({
  completionId: 'a'.repeat(32),
  lessonId: 'kata-sandi-kuat',
  kind: 'lesson',
  correct: 2,
  total: 3,
  durationMs: 95_000,
  ...over,
});
const at = { now: Date.UTC(2026, 10, 27, 3), day: '2026-11-27', utcOffset: 420 };

describe('validateCompletion', () => {
  it('accepts a sound request and caps an absurd duration', () => {
    expect(validateCompletion(request({ durationMs: 1e12 }), known).durationMs).toBe(6 * 3_600_000);
  });

  it.each([
    ['completionId', { completionId: 'x' }],
    ['lessonId', { lessonId: 'unknown' }],
    ['kind', { kind: 'exam' as never }],
    ['total', { total: 0 }],
    ['correct', { correct: 4 }],
    ['correct', { correct: -1 }],
    ['durationMs', { durationMs: Number.NaN }],
  ])('refuses a bad %s', (field, over) => {
    expect(() => validateCompletion(request(over), known)).toThrow(new InvalidCompletion(`completeLesson.${field}`));
  });
});

describe('recordCompletion', () => {
  it('stores the completion with its local day and offset', async () => {
    expect(await recordCompletion(db, request(), at)).toBe(true);
    expect(await db.completions.toArray()).toEqual([
      {
        id: 'a'.repeat(32),
        lessonId: 'kata-sandi-kuat',
        kind: 'lesson',
        day: '2026-11-27',
        completedAt: at.now,
        utcOffset: 420,
        correct: 2,
        total: 3,
        durationMs: 95_000,
      },
    ]);
  });

  it('stores a retried completion once', async () => {
    await recordCompletion(db, request(), at);
    expect(await recordCompletion(db, request(), at)).toBe(false);
    expect(await db.completions.count()).toBe(1);
  });

  it('schedules a review after a miss, none after a perfect first attempt', async () => {
    await recordCompletion(db, request(), at);
    await recordCompletion(db, request({ completionId: 'b'.repeat(32), lessonId: 'srikandi-dasar', correct: 3 }), at);
    const reviews = await db.reviews.toArray();
    expect(reviews.map((r) => r.lessonId)).toEqual(['kata-sandi-kuat']);
    expect(reviews[0]?.due).toBeGreaterThan(at.now);
  });

  it('retires the review when it is answered well enough, in the same transaction', async () => {
    await recordCompletion(db, request({ correct: 0 }), at);
    let now = at.now;
    for (let i = 0; i < 12; i++) {
      const review = await db.reviews.get('kata-sandi-kuat');
      if (!review) break;
      now = review.due;
      await recordCompletion(db, request({ completionId: String(i).padStart(32, 'c'), kind: 'review', correct: 3 }), {
        ...at,
        now,
      });
    }
    expect(await db.reviews.count()).toBe(0);
    expect(await db.completions.filter((c) => c.lessonId === 'kata-sandi-kuat').count()).toBeGreaterThan(2);
  });
});
