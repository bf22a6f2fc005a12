import { describe, expect, it } from 'vitest';
import { isCorrectAnswer, type QuizQuestion } from '../../../core/lesson';
import {
  exposureCounts,
  questionsPerRun,
  REVIEW_QUESTIONS,
  reviewMinutes,
  selectQuestions,
  shuffledOrder,
  shuffleOptions,
} from '../../../core/quiz';

const question = (id: string, correct = [1]): QuizQuestion => ({
  id,
  prompt: `Pertanyaan ${id}?`,
  explanation: 'Karena.',
  options: ['a', 'b', 'c', 'd'].map((text, i) => ({ text: `${id}-${text}`, correct: correct.includes(i) })),
});
const pool = ['q1', 'q2', 'q3', 'q4', 'q5'].map((id) => question(id));

describe('questionsPerRun', () => {
  it.each([
    [2, 'lesson', 2],
    [3, 'lesson', 2],
    [4, 'lesson', 3],
    [8, 'lesson', 3],
    [2, 'review', 2],
    [5, 'review', REVIEW_QUESTIONS],
  ] as const)('a pool of %i in a %s run asks %i', (size, mode, count) => {
    expect(questionsPerRun(size, mode)).toBe(count);
  });
});

describe('selectQuestions', () => {
  it('asks the least seen questions, in the order the trainer wrote them', () => {
    const seen = new Map([
      ['q1', 2],
      ['q2', 1],
      ['q3', 0],
      ['q4', 1],
      ['q5', 3],
    ]);
    const picked = selectQuestions(pool, seen, 3, 'seed').map((q) => q.id);
    expect(picked).toEqual(['q2', 'q3', 'q4']);
  });

  it('a review after a first run asks at least one question not asked before', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const first = selectQuestions(pool.slice(0, 4), new Map(), questionsPerRun(4, 'lesson'), seed).map((q) => q.id);
      const seen = exposureCounts([first]);
      const review = selectQuestions(pool.slice(0, 4), seen, questionsPerRun(4, 'review'), `${seed}-2`).map(
        (q) => q.id,
      );
      expect(
        review.some((id) => !first.includes(id)),
        `${first} then ${review}`,
      ).toBe(true);
    }
  });

  it('breaks ties with the seed: the same seed, the same questions; other seeds, other questions', () => {
    const a = selectQuestions(pool, new Map(), 3, 'run-1').map((q) => q.id);
    expect(selectQuestions(pool, new Map(), 3, 'run-1').map((q) => q.id)).toEqual(a);
    const all = new Set(
      ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8'].map((s) =>
        selectQuestions(pool, new Map(), 3, s)
          .map((q) => q.id)
          .join(),
      ),
    );
    expect(all.size).toBeGreaterThan(1);
  });
});

describe('shuffleOptions', () => {
  it('is a permutation that keeps each option with its correctness, the same for the same seed', () => {
    const q = question('q1', [2]);
    const shown = shuffleOptions(q, 'run');
    expect(shuffleOptions(q, 'run')).toEqual(shown);
    expect([...shown.original].sort()).toEqual([0, 1, 2, 3]);
    for (const [i, from] of shown.original.entries()) expect(shown.question.options[i]).toBe(q.options[from]);
    // Answering on the displayed question is judged as on the original.
    const displayedCorrect = shown.original.indexOf(2);
    expect(isCorrectAnswer(shown.question, [displayedCorrect])).toBe(true);
    expect(isCorrectAnswer(shown.question, [(displayedCorrect + 1) % 4])).toBe(false);
  });

  it('moves the correct option around over runs', () => {
    const positions = new Set(
      Array.from({ length: 40 }, (_, i) => shuffleOptions(question('q1', [0]), `run-${i}`).original.indexOf(0)),
    );
    expect(positions.size).toBe(4);
  });
});

describe('helpers', () => {
  it('shuffledOrder is a seeded permutation', () => {
    expect(shuffledOrder(6, 'x').sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(shuffledOrder(6, 'x')).toEqual(shuffledOrder(6, 'x'));
  });

  it('counts exposure over runs, old runs without questions count nothing', () => {
    expect(exposureCounts([['a', 'b'], undefined, ['a']])).toEqual(
      new Map([
        ['a', 2],
        ['b', 1],
      ]),
    );
  });

  it('rounds a review to whole minutes, at least one', () => {
    expect(reviewMinutes(2)).toBe(1);
    expect(reviewMinutes(6)).toBe(2);
    expect(reviewMinutes(10)).toBe(3);
  });
});
