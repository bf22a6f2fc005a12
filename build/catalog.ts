/**
 * Build-time loader for data/systems.yaml: parses, validates and reports
 * errors that name the file and the field. Runs in Node only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { type Catalog, SYSTEM_CATEGORIES } from '../core/catalog';
import { ContentError, formatZodIssues } from './errors';

export const CATALOG_FILE = 'data/systems.yaml';

const hostName = z
  .string()
  .regex(
    /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/,
    'bukan nama host yang sah (huruf kecil, tanpa skema, port atau garis miring)',
  );

const hostRule = z.discriminatedUnion('match', [
  z.object({ match: z.literal('exact'), host: hostName, confirmed: z.boolean() }).strict(),
  z.object({ match: z.literal('subdomains'), host: hostName, confirmed: z.boolean() }).strict(),
  z
    .object({
      match: z.literal('label'),
      label: z.string().regex(/^[a-z0-9-]+$/),
      parent: hostName,
      confirmed: z.boolean(),
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
            id: z.string().regex(/^[a-z0-9-]+$/),
            paths: z.array(z.string().regex(/^\/[a-z0-9\-_/.]*$/, 'awali dengan "/" dan pakai huruf kecil')).min(1),
          })
          .strict(),
      )
      .default([]),
  })
  .strict();

const catalogSchema = z.object({ systems: z.array(systemSchema).min(1) }).strict();

/** Parses and validates catalog text; `file` only names the source in errors. */
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
  const seen = new Set<string>();
  catalog.systems.forEach((system, i) => {
    if (seen.has(system.id)) throw new ContentError(file, `systems[${i}].id`, `id "${system.id}" dipakai dua kali`);
    seen.add(system.id);
  });
  return catalog;
}

/** Reads data/systems.yaml under `root` (the project root by default). */
export function loadCatalog(root = fileURLToPath(new URL('..', import.meta.url))): Catalog {
  return parseCatalog(readFileSync(resolve(root, CATALOG_FILE), 'utf8'));
}

/**
 * The match patterns of the content script and of the manifest's host access:
 * every `*.go.id` host plus each catalog host outside `go.id`.
 */
export function governmentMatchPatterns(catalog: Catalog = loadCatalog()): string[] {
  const patterns = new Set<string>(['*://*.go.id/*']);
  for (const system of catalog.systems) {
    for (const rule of system.hosts) {
      const host = rule.match === 'label' ? rule.parent : rule.host;
      if (host === 'go.id' || host.endsWith('.go.id')) continue;
      patterns.add(rule.match === 'exact' ? `*://${host}/*` : `*://*.${host}/*`);
      if (rule.match === 'exact' && !host.startsWith('www.')) patterns.add(`*://www.${host}/*`);
    }
  }
  return [...patterns].sort();
}
