/**
 * Vite plugin: turns the trainer-editable data files into typed virtual
 * modules at build time. A broken file fails the build with its name and field.
 *
 *   import catalog from 'virtual:langkah/catalog';
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { lessonMeta } from '../core/lesson';
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
};

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
      return `export default ${JSON.stringify(entry.load(root))};`;
    },
  };
}
