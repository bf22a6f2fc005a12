/**
 * The tip card: a short tip that fits the page's system, page context and
 * fields (data/tips/*.yaml, chosen by core/tips.ts `chooseTip`). It applies to
 * every page that may get a card and comes last: it is what a page gets when
 * no other kind has something for it.
 */
import { offerCounts } from '../../../core/caps';
import { GENERIC_GOV_ID } from '../../../core/catalog';
import type { TipOffer } from '../../../core/protocol';
import { chooseTip } from '../../../core/tips';
import { getDb } from '../../../lib/db';
import type { MessageKey } from '../../../lib/i18n';
import { visitSettings } from '../memory';
import { loadLessonsById, loadTips } from '../package-data';
import { type Card, type CardContext, currentCaps, labels, learnLink, reserve } from './shared';

export const tip: Card = {
  kind: 'tip',
  priority: 10,
  async offer(ctx: CardContext): Promise<TipOffer | null> {
    const { check, detection, page } = ctx;
    const lastShown = new Map<string, number>();
    await getDb().tipOffers.each((e) => {
      if (offerCounts(e, check.now, check.tabId)) lastShown.set(e.tipId, Math.max(lastShown.get(e.tipId) ?? 0, e.at));
    });
    const match = chooseTip(
      await loadTips(),
      { systemId: page.systemId, context: page.context, elements: page.elements },
      new Set(await visitSettings.tipsNever()),
      lastShown,
    );
    if (!match) return null;
    const i18n = await ctx.i18n();
    const { t } = i18n;
    const name = detection.system.id === GENERIC_GOV_ID ? t('system_genericGov') : detection.system.name;
    const why = [t('tip_why_system', name)];
    if (match.matched.context) why.push(t('tip_why_context', match.matched.context));
    if (match.matched.element) why.push(t(`tip_why_element_${match.matched.element.replace('-', '_')}` as MessageKey));
    why.push(t('tip_why_caps', (await currentCaps()).perDay));
    const offerId = await reserve(ctx, match.tip.id);
    return {
      offerId,
      kind: 'tip',
      title: t('tip_title'),
      text: match.tip.text,
      why: why.join(' '),
      learn: learnLink(i18n, match.tip.lesson ? (await loadLessonsById()).get(match.tip.lesson) : undefined),
      labels: labels(i18n),
    };
  },
};
