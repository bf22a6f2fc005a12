import { type Catalog, type Detection, GENERIC_GOV_CATEGORY, GENERIC_GOV_ID } from './catalog';

/** Placeholder, replaced by the full detector of the systems issue. */
export function createDetector(catalog: Catalog): (url: string) => Detection | null {
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    const host = parsed.hostname.replace(/\.$/, '');
    for (const s of catalog.systems) {
      for (const h of s.hosts) {
        if (
          (h.match === 'exact' && h.host === host) ||
          (h.match === 'label' && host.startsWith(`${h.label}.`) && host.endsWith(`.${h.parent}`))
        ) {
          return { system: { id: s.id, name: s.name, category: s.category }, context: null };
        }
      }
    }
    if (host.endsWith('.go.id')) {
      return { system: { id: GENERIC_GOV_ID, name: host, category: GENERIC_GOV_CATEGORY }, context: null };
    }
    return null;
  };
}
