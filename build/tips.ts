/**
 * Build-time loader for data/tips/*.yaml: one file per catalog system (file
 * name = system id) plus `umum.yaml` for any government site. Every problem
 * is a ContentError naming the file and the field. Runs in Node only.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Catalog } from '../core/catalog';
import { GENERAL_TIPS, TIP_ELEMENTS, type Tip } from '../core/tips';
import { loadCatalog } from './catalog';
import { ContentError, formatZodIssues } from './errors';
import { REVIEWED_DATE } from './lessons';
import {
  type ContentPolicy,
  futureProblem,
  type GlossaryMatcher,
  glossaryMatcher,
  glossaryProblem,
  loadContentPolicy,
  reviewState,
  type StaleFile,
} from './policy';

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

export interface TipCheck {
  /** Tips of the files that broke no rule, in file order. */
  tips: Tip[];
  /** One structural error per broken file, or every policy problem (vocabulary, date) of the file. */
  errors: ContentError[];
  /** Files reviewed more than 12 months ago (a warning; the release refuses them). */
  stale: StaleFile[];
}

/**
 * Parses and validates every tip file in `dir`, and applies the content policy (glossary words
 * in tip text, reviewed date). `lessonIds` are the lessons a tip may link to; `file` names in
 * errors are relative to the project root.
 */
export function checkTipsFrom(
  dir: string,
  catalog: Catalog,
  lessonIds: ReadonlySet<string>,
  label = TIPS_DIR,
  policy: ContentPolicy = loadContentPolicy(),
): TipCheck {
  const systems = new Map(catalog.systems.map((s) => [s.id, s]));
  const matcher = glossaryMatcher(policy.glossary);
  const seen = new Map<string, string>();
  const result: TipCheck = { tips: [], errors: [], stale: [] };
  for (const name of tipFileNames(dir)) {
    const file = `${label}/${name}`;
    try {
      const text = readFileSync(resolve(dir, name), 'utf8');
      const { tips, errors, reviewed } = checkTipFile(text, file, name, systems, lessonIds, seen, matcher, policy);
      result.errors.push(...errors);
      if (errors.length === 0) result.tips.push(...tips);
      if (reviewState(reviewed, policy.today) === 'stale') result.stale.push({ file, reviewed });
    } catch (error) {
      if (!(error instanceof ContentError)) throw error;
      result.errors.push(error);
    }
  }
  return result;
}

function checkTipFile(
  text: string,
  file: string,
  name: string,
  systems: ReadonlyMap<string, Catalog['systems'][number]>,
  lessonIds: ReadonlySet<string>,
  seen: Map<string, string>,
  matcher: GlossaryMatcher,
  policy: ContentPolicy,
): { tips: Tip[]; errors: ContentError[]; reviewed: string } {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) throw new ContentError(file, '(YAML)', yamlError.message);
  const raw: unknown = doc.toJS();
  const result = fileSchema.safeParse(raw);
  if (!result.success) throw new ContentError(file, ...formatZodIssues(result.error, raw));
  const { system, reviewed, tips: entries } = result.data;
  const expected = name.replace(/\.yaml$/, '');
  if (system !== expected) throw new ContentError(file, 'system', `harus "${expected}" (sama dengan nama berkas)`);
  const def = systems.get(system);
  if (!def && system !== GENERAL_TIPS) {
    throw new ContentError(file, 'system', `"${system}" tidak ada di data/systems.yaml`);
  }
  const tips: Tip[] = [];
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

  const errors: ContentError[] = [];
  const lineOf = (path: (string | number)[]) => {
    const node = doc.getIn(path, true);
    return isNode(node) && node.range ? counter.linePos(node.range[0]).line : 1;
  };
  if (reviewState(reviewed, policy.today) === 'future') {
    errors.push(
      new ContentError(file, 'reviewed', `${futureProblem(reviewed, policy.today)} (baris ${lineOf(['reviewed'])})`),
    );
  }
  entries.forEach((entry, i) => {
    const node = doc.getIn(['tips', i, 'text'], true);
    const start = lineOf(['tips', i, 'text']);
    const source = isNode(node) && node.range ? text.slice(node.range[0], node.range[1]) : '';
    for (const hit of matcher.find(entry.text)) {
      // The line of the word inside a text written over several lines.
      const at = source.toLowerCase().indexOf(hit.word.toLowerCase());
      const line = start + (at < 0 ? 0 : (source.slice(0, at).match(/\n/g)?.length ?? 0));
      errors.push(new ContentError(file, `tips[${i}].text`, glossaryProblem(hit, line)));
    }
  });
  return { tips, errors, reviewed };
}

/** Every tip of `dir`; throws the first ContentError of any file. */
export function loadTipsFrom(
  dir: string,
  catalog: Catalog,
  lessonIds: ReadonlySet<string>,
  label = TIPS_DIR,
  policy?: ContentPolicy,
): Tip[] {
  const { tips, errors } = checkTipsFrom(dir, catalog, lessonIds, label, policy);
  if (errors[0]) throw errors[0];
  return tips;
}

/** Every tip of the project, validated against the catalog and the lessons. */
export function loadTips(root = PROJECT_ROOT, lessonIds?: ReadonlySet<string>): Tip[] {
  return loadTipsFrom(
    resolve(root, TIPS_DIR),
    loadCatalog(root),
    lessonIds ?? lessonIdsIn(root),
    TIPS_DIR,
    loadContentPolicy(root),
  );
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
