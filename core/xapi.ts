/**
 * The learner's completions as xAPI 1.0.3 statements, for an agency's
 * Learning Record Store. Pure: lib/backup.ts passes the records, the
 * learner's opaque id and the lesson names.
 *
 * Per completion, two statements about the lesson (or, for a review, its
 * quiz — an assessment whose parent is the lesson):
 *  - `completed`, with `result.completion` and the time spent;
 *  - `passed` or `failed` by `MASTERY_SCORE`, with the score
 *    (scaled, raw = questions right, min 0, max = questions) and `success`.
 *
 * No `answered` statements: Langkah keeps only how many answers were right,
 * not which option was chosen for which question, and an `answered` statement
 * without the interaction's response would say nothing.
 *
 * Statement ids are name-based UUIDs (version 5) of the completion id, so
 * exporting again gives the same ids and an LRS stores each statement once.
 */

export const XAPI_VERSION = '1.0.3';
/** The account's `homePage`: the system whose opaque ids these are. */
export const LANGKAH_HOME = 'https://langkah.id';
/** Lesson activities are `https://langkah.id/pelajaran/<lesson id>`. */
export const LESSON_IRI = `${LANGKAH_HOME}/pelajaran/`;
/**
 * The scaled score that passes: two thirds (as a 4-decimal scaled score,
 * 0.6667). 2 of 3 or 2 of 2 pass, 1 of 2 or 1 of 3 do not. Quizzes have 2–3
 * questions, so one slip in three still passes while guessing half does not.
 */
export const MASTERY_SCORE = 0.6667;
/** cmi5's context extension for the mastery score a passed/failed judgement used. */
export const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
/** Namespace of the version-5 statement ids (a fixed random UUID of Langkah's own). */
export const STATEMENT_NAMESPACE = 'c0579002-9f97-467c-b019-9d9932f7fee6';

export const VERBS = {
  completed: {
    id: 'http://adlnet.gov/expapi/verbs/completed',
    display: { 'id-ID': 'menyelesaikan', 'en-US': 'completed' },
  },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'id-ID': 'lulus', 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'id-ID': 'belum lulus', 'en-US': 'failed' } },
} as const;

const ACTIVITY_TYPES = {
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  assessment: 'http://adlnet.gov/expapi/activities/assessment',
} as const;

export type LanguageMap = Record<string, string>;

export interface XapiAgent {
  objectType: 'Agent';
  account: { homePage: string; name: string };
}

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: { name: LanguageMap; description: LanguageMap; type: string };
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: { id: string; display: LanguageMap };
  object: XapiActivity;
  result: {
    score?: { scaled: number; raw: number; min: number; max: number };
    success?: boolean;
    completion: boolean;
    duration: string;
  };
  context: {
    platform: string;
    language: string;
    contextActivities?: { parent: XapiActivity[] };
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
}

/** What a statement needs of a completion (lib/db.ts `Completion`). */
export interface XapiCompletion {
  id: string;
  lessonId: string;
  kind: 'lesson' | 'review';
  completedAt: number;
  utcOffset: number;
  correct: number;
  total: number;
  durationMs: number;
}

/** A lesson's name and description in Indonesian and English (`id-ID`, `en-US`). */
export interface LessonText {
  name: LanguageMap;
  description: LanguageMap;
}

export interface XapiExportOptions {
  /** The learner's opaque id (lib/settings.ts `xapiActor`). */
  actorName: string;
  /** Names of the lessons; a lesson no longer shipped gets its id as its name. */
  lessonText: (lessonId: string) => LessonText | undefined;
}

/* ------------------------------------------------------------------ formats */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * An ISO 8601 duration with at most two decimals of seconds (xAPI 1.0.3,
 * Part Two §4.6: precision 0.01 s).
 * @example isoDuration(95_000) // 'PT1M35S'
 * @example isoDuration(3_723_456) // 'PT1H2M3.45S'
 */
export function isoDuration(ms: number): string {
  const hundredths = Math.max(0, Math.floor(ms / 10));
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6000);
  const seconds = (hundredths % 6000) / 100;
  let out = 'PT';
  if (hours) out += `${hours}H`;
  if (minutes) out += `${minutes}M`;
  if (seconds || out === 'PT') out += `${Number(seconds.toFixed(2))}S`;
  return out;
}

/**
 * The instant as the learner's wall clock read it, with their UTC offset (minutes east).
 * @example localTimestamp(Date.UTC(2026, 10, 27, 2, 15), 420) // '2026-11-27T09:15:00.000+07:00'
 */
