import lessonIndex from 'virtual:langkah/lesson-index';
import { beforeEach, describe, expect, it } from 'vitest';
import { onArticleLikePage, onGenericPage } from '../../../../../core/cards';
import { GENERIC_GOV_ID } from '../../../../../core/catalog';
import { readerFinding, topicReader } from '../../../../../entrypoints/background/cards/topic-reader';
import { getDb } from '../../../../../lib/db';
import { findOffer } from '../../../../../lib/offers';
import { contextFor, TAB } from './context';

const lesson = lessonIndex[0];
const offer = async (found: unknown) => {
  if (!topicReader.readsPage) throw new Error('the topic reader reads the page');
  return topicReader.offer(await contextFor('www.contoh.go.id', { articleLike: true }), found);
};

beforeEach(async () => {
  await getDb().tipOffers.clear();
});

describe('the topic reader kind', () => {
  it('reads article-like pages no catalog rule describes, before a tip, under the agency switch topicReader', () => {
    expect(topicReader).toMatchObject({ kind: 'topic-reader', priority: 20, feature: 'topicReader', readsPage: true });
    expect(topicReader.pages).toEqual([onGenericPage, onArticleLikePage]);
  });

  it('offers the lesson the reader found, naming the topic, and reserves it as topic:<id>', async () => {
    const card = await offer({ lessonId: lesson?.id, topic: 'tanda tangan elektronik' });
    expect(card).toMatchObject({ kind: 'topic', learn: { lessonId: lesson?.id } });
    expect(card?.text).toContain('tanda tangan elektronik');
    expect(card?.why).toContain('tanda tangan elektronik');
    expect(await findOffer(getDb(), card?.offerId ?? '')).toMatchObject({
      tipId: `topic:${lesson?.id}`,
      systemId: GENERIC_GOV_ID,
      tabId: TAB,
      shownAt: null,
    });
  });

  it.each([
    ['nothing found', null],
    ['an unknown lesson', { lessonId: 'no-such-lesson', topic: 'x' }],
    ['a topic that is not text', { lessonId: lesson?.id, topic: 42 }],
    ['a bare string', 'kata-sandi-kuat'],
  ])('offers nothing and reserves nothing for %s', async (_what, found) => {
    expect(await offer(found)).toBeNull();
    expect(await getDb().tipOffers.count()).toBe(0);
  });
});

describe('readerFinding', () => {
  it('keeps only a known lesson id and a text topic', async () => {
    expect(await readerFinding({ lessonId: lesson?.id, topic: 'arsip', extra: 'dropped' })).toEqual({
      lessonId: lesson?.id,
      topic: 'arsip',
    });
    expect(await readerFinding(undefined)).toBeNull();
    expect(await readerFinding({ lessonId: 'tidak-ada', topic: 'arsip' })).toBeNull();
  });
});
