/**
 * Today's pick: which lesson (or review) Langkah offers today, and why.
 * Pure and deterministic: the same inputs always give the same pick.
 *
 * Order of preference:
 * 1. a review that is due (the most overdue first);
 * 2. a lesson not yet done, from the levels unlocked so far (dasar always;
 *    menengah after LEVEL_UNLOCK dasar lessons; mahir after LEVEL_UNLOCK
 *    menengah lessons), preferring, in turn: the learner's chosen role paths
 *    (core/paths.ts), the systems the learner used most in the last 7 days, the lower level, the pillar with the fewest
 *    lessons done, then the id;
 * 3. when every lesson is done, a refresher: the lesson done longest ago,
 *    never the one just finished.
 *
 * Reviews are a daily activity of their own (`planReviews`): today's review
 * holds the most overdue lessons up to a daily cap that grows with the daily
 * goal; the rest wait for the next days, and the popup says how many.
 */
import { LESSON_LEVELS, LESSON_PILLARS, type LessonLevel, type LessonPillar } from './lesson';
import { GENERAL_PATH_ID, servesPaths } from './paths';
import { questionsPerRun, reviewMinutes } from './quiz';

/** Lessons of a level that must be done before the next level opens. */
export const LEVEL_UNLOCK = 3;

export interface PickLesson {
  id: string;
  level: LessonLevel;
  pillar: LessonPillar;
  systems: readonly string[];
  /** Role path ids the lesson serves (data/paths.yaml). */
  paths?: readonly string[];
}

export interface PickInput {
  lessons: readonly PickLesson[];
  /** Lesson ids with a finished lesson, most recently finished LAST. */
  doneInOrder: readonly string[];
  /** The lesson of the most recent completion (lesson or review), if any. */
  lastFinished: string | null;
  /** Lesson ids with a review due now, most overdue first. */
  dueReviews: readonly string[];
  /** Page views per system id over the last 7 days. */
  systemViews: ReadonlyMap<string, number>;
  /** The learner's role paths: their lessons come first. Empty or absent: no preference. */
  chosenPaths?: readonly string[];
}

export type PickReason =
  | { code: 'review' }
  | { code: 'system'; systemId: string; views: number }
  | { code: 'pillar'; pillar: LessonPillar }
  | { code: 'path' }
  | { code: 'level'; level: LessonLevel }
  | { code: 'start' }
  | { code: 'next' }
  | { code: 'refresh' };

export interface Pick {
  lessonId: string;
  kind: 'lesson' | 'review';
  reason: PickReason;
}

const levelRank = (level: LessonLevel) => LESSON_LEVELS.indexOf(level);

/** The levels open to a learner who has done the given lessons. */
export function unlockedLevels(lessons: readonly PickLesson[], done: ReadonlySet<string>): LessonLevel[] {
  const doneAt = (level: LessonLevel) => lessons.filter((l) => l.level === level && done.has(l.id)).length;
  const open: LessonLevel[] = ['dasar'];
  for (let i = 1; i < LESSON_LEVELS.length; i++) {
    const previous = LESSON_LEVELS[i - 1] as LessonLevel;
    const remainingBelow = lessons.some((l) => l.level === previous && !done.has(l.id));
    if (doneAt(previous) < LEVEL_UNLOCK && remainingBelow) break;
    open.push(LESSON_LEVELS[i] as LessonLevel);
  }
  return open;
}

/** The most-used system among `systems`, with its views (0 when none was used). */
function topSystem(systems: readonly string[], views: ReadonlyMap<string, number>): { id: string; views: number } {
  let best = { id: '', views: 0 };
  for (const id of systems) {
    const v = views.get(id) ?? 0;
    if (v > best.views || (v === best.views && v > 0 && id < best.id)) best = { id, views: v };
  }
  return best;
}

