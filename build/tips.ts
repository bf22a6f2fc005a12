/**
 * Build-time loader for data/tips/*.yaml: one file per catalog system (file
 * name = system id) plus `umum.yaml` for any government site. Every problem
 * is a ContentError naming the file and the field. Runs in Node only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import type { Catalog } from '../core/catalog';
import { GENERAL_TIPS, TIP_ELEMENTS, type Tip } from '../core/tips';
import { loadCatalog } from './catalog';
import { ContentError, formatZodIssues } from './errors';
import { REVIEWED_DATE } from './lessons';

export const TIPS_DIR = 'data/tips';
export const TIP_MAX_CHARS = 200;

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

const tipSchema = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'pakai huruf kecil, angka dan tanda hubung, mis. "siasn-kata-sandi"'),
    text: z
      .string()
      .trim()
      .min(20, 'terlalu pendek (minimal 20 karakter)')
      .max(TIP_MAX_CHARS, `terlalu panjang (maksimal ${TIP_MAX_CHARS} karakter)`),
    context: z.string().optional(),
    element: z.enum(TIP_ELEMENTS).optional(),
    lesson: z.string().optional(),
  })
  .strict();

const fileSchema = z.object({ system: z.string(), reviewed: REVIEWED_DATE, tips: z.array(tipSchema).min(1) }).strict();

/** The tip files, sorted by name. */
export function tipFileNames(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.yaml'))
        .sort()
    : [];
}

/**
 * Parses and validates every tip file in `dir`. `lessonIds` are the lessons a
 * tip may link to; `file` names in errors are relative to the project root.
 */
export function loadTipsFrom(dir: string, catalog: Catalog, lessonIds: ReadonlySet<string>, label = TIPS_DIR): Tip[] {
  const systems = new Map(catalog.systems.map((s) => [s.id, s]));
  const seen = new Map<string, string>();
  const tips: Tip[] = [];
  for (const name of tipFileNames(dir)) {
    const file = `${label}/${name}`;
    let raw: unknown;
    try {
      raw = parse(readFileSync(resolve(dir, name), 'utf8'));
    } catch (error) {
      throw new ContentError(file, '(YAML)', (error as Error).message);
    }
    const result = fileSchema.safeParse(raw);
    if (!result.success) throw new ContentError(file, ...formatZodIssues(result.error, raw));
    const { system, tips: entries } = result.data;
    const expected = name.replace(/\.yaml$/, '');
    if (system !== expected) throw new ContentError(file, 'system', `harus "${expected}" (sama dengan nama berkas)`);
    const def = systems.get(system);
    if (!def && system !== GENERAL_TIPS) {
      throw new ContentError(file, 'system', `"${system}" tidak ada di data/systems.yaml`);
    }
    entries.forEach((entry, i) => {
      const field = (f: string) => `tips[${i}].${f}`;
      const other = seen.get(entry.id);
      if (other) throw new ContentError(file, field('id'), `id "${entry.id}" sudah dipakai di ${other}`);
      seen.set(entry.id, file);
      if (entry.context !== undefined) {
        if (!def) throw new ContentError(file, field('context'), 'tip umum tidak bisa terikat pada bagian halaman');
        if (!def.contexts.some((c) => c.id === entry.context)) {
          const known = def.contexts.map((c) => c.id).join(', ') || '(tidak ada)';
          throw new ContentError(
            file,
            field('context'),
            `"${entry.context}" bukan bagian halaman ${def.name}; yang ada: ${known}`,
          );
        }
      }
      if (entry.lesson !== undefined && !lessonIds.has(entry.lesson)) {
        throw new ContentError(file, field('lesson'), `pelajaran "${entry.lesson}" tidak ada di lessons/`);
      }
      tips.push({
        id: entry.id,
        system,
        text: entry.text,
        context: entry.context ?? null,
        element: entry.element ?? null,
        lesson: entry.lesson ?? null,
      });
    });
  }
  return tips;
}

/** Every tip of the project, validated against the catalog and the lessons. */
export function loadTips(root = PROJECT_ROOT, lessonIds?: ReadonlySet<string>): Tip[] {
  return loadTipsFrom(resolve(root, TIPS_DIR), loadCatalog(root), lessonIds ?? lessonIdsIn(root));
}

/** Lesson ids from the file names in lessons/ (the lesson compiler checks that id = file name). */
export function lessonIdsIn(root = PROJECT_ROOT): Set<string> {
  const dir = resolve(root, 'lessons');
  return new Set(
    existsSync(dir)
      ? readdirSync(dir)
          .filter((f) => f.endsWith('.md') && f !== 'README.md')
          .map((f) => f.replace(/\.md$/, ''))
      : [],
  );
}

export function tipWatchFiles(root = PROJECT_ROOT): string[] {
  return tipFileNames(resolve(root, TIPS_DIR)).map((name) => `${TIPS_DIR}/${name}`);
}
