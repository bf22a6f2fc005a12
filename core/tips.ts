/**
 * Tips and how one is chosen for a page. Tips are data (data/tips/*.yaml,
 * validated at build time); this module only decides, given the page's
 * system, context and elements, which tip fits best.
 */

/** Elements a content script may report as present on the page. */
export const TIP_ELEMENTS = ['password', 'file-upload'] as const;
export type TipElement = (typeof TIP_ELEMENTS)[number];

/** Tips for any government site not described by a more specific tip file. */
export const GENERAL_TIPS = 'umum';

export interface Tip {
  /** Stable, unique across all tip files. */
  id: string;
  /** A catalog system id, or GENERAL_TIPS. */
  system: string;
  /** At most 200 characters, Bahasa Indonesia. */
  text: string;
  /** Only on pages of this catalog page context (e.g. `login`). */
  context: string | null;
  /** Only when this element is on the page. */
  element: TipElement | null;
  /** A lesson that goes deeper. */
  lesson: string | null;
}

export interface TipPage {
  systemId: string;
  context: string | null;
  elements: ReadonlySet<TipElement>;
}

/** Why a tip was chosen, for "Mengapa saya melihat ini?". */
export interface TipMatch {
  tip: Tip;
  /** The rules that matched: the system always; the page context and element when the tip needs them. */
  matched: { system: string; context: string | null; element: TipElement | null };
}

/**
 * The best tip for a page, or null. A tip applies when its system is the
 * page's (or it is general) and its context and element, if any, are present.
 * Preference: tips never shown before, then the least recently shown; among
 * those, the more specific (the system's own before general ones; then bound
 * to an element, then to a page context);
 * then file order. `never` tips are skipped. Deterministic.
 *
 * @param lastShown tip id → ms it was last shown (any day)
 */
export function chooseTip(
  tips: readonly Tip[],
  page: TipPage,
  never: ReadonlySet<string>,
  lastShown: ReadonlyMap<string, number>,
): TipMatch | null {
  let best: { tip: Tip; shown: number; specificity: number; order: number } | null = null;
  tips.forEach((tip, order) => {
    if (never.has(tip.id)) return;
    if (tip.system !== page.systemId && tip.system !== GENERAL_TIPS) return;
    if (tip.context !== null && tip.context !== page.context) return;
    if (tip.element !== null && !page.elements.has(tip.element)) return;
    // A tip of this very system beats a general one; then element beats context.
    const specificity = (tip.system === GENERAL_TIPS ? 0 : 16) + (tip.element ? 8 : 0) + (tip.context ? 4 : 0);
    const shown = lastShown.get(tip.id) ?? -1;
    const better =
      !best ||
      shown < best.shown ||
      (shown === best.shown &&
        (specificity > best.specificity || (specificity === best.specificity && order < best.order)));
    if (better) best = { tip, shown, specificity, order };
  });
  if (!best) return null;
  const { tip } = best as { tip: Tip };
  return { tip, matched: { system: page.systemId, context: tip.context, element: tip.element } };
}
