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
 * The module's code. A list of records that all have the same keys in the same order (the lesson
 * index) is written as rows of values with the keys once, rebuilt into the same objects when the
 * module runs: the popup then does not load every key name once per lesson.
 */
export function moduleCode(value: unknown): string {
  const isRecord = (item: unknown): item is Record<string, unknown> =>
    typeof item === 'object' && item !== null && !Array.isArray(item);
  if (Array.isArray(value) && value.length > 1 && value.every(isRecord)) {
    const keys = Object.keys(value[0] as Record<string, unknown>);
    const sameKeys = (item: Record<string, unknown>) => {
      const own = Object.keys(item);
      return own.length === keys.length && own.every((key, i) => key === keys[i]);
    };
    if ((value as Record<string, unknown>[]).every(sameKeys)) {
      const rows = (value as Record<string, unknown>[]).map((item) => keys.map((key) => item[key]));
      return `const keys = ${JSON.stringify(keys)};
export default ${JSON.stringify(rows)}.map((row) => Object.fromEntries(keys.map((key, i) => [key, row[i]])));`;
    }
  }
  return `export default ${JSON.stringify(value)};`;
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
