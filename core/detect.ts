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
 * A lower-case path prefix, matched at a segment boundary. A `*` segment
 * stands for any one non-empty segment: the agency's code in
 * `spse.inaproc.id/<instansi>/loginpass`.
 */
interface PathPattern {
  prefix: string;
  /** The segments after the leading `/` when the prefix has a `*`; null otherwise. */
  segments: readonly string[] | null;
}

interface ExactEntry {
  /** Rules restricted to a path prefix, checked before `any`. */
  byPath: { path: string; entry: Entry }[];
  any: Entry | null;
}

interface LabelEntry {
  /** `.` + parent; the visited host must end with it below its first label. */
  suffix: string;
  entry: Entry;
}

const GO_ID_SUFFIX = '.go.id';
const GENERIC = Symbol('generic');

/**
 * Builds the detector once; each call then reads the URL once and does a few
 * Map lookups (O(labels)), whatever the size of the catalog.
 *
 * The visited host is the one `new URL(url).hostname` gives — so userinfo
 * (`https://siasn-instansi.bkn.go.id@evil.example/` is evil.example), ports,
 * case, percent-escapes and Unicode spellings resolve as in a browser — minus
 * one trailing dot and one leading `www.`. Then, first match wins:
 * 1. an `exact` rule (path-restricted rules before unrestricted ones);
 * 2. the most specific `subdomains` or `label` rule;
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
  const subdomains = new Map<string, Entry>();
  const labels = new Map<string, LabelEntry[]>();

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
          exact.set(key, slot);
        }
        if (rule.path !== undefined) {
          const path = normalisePathPrefix(rule.path);
          if (!slot.byPath.some((p) => p.path === path)) slot.byPath.push({ path, entry });
        } else {
          slot.any ??= entry;
        }
      } else if (rule.match === 'subdomains') {
        const host = canonicalHost(rule.host, false);
        if (host !== null && !subdomains.has(host)) subdomains.set(host, entry);
      } else {
        const parent = canonicalHost(rule.parent, false);
        const label = rule.label.toLowerCase();
        if (parent === null || label === '' || label.includes('.')) continue;
        const list = labels.get(label) ?? [];
        const suffix = `.${parent}`;
        if (!list.some((l) => l.suffix === suffix)) list.push({ suffix, entry });
        list.sort((a, b) => b.suffix.length - a.suffix.length);
        labels.set(label, list);
      }
    }
  };
  for (const def of catalog.systems) add(def, false);
  for (const def of options.extraSystems ?? []) add(def, true);

  // Which suffix and first-label lengths can match at all: lets a lookup skip
  // cutting and hashing substrings that no rule could be keyed by.
  const subdomainLengths = lengthTable(subdomains.keys());
  const labelLengths = lengthTable(labels.keys());

  /**
   * The entry of a host without trailing dot and `www.`, GENERIC, or null.
   * `plain`: the host passed simpleHostEnd, so its label checks are done.
   */
  const matchHost = (host: string, plain: boolean): Entry | typeof GENERIC | null => {
    const length = host.length;
    const firstDot = host.indexOf('.');
    if (firstDot <= 0) return null;
    if (
      !plain &&
      (host.charCodeAt(length - 1) === 46 /* . */ ||
        host.includes('..') ||
        host.startsWith('xn--') ||
        host.includes('.xn--') ||
        isDigit(host.charCodeAt(length - 1))) // IPv4; a domain never ends in a numeric label
    ) {
      return null;
    }
    // Longest suffix first: the most specific rule.
    let best: Entry | null = null;
    let bestLength = 0;
    for (let i = firstDot; i !== -1; i = host.indexOf('.', i + 1)) {
      const suffixLength = length - i - 1;
      if (suffixLength >= subdomainLengths.length || subdomainLengths[suffixLength] !== 1) continue;
      const entry = subdomains.get(host.slice(i + 1));
      if (entry) {
        best = entry;
        bestLength = length - i - 1;
        break;
      }
    }
    const family =
      firstDot < labelLengths.length && labelLengths[firstDot] === 1 ? labels.get(host.slice(0, firstDot)) : undefined;
    if (family) {
      for (const { suffix, entry } of family) {
        if (suffix.length - 1 < bestLength) break;
        if (length - suffix.length > firstDot && host.endsWith(suffix)) return entry;
      }
    }
    if (best) return best;
    return length > GO_ID_SUFFIX.length && host.endsWith(GO_ID_SUFFIX) ? GENERIC : null;
  };

  return function detect(url: string): Detection | null {
    if (typeof url !== 'string') return null;
    // Plain URLs (nearly every tab URL) are read directly; anything else goes
    // through the URL parser. Both give the same host and pathname.
    let parsed: URL | null = null;
    const start = schemeLength(url);
    const hostEnd = start === 0 ? -1 : simpleHostEnd(url, start);
    let host: string;
    if (hostEnd !== -1) {
      host = url.slice(start, hostEnd);
    } else {
      try {
        parsed = new URL(url);
      } catch {
        return null;
      }
      if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
      host = parsed.hostname;
    }
    if (host.charCodeAt(host.length - 1) === 46 /* . */) host = host.slice(0, -1);
    if (host.length > 4 && host.startsWith('www.')) host = host.slice(4);

    const slot = exact.get(host);
    if (slot) {
      if (slot.byPath.length > 0) {
        const path = pathnameOf(url, parsed, hostEnd);
        for (const rule of slot.byPath) {
          if (hasPrefix(path, rule.path)) return found(rule.entry, path);
        }
      }
      if (slot.any) return found(slot.any, slot.any.contexts.length > 0 ? pathnameOf(url, parsed, hostEnd) : '/');
    }

    const entry = matchHost(host, parsed === null);
    if (entry === null) return null;
    if (entry === GENERIC) {
      return { system: { id: GENERIC_GOV_ID, name: host, category: GENERIC_GOV_CATEGORY }, context: null };
    }
    return found(entry, entry.contexts.length > 0 ? pathnameOf(url, parsed, hostEnd) : '/');
  };
}

