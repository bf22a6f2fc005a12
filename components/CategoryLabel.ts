import type { Detection } from '../core/catalog';
import type { MessageKey } from '../lib/i18n';

/** The locale key of a system category ("layanan publik" → `category_layanan_publik`). */
export function categoryKey(category: Detection['system']['category']): MessageKey {
  return `category_${category.replace(/ /g, '_')}` as MessageKey;
}
