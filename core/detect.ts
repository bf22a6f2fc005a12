import { type Catalog, type Detection, GENERIC_GOV_CATEGORY, GENERIC_GOV_ID, type SystemDef } from './catalog';

/** Options of {@link createDetector}. */
export interface DetectorOptions {
  /**
   * Internal systems a user added (e.g. an agency's SIMPEG outside `go.id`,
   * `simpeg.intra`, `10.1.2.3`). Their exact hosts may also be single labels
   * or IPv4 addresses; a host rule the catalog already has stays the catalog's.
   */
  extraSystems?: readonly SystemDef[];
}

/** Returns the system a URL belongs to, or null. Never throws, whatever it is given. */
export type Detect = (url: string) => Detection | null;

interface Entry {
  system: Detection['system'];
  contexts: readonly { id: string; paths: readonly PathPattern[] }[];
}

/**
 * A lower-case path prefix, matched at a segment boundary. `*` as a whole
 * segment stands for any one non-empty segment — the agency's code in
 * `spse.inaproc.id/<instansi>/loginpass`.
 */
interface PathPattern {
  prefix: string;
  /** The segments after the leading `/` when the prefix holds a `*`; null otherwise. */
  segments: readonly string[] | null;
}

interface ExactEntry {
  /** Rules restricted to a path prefix, checked before `any`. */
  byPath: { path: string; entry: Entry }[];
  any: Entry | null;
}

/** A `subdomains` or `label` rule. */
interface FamilyEntry {
  /** `.` + the rule's domain; the visited host must end with it. */
  suffix: string;
  /** For a `label` rule, its label + `.`: the visited host must start with it. */
  label: string | null;
  entry: Entry;
}

const GO_ID_SUFFIX = '.go.id';
const GENERIC = Symbol('generic');

/**
 * Builds the detector once; each call then parses the URL with `new URL` and
 * does a few Map lookups (O(labels)), whatever the size of the catalog.
 *
 * The visited host is `new URL(url).hostname` — so userinfo
 * (`https://siasn-instansi.bkn.go.id@evil.example/` is evil.example), ports,
 * case, percent-escapes and Unicode spellings resolve as in a browser — minus
 * one trailing dot and one leading `www.`. Then, first match wins:
 * 1. an `exact` rule (path-restricted rules before unrestricted ones): a Map
 *    keyed by the whole host;
 * 2. the most specific `subdomains` or `label` rule (a short list, longest
 *    domain first, compared with the end of the host);
 * 3. any other host strictly below `go.id` → the generic government system
 *    `{ id: GENERIC_GOV_ID, name: <host>, category: GENERIC_GOV_CATEGORY }`.
 *
 * Not recognised at all (null): schemes other than http(s); IP and
 * single-label hosts unless an extra system names them exactly; hosts with an
 * empty label; and any host containing a punycode (`xn--`) label that is not
 * itself exactly a catalog host. Such hosts are the usual disguise of a
 * look-alike (`siasn-instansі.bkn.go.id` with a Cyrillic `і`), so they are
 * neither a catalog system nor a generic government site.
 *
 * The context is the first page context of the system whose path prefix
 * matches the lower-cased pathname at a segment boundary: `/login` matches
 * `/login`, `/login/` and `/login?x`, not `/loginx`. A `*` segment matches
 * any one segment: `/*` followed by `/loginpass` matches `/kemkes/loginpass`,
 * not `/loginpass`.
 *
 * @example
 * const detect = createDetector(catalog);
 * detect('https://WWW.Siasn-Instansi.bkn.go.id.:443/peremajaan/profil');
 * // → { system: { id: 'siasn', name: 'SIASN', category: 'kepegawaian' }, context: 'peremajaan-data' }
 * detect('https://siasn-instansi.bkn.go.id.evil.com/'); // → null
 * detect('https://dinkes.bandungkab.go.id/');
 * // → { system: { id: 'instansi-pemerintah', name: 'dinkes.bandungkab.go.id', category: 'instansi pemerintah' }, context: null }
 */
