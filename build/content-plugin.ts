/**
 * Vite plugin: turns the trainer-editable data files into typed virtual
 * modules at build time. A broken file fails the build with its name and field.
 *
 *   import catalog from 'virtual:langkah/catalog';
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { lessonBrief, lessonMeta } from '../core/lesson';
import { CATALOG_FILE, loadCatalog } from './catalog';
import { HOLIDAYS_FILE, loadHolidays } from './holidays';
import { lessonWatchFiles, loadLessons } from './lessons';
import { loadPaths, PATHS_FILE } from './paths';
import { GLOSSARY_FILE, SOURCES_FILE } from './policy';
import { loadTips, tipWatchFiles } from './tips';

/** The content policy's data: lessons and tips are checked against it. */
const POLICY_FILES = [GLOSSARY_FILE, SOURCES_FILE];

/** `files` are watched in dev; a function lists them when the module is loaded (e.g. every lesson file). */
const modules: Record<string, { files: string[] | ((root: string) => string[]); load: (root: string) => unknown }> = {
  'virtual:langkah/catalog': { files: [CATALOG_FILE], load: loadCatalog },
  'virtual:langkah/holidays': { files: [HOLIDAYS_FILE], load: loadHolidays },
  'virtual:langkah/lessons': {
    files: (root) => [CATALOG_FILE, PATHS_FILE, ...POLICY_FILES, ...lessonWatchFiles(root)],
    load: loadLessons,
  },
  'virtual:langkah/paths': { files: [PATHS_FILE], load: loadPaths },
  'virtual:langkah/tips': {
    files: (root) => [CATALOG_FILE, ...POLICY_FILES, ...tipWatchFiles(root)],
    load: (root) => loadTips(root),
  },
  // What the popup, background and reminder need, without the lesson bodies.
  'virtual:langkah/lesson-index': {
    files: (root) => [CATALOG_FILE, PATHS_FILE, ...POLICY_FILES, ...lessonWatchFiles(root)],
    load: (root) => loadLessons(root).map(lessonMeta),
  },
  // What the popup needs: the index without summaries and topics (a fifth of its size).
  'virtual:langkah/lesson-brief': {
    files: (root) => [CATALOG_FILE, PATHS_FILE, ...POLICY_FILES, ...lessonWatchFiles(root)],
    load: (root) => loadLessons(root).map((lesson) => lessonBrief(lessonMeta(lesson))),
  },
};

/**
 * The module's code. Lists of records that all have the same keys in the same order (the lesson
 * index), and maps whose values are such records (the holidays by date), are written as rows of
 * values with the keys once, rebuilt into the same objects when the module runs: the popup then
 * does not load every key name once per lesson or per holiday. Anything else is plain JSON.
 */
export function moduleCode(value: unknown): string {
  return `const rows = (keys, list) => list.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i]])));
const byId = (keys, list) => Object.fromEntries(list.map(([id, ...row]) => [id, rows(keys, [row])[0]]));
export default ${expression(value)};`;
}

const isRecord = (item: unknown): item is Record<string, unknown> =>
  typeof item === 'object' && item !== null && !Array.isArray(item);

/** The keys every one of `items` has, in one order, or null when they differ (or there are too few to gain). */
function sharedKeys(items: unknown[]): string[] | null {
  if (items.length < 2 || !items.every(isRecord)) return null;
  const keys = Object.keys(items[0] as Record<string, unknown>);
  const same = (items as Record<string, unknown>[]).every((item) => {
    const own = Object.keys(item);
    return own.length === keys.length && own.every((key, i) => key === keys[i]);
  });
  return same ? keys : null;
}

function expression(value: unknown): string {
  if (Array.isArray(value)) {
    const keys = sharedKeys(value);
    if (!keys) return JSON.stringify(value);
    const list = (value as Record<string, unknown>[]).map((item) => keys.map((key) => item[key]));
    return `rows(${JSON.stringify(keys)}, ${JSON.stringify(list)})`;
  }
  if (!isRecord(value)) return JSON.stringify(value);
  const entries = Object.entries(value);
  const keys = sharedKeys(entries.map(([, item]) => item));
  if (keys) {
    const list = entries.map(([id, item]) => [id, ...keys.map((key) => (item as Record<string, unknown>)[key])]);
    return `byId(${JSON.stringify(keys)}, ${JSON.stringify(list)})`;
  }
  // Computed keys: a key "__proto__" stays an own property, as JSON.parse would make it.
  return `{${entries.map(([key, item]) => `[${JSON.stringify(key)}]: ${expression(item)}`).join(', ')}}`;
}

/** The project root, whatever folder Vite or Vitest runs from. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export function contentPlugin(): Plugin {
  const root = PROJECT_ROOT;
  return {
    name: 'langkah-content',
    enforce: 'pre',
    resolveId(id) {
      return id in modules ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith('\0virtual:langkah/')) return null;
      const entry = modules[id.slice(1)];
      if (!entry) return null;
      const files = typeof entry.files === 'function' ? entry.files(root) : entry.files;
      for (const file of files) this.addWatchFile(resolve(root, file));
      return moduleCode(entry.load(root));
    },
  };
}
