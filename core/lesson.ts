/**
 * Micro-lessons as the core sees them: plain data compiled and validated at
 * build time from `lessons/*.md` (see build/lessons.ts). No Node or browser API here.
 */

/** Difficulty, from first steps to advanced practice. */
export const LESSON_LEVELS = ['dasar', 'menengah', 'mahir'] as const;
export type LessonLevel = (typeof LESSON_LEVELS)[number];

/** The four pillars of Indonesia's digital literacy framework (Komdigi/Siberkreasi). */
export const LESSON_PILLARS = ['cakap-digital', 'etika-digital', 'aman-digital', 'budaya-digital'] as const;
export type LessonPillar = (typeof LESSON_PILLARS)[number];

export const LEVEL_LABELS: Record<LessonLevel, string> = {
  dasar: 'Dasar',
  menengah: 'Menengah',
  mahir: 'Mahir',
};

export const PILLAR_LABELS: Record<LessonPillar, string> = {
  'cakap-digital': 'Cakap Digital',
  'etika-digital': 'Etika Digital',
  'aman-digital': 'Aman Digital',
  'budaya-digital': 'Budaya Digital',
};

/** The limits a lesson file must respect; build/lessons.ts enforces them. */
export const LESSON_LIMITS = {
  minMinutes: 1,
  maxMinutes: 3,
  minCards: 1,
  maxCards: 4,
  minQuestions: 2,
  /** A lesson's question pool; one run shows at most `questionsPerRun` of them. */
  maxQuestions: 8,
  questionsPerRun: 3,
  minOptions: 2,
  maxOptions: 5,
  /** Words one run can show: the cards plus the `questionsPerRun` longest questions of the pool. */
  maxWords: 400,
  maxExplanationChars: 240,
} as const;

export interface LessonSource {
  title: string;
  /** An http(s) URL of the regulation or official page. */
  url: string;
}

/** A card of prose: Markdown rendered to safe HTML. */
export interface TextCard {
  kind?: 'text';
  /** Plain text (not HTML). */
  title: string;
  /** Safe HTML rendered at build time: raw HTML escaped, links http(s) only, images local only. */
  html: string;
}

/**
 * A worked example (`## Contoh: …`): a one-line scenario and 3–6 numbered
 * steps, shown one step at a time.
 */
export interface ExampleCard {
  kind: 'example';
  /** Plain text, the heading without the "Contoh:" prefix. */
  title: string;
  /** Safe HTML of the scenario paragraph. */
  html: string;
  /** Safe inline HTML of each step, in order. */
  steps: string[];
}

export type LessonCard = TextCard | ExampleCard;

/** Steps a worked example may have. */
export const EXAMPLE_STEPS = { min: 3, max: 6 } as const;

/** Local lesson images: where they live, which types, how large. */
export const LESSON_IMAGES = {
  dir: 'img',
  /** Where the build puts them in the extension. */
  publicDir: 'lesson-img',
  types: ['png', 'webp', 'svg'],
  maxBytes: 80 * 1024,
} as const;

/** Where the build writes each lesson's full content (`<id>.json`) for the lesson page to load. */
export const LESSON_DATA_DIR = 'lesson-data';

export interface QuizOption {
  /** Safe inline HTML (escaped text, may hold <code>, <strong>, <em>, links). */
  text: string;
  correct: boolean;
}

export interface QuizQuestion {
  /**
   * Stable id: a hash of the prompt's plain text (see build/lessons.ts), so
   * reordering, adding questions or editing options keeps the learner's
   * exposure counts; a rewritten prompt is a new question.
   */
  id: string;
  /** Safe inline HTML. */
  prompt: string;
  /** 2–5 options; at least one and not all are correct. */
  options: QuizOption[];
  /** One line, safe inline HTML: why the correct answer is correct. */
  explanation: string;
}

/** What choosing and listing lessons needs, without the lesson content. */
export interface LessonMeta {
  /** Kebab-case, equal to the file name without `.md`. */
  id: string;
  title: string;
  summary: string;
  minutes: number;
  level: LessonLevel;
  pillar: LessonPillar;
  /** Catalog system ids (data/systems.yaml); may be empty. */
  systems: string[];
  /** Role path ids (data/paths.yaml) the lesson serves; at least one. */
  paths: string[];
  /** Lower-case keywords or phrases matched against page topics. */
  topics: string[];
}

export interface Lesson extends LessonMeta {
  /** At least one; the regulation or official page the facts rest on. */
  sources: LessonSource[];
  /** `YYYY-MM-DD`: the day a person last checked the lesson against its sources. */
  reviewed: string;
  /** 1–4 cards, shown one at a time. */
  cards: LessonCard[];
  /** The question pool (2–8); one run shows a few of them (core/quiz.ts). */
  quiz: QuizQuestion[];
  /** Words of cards + quiz, as counted by `countWords`. */
  words: number;
}

/** What the popup and choosing today's lesson need: the metadata without the summary and topics the library shows. */
export type LessonBrief = Omit<LessonMeta, 'summary' | 'topics'>;

/** The brief part of a lesson's metadata (a fresh object; arrays are shared). */
export function lessonBrief(lesson: LessonMeta): LessonBrief {
  const { id, title, minutes, level, pillar, systems, paths } = lesson;
  return { id, title, minutes, level, pillar, systems, paths };
}

/** The meta part of a lesson (a fresh object; arrays are shared). */
export function lessonMeta(lesson: Lesson): LessonMeta {
  const { id, title, summary, minutes, level, pillar, systems, paths, topics } = lesson;
  return { id, title, summary, minutes, level, pillar, systems, paths, topics };
}

/**
 * Counts words the way a reader would: runs of characters separated by
 * whitespace that contain at least one letter or digit.
 * `countWords('Klik “Simpan” — selesai.')` is 3 (the dash is not a word).
 */
export function countWords(text: string): number {
  let count = 0;
  for (const part of text.split(/\s+/)) {
    if (/[\p{L}\p{N}]/u.test(part)) count++;
  }
  return count;
}

/** Indexes of the correct options of a question, in order. */
export function correctOptionIndexes(question: QuizQuestion): number[] {
  return question.options.flatMap((option, i) => (option.correct ? [i] : []));
}

/**
 * Whether the chosen option indexes are exactly the correct ones (order and
 * duplicates ignored). A question with one correct option needs that one only.
 */
export function isCorrectAnswer(question: QuizQuestion, chosen: readonly number[]): boolean {
  const want = correctOptionIndexes(question);
  const got = [...new Set(chosen)].sort((a, b) => a - b);
  return want.length === got.length && want.every((index, i) => index === got[i]);
}
