/**
 * Card kinds and which one a page gets. Every kind of automatic card (a tip,
 * today's lesson, a topic reading, …) registers a declarative trigger: the
 * pages it applies to, its priority, the agency switch that turns it off and
 * whether it must read the page first. This module only decides, from the
 * registered triggers and today's state, which kinds to try for a request and
 * in which order; building an offer is the shell's job
 * (entrypoints/background/cards/).
 */
import type { PolicyFeature } from './policy';
import type { TipElement } from './tips';

/** A page that asks for a card, as the background sees it. */
export interface CardPage {
  /** The detected system (catalog, internal or the generic government id). */
  systemId: string;
  /** A government page no catalog rule describes. */
  generic: boolean;
  /** The catalog page context (e.g. `login`), or null. */
  context: string | null;
  /** Kinds of fields present on the page. */
  elements: ReadonlySet<TipElement>;
  /** The content script found text that reads like an article. */
  articleLike: boolean;
}

export interface CardTrigger {
  /** Unique across the registry; names the kind in logs and tests. */
  kind: string;
  /** Higher is tried first; equal priorities keep registry order. */
  priority: number;
  /** The agency policy switch (`disabledFeatures`) that turns this kind off, if any. */
  feature?: PolicyFeature;
  /** The pages it applies to; every condition must hold. Absent: every page that may get a card. */
  pages?: readonly ((page: CardPage) => boolean)[];
  /** Only as the first card of the day: not once another offer counts today. */
  firstOfDay?: boolean;
  /**
   * The kind must read the page before it can offer (a script run in the
   * tab): the content script is asked to request the reading, and the kinds
   * after this one wait for its result.
   */
  readsPage?: boolean;
}

/** Today's state the triggers depend on. */
export interface CardState {
  /** Features the agency switched off (policy `disabledFeatures`). */
  disabledFeatures: ReadonlySet<PolicyFeature>;
  /** Offers that count against today's caps: shown, or reserved and still pending. */
  offersToday: number;
}

/**
 * The kinds to try for one request, in order. Offers are built from `first`
 * until one gives a card. When none does and `reader` is set, the page is read
 * for that kind; after the reading, the reader offers from what it found, then
 * `afterReading` is tried in order. A page is read once per request: a second
 * reading kind in `afterReading` is passed over.
 */
export interface CardPlan<T extends CardTrigger> {
  first: T[];
  reader: T | null;
  afterReading: T[];
}

/** Whether a trigger applies to `page` in `state`. */
export function triggerApplies(trigger: CardTrigger, page: CardPage, state: CardState): boolean {
  if (trigger.feature && state.disabledFeatures.has(trigger.feature)) return false;
  if (trigger.firstOfDay && state.offersToday > 0) return false;
  return (trigger.pages ?? []).every((applies) => applies(page));
}

/**
 * The registered kinds that apply to `page`, by priority (highest first,
 * registry order among equals), split at the first kind that reads the page.
 * @example planCards([tip, reader], articlePage, state) // { first: [], reader, afterReading: [tip] }
 */
export function planCards<T extends CardTrigger>(
  triggers: readonly T[],
  page: CardPage,
  state: CardState,
): CardPlan<T> {
  const applicable = triggers
    .map((trigger, order) => ({ trigger, order }))
    .filter(({ trigger }) => triggerApplies(trigger, page, state))
    .sort((a, b) => b.trigger.priority - a.trigger.priority || a.order - b.order)
    .map(({ trigger }) => trigger);
  const at = applicable.findIndex((t) => t.readsPage === true);
  if (at < 0) return { first: applicable, reader: null, afterReading: [] };
  return { first: applicable.slice(0, at), reader: applicable[at] ?? null, afterReading: applicable.slice(at + 1) };
}

/**
 * Problems of a registry, empty when it is sound: every kind named once, a
 * finite priority, no two kinds sharing a priority (their order would rest on
 * the registry's line order alone).
 */
export function registryProblems(triggers: readonly CardTrigger[]): string[] {
  const problems: string[] = [];
  const kinds = new Set<string>();
  const priorities = new Map<number, string>();
  for (const t of triggers) {
    if (!/^[a-z][a-z0-9-]*$/.test(t.kind)) problems.push(`card kind "${t.kind}": kind must be lower-case-with-dashes`);
    if (kinds.has(t.kind)) problems.push(`card kind "${t.kind}" is registered twice`);
    kinds.add(t.kind);
    if (!Number.isFinite(t.priority)) problems.push(`card kind "${t.kind}": priority must be a finite number`);
    const same = priorities.get(t.priority);
    if (same !== undefined) problems.push(`card kinds "${same}" and "${t.kind}" share priority ${t.priority}`);
    priorities.set(t.priority, t.kind);
  }
  return problems;
}

/** Page conditions kinds share. */
export const onGenericPage = (page: CardPage): boolean => page.generic;
export const onArticleLikePage = (page: CardPage): boolean => page.articleLike;
