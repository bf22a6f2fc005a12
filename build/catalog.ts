/**
 * Build-time loader for data/systems.yaml: parses, validates and reports
 * errors that name the file and the field. Runs in Node only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { type Catalog, type HostRule, SYSTEM_CATEGORIES } from '../core/catalog';
import { ContentError, formatZodIssues } from './errors';

export const CATALOG_FILE = 'data/systems.yaml';

const hostName = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'bukan nama host yang sah (huruf kecil, tanpa skema, port atau garis miring)',
  )
  .refine((host) => !host.startsWith('www.'), 'tulis tanpa awalan "www." (www. selalu diabaikan saat mendeteksi)');

/** `/a/b`: lower case, no trailing slash, matched per path segment. */
const pathPrefix = z
  .string()
  .regex(/^(\/[a-z0-9\-_.]+)+$/, 'awali dengan "/", huruf kecil, tanpa "/" di akhir, mis. "/login"');

/** Second-level domains shared by unrelated owners: a family under one would be far too broad. */
const SHARED_SUFFIXES = new Set([
  'ac.id',
  'biz.id',
  'co.id',
  'desa.id',
  'mil.id',
  'my.id',
  'net.id',
  'or.id',
  'ponpes.id',
  'sch.id',
  'web.id',
]);

/** A context path prefix may also hold a `*` segment: any one segment, as in spse.inaproc.id/<instansi>/loginpass. */
const contextPath = z
  .string()
  .regex(
    /^(\/([a-z0-9\-_.]+|\*))+$/,
    'awali dengan "/", huruf kecil, tanpa "/" di akhir; "*" hanya sebagai satu segmen utuh, mis. "/*/loginpass"',
  );

/** Document mirrors: never a source (see BRIEF: content rests on primary sources). */
const MIRROR_HOSTS =
  /(^|\.)(scribd\.com|anyflip\.com|pdfcoffee\.com|123dok\.com|dokumen\.tips|idoc\.pub|slidepub\.com|slideshare\.net)$/;

/**
 * Where a host was seen: a page address (`https://…`, not a document mirror)
 * or a hit in the public code index, `kode publik: <kueri> id N`.
 */
const hostSource = z.string().superRefine((source, ctx) => {
  if (/^kode publik: .+ id \d+/.test(source)) return;
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'tulis alamat https://… atau "kode publik: <kueri> id N"' });
    return;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    ctx.addIssue({ code: 'custom', message: 'alamat sumber harus http(s)' });
  } else if (MIRROR_HOSTS.test(url.hostname)) {
    ctx.addIssue({ code: 'custom', message: `${url.hostname} adalah salinan dokumen, bukan sumber` });
  }
});

const familyParent = hostName.refine(
  (host) => !SHARED_SUFFIXES.has(host),
  'terlalu luas: domain ini dipakai banyak pemilik berbeda',
);

const hostRule = z.discriminatedUnion('match', [
  z
    .object({
      match: z.literal('exact'),
      host: hostName,
      path: pathPrefix.optional(),
      confirmed: z.boolean(),
      source: hostSource.optional(),
    })
    .strict(),
  z
    .object({
      match: z.literal('subdomains'),
      host: familyParent,
      confirmed: z.boolean(),
      source: hostSource.optional(),
    })
    .strict(),
  z
    .object({
      match: z.literal('label'),
      label: z
        .string()
        .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'satu label host, huruf kecil, mis. "lpse"')
        .refine((label) => label !== 'www', '"www" tidak bisa menjadi label'),
      parent: familyParent,
      confirmed: z.boolean(),
      source: hostSource.optional(),
    })
    .strict(),
]);

const systemSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'harus kebab-case, mis. "e-kinerja"'),
    name: z.string().min(2),
    agency: z.string().min(2),
    category: z.enum(SYSTEM_CATEGORIES),
    purpose: z.string().min(10).max(200),
    hosts: z.array(hostRule).min(1),
    contexts: z
      .array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'harus kebab-case, mis. "login"'),
            paths: z.array(contextPath).min(1),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

const catalogSchema = z.object({ systems: z.array(systemSchema).min(1) }).strict();

/**
 * Parses and validates catalog text; `file` only names the source in errors.
 * Throws a ContentError naming the file and the field (e.g.
 * `systems[3].hosts[1].host`) for the first problem: schema, duplicate system
 * id, a host rule given twice, or a context id used twice within a system.
 */
export function parseCatalog(text: string, file = CATALOG_FILE): Catalog {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ContentError(file, '(YAML)', (error as Error).message);
  }
  const result = catalogSchema.safeParse(raw);
  if (!result.success) throw new ContentError(file, ...formatZodIssues(result.error, raw));
  const catalog = result.data as Catalog;
  const ids = new Set<string>();
  const hosts = new Map<string, string>();
  catalog.systems.forEach((system, i) => {
    if (ids.has(system.id)) throw new ContentError(file, `systems[${i}].id`, `id "${system.id}" dipakai dua kali`);
    ids.add(system.id);
    system.hosts.forEach((rule, j) => {
      const key = ruleKey(rule);
      const owner = hosts.get(key);
      if (owner !== undefined) {
        throw new ContentError(file, `systems[${i}].hosts[${j}]`, `aturan host ini sudah ada di sistem "${owner}"`);
      }
      hosts.set(key, system.id);
    });
    const contextIds = new Set<string>();
    system.contexts.forEach((context, j) => {
      if (contextIds.has(context.id)) {
        throw new ContentError(file, `systems[${i}].contexts[${j}].id`, `konteks "${context.id}" dipakai dua kali`);
      }
      contextIds.add(context.id);
    });
  });
  return catalog;
}

function ruleKey(rule: HostRule): string {
  if (rule.match === 'exact') return `exact ${rule.host}${rule.path ?? ''}`;
  if (rule.match === 'subdomains') return `subdomains ${rule.host}`;
  return `label ${rule.label} ${rule.parent}`;
}

/** Reads data/systems.yaml under `root` (the project root by default). */
export function loadCatalog(root = fileURLToPath(new URL('..', import.meta.url))): Catalog {
  return parseCatalog(readFileSync(resolve(root, CATALOG_FILE), 'utf8'));
}

/**
 * The match patterns of the content script and of the manifest's host access:
 * every `*.go.id` host plus each catalog host outside `go.id` (exact hosts
 * also with `www.`; families as `*.parent`). Sorted, no duplicates, never
 * broader than a catalog domain (the schema refuses families under `co.id`…).
 */
export function governmentMatchPatterns(catalog: Catalog = loadCatalog()): string[] {
  const patterns = new Set<string>(['*://*.go.id/*']);
  for (const system of catalog.systems) {
    for (const rule of system.hosts) {
      const host = rule.match === 'label' ? rule.parent : rule.host;
      if (host === 'go.id' || host.endsWith('.go.id')) continue;
      if (rule.match === 'exact') {
        patterns.add(`*://${host}/*`);
        patterns.add(`*://www.${host}/*`);
      } else {
        patterns.add(`*://*.${host}/*`);
      }
    }
  }
  return [...patterns].sort();
}
