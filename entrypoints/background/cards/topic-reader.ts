/**
 * The topic reader: a government page no catalog rule describes that reads
 * like an article gets the lesson matching its topic. The reader script
 * (entrypoints/reader.ts) runs in the tab and returns only a lesson id and a
 * topic — the page's text never leaves the tab. When nothing matches, the
 * kinds after this one (the tip) get their turn. The agency may switch it off
 * (policy `topicReader`).
 */
import { browser } from 'wxt/browser';
import { onArticleLikePage, onGenericPage } from '../../../core/cards';
import type { TipOffer } from '../../../core/protocol';
import { loadLessonsById } from '../package-data';
import { type Card, type CardContext, labels, learnLink, type ReadTarget, reserve } from './shared';

/** What the reader found, when it is a known lesson and a topic; null otherwise. */
export async function readerFinding(found: unknown): Promise<{ lessonId: string; topic: string } | null> {
  if (typeof found !== 'object' || found === null) return null;
  const { lessonId, topic } = found as Record<string, unknown>;
  if (typeof lessonId !== 'string' || typeof topic !== 'string') return null;
  if (!(await loadLessonsById()).has(lessonId)) return null;
  return { lessonId, topic };
}

export const topicReader: Card = {
  kind: 'topic-reader',
  priority: 20,
  feature: 'topicReader',
  pages: [onGenericPage, onArticleLikePage],
  readsPage: true,
  async read({ tabId, frameId }: ReadTarget): Promise<unknown> {
    const [injection] = await browser.scripting.executeScript({
      target: { tabId, frameIds: [frameId] },
      files: ['/reader.js'],
    });
    return injection?.result;
  },
  async offer(ctx: CardContext, found: unknown): Promise<TipOffer | null> {
    const finding = await readerFinding(found);
    const lesson = finding ? (await loadLessonsById()).get(finding.lessonId) : undefined;
    if (!finding || !lesson) return null;
    const i18n = await ctx.i18n();
    const offerId = await reserve(ctx, `topic:${lesson.id}`);
    return {
      offerId,
      kind: 'topic',
      title: i18n.t('tip_topicTitle'),
      text: i18n.tn('tip_topicText', lesson.minutes, finding.topic, lesson.title),
      why: i18n.t('tip_why_topic', finding.topic),
      learn: learnLink(i18n, lesson),
      labels: labels(i18n),
    };
  },
};
