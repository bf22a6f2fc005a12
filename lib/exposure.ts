/**
 * How often each question of a lesson was asked, for the lesson page to ask
 * the least seen. Apart from lib/completions.ts so the page loads it without
 * the review scheduler.
 */
import { exposureCounts } from '../core/quiz';
import type { LangkahDB } from './db';

/**
 * How often the learner has been asked each question of a lesson, counted
 * from the questions its stored completions asked.
 */
export async function questionExposure(db: LangkahDB, lessonId: string): Promise<Map<string, number>> {
  // Filtered rather than read by index: the count must not depend on which indexes a version keeps.
  const runs = await db.completions.filter((c) => c.lessonId === lessonId).toArray();
  return exposureCounts(runs.map((c) => c.questions));
}
