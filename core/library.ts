/**
 * The lesson library: each lesson's state for this learner, the filters, and
 * a search that forgives case, diacritics, hyphens and the common spelling
 * variants of Indonesian ("e-kinerja", "ekinerja", "kinerja"; "praktek" and
 * "praktik"; old spelling "tjara" for "cara"). Pure: data and time come in as
 * arguments.
 */
import { LESSON_PILLARS, type LessonLevel, type LessonMeta, type LessonPillar } from './lesson';

/** A lesson as the library lists it, with its role paths (data/paths.yaml). */
export type LibraryLesson = LessonMeta;

// ---------------------------------------------------------------------------
// State

export const LESSON_STATES = ['baru', 'selesai', 'perlu-diulang', 'kuat'] as const;
export type LessonState = (typeof LESSON_STATES)[number];

/** A review whose interval reaches this many days means the lesson is "kuat" (held well). */
export const STRONG_INTERVAL_DAYS = 21;

/** What the state of one lesson depends on, from the completions and the review schedule. */
export interface LessonProgress {
  /** The lesson itself was finished at least once. */
  lessonDone: boolean;
  /** Kind of the latest completion of this lesson (lesson or review quiz), null if none. */
  lastKind: 'lesson' | 'review' | null;
  /** Its review schedule, if it has one: when due (ms) and the interval it was given (days). */
  review: { due: number; scheduledDays: number } | null;
}

/**
 * The state the library shows:
 * - `perlu-diulang`: a review is due now;
 * - `kuat`: the review interval is at least STRONG_INTERVAL_DAYS, or the
 *   review retired after a good review quiz (core/review.ts removes it once
 *   the interval would reach 60 days);
 * - `selesai`: done, and any review is not yet due and still short;
 * - `baru`: never done.
 */
export function lessonState(progress: LessonProgress, now: number): LessonState {
  const { review } = progress;
  if (review) {
    if (review.due <= now) return 'perlu-diulang';
    if (review.scheduledDays >= STRONG_INTERVAL_DAYS) return 'kuat';
    return 'selesai';
  }
  if (progress.lastKind === 'review') return 'kuat';
  return progress.lessonDone ? 'selesai' : 'baru';
}

/** Completions and reviews as stored (only the fields the state needs). */
export interface ProgressRecords {
  completions: readonly { lessonId: string; kind: 'lesson' | 'review'; completedAt: number }[];
  reviews: readonly { lessonId: string; due: number; card: { scheduledDays: number } }[];
}

/** Every lesson's state, by id; lessons without records are `baru`. */
export function lessonStates(
  lessons: readonly { id: string }[],
  records: ProgressRecords,
  now: number,
): Map<string, LessonState> {
  const done = new Set<string>();
  const last = new Map<string, { at: number; kind: 'lesson' | 'review' }>();
  for (const c of records.completions) {
    if (c.kind === 'lesson') done.add(c.lessonId);
    const seen = last.get(c.lessonId);
    if (!seen || c.completedAt >= seen.at) last.set(c.lessonId, { at: c.completedAt, kind: c.kind });
  }
  const reviews = new Map(records.reviews.map((r) => [r.lessonId, r]));
  const states = new Map<string, LessonState>();
  for (const { id } of lessons) {
    const review = reviews.get(id);
    states.set(
      id,
      lessonState(
        {
          lessonDone: done.has(id),
          lastKind: last.get(id)?.kind ?? null,
          review: review ? { due: review.due, scheduledDays: review.card.scheduledDays } : null,
        },
        now,
      ),
    );
  }
  return states;
}

// ---------------------------------------------------------------------------
// Search text

/**
 * Whole words written in more than one way, folded to one spelling (both in
 * the query and in the lessons, so either spelling finds the other). Keys and
 * values are lower case without diacritics.
 */
