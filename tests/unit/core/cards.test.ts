import { describe, expect, it } from 'vitest';
import {
  type CardPage,
  type CardState,
  type CardTrigger,
  onArticleLikePage,
  onGenericPage,
  planCards,
  registryProblems,
  triggerApplies,
} from '../../../core/cards';

/** Triggers shaped like the registered kinds (entrypoints/background/cards/). */
const lesson: CardTrigger = { kind: 'daily-lesson', priority: 30, feature: 'dailyLessonCard', firstOfDay: true };
const reader: CardTrigger = {
  kind: 'topic-reader',
  priority: 20,
  feature: 'topicReader',
  pages: [onGenericPage, onArticleLikePage],
  readsPage: true,
};
const tip: CardTrigger = { kind: 'tip', priority: 10 };
const registry = [lesson, reader, tip];

const page = (over: Partial<CardPage> = {}): CardPage => ({
  systemId: 'srikandi',
  generic: false,
  context: null,
  elements: new Set(),
  articleLike: false,
  ...over,
});
const state = (over: Partial<CardState> = {}): CardState => ({ disabledFeatures: new Set(), offersToday: 0, ...over });
const kinds = (triggers: readonly CardTrigger[]) => triggers.map((t) => t.kind);
const summary = (plan: ReturnType<typeof planCards>) => ({
  first: kinds(plan.first),
  reader: plan.reader?.kind ?? null,
  afterReading: kinds(plan.afterReading),
});

describe('planCards with the registered kinds', () => {
  it('a catalog page tries today’s lesson first, then a tip; nothing reads it', () => {
    expect(summary(planCards(registry, page(), state()))).toEqual({
      first: ['daily-lesson', 'tip'],
      reader: null,
      afterReading: [],
    });
  });

  it('an article-like page no catalog rule describes is read before a tip, after today’s lesson', () => {
    const generic = page({ systemId: 'gov', generic: true, articleLike: true });
    expect(summary(planCards(registry, generic, state()))).toEqual({
      first: ['daily-lesson'],
      reader: 'topic-reader',
      afterReading: ['tip'],
    });
  });

  it('a catalog page that reads like an article is not read (the reader is for undescribed pages only)', () => {
    expect(planCards(registry, page({ articleLike: true }), state()).reader).toBeNull();
  });

  it('a generic page that does not read like an article is not read', () => {
    expect(planCards(registry, page({ generic: true }), state()).reader).toBeNull();
  });

  it('today’s lesson only as the first card of the day', () => {
    expect(kinds(planCards(registry, page(), state({ offersToday: 1 })).first)).toEqual(['tip']);
  });

  it('a kind the agency switched off is never tried', () => {
    const generic = page({ generic: true, articleLike: true });
    const off = state({ disabledFeatures: new Set(['dailyLessonCard', 'topicReader'] as const) });
    expect(summary(planCards(registry, generic, off))).toEqual({ first: ['tip'], reader: null, afterReading: [] });
  });
});

describe('planCards ordering', () => {
  it('orders by priority, not by registry order', () => {
    expect(kinds(planCards([tip, reader, lesson], page(), state()).first)).toEqual(['daily-lesson', 'tip']);
  });

  it('keeps registry order among equal priorities', () => {
    const a: CardTrigger = { kind: 'a', priority: 5 };
    const b: CardTrigger = { kind: 'b', priority: 5 };
    expect(kinds(planCards([a, b], page(), state()).first)).toEqual(['a', 'b']);
    expect(kinds(planCards([b, a], page(), state()).first)).toEqual(['b', 'a']);
  });

  it('a fourth kind slots in by its priority and its pages alone', () => {
    const login: CardTrigger = { kind: 'login-help', priority: 15, pages: [(p) => p.context === 'login'] };
    const withLogin = [...registry, login];
    expect(kinds(planCards(withLogin, page({ context: 'login' }), state()).first)).toEqual([
      'daily-lesson',
      'login-help',
      'tip',
    ]);
    expect(kinds(planCards(withLogin, page({ context: 'beranda' }), state()).first)).toEqual(['daily-lesson', 'tip']);
  });

  it('only the first reading kind reads; a second one waits after it', () => {
    const other: CardTrigger = { kind: 'other-reader', priority: 12, readsPage: true };
    const plan = planCards([...registry, other], page({ generic: true, articleLike: true }), state());
    expect(summary(plan)).toEqual({
      first: ['daily-lesson'],
      reader: 'topic-reader',
      afterReading: ['other-reader', 'tip'],
    });
  });

  it('an empty registry plans nothing', () => {
    expect(summary(planCards([], page(), state()))).toEqual({ first: [], reader: null, afterReading: [] });
  });
});

describe('triggerApplies', () => {
  it('needs every page condition', () => {
    expect(triggerApplies(reader, page({ generic: true, articleLike: true }), state())).toBe(true);
    expect(triggerApplies(reader, page({ generic: true }), state())).toBe(false);
    expect(triggerApplies(reader, page({ articleLike: true }), state())).toBe(false);
  });

  it('a trigger without conditions applies to every page', () => {
    expect(triggerApplies(tip, page({ generic: true, articleLike: true }), state({ offersToday: 2 }))).toBe(true);
  });
});

describe('registryProblems', () => {
  it('the registered kinds are sound', () => {
    expect(registryProblems(registry)).toEqual([]);
  });

  it('names a kind registered twice', () => {
    expect(registryProblems([tip, { ...tip, priority: 11 }])).toEqual(['card kind "tip" is registered twice']);
  });

  it('names two kinds sharing a priority', () => {
    expect(registryProblems([tip, { kind: 'other', priority: 10 }])).toEqual([
      'card kinds "tip" and "other" share priority 10',
    ]);
  });

  it('names a malformed kind and a priority that is not a number', () => {
    expect(registryProblems([{ kind: 'Tip Card', priority: Number.NaN }])).toEqual([
      'card kind "Tip Card": kind must be lower-case-with-dashes',
      'card kind "Tip Card": priority must be a finite number',
    ]);
  });
});