/**
 * The host of an `http(s)://` URL whose authority is plain lower-case ASCII
 * (letters, digits, `-`, `.`, an optional port), read straight from the
 * string; null for anything else (upper case, userinfo, escapes, Unicode,
 * whitespace, IP-like or punycode hosts…), which is left to `new URL`.
 * Promise: whenever this returns a host, `new URL(url)` succeeds with an
 * http(s) protocol and exactly that `hostname` (property-tested).
 *
 * @example
 * simpleUrlHost('https://kinerja.bkn.go.id:443/skp?x=1'); // → 'kinerja.bkn.go.id'
 * simpleUrlHost('https://KINERJA.bkn.go.id/');            // → null: ask new URL
 */
export function simpleUrlHost(url: string): string | null {
  const start = schemeLength(url);
  const end = start === 0 ? -1 : simpleHostEnd(url, start);
  return end === -1 ? null : url.slice(start, end);
}

/**
 * The lower-cased pathname of a URL for which {@link simpleUrlHost} gives a
 * host, read straight from the string when the path is plain ASCII without
 * escapes or dot segments; null otherwise. Promise: when not null, equals
 * `new URL(url).pathname.toLowerCase()` (property-tested).
 */
export function simpleUrlPathname(url: string): string | null {
  const start = schemeLength(url);
  const end = start === 0 ? -1 : simpleHostEnd(url, start);
  return end === -1 ? null : simplePathname(url, end);
}

function schemeLength(url: string): number {
  if (url.startsWith('https://')) return 8;
  if (url.startsWith('http://')) return 7;
  return 0;
}

/** Lower-case letters, digits and `-`: label characters the URL parser keeps as they are. */
const HOST_CHAR = asciiTable('abcdefghijklmnopqrstuvwxyz0123456789-');