export const WORD_VARIANTS: Readonly<Record<string, string>> = {
  praktek: 'praktik',
  resiko: 'risiko',
  nasehat: 'nasihat',
  sistim: 'sistem',
  ijin: 'izin',
  analisa: 'analisis',
  apotik: 'apotek',
  propinsi: 'provinsi',
  nopember: 'november',
  pebruari: 'februari',
  hakekat: 'hakikat',
  ijasah: 'ijazah',
  obyek: 'objek',
  subyek: 'subjek',
  obyektif: 'objektif',
  tehnik: 'teknik',
  tehnis: 'teknis',
  tehnologi: 'teknologi',
  tekhnologi: 'teknologi',
  managemen: 'manajemen',
  standarisasi: 'standardisasi',
  kongkrit: 'konkret',
  konkrit: 'konkret',
  antri: 'antre',
  silahkan: 'silakan',
  jadual: 'jadwal',
  frase: 'frasa',
  sekedar: 'sekadar',
  akte: 'akta',
  karir: 'karier',
  nomer: 'nomor',
  hutang: 'utang',
  telpon: 'telepon',
  sertipikat: 'sertifikat',
  kadaluarsa: 'kedaluwarsa',
  kadaluwarsa: 'kedaluwarsa',
  kedaluarsa: 'kedaluwarsa',
  pasword: 'password',
  paswort: 'password',
};

/**
 * Letter groups of old or loan spellings folded to one form: "dj"→"j",
 * "tj"→"c", "sj"→"sy", "oe"→"u" (Soewandi spelling), "ch"→"kh", "ph"→"f",
 * "v"→"f" (aktivitas/aktifitas), "kw"→"ku", "q"→"k", "x"→"ks". Applied to
 * both sides, so a fold never hides a match; it can only join two spellings.
 */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  dj: 'j',
  tj: 'c',
  sj: 'sy',
  oe: 'u',
  ch: 'kh',
  ph: 'f',
  kw: 'ku',
  v: 'f',
  q: 'k',
  x: 'ks',
};

