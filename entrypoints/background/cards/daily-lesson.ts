/**
 * The daily lesson card: today's lesson (lib/today.ts) as the first card of a
 * working day, while the day's goal is not yet met and the learner keeps the
 * card switched on. It outranks every other kind; the agency may switch it
 * off (policy `dailyLessonCard`).
 */
import type { TipOffer } from '../../../core/protocol';
import { getDb } from '../../../lib/db';
import { isLearnerWorkingDay, loadHabitSettings } from '../../../lib/habits';
import { getTodayPick } from '../../../lib/today';
import { visitSettings } from '../memory';
import { loadLessonIndex, loadLessonsById } from '../package-data';
import { type Card, type CardContext, labels, learnLink, reserve } from './shared';

export const dailyLesson: Card = {
  kind: 'daily-lesson',
  priority: 30,
  feature: 'dailyLessonCard',
  firstOfDay: true,
  async offer(ctx: CardContext): Promise<TipOffer | null> {
    const { check } = ctx;
    if (!(await visitSettings.dailyLessonCard())) return null;
    const settings = await loadHabitSettings();
    if (!isLearnerWorkingDay(check.today, settings)) return null;
    const db = getDb();
    // Today's goal already met: no lesson card.
    if ((await db.completions.where('day').equals(check.today).count()) >= settings.dailyGoal) return null;
    const pick = await getTodayPick(db, await loadLessonIndex(), check.now, check.today);
    const lesson = pick ? (await loadLessonsById()).get(pick.lessonId) : undefined;
    if (!pick || !lesson) return null;
    const i18n = await ctx.i18n();
    const offerId = await reserve(ctx, `lesson:${lesson.id}`);
    return {
      offerId,
      kind: 'lesson',
      title: i18n.t('tip_lessonTitle'),
      text: i18n.tn('tip_lessonText', lesson.minutes, lesson.title, lesson.summary),
      why: i18n.t('tip_why_lesson'),
      learn: learnLink(i18n, lesson),
      labels: labels(i18n),
    };
  },
};
