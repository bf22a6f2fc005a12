import { describe, expect, it } from 'vitest';
import { type CardPage, planCards, registryProblems } from '../../../../../core/cards';
import { GENERIC_GOV_ID } from '../../../../../core/catalog';
import { POLICY_FEATURES } from '../../../../../core/policy';
import { CARDS } from '../../../../../entrypoints/background/cards/registry';

const state = { disabledFeatures: new Set<never>(), offersToday: 0 };
const page: CardPage = { systemId: 'srikandi', generic: false, context: null, elements: new Set(), articleLike: false };

describe('the card registry', () => {
  it('is sound: every kind once, each with its own priority', () => {
    expect(registryProblems(CARDS)).toEqual([]);
  });

  it('every agency switch for a kind is a policy feature', () => {
    for (const card of CARDS) if (card.feature) expect(POLICY_FEATURES).toContain(card.feature);
  });

  it('a catalog page gets today’s lesson first, else a tip', () => {
    expect(planCards(CARDS, page, state).first.map((c) => c.kind)).toEqual(['daily-lesson', 'tip']);
  });

  it('an article-like page no catalog rule describes is read between today’s lesson and a tip', () => {
    const plan = planCards(CARDS, { ...page, systemId: GENERIC_GOV_ID, generic: true, articleLike: true }, state);
    expect([plan.first.map((c) => c.kind), plan.reader?.kind, plan.afterReading.map((c) => c.kind)]).toEqual([
      ['daily-lesson'],
      'topic-reader',
      ['tip'],
    ]);
  });
});