// One pass each over the whole text (not word by word): the index of 300 lessons is built in a few milliseconds.
const LETTER_FOLD_PATTERN = /dj|tj|sj|oe|ch|ph|kw|[vqx]/g;
// Runs on folded text, whose words are separated by single spaces.
const WORD_VARIANT_PATTERN = new RegExp(`(?<=^| )(?:${Object.keys(WORD_VARIANTS).join('|')})(?= |$)`, 'g');
const ASCII_PATTERN = /^[\x20-\x7e]*$/;
const ASCII_JOINER_PATTERN = /([a-z0-9])[-_.'](?=[a-z0-9])/g;
/** A hyphen, dash, underscore, dot or apostrophe between two letters or digits: joined ("e-Kinerja"). */
const JOINER_PATTERN = /(?<=[\p{L}\p{N}])[-‐‑–_.'’](?=[\p{L}\p{N}])/gu;

/**
 * Search form of a text: lower case, no diacritics, each word's spelling
 * folded (WORD_VARIANTS, then letter folds); hyphenated words joined
 * ("e-Kinerja" → "ekinerja"), other punctuation a single space.
 * @example foldSearchText('SKP dan e-Kinerja') // 'skp dan ekinerja'
 */
export function foldSearchText(text: string): string {
  // Plain ASCII (most lesson text) skips the Unicode steps, which cost several times more.
  const words = ASCII_PATTERN.test(text)
    ? text
        .toLowerCase()
        .replace(ASCII_JOINER_PATTERN, '$1')
        .replace(/[^a-z0-9]+/g, ' ')
    : text
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(JOINER_PATTERN, '')
        .replace(/[^\p{L}\p{N}]+/gu, ' ');
  return words
    .trim()
    .replace(WORD_VARIANT_PATTERN, (word) => WORD_VARIANTS[word] ?? word)
    .replace(LETTER_FOLD_PATTERN, (letters) => LETTER_FOLDS[letters] ?? letters);
}

/** The query as folded terms: each whitespace-separated part, without its punctuation. Empty for a blank query. */
export function queryTerms(query: string): string[] {
  const terms = query
    .split(/\s+/)
    .map((part) => foldSearchText(part).replace(/ /g, ''))
    .filter(Boolean);
  return [...new Set(terms)];
}

// ---------------------------------------------------------------------------
// Index and matching

const FIELDS = ['title', 'topics', 'summary'] as const;
type Field = (typeof FIELDS)[number];
/** What a term found in each field is worth; a term at the start of a word is worth one more. */
const FIELD_WEIGHT: Record<Field, number> = { title: 3, topics: 2, summary: 1 };

interface IndexedField {
  /** Folded words separated by single spaces, padded with a space at each end. */
  spaced: string;
  /** The same without spaces, so "e kinerja", "e-kinerja" and "ekinerja" all meet. */
  compact: string;
}

export interface SearchEntry<L extends { id: string } = LibraryLesson> {
  lesson: L;
  fields: Record<Field, IndexedField>;
}

function indexField(text: string): IndexedField {
  const spaced = foldSearchText(text);
  return { spaced: ` ${spaced} `, compact: spaced.replace(/ /g, '') };
}

/** Folds every lesson's title, topics and summary once, so each search only compares strings. */
export function buildSearchIndex<L extends Pick<LessonMeta, 'id' | 'title' | 'summary' | 'topics'>>(
  lessons: readonly L[],
): SearchEntry<L>[] {
  return lessons.map((lesson) => ({
    lesson,
    fields: {
      title: indexField(lesson.title),
      topics: indexField(lesson.topics.join(', ')),
      summary: indexField(lesson.summary),
    },
  }));
}

/**
 * How well a lesson matches the terms: 0 when any term is missing from all of
 * its title, topics and summary; otherwise the sum over terms of the best
 * field weight (title 3, topics 2, summary 1, +1 at the start of a word).
 */
export function matchScore(entry: SearchEntry<{ id: string }>, terms: readonly string[]): number {
  let total = 0;
  for (const term of terms) {
    let best = 0;
    for (const field of FIELDS) {
      const { spaced, compact } = entry.fields[field];
      if (!compact.includes(term)) continue;
      const score = FIELD_WEIGHT[field] + (spaced.includes(` ${term}`) ? 1 : 0);
      if (score > best) best = score;
    }
    if (best === 0) return 0;
    total += best;
  }
  return total;
}

/** The lessons matching every term, best first (ties keep the index order). All lessons for a blank query. */
export function searchLessons<L extends { id: string }>(index: readonly SearchEntry<L>[], query: string): L[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return index.map((e) => e.lesson);
  const hits: { lesson: L; score: number; order: number }[] = [];
  index.forEach((entry, order) => {
    const score = matchScore(entry, terms);
    if (score > 0) hits.push({ lesson: entry.lesson, score, order });
  });
  hits.sort((a, b) => b.score - a.score || a.order - b.order);
  return hits.map((h) => h.lesson);
}

// ---------------------------------------------------------------------------
// Filters and grouping

export interface LibraryFilter {
  /** A system id, or '' for all. */
  system: string;
  /** A level, or '' for all. */
  level: LessonLevel | '';
  /** A role path, or '' for all. */
  path: string;
}

export const NO_FILTER: LibraryFilter = { system: '', level: '', path: '' };

export function matchesFilter(lesson: LibraryLesson, filter: LibraryFilter): boolean {
  return (
    (!filter.system || lesson.systems.includes(filter.system)) &&
    (!filter.level || lesson.level === filter.level) &&
    (!filter.path || (lesson.paths ?? []).includes(filter.path))
  );
}

/** The choices a filter offers: only values some lesson has, sorted. `paths` is empty when no lesson has one. */
export function filterChoices(lessons: readonly LibraryLesson[]): { systems: string[]; paths: string[] } {
  const systems = new Set<string>();
  const paths = new Set<string>();
  for (const lesson of lessons) {
    for (const s of lesson.systems) systems.add(s);
    for (const p of lesson.paths ?? []) paths.add(p);
  }
  return { systems: [...systems].sort(), paths: [...paths].sort() };
}

/** Lessons grouped by pillar in the framework's order, each group in the given order; empty pillars left out. */
export function groupByPillar<L extends { pillar: LessonPillar }>(
  lessons: readonly L[],
): { pillar: LessonPillar; lessons: L[] }[] {
  return LESSON_PILLARS.map((pillar) => ({ pillar, lessons: lessons.filter((l) => l.pillar === pillar) })).filter(
    (group) => group.lessons.length > 0,
  );
}