/** Path characters the URL parser neither escapes nor interprets (no `%`, `\`, space…). */
const PATH_CHAR = asciiTable("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@/");

/**
 * End of the host in `url` from `start`, or -1 unless the authority is plain:
 * non-empty labels of lower-case letters, digits and `-`, no `xn--` label, not
 * ending in a numeric label (IPv4 forms), then an optional port and `/`, `?`,
 * `#` or the end. Anything else is the URL parser's business.
 */
function simpleHostEnd(url: string, start: number): number {
  const n = url.length;
  let end = start;
  let labelStart = start;
  let previousLabelStart = start;
  while (end < n) {
    const c = url.charCodeAt(end);
    if (c === 46 /* . */) {
      if (end === labelStart) return -1;
      previousLabelStart = labelStart;
      labelStart = end + 1;
    } else if (c >= 128 || HOST_CHAR[c] !== 1) {
      break;
    } else if (end === labelStart && c === 120 /* x */ && url.startsWith('xn--', end)) {
      return -1;
    }
    end++;
  }
  if (end === start) return -1;
  const lastLabelStart = labelStart === end ? previousLabelStart : labelStart;
  if (isDigit(url.charCodeAt(lastLabelStart))) return -1;
  let after = end;
  if (url.charCodeAt(after) === 58 /* : */) {
    after++;
    while (after < n && isDigit(url.charCodeAt(after))) after++;
    if (after - end > 6 || Number(url.slice(end + 1, after)) > 65535) return -1;
  }
  if (after < n) {
    const c = url.charCodeAt(after);
    if (c !== 47 /* / */ && c !== 63 /* ? */ && c !== 35 /* # */) return -1;
  }
  return end;
}

/** Lower-cased pathname after a plain host ending at `hostEnd`, or null when not plain. */
function simplePathname(url: string, hostEnd: number): string | null {
  const n = url.length;
  let i = hostEnd;
  if (url.charCodeAt(i) === 58 /* : */) {
    i++;
    while (i < n && isDigit(url.charCodeAt(i))) i++;
  }
  if (i === n) return '/';
  const first = url.charCodeAt(i);
  if (first === 63 /* ? */ || first === 35 /* # */) return '/';
  let end = i + 1;
  for (; end < n; end++) {
    const c = url.charCodeAt(end);
    if (c === 63 || c === 35) break;
    if (c >= 128 || PATH_CHAR[c] !== 1) return null;
    if (c === 46 /* . */ && url.charCodeAt(end - 1) === 47 /* / */) return null; // maybe a dot segment
  }
  return url.slice(i, end).toLowerCase();
}

/** The lower-cased pathname, read directly when the URL is plain, else parsed. */
function pathnameOf(url: string, parsed: URL | null, hostEnd: number): string {
  if (parsed !== null) return parsed.pathname.toLowerCase();
  const simple = simplePathname(url, hostEnd);
  if (simple !== null) return simple;
  try {
    return new URL(url).pathname.toLowerCase();
  } catch {
    return '/';
  }
}

function found(entry: Entry, lowerPath: string): Detection {
  for (const context of entry.contexts) {
    for (const pattern of context.paths) {
      if (matchesPattern(lowerPath, pattern)) return { system: entry.system, context: context.id };
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

/** `/login` is a prefix of `/login` and `/login/x`, not of `/loginx`. */
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

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function stripWww(host: string): string {
  return host.length > 4 && host.startsWith('www.') ? host.slice(4) : host;
}

function asciiTable(chars: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < chars.length; i++) table[chars.charCodeAt(i)] = 1;
  return table;
}

function lengthTable(keys: Iterable<string>): Uint8Array {
  const list = [...keys];
  const table = new Uint8Array(list.reduce((max, key) => Math.max(max, key.length), 0) + 1);
  for (const key of list) table[key.length] = 1;
  return table;
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
