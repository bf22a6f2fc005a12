import lessonIndex from 'virtual:langkah/lesson-index';
import { beforeEach, describe, expect, it } from 'vitest';
import { dailyLesson } from '../../../../../entrypoints/background/cards/daily-lesson';
import { type Completion, getDb } from '../../../../../lib/db';
import { findOffer } from '../../../../../lib/offers';
import { dailyLessonCard } from '../../../../../lib/settings';
import { contextFor, now, TAB } from './context';

const offer = async (at = now) => {
  if (dailyLesson.readsPage) throw new Error('the daily lesson kind does not read the page');
  return dailyLesson.offer(await contextFor('srikandi.arsip.go.id', {}, at));
};

const completion = (day: string, lessonId: string): Completion => ({
  id: `c${lessonId.length.toString().padStart(31, '0')}`,
  lessonId,
  kind: 'lesson',
  day,
  completedAt: now - 60_000,
  utcOffset: 420,
  correct: 2,
  total: 2,
  durationMs: 60_000,
});

beforeEach(async () => {
  const db = getDb();
  await Promise.all([db.tipOffers.clear(), db.completions.clear()]);
});

describe('the daily lesson kind', () => {
  it('is declared as the first card of the day, first of all kinds, under the agency switch dailyLessonCard', () => {
    expect(dailyLesson).toMatchObject({
      kind: 'daily-lesson',
      priority: 30,
      feature: 'dailyLessonCard',
      firstOfDay: true,
    });
  });

  it('offers today’s lesson on a working day and reserves it as lesson:<id>', async () => {
    const card = await offer();
    expect(card).toMatchObject({ kind: 'lesson', title: 'Pelajaran hari ini' });
    const lesson = lessonIndex.find((l) => l.id === card?.learn?.lessonId);
    expect(lesson).toBeDefined();
    expect(card?.text).toContain(lesson?.title);
    expect(await findOffer(getDb(), card?.offerId ?? '')).toMatchObject({
      tipId: `lesson:${lesson?.id}`,
      systemId: 'srikandi',
      tabId: TAB,
      shownAt: null,
    });
  });

  it('offers nothing when the learner switched the card off', async () => {
    await dailyLessonCard.setValue(false);
    expect(await offer()).toBeNull();
    expect(await getDb().tipOffers.count()).toBe(0);
  });

  it('offers nothing on a weekend', async () => {
    expect(await offer(new Date(2026, 10, 28, 10).getTime())).toBeNull();
  });

  it('offers nothing once today’s goal is met', async () => {
    await getDb().completions.add(completion('2026-11-24', lessonIndex[0]?.id ?? 'x'));
    expect(await offer()).toBeNull();
    expect(await getDb().tipOffers.count()).toBe(0);
  });
});