export function localTimestamp(at: number, utcOffset: number): string {
  const local = new Date(at + utcOffset * 60_000).toISOString().slice(0, -1);
  const sign = utcOffset < 0 ? '-' : '+';
  const abs = Math.abs(utcOffset);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/* ------------------------------------------------------------------ UUID v5 */

/**
 * The name-based UUID (RFC 4122 §4.3, version 5: SHA-1) of `name` in `namespace`.
 * @example await uuidV5('hello', '6ba7b811-9dad-11d1-80b4-00c04fd430c8') // URL namespace
 */
export async function uuidV5(name: string, namespace: string): Promise<string> {
  const ns = namespace.replace(/-/g, '');
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  for (let i = 0; i < 16; i++) input[i] = Number.parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  input.set(nameBytes, 16);
  // WebCrypto (browsers and Node alike); SHA-1 only as RFC 4122 §4.3 prescribes, not for security.
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-1', input)).slice(0, 16);
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/* ------------------------------------------------------------------ statements */

/** The learner as xAPI sees them: an opaque account on Langkah, nothing personal. */
export function xapiActor(actorName: string): XapiAgent {
  return { objectType: 'Agent', account: { homePage: LANGKAH_HOME, name: actorName } };
}

function lessonActivity(lessonId: string, text: LessonText | undefined): XapiActivity {
  return {
    objectType: 'Activity',
    id: `${LESSON_IRI}${encodeURIComponent(lessonId)}`,
    definition: {
      name: text?.name ?? { 'id-ID': lessonId },
      description: text?.description ?? { 'id-ID': lessonId },
      type: ACTIVITY_TYPES.lesson,
    },
  };
}

function quizActivity(lessonId: string, text: LessonText | undefined): XapiActivity {
  const name: LanguageMap = {};
  for (const [tag, value] of Object.entries(text?.name ?? { 'id-ID': lessonId }))
    name[tag] = tag.startsWith('id') ? `Kuis ulang: ${value}` : `Review quiz: ${value}`;
  return {
    objectType: 'Activity',
    id: `${LESSON_IRI}${encodeURIComponent(lessonId)}/kuis`,
    definition: {
      name,
      description: text?.description ?? { 'id-ID': lessonId },
      type: ACTIVITY_TYPES.assessment,
    },
  };
}

/** The scaled score (0–1, four decimals) of `correct` answers out of `total`. */
export function scaledScore(correct: number, total: number): number {
  return total > 0 ? Math.round((correct / total) * 10_000) / 10_000 : 0;
}

/** Whether a quiz result passes: its scaled score reaches `MASTERY_SCORE`, as an LRS would compare them. */
export function passes(correct: number, total: number): boolean {
  return total > 0 && scaledScore(correct, total) >= MASTERY_SCORE;
}

/** The two statements of one completion: `completed`, then `passed` or `failed`. */
export async function completionStatements(
  c: XapiCompletion,
  options: XapiExportOptions,
): Promise<[XapiStatement, XapiStatement]> {
  const text = options.lessonText(c.lessonId);
  const object = c.kind === 'review' ? quizActivity(c.lessonId, text) : lessonActivity(c.lessonId, text);
  const parent = c.kind === 'review' ? { contextActivities: { parent: [lessonActivity(c.lessonId, text)] } } : {};
  const base = {
    actor: xapiActor(options.actorName),
    object,
    timestamp: localTimestamp(c.completedAt, c.utcOffset),
  };
  const context = { platform: 'Langkah', language: 'id-ID', ...parent };
  const duration = isoDuration(c.durationMs);
  const success = passes(c.correct, c.total);
  const [completedId, resultId] = await Promise.all([
    uuidV5(`${c.id}/completed`, STATEMENT_NAMESPACE),
    uuidV5(`${c.id}/result`, STATEMENT_NAMESPACE),
  ]);
  return [
    {
      id: completedId,
      ...base,
      verb: VERBS.completed,
      result: { completion: true, duration },
      context,
    },
    {
      id: resultId,
      ...base,
      verb: success ? VERBS.passed : VERBS.failed,
      result: {
        score: { scaled: scaledScore(c.correct, c.total), raw: c.correct, min: 0, max: c.total },
        success,
        completion: true,
        duration,
      },
      context: { ...context, extensions: { [MASTERY_EXTENSION]: MASTERY_SCORE } },
    },
  ];
}

/** Every completion's statements, oldest first: the JSON array an LRS takes in one POST. */
export async function toXapiStatements(
  completions: readonly XapiCompletion[],
  options: XapiExportOptions,
): Promise<XapiStatement[]> {
  const sorted = [...completions].sort((a, b) => a.completedAt - b.completedAt || (a.id < b.id ? -1 : 1));
  return (await Promise.all(sorted.map((c) => completionStatements(c, options)))).flat();
}

/** `langkah-xapi-YYYY-MM-DD.json` for the learner's local date. */
export function xapiFileName(localDay: string): string {
  return `langkah-xapi-${localDay}.json`;
}
