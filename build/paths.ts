/**
 * Build-time loader for data/paths.yaml (role paths): parses, validates and
 * reports errors naming the file and the field. Runs in Node only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { GENERAL_PATH_ID, type RolePath } from '../core/paths';
import { ContentError, formatZodIssues } from './errors';

export const PATHS_FILE = 'data/paths.yaml';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const localized = (min: number, max: number) =>
  z.object({ id: z.string().trim().min(min).max(max), en: z.string().trim().min(min).max(max) }).strict();

const pathSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'harus kebab-case, mis. "persuratan-arsip"'),
    name: localized(2, 40),
    description: localized(10, 160),
  })
  .strict();

const pathsSchema = z.object({ paths: z.array(pathSchema).min(1) }).strict();

/**
 * Parses and validates the paths file text; `file` only names the source in
 * errors. Throws a ContentError naming the file and the field (e.g.
 * `paths[2].name.en`) for the first problem: schema, an id used twice, or the
 * general path (`semua-asn`) missing.
 */
export function parsePaths(text: string, file = PATHS_FILE): RolePath[] {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new ContentError(file, '(YAML)', (error as Error).message);
  }
  const result = pathsSchema.safeParse(raw);
  if (!result.success) throw new ContentError(file, ...formatZodIssues(result.error, raw));
  const seen = new Set<string>();
  result.data.paths.forEach((path, i) => {
    if (seen.has(path.id)) throw new ContentError(file, `paths[${i}].id`, `id "${path.id}" dipakai dua kali`);
    seen.add(path.id);
  });
  if (!seen.has(GENERAL_PATH_ID)) {
    throw new ContentError(file, 'paths', `jalur "${GENERAL_PATH_ID}" wajib ada (jalur bawaan pembelajar)`);
  }
  return result.data.paths;
}

/** The role paths of `root`/data/paths.yaml. */
export function loadPaths(root = PROJECT_ROOT): RolePath[] {
  return parsePaths(readFileSync(resolve(root, PATHS_FILE), 'utf8'), PATHS_FILE);
}
