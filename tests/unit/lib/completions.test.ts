import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompletionRequest } from '../../../core/protocol';
import { InvalidCompletion, questionExposure, recordCompletion, validateCompletion } from '../../../lib/completions';
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
    ['questions', { questions: ['0123456789', 'abcdefabcd'] }],
    ['questions', { questions: ['0123456789', '0123456789', 'abcdefabcd'] }],
    ['questions', { questions: ['0123456789', 'abcdefabcd', '<script>'] }],
    ['questions', { questions: 'abc' as never }],
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

  it('puts every finished lesson into review: a miss comes back sooner than a perfect run', async () => {
    await recordCompletion(db, request(), at);
    await recordCompletion(db, request({ completionId: 'b'.repeat(32), lessonId: 'srikandi-dasar', correct: 3 }), at);
    const reviews = await db.reviews.toArray();
    expect(reviews.map((r) => r.lessonId).sort()).toEqual(['kata-sandi-kuat', 'srikandi-dasar']);
    const due = new Map(reviews.map((r) => [r.lessonId, r.due]));
    expect(due.get('kata-sandi-kuat')).toBeGreaterThan(at.now);
    expect(due.get('kata-sandi-kuat')).toBeLessThan(due.get('srikandi-dasar') ?? 0);
  });

  it('keeps the lesson in review after good answers, further apart each time, in the same transaction', async () => {
    await recordCompletion(db, request({ correct: 3 }), at);
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      const review = await db.reviews.get('kata-sandi-kuat');
      if (!review) throw new Error('review missing');
      await recordCompletion(
        db,
        request({ completionId: String(i).padStart(32, 'c'), kind: 'review', correct: 2, total: 2 }),
        {
          ...at,
          now: review.due,
        },
      );
      const next = await db.reviews.get('kata-sandi-kuat');
      intervals.push(((next?.due ?? 0) - review.due) / 86_400_000);
    }
    expect(await db.reviews.count()).toBe(1);
    for (let i = 1; i < intervals.length; i++) expect(intervals[i]).toBeGreaterThan(intervals[i - 1] ?? 0);
    expect(await db.completions.filter((c) => c.lessonId === 'kata-sandi-kuat').count()).toBe(5);
  });

  it('records the questions a run asked and counts each question’s exposure', async () => {
    await recordCompletion(db, request({ questions: ['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc'] }), at);
    await recordCompletion(
      db,
      request({
        completionId: 'b'.repeat(32),
        kind: 'review',
        correct: 2,
        total: 2,
        questions: ['dddddddddd', 'aaaaaaaaaa'],
      }),
      at,
    );
    await recordCompletion(
      db,
      request({
        completionId: 'e'.repeat(32),
        lessonId: 'srikandi-dasar',
        questions: ['aaaaaaaaaa', 'x'.repeat(10), 'y'.repeat(10)],
      }),
      at,
    );
    expect((await db.completions.get('a'.repeat(32)))?.questions).toEqual(['aaaaaaaaaa', 'bbbbbbbbbb', 'cccccccccc']);
    expect(await questionExposure(db, 'kata-sandi-kuat')).toEqual(
      new Map([
        ['aaaaaaaaaa', 2],
        ['bbbbbbbbbb', 1],
        ['cccccccccc', 1],
        ['dddddddddd', 1],
      ]),
    );
  });
});
