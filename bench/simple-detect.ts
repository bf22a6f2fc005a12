/**
 * The simple detector issue 18 asked to try: `URL.parse` for every URL, then
 * Map lookups of the host and its parent suffixes — the same tables and rules
 * as core/detect.ts `createDetector` without its hand-written scanner for
 * plain URLs. Not shipped: bench/detection.bench.ts times it next to the
 * shipped detector (and checks both agree on every URL it measures) so the
 * row can say, with numbers, why the scanner stays. It passed every test of
 * core/detect.ts except those of the scanner itself (look-alikes, userinfo,
 * punycode, ports, paths, IP and single-label hosts).
 */
import type { Catalog, Detection, SystemDef } from '../core/catalog';
import { GENERIC_GOV_CATEGORY, GENERIC_GOV_ID } from '../core/catalog';
import type { Detect, DetectorOptions } from '../core/detect';

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

/** The same rules as core/detect.ts `createDetector`, every URL read by `URL.parse`. */
export function createSimpleDetector(catalog: Catalog, options: DetectorOptions = {}): Detect {
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

  /** The entry of a host without trailing dot and `www.`, GENERIC, or null. */
  const matchHost = (host: string): Entry | typeof GENERIC | null => {
    const firstDot = host.indexOf('.');
    if (
      firstDot <= 0 ||
      host.endsWith('.') ||
      host.includes('..') ||
      host.startsWith('xn--') ||
      host.includes('.xn--') ||
      isDigit(host.charCodeAt(host.length - 1)) // IPv4 (or [IPv6]); a domain never ends in a numeric label
    ) {
      return null;
    }
    // The most specific rule: the longest `subdomains` suffix, unless a `label` rule's parent is as long.
    let best: Entry | undefined;
    let bestLength = 0;
    for (let i = firstDot; i !== -1 && !best; i = host.indexOf('.', i + 1)) {
      best = subdomains.get(host.slice(i + 1));
      if (best) bestLength = host.length - i - 1;
    }
    for (const { suffix, entry } of labels.get(host.slice(0, firstDot)) ?? []) {
      if (suffix.length - 1 < bestLength) break;
      if (host.length - suffix.length > firstDot && host.endsWith(suffix)) return entry;
    }
    if (best) return best;
    return host.length > GO_ID_SUFFIX.length && host.endsWith(GO_ID_SUFFIX) ? GENERIC : null;
  };

  return function detect(url: string): Detection | null {
    const parsed = typeof url === 'string' ? URL.parse(url) : null;
    if (parsed === null || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) return null;
    let host = parsed.hostname;
    if (host.endsWith('.')) host = host.slice(0, -1);
    host = stripWww(host);
    const path = () => parsed.pathname.toLowerCase();

    const slot = exact.get(host);
    if (slot) {
      for (const rule of slot.byPath) {
        if (hasPrefix(path(), rule.path)) return found(rule.entry, path);
      }
      if (slot.any) return found(slot.any, path);
    }
    const entry = matchHost(host);
    if (entry === null) return null;
    if (entry === GENERIC) {
      return { system: { id: GENERIC_GOV_ID, name: host, category: GENERIC_GOV_CATEGORY }, context: null };
    }
    return found(entry, path);
  };
}

/** The system and the first of its page contexts whose path matches; the path is read only when it has some. */
function found(entry: Entry, lowerPath: () => string): Detection {
  if (entry.contexts.length === 0) return { system: entry.system, context: null };
  const path = lowerPath();
  for (const context of entry.contexts) {
    for (const pattern of context.paths) {
      if (matchesPattern(path, pattern)) return { system: entry.system, context: context.id };
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
