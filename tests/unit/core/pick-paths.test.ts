import { describe, expect, it } from 'vitest';
import { chosenPaths, pathProgress, type RolePath } from '../../../core/paths';
import { type PickInput, type PickLesson, pickToday } from '../../../core/pick';

const lessons: PickLesson[] = [
  { id: 'a-sandi', level: 'dasar', pillar: 'aman-digital', systems: [], paths: ['semua-asn'] },
  { id: 'b-phishing', level: 'dasar', pillar: 'aman-digital', systems: ['myasn'], paths: ['semua-asn'] },
  { id: 'c-srikandi', level: 'dasar', pillar: 'cakap-digital', systems: ['srikandi'], paths: ['persuratan-arsip'] },
  { id: 'd-sakti', level: 'dasar', pillar: 'aman-digital', systems: ['sakti'], paths: ['keuangan'] },
  {
    id: 'e-coretax',
    level: 'dasar',
    pillar: 'cakap-digital',
    systems: ['coretax-djp'],
    paths: ['semua-asn', 'keuangan'],
  },
  { id: 'f-sipd', level: 'menengah', pillar: 'cakap-digital', systems: ['sipd-ri'], paths: ['keuangan'] },
];

const input = (over: Partial<PickInput> = {}): PickInput => ({
  lessons,
  doneInOrder: [],
  lastFinished: null,
  dueReviews: [],
  systemViews: new Map(),
  ...over,
});

describe('pickToday with role paths', () => {
  it('without a chosen path keeps the old order', () => {
    expect(pickToday(input())?.lessonId).toBe('a-sandi');
    expect(pickToday(input({ chosenPaths: [] }))?.lessonId).toBe('a-sandi');
  });

  it("prefers a lesson of the learner's path over an earlier general one", () => {
    expect(pickToday(input({ chosenPaths: ['keuangan'] }))?.lessonId).toBe('d-sakti');
    expect(pickToday(input({ chosenPaths: ['persuratan-arsip'] }))?.lessonId).toBe('c-srikandi');
  });

  it('prefers the chosen paths before the systems in use, then the systems among them', () => {
    const views = new Map([
      ['srikandi', 20],
      ['coretax-djp', 3],
    ]);
    // SRIKANDI is used most, but the learner chose Keuangan: of its lessons, the one for a used system wins.
    expect(pickToday(input({ chosenPaths: ['keuangan'], systemViews: views }))).toEqual({
      lessonId: 'e-coretax',
      kind: 'lesson',
      reason: { code: 'system', systemId: 'coretax-djp', views: 3 },
    });
    // With two paths chosen, lessons of either come first, and the systems decide among them.
    expect(pickToday(input({ chosenPaths: ['keuangan', 'persuratan-arsip'], systemViews: views }))?.lessonId).toBe(
      'c-srikandi',
    );
  });

  it('says the path is why once the learner has started', () => {
    const pick = pickToday(input({ chosenPaths: ['keuangan'], doneInOrder: ['a-sandi'], lastFinished: 'a-sandi' }));
    // Both open Keuangan lessons qualify; the pillar not yet touched breaks the tie.
    expect(pick).toEqual({ lessonId: 'e-coretax', kind: 'lesson', reason: { code: 'path' } });
  });

  it('does not call the general path a reason, and moves on to other lessons when the path is done', () => {
    const general = pickToday(input({ chosenPaths: ['semua-asn'], doneInOrder: ['a-sandi'], lastFinished: 'a-sandi' }));
    expect(general).toEqual({
      lessonId: 'e-coretax',
      kind: 'lesson',
      reason: { code: 'pillar', pillar: 'cakap-digital' },
    });
    // Every open Keuangan lesson done (f-sipd is menengah, still locked): a lesson of another path comes next.
    const done = ['d-sakti', 'e-coretax'];
    const next = pickToday(input({ chosenPaths: ['keuangan'], doneInOrder: done, lastFinished: 'e-coretax' }));
    expect(next?.lessonId).toBe('a-sandi');
  });

  it('still takes a due review first', () => {
    const pick = pickToday(input({ chosenPaths: ['keuangan'], dueReviews: ['a-sandi'], doneInOrder: ['a-sandi'] }));
    expect(pick).toEqual({ lessonId: 'a-sandi', kind: 'review', reason: { code: 'review' } });
  });
});

const path = (id: string): RolePath => ({
  id,
  name: { id, en: id },
  description: { id: 'Keterangan.', en: 'Description.' },
});
const paths = ['semua-asn', 'kepegawaian', 'keuangan'].map(path);

describe('chosenPaths', () => {
  it('keeps known ids in the data order, without duplicates', () => {
    expect(chosenPaths(['keuangan', 'semua-asn', 'keuangan'], paths)).toEqual(['semua-asn', 'keuangan']);
  });

  it('falls back to the general path when nothing known is left', () => {
    expect(chosenPaths([], paths)).toEqual(['semua-asn']);
    expect(chosenPaths(['dihapus'], paths)).toEqual(['semua-asn']);
    expect(chosenPaths(null, paths)).toEqual(['semua-asn']);
  });
});

describe('pathProgress', () => {
  it('counts done and total lessons of each chosen path', () => {
    const done = new Set(['a-sandi', 'e-coretax', 'unknown']);
    const withPaths = lessons.map((l) => ({ id: l.id, paths: l.paths ?? [] }));
    expect(pathProgress(withPaths, done, ['keuangan', 'semua-asn'])).toEqual([
      { pathId: 'keuangan', done: 1, total: 3 },
      { pathId: 'semua-asn', done: 2, total: 3 },
    ]);
  });
});
