/**
 * Quiz quality (issue #14 §2, CONTENT-RULES.md): rules on one question, on one lesson's pool and
 * on the whole set of lessons. Pure functions over the plain text a learner sees; the lesson
 * compiler turns what they return into ContentErrors naming the file, the question and the line.
 */
import type { LessonLevel } from '../core/lesson';

export const QUIZ_RULES = {
  /** Options of a multiple-choice question. */
  minChoiceOptions: 3,
  maxChoiceOptions: 4,
  /** Smallest question pool per level (the largest is LESSON_LIMITS.maxQuestions). */
  minPool: { dasar: 4, menengah: 5, mahir: 5 } satisfies Record<LessonLevel, number>,
  /** Over the whole set: the correct option is the strictly longest in at most this share of multiple-choice questions. */
  maxLongestCorrectShare: 0.35,
} as const;

/** A prompt of a true/false question starts like this; its options are exactly these two. */
export const TRUE_FALSE_PROMPT = /^benar\s+atau\s+salah\b/i;
export const TRUE_FALSE_OPTIONS = ['Benar', 'Salah'] as const;

export interface QuestionText {
  /** Plain text of the prompt. */
  prompt: string;
  /** Plain (visible) text of each option. */
  options: { text: string; correct: boolean }[];
}

/** Lower case, single spaces, without surrounding punctuation: how two options are compared. */
export function normalizeOption(text: string): string {
  return text
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '');
}

/** "All/none of the above" options: they test elimination, not knowledge, and options are shuffled. */
const CATCH_ALL = [
  /^(semua|seluruh|semuanya)( (jawaban|pilihan|opsi))?( (di atas|tersebut))? (benar|salah)$/,
  /^(semua|seluruh) (jawaban|pilihan|opsi)( di atas| tersebut)?$/,
  /^semua (di atas|yang di atas)$/,
  /^tidak ada( (jawaban|pilihan|opsi))?( yang)? (benar|salah)$/,
  /^tidak ada (satu pun )?(jawaban|pilihan|opsi)( di atas| tersebut)?( yang)?( benar| salah)?$/,
  /^(jawaban|pilihan|opsi) [a-e] dan [a-e]( benar)?$/,
  /^[a-e] dan [a-e]( benar)?$/,
];

export function isCatchAllOption(text: string): boolean {
  const normal = normalizeOption(text);
  return CATCH_ALL.some((pattern) => pattern.test(normal));
}

export type QuestionKind = 'true-false' | 'multiple-choice';

/** True/false when the prompt says so or an option is Benar/Salah; otherwise multiple choice. */
export function questionKind(question: QuestionText): QuestionKind {
  const tf = new Set(TRUE_FALSE_OPTIONS.map((o) => o.toLowerCase()));
  return TRUE_FALSE_PROMPT.test(question.prompt.trim()) ||
    question.options.some((option) => tf.has(normalizeOption(option.text)))
    ? 'true-false'
    : 'multiple-choice';
}

/** Characters a learner sees (code points, surrounding spaces ignored). */
export function visibleLength(text: string): number {
  return [...text.trim()].length;
}

/** The correct option is longer than every other option (so picking the longest always wins). */
export function correctIsStrictlyLongest(question: QuestionText): boolean {
  const lengths = question.options.map((option) => visibleLength(option.text));
  const longest = Math.max(...lengths);
  const at = lengths.flatMap((length, i) => (length === longest ? [i] : []));
  return at.length === 1 && question.options[at[0] ?? 0]?.correct === true;
}

export interface QuestionProblem {
  /** Index of the option concerned, when there is one. */
  option?: number;
  problem: string;
}

/** Problems of one question, in reading order (empty when it is fine). */
export function questionProblems(question: QuestionText): QuestionProblem[] {
  const problems: QuestionProblem[] = [];
  const seen = new Map<string, number>();
  question.options.forEach((option, i) => {
    const key = normalizeOption(option.text);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ option: i, problem: `pilihan "${option.text}" sama dengan pilihan ke-${first + 1}` });
    } else seen.set(key, i);
    if (isCatchAllOption(option.text)) {
      problems.push({
        option: i,
        problem: `pilihan "${option.text}" tidak dipakai: pilihan diacak saat tampil, dan "semua/tidak ada yang benar" hanya menguji cara menebak; tulis pengecoh yang masuk akal`,
      });
    }
  });
  if (questionKind(question) === 'true-false') {
    const options = question.options.map((option) => option.text.trim());
    const exact = options.length === 2 && TRUE_FALSE_OPTIONS.every((word) => options.includes(word));
    if (!exact) {
      problems.push({
        problem: `soal benar/salah berisi tepat dua pilihan "Benar" dan "Salah" (ditulis persis begitu); ada: ${options.map((o) => `"${o}"`).join(', ')}`,
      });
    }
    if (!TRUE_FALSE_PROMPT.test(question.prompt.trim())) {
      problems.push({ problem: 'soal dengan pilihan Benar/Salah diawali "Benar atau salah: …"' });
    }
  } else {
    const n = question.options.length;
    if (n < QUIZ_RULES.minChoiceOptions || n > QUIZ_RULES.maxChoiceOptions) {
      problems.push({
        problem: `soal pilihan ganda berisi ${QUIZ_RULES.minChoiceOptions}–${QUIZ_RULES.maxChoiceOptions} pilihan, ada ${n}`,
      });
    }
  }
  return problems;
}

/** The pool problem of a lesson, or null. */
export function poolProblem(level: LessonLevel, size: number): string | null {
  const min = QUIZ_RULES.minPool[level];
  return size < min
    ? `ada ${size} pertanyaan; pelajaran tingkat ${level} perlu minimal ${min} pertanyaan di kumpulan soal (maksimal 8)`
    : null;
}

export interface SetQuestion<T> {
  question: QuestionText;
  /** Where it is, e.g. `{ file, field, line }`; returned as is. */
  at: T;
}

export interface LongestShare<T> {
  multipleChoice: number;
  /** Multiple-choice questions whose correct option is the strictly longest. */
  longest: T[];
  /** longest / multipleChoice (0 when there is no multiple-choice question). */
  share: number;
  tooMany: boolean;
}

/** The set-level rule: how often the correct option is the strictly longest one. */
export function longestCorrectShare<T>(questions: readonly SetQuestion<T>[]): LongestShare<T> {
  const choice = questions.filter(({ question }) => questionKind(question) === 'multiple-choice');
  const longest = choice.filter(({ question }) => correctIsStrictlyLongest(question)).map(({ at }) => at);
  const share = choice.length === 0 ? 0 : longest.length / choice.length;
  return { multipleChoice: choice.length, longest, share, tooMany: share > QUIZ_RULES.maxLongestCorrectShare };
}