/** Chooses today's lesson or review; null only when there are no lessons at all. */
export function pickToday(input: PickInput): Pick | null {
  const known = new Set(input.lessons.map((l) => l.id));
  const review =
    input.dueReviews.find((id) => known.has(id) && id !== input.lastFinished) ??
    input.dueReviews.find((id) => known.has(id));
  if (review) return { lessonId: review, kind: 'review', reason: { code: 'review' } };

  const done = new Set(input.doneInOrder);
  const open = new Set(unlockedLevels(input.lessons, done));
  const candidates = input.lessons.filter((l) => !done.has(l.id) && open.has(l.level));

  if (candidates.length === 0) {
    // Everything open is done: refresh the lesson done longest ago, not the one just finished.
    const refresher = input.doneInOrder.find((id) => known.has(id) && id !== input.lastFinished);
    const fallback = refresher ?? input.lessons[0]?.id;
    return fallback ? { lessonId: fallback, kind: 'lesson', reason: { code: 'refresh' } } : null;
  }

  const pillarDone = new Map<LessonPillar, number>(LESSON_PILLARS.map((p) => [p, 0]));
  for (const lesson of input.lessons) {
    if (done.has(lesson.id)) pillarDone.set(lesson.pillar, (pillarDone.get(lesson.pillar) ?? 0) + 1);
  }

  const chosen = new Set(input.chosenPaths ?? []);
  const scored = candidates.map((lesson) => ({
    lesson,
    onPath: servesPaths(lesson.paths, chosen) ? 1 : 0,
    system: topSystem(lesson.systems, input.systemViews),
    pillarCount: pillarDone.get(lesson.pillar) ?? 0,
  }));
  scored.sort(
    (a, b) =>
      b.onPath - a.onPath ||
      b.system.views - a.system.views ||
      levelRank(a.lesson.level) - levelRank(b.lesson.level) ||
      a.pillarCount - b.pillarCount ||
      (a.lesson.id < b.lesson.id ? -1 : 1),
  );
  const best = scored[0];
  if (!best) return null;

  const { lesson, system, pillarCount } = best;
  let reason: PickReason;
  if (system.views > 0) reason = { code: 'system', systemId: system.id, views: system.views };
  else if (done.size === 0) reason = { code: 'start' };
  else if (lesson.level !== 'dasar' && !input.lessons.some((l) => l.level === lesson.level && done.has(l.id)))
    reason = { code: 'level', level: lesson.level };
  else if (servesPaths(lesson.paths, new Set([...chosen].filter((id) => id !== GENERAL_PATH_ID))))
    reason = { code: 'path' };
  else if ([...pillarDone.values()].some((count) => count > pillarCount))
    reason = { code: 'pillar', pillar: lesson.pillar };
  else reason = { code: 'next' };
  return { lessonId: lesson.id, kind: 'lesson', reason };
}

/**
 * Lesson reviews one day offers at most, by daily goal (1–3 lessons a day).
 * A learner who does the day's review and the goal's lessons reads at most
 * cap + goal lessons a day, and a due review waits at most a few days.
 */
export function reviewCap(goal: number): number {
  return Math.min(3, Math.max(1, Math.round(goal))) + 2;
}

export interface ReviewPlanInput {
  /** Lesson ids with a review due now, most overdue first. */
  due: readonly string[];
  /** Lesson ids that exist (a review of a removed lesson is skipped). */
  known: ReadonlySet<string>;
  /** The learner's daily goal (1–3). */
  goal: number;
  /** Lesson reviews already finished today. */
  reviewedToday: number;
}

export interface ReviewPlan {
  /** Today's review: the lessons to review now, most overdue first. */
  lessonIds: string[];
  /** Questions today's review asks, and about how many minutes it takes. */
  questions: number;
  minutes: number;
  /** Reviews due that wait for the next days because of the cap. */
  waiting: number;
  cap: number;
}

/** Today's review: the most overdue due lessons, up to what is left of today's cap. */
export function planReviews(input: ReviewPlanInput): ReviewPlan {
  const cap = reviewCap(input.goal);
  const due = input.due.filter((id) => input.known.has(id));
  const lessonIds = due.slice(0, Math.max(0, cap - input.reviewedToday));
  const questions = lessonIds.length * questionsPerRun(Number.POSITIVE_INFINITY, 'review');
  return {
    lessonIds,
    questions,
    minutes: questions > 0 ? reviewMinutes(questions) : 0,
    waiting: due.length - lessonIds.length,
    cap,
  };
}
