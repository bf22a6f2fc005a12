/**
 * TEST-ONLY. What the LRS double must hold for the completions the extension
 * recorded (issue 17 e2e, Chromium and Firefox): each completion's two
 * statements, under the ids docs/xapi-profile.md gives, with its verb, its
 * activity (lesson or review quiz), its score and its time as the learner's
 * clock read it. Checked against the completion rows read from the
 * extension's database, not against the code that builds the statements.
 */
import type { BackupCompletion } from '../core/backup';
import { addDays, type DayKey, dayKey } from '../core/day';
import { workingDaysBetween } from '../core/workdays';
import { LESSON_IRI, STATEMENT_NAMESPACE, uuidV5, VERBS } from '../core/xapi';

/** The learners' zone in these tests (WIB): the browsers are started in it, so `utcOffset` is 420. */
export const ZONE = 'Asia/Jakarta';

/** Today in WIB (with the default rollover hour, 03.00). */
export function todayInZone(now = Date.now()): DayKey {
  return dayKey(now, { timeZone: ZONE });
}

/** The last `n` working days (Senin–Jumat) before today in WIB, oldest first. */
export function pastWorkingDays(n: number, now = Date.now()): DayKey[] {
  const today = todayInZone(now);
  return workingDaysBetween(addDays(today, -14), addDays(today, -1)).slice(-n);
}

/** The instant `time` (`HH:MM`, WIB) on `day`. */
export function atInZone(day: DayKey, time: string): number {
  return Date.parse(`${day}T${time}:00+07:00`);
}

/** A row of the extension's `completions` table, as the tests read it (the stored shape, core/backup.ts). */
export type RecordedCompletion = Pick<
  BackupCompletion,
  'id' | 'lessonId' | 'kind' | 'day' | 'completedAt' | 'utcOffset' | 'correct' | 'total'
>;

interface Stored {
  id: string;
  verb: { id: string };
  object: { id: string };
  timestamp: string;
  result?: { score?: { raw?: number; max?: number }; success?: boolean };
}

/** `+07:00` for 420 minutes east of UTC. */
function offsetText(minutes: number): string {
  const abs = Math.abs(minutes);
  return `${minutes < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/** The ids of a completion's two statements (docs/xapi-profile.md, "Identitas pernyataan"). */
export async function statementIds(completionId: string): Promise<[string, string]> {
  return Promise.all([
    uuidV5(`${completionId}/completed`, STATEMENT_NAMESPACE),
    uuidV5(`${completionId}/result`, STATEMENT_NAMESPACE),
  ]);
}

/**
 * What is wrong with the statements stored for `completions` (empty: nothing).
 * Passing 2/3 or better is `passed`; the timestamp is the completion's instant,
 * written in its UTC offset, on its day (the local date, or the day before
 * before 03.00: the default rollover hour).
 */
export async function statementProblems(
  completions: readonly RecordedCompletion[],
  stored: ReadonlyMap<string, { statement: unknown }>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const c of completions) {
    const [completedId, resultId] = await statementIds(c.id);
    const activity = `${LESSON_IRI}${c.lessonId}${c.kind === 'review' ? '/kuis' : ''}`;
    const passed = c.correct * 3 >= c.total * 2;
    const want = [
      { id: completedId, verb: VERBS.completed.id },
      { id: resultId, verb: passed ? VERBS.passed.id : VERBS.failed.id },
    ];
    for (const { id, verb } of want) {
      const s = stored.get(id)?.statement as Stored | undefined;
      const where = `completion ${c.id} (${c.kind} ${c.lessonId}, ${c.day}) statement ${id}`;
      if (!s) {
        problems.push(`${where}: not in the LRS`);
        continue;
      }
      if (s.verb.id !== verb) problems.push(`${where}: verb ${s.verb.id}, expected ${verb}`);
      if (s.object.id !== activity) problems.push(`${where}: object ${s.object.id}, expected ${activity}`);
      if (Date.parse(s.timestamp) !== c.completedAt)
        problems.push(`${where}: timestamp ${s.timestamp} is not ${new Date(c.completedAt).toISOString()}`);
      const localDate = s.timestamp.slice(0, 10) as DayKey;
      const day = Number(s.timestamp.slice(11, 13)) < 3 ? addDays(localDate, -1) : localDate;
      if (day !== c.day || !s.timestamp.endsWith(offsetText(c.utcOffset)))
        problems.push(`${where}: timestamp ${s.timestamp} is not on ${c.day} at ${offsetText(c.utcOffset)}`);
      if (verb !== VERBS.completed.id && (s.result?.score?.raw !== c.correct || s.result?.success !== passed))
        problems.push(`${where}: result ${JSON.stringify(s.result)}, expected ${c.correct}/${c.total}`);
    }
  }
  return problems;
}
