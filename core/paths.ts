/**
 * Role paths (jalur): groups of lessons by the learner's job, from
 * data/paths.yaml (validated at build time, see build/paths.ts). Pure: no
 * browser API; the learner's choice and progress are passed in.
 */

/** Text in both interface languages. */
export interface LocalizedText {
  id: string;
  en: string;
}

export interface RolePath {
  /** Kebab-case, stable: the learner's choice is stored by id. */
  id: string;
  name: LocalizedText;
  description: LocalizedText;
}

/** The path for lessons every ASN needs; the choice of a learner who skips the welcome page. */
export const GENERAL_PATH_ID = 'semua-asn';

/** What a learner who never chose gets. */
export const DEFAULT_PATH_IDS: readonly string[] = [GENERAL_PATH_ID];

/**
 * The stored choice, cleaned: known ids only, in the data file's order, no
 * duplicates; the default when nothing known is left (a path removed from the
 * data file never leaves the learner without one).
 */
export function chosenPaths(stored: readonly string[] | null | undefined, paths: readonly RolePath[]): string[] {
  const wanted = new Set(stored ?? []);
  const known = paths.filter((path) => wanted.has(path.id)).map((path) => path.id);
  if (known.length > 0) return known;
  return DEFAULT_PATH_IDS.filter((id) => paths.some((path) => path.id === id));
}

export interface PathProgress {
  pathId: string;
  /** Lessons of the path done at least once. */
  done: number;
  /** Lessons of the path. */
  total: number;
}

/** Done/total for each chosen path, in the order given. */
export function pathProgress(
  lessons: readonly { id: string; paths: readonly string[] }[],
  done: ReadonlySet<string>,
  chosen: readonly string[],
): PathProgress[] {
  return chosen.map((pathId) => {
    const of = lessons.filter((lesson) => lesson.paths.includes(pathId));
    return { pathId, done: of.filter((lesson) => done.has(lesson.id)).length, total: of.length };
  });
}

/** Whether a lesson serves at least one of the chosen paths. */
export function servesPaths(lessonPaths: readonly string[] | undefined, chosen: ReadonlySet<string>): boolean {
  return chosen.size > 0 && (lessonPaths ?? []).some((id) => chosen.has(id));
}
