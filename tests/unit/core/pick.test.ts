import { describe, expect, it } from 'vitest';
import { type PickInput, type PickLesson, pickToday, planReviews, reviewCap, unlockedLevels } from '../../../core/pick';

const lessons: PickLesson[] = [
  { id: 'a-sandi', level: 'dasar', pillar: 'aman-digital', systems: [] },
  { id: 'b-phishing', level: 'dasar', pillar: 'aman-digital', systems: ['myasn'] },
  { id: 'c-srikandi', level: 'dasar', pillar: 'cakap-digital', systems: ['srikandi'] },
  { id: 'd-etika', level: 'dasar', pillar: 'etika-digital', systems: [] },
  { id: 'e-spbe', level: 'dasar', pillar: 'budaya-digital', systems: [] },
  { id: 'f-tte', level: 'menengah', pillar: 'cakap-digital', systems: ['bsre-bssn', 'srikandi'] },
  { id: 'g-skp', level: 'menengah', pillar: 'cakap-digital', systems: ['e-kinerja-bkn'] },
  { id: 'h-data', level: 'menengah', pillar: 'budaya-digital', systems: [] },
  { id: 'i-ai', level: 'mahir', pillar: 'etika-digital', systems: [] },
];

const input = (over: Partial<PickInput> = {}): PickInput => ({
  lessons,
  doneInOrder: [],
  lastFinished: null,
  dueReviews: [],
  systemViews: new Map(),
  ...over,
});

describe('pickToday', () => {
  it('starts a new learner at the first dasar lesson', () => {
    expect(pickToday(input())).toEqual({ lessonId: 'a-sandi', kind: 'lesson', reason: { code: 'start' } });
  });

  it('takes a due review before any new lesson', () => {
    const pick = pickToday(input({ dueReviews: ['d-etika', 'a-sandi'], systemViews: new Map([['srikandi', 9]]) }));
    expect(pick).toEqual({ lessonId: 'd-etika', kind: 'review', reason: { code: 'review' } });
  });

  it('ignores reviews of lessons that no longer exist', () => {
    expect(pickToday(input({ dueReviews: ['removed-lesson'] }))?.kind).toBe('lesson');
  });

  it('prefers lessons for the systems used most this week, and says why', () => {
    const views = new Map([
      ['srikandi', 4],
      ['myasn', 2],
    ]);
    expect(pickToday(input({ systemViews: views }))).toEqual({
      lessonId: 'c-srikandi',
      kind: 'lesson',
      reason: { code: 'system', systemId: 'srikandi', views: 4 },
    });
  });

  it('does not reach a locked level even for a heavily used system', () => {
    const views = new Map([['e-kinerja-bkn', 50]]);
    expect(pickToday(input({ systemViews: views }))?.lessonId).toBe('a-sandi');
  });

  it('balances pillars among equal candidates', () => {
    const pick = pickToday(input({ doneInOrder: ['a-sandi'], lastFinished: 'a-sandi' }));
    // b-phishing is aman-digital like the lesson just done; c-srikandi opens a pillar not yet touched.
    expect(pick).toEqual({
      lessonId: 'c-srikandi',
      kind: 'lesson',
      reason: { code: 'pillar', pillar: 'cakap-digital' },
    });
  });

  it('progresses dasar → menengah → mahir', () => {
    expect(unlockedLevels(lessons, new Set())).toEqual(['dasar']);
    expect(unlockedLevels(lessons, new Set(['a-sandi', 'b-phishing']))).toEqual(['dasar']);
    expect(unlockedLevels(lessons, new Set(['a-sandi', 'b-phishing', 'c-srikandi']))).toEqual(['dasar', 'menengah']);
    expect(
      unlockedLevels(lessons, new Set(['a-sandi', 'b-phishing', 'c-srikandi', 'f-tte', 'g-skp', 'h-data'])),
    ).toEqual(['dasar', 'menengah', 'mahir']);
    // With three dasar done, a used system pulls a menengah lesson forward.
    const pick = pickToday(
      input({ doneInOrder: ['a-sandi', 'b-phishing', 'd-etika'], systemViews: new Map([['e-kinerja-bkn', 3]]) }),
    );
    expect(pick?.lessonId).toBe('g-skp');
  });

  it('announces a new level when the first lesson of it comes up', () => {
    const pick = pickToday(input({ doneInOrder: ['a-sandi', 'b-phishing', 'c-srikandi', 'd-etika', 'e-spbe'] }));
    expect(pick?.reason).toEqual({ code: 'level', level: 'menengah' });
  });

  it('never repeats the lesson just finished, even when everything is done', () => {
    const all = lessons.map((l) => l.id);
    const pick = pickToday(input({ doneInOrder: all, lastFinished: 'a-sandi' }));
    expect(pick).toEqual({ lessonId: 'b-phishing', kind: 'lesson', reason: { code: 'refresh' } });
    const rotated = [...all.slice(1), 'a-sandi'];
    expect(pickToday(input({ doneInOrder: rotated, lastFinished: 'a-sandi' }))?.lessonId).toBe('b-phishing');
  });

  it('does not offer a review of the lesson just finished when another is due', () => {
    const pick = pickToday(input({ dueReviews: ['a-sandi', 'b-phishing'], lastFinished: 'a-sandi' }));
    expect(pick?.lessonId).toBe('b-phishing');
  });

  it('is deterministic and independent of input order', () => {
    const views = new Map([['srikandi', 1]]);
    const a = pickToday(input({ systemViews: views }));
    const b = pickToday(input({ lessons: [...lessons].reverse(), systemViews: views }));
    expect(a).toEqual(b);
  });

  it('returns null without lessons', () => {
    expect(pickToday(input({ lessons: [] }))).toBeNull();
  });
});

describe('planReviews', () => {
  const known = new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
  it('offers the most overdue reviews up to the cap for the goal; the rest wait', () => {
    const plan = planReviews({ due: ['g', 'f', 'e', 'd', 'c', 'b', 'a'], known, goal: 1, reviewedToday: 0 });
    expect(plan.cap).toBe(reviewCap(1));
    expect(plan.lessonIds).toEqual(['g', 'f', 'e']);
    expect(plan.waiting).toBe(4);
    expect(plan.questions).toBe(6);
    expect(plan.minutes).toBe(2);
  });

  it('a higher goal allows more reviews a day', () => {
    expect(reviewCap(1)).toBeLessThan(reviewCap(2));
    expect(reviewCap(2)).toBeLessThan(reviewCap(3));
    expect(planReviews({ due: [...known], known, goal: 3, reviewedToday: 0 }).lessonIds).toHaveLength(reviewCap(3));
  });

  it('counts the reviews already done today against the cap', () => {
    const plan = planReviews({ due: ['a', 'b', 'c'], known, goal: 1, reviewedToday: reviewCap(1) - 1 });
    expect(plan.lessonIds).toEqual(['a']);
    expect(plan.waiting).toBe(2);
    const done = planReviews({ due: ['a'], known, goal: 1, reviewedToday: reviewCap(1) });
    expect(done).toMatchObject({ lessonIds: [], waiting: 1, questions: 0, minutes: 0 });
  });

  it('skips reviews of lessons that no longer exist', () => {
    expect(planReviews({ due: ['gone', 'a'], known, goal: 1, reviewedToday: 0 })).toMatchObject({
      lessonIds: ['a'],
      waiting: 0,
    });
  });
});
