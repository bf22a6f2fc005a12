import { type CardContext, cardContext, cardPage, checkCaps } from '../../../../../entrypoints/background/cards/shared';
import { getRegistry } from '../../../../../entrypoints/background/registry';

/** Tuesday 24 Nov 2026, 10:00 local: a working day, outside quiet hours. */
export const now = new Date(2026, 10, 24, 10).getTime();
export const TAB = 7;

/** The context a kind gets for a page of `host` in tab TAB, as the background builds it. */
export async function contextFor(
  host: string,
  page: { elements?: string[]; articleLike?: boolean } = {},
  at = now,
): Promise<CardContext> {
  const detection = (await getRegistry()).detect(`https://${host}/`);
  if (!detection) throw new Error(`${host} is not a government host`);
  const check = await checkCaps(detection.system.id, at, TAB);
  return cardContext(detection, cardPage(detection, page.elements ?? [], page.articleLike ?? false), check, {});
}
