/**
 * The government-systems catalog as the core sees it: plain data, already
 * validated at build time (see build/catalog.ts). No browser API here.
 */

export const SYSTEM_CATEGORIES = [
  'kepegawaian',
  'keuangan',
  'pengadaan',
  'kearsipan',
  'perencanaan',
  'layanan publik',
  'pembelajaran',
  'regulasi',
  'data',
  'keamanan',
] as const;

export type SystemCategory = (typeof SYSTEM_CATEGORIES)[number];

/** The category given to any other `*.go.id` host. */
export const GENERIC_GOV_CATEGORY = 'instansi pemerintah';

/** Id of the pseudo-system every other `*.go.id` host belongs to. */
export const GENERIC_GOV_ID = 'instansi-pemerintah';

/**
 * How one host rule matches:
 * - `exact`: the host itself (a leading `www.` is ignored on both sides);
 * - `subdomains`: any host strictly below `host`, e.g. `lpse.*.go.id` families
 *   are written as `{ match: 'label', label: 'lpse', parent: 'go.id' }` instead.
 * - `label`: a host whose first label is `label` and whose rest ends with `.parent`
 *   (the many regional LPSE/SPSE and SIPD hosts).
 */
export type HostRule =
  | { match: 'exact'; host: string; confirmed: boolean }
  | { match: 'subdomains'; host: string; confirmed: boolean }
  | { match: 'label'; label: string; parent: string; confirmed: boolean };

/** A page context: a named part of a system, recognised by path prefixes. */
export interface PageContext {
  id: string;
  /** Lower-case path prefixes, each starting with `/`. */
  paths: string[];
}

export interface SystemDef {
  id: string;
  name: string;
  agency: string;
  category: SystemCategory;
  /** One line, Bahasa Indonesia. */
  purpose: string;
  hosts: HostRule[];
  contexts: PageContext[];
}

export interface Catalog {
  systems: SystemDef[];
}

/** What detection returns for a URL. */
export interface Detection {
  system: { id: string; name: string; category: SystemCategory | typeof GENERIC_GOV_CATEGORY };
  /** Id of the first page context whose path prefix matches, or null. */
  context: string | null;
}