export function createDetector(catalog: Catalog, options: DetectorOptions = {}): Detect {
  const exact = new Map<string, ExactEntry>();
  /** Most specific first: the longest domain; at equal length a label rule before a subdomains rule. */
  const families: FamilyEntry[] = [];
  const addFamily = (domain: string, label: string | null, entry: Entry) => {
    const suffix = `.${domain}`;
    const prefix = label === null ? null : `${label}.`;
    if (families.some((f) => f.suffix === suffix && f.label === prefix)) return;
    families.push({ suffix, label: prefix, entry });
    families.sort((a, b) => b.suffix.length - a.suffix.length || Number(a.label === null) - Number(b.label === null));
  };

  const add = (def: SystemDef, fromUser: boolean) => {
    const entry: Entry = {
      system: Object.freeze({ id: def.id, name: def.name, category: def.category }),
      contexts: def.contexts.map((c) => ({ id: c.id, paths: c.paths.map(pathPattern) })),
    };
    for (const rule of def.hosts) {
      if (rule.match === 'exact') {
        const host = canonicalHost(rule.host, fromUser);
        if (host === null) continue;
        const key = stripWww(host);
        let slot = exact.get(key);
        if (!slot) {
          slot = { byPath: [], any: null };
          // Filed with and without `www.`, so a visited host is looked up as it comes.
          exact.set(key, slot);
          exact.set(`www.${key}`, slot);
        }
        if (rule.path !== undefined) {
          const path = normalisePathPrefix(rule.path);
          if (!slot.byPath.some((p) => p.path === path)) slot.byPath.push({ path, entry });
        } else {
          slot.any ??= entry;
        }
      } else if (rule.match === 'subdomains') {
        const host = canonicalHost(rule.host, false);
        if (host !== null) addFamily(host, null, entry);
      } else {
        const parent = canonicalHost(rule.parent, false);
        const label = rule.label.toLowerCase();
        if (parent === null || label === '' || label.includes('.')) continue;
        addFamily(parent, label, entry);
      }
    }
  };
  for (const def of catalog.systems) add(def, false);
  for (const def of options.extraSystems ?? []) add(def, true);

  /**
   * The family entry of a host (no trailing dot, no `www.`), GENERIC, or null.
   * The catalog has a handful of families: comparing the end of the host
   * with each costs less than cutting the host for another Map lookup.
   */
  const matchFamily = (host: string): Entry | typeof GENERIC | null => {
    for (const { suffix, label, entry } of families) {
      if (!host.endsWith(suffix)) continue;
      // A label rule needs its label first and at least one label between it and the domain.
      if (label !== null && !(host.startsWith(label) && host.length - suffix.length > label.length - 1)) continue;
      return plainDomain(host) ? entry : null;
    }
    return host.length > GO_ID_SUFFIX.length && host.endsWith(GO_ID_SUFFIX) && plainDomain(host) ? GENERIC : null;
  };

  return function detect(url: string): Detection | null {
    if (typeof url !== 'string') return null;
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return null;
    }
    // `href` is the parsed URL's own string: testing it allocates nothing, unlike `protocol`.
    const href = parsed.href;
    if (!href.startsWith('https:') && !href.startsWith('http:')) return null;
    let host = parsed.hostname;
    if (host.endsWith('.')) host = host.slice(0, -1);

    const slot = exact.get(host);
    if (slot) {
      for (const rule of slot.byPath) {
        const path = parsed.pathname.toLowerCase();
        if (hasPrefix(path, rule.path)) return found(rule.entry, parsed);
      }
      if (slot.any) return found(slot.any, parsed);
    }

    host = stripWww(host);
    const entry = matchFamily(host);
    if (entry === null) return null;
    if (entry === GENERIC) {
      return { system: { id: GENERIC_GOV_ID, name: host, category: GENERIC_GOV_CATEGORY }, context: null };
    }
    return found(entry, parsed);
  };
}

/** The detection of a page of `entry`: its first context whose path matches. */
function found(entry: Entry, url: URL): Detection {
  if (entry.contexts.length > 0) {
    const path = url.pathname.toLowerCase();
    for (const context of entry.contexts) {
      for (const pattern of context.paths) {
        if (matchesPattern(path, pattern)) return { system: entry.system, context: context.id };
      }
    }
  }
  return { system: entry.system, context: null };
}

function pathPattern(path: string): PathPattern {
  const prefix = normalisePathPrefix(path);
  return { prefix, segments: prefix.includes('*') ? prefix.slice(1).split('/') : null };
}

/** Without `*`, a prefix at a segment boundary; with it, the leading segments one by one. */
function matchesPattern(pathname: string, pattern: PathPattern): boolean {
  if (pattern.segments === null) return hasPrefix(pathname, pattern.prefix);
  const segments = pathname.slice(1).split('/');
  return (
    segments.length >= pattern.segments.length &&
    pattern.segments.every((want, i) => (want === '*' ? segments[i] !== '' : segments[i] === want))
  );
}

function hasPrefix(pathname: string, prefix: string): boolean {
  return (
    pathname.startsWith(prefix) &&
    (pathname.length === prefix.length || prefix.endsWith('/') || pathname.charCodeAt(prefix.length) === 47)
  );
}

function normalisePathPrefix(path: string): string {
  const lower = path.toLowerCase();
  return lower.length > 1 && lower.endsWith('/') ? lower.slice(0, -1) : lower;
}

/**
 * A host of at least two non-empty labels, none of them punycode (`xn--`),
 * not ending in a numeric label (so not an IPv4 address).
 */
function plainDomain(host: string): boolean {
  return (
    host.indexOf('.') > 0 &&
    !host.endsWith('.') &&
    !host.includes('..') &&
    !host.startsWith('xn--') &&
    !host.includes('.xn--') &&
    !isDigit(host.charCodeAt(host.length - 1))
  );
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function stripWww(host: string): string {
  return host.length > 4 && host.startsWith('www.') ? host.slice(4) : host;
}

/**
 * A rule's host as the URL parser spells it (lower case, punycode, no
 * trailing dot), or null when it is not a plain host. Only user-added exact
 * rules may be IPv4 addresses or single labels.
 */
function canonicalHost(raw: string, allowIntranet: boolean): string | null {
  if (typeof raw !== 'string' || raw === '' || /[/?#@:\\\s[\]]/.test(raw)) return null;
  let host: string;
  try {
    host = new URL(`http://${raw}/`).hostname;
  } catch {
    return null;
  }
  if (host.endsWith('.')) host = host.slice(0, -1);
  if (host === '' || host.startsWith('.') || host.includes('..')) return null;
  const intranet = !host.includes('.') || isDigit(host.charCodeAt(host.length - 1));
  return intranet && !allowIntranet ? null : host;
}
