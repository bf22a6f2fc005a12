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
 * How one host rule matches. Hosts are lower-case ASCII (punycode for IDN),
 * written without `www.`: a leading `www.` is ignored on the visited host.
 * - `exact`: the host itself; with `path`, only pages at or below that path
 *   prefix (segment boundary), e.g. Coretax behind `pajak.go.id/coretaxdjp`;
 * - `subdomains`: any host strictly below `host`, e.g. the regional
 *   `<daerah>.sipd.kemendagri.go.id`;
 * - `label`: a host whose first label is `label` and whose rest is strictly
 *   below `parent`, e.g. `lpse.<instansi>.go.id`.
 * `source`, when given, says where the host was seen (a page address or a
 * hit in the public code index); detection ignores it.
 */
export type HostRule =
  | { match: 'exact'; host: string; path?: string; confirmed: boolean; source?: string }
  | { match: 'subdomains'; host: string; confirmed: boolean; source?: string }
  | { match: 'label'; label: string; parent: string; confirmed: boolean; source?: string };

/** A page context: a named part of a system, recognised by path prefixes. */
export interface PageContext {
  id: string;
  /**
   * Lower-case path prefixes like `/login`, without a trailing slash; each
   * matches at a segment boundary (`/login`, `/login/x`, not `/loginx`). A `*`
   * segment is any one segment (`/*` then `/loginpass`: `/kemkes/loginpass`).
   */
  paths: string[];
}

/** One government web system: who runs it, what it is for, where it lives. */
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

/** Every built-in system, ids unique (checked by build/catalog.ts). */
export interface Catalog {
  systems: SystemDef[];
}

/** What detection returns for a URL. */
export interface Detection {
  system: { id: string; name: string; category: SystemCategory | typeof GENERIC_GOV_CATEGORY };
  /** Id of the first page context whose path prefix matches, or null. */
  context: string | null;
}
