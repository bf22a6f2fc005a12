import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'wxt';
import { governmentMatchPatterns } from './build/catalog';
import { contentPlugin } from './build/content-plugin';
import { buildContentScript, CONTENT_SCRIPT_FILE } from './build/content-script';
import { loadLessonImages, loadLessons } from './build/lessons';
import { chromeManagedSchema } from './build/policy-schema';
import { loadTips } from './build/tips';
import { LESSON_DATA_DIR, lessonMeta } from './core/lesson';
import { LESSON_INDEX_FILE, TIPS_FILE } from './entrypoints/background/package-data';

/**
 * A chunk's file name says what it holds: its own first module's name, then
 * every npm package bundled into it (`messaging+date-fns+preact+wxt-<hash>.js`), so a
 * reader of the build is not told "messaging" for a chunk that is mostly Preact.
 */
function honestChunkNames(): Plugin {
  const packageOf = (id: string) => {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(id)?.[1];
    // WXT's own runtime (and superlock, its storage lock) counts as one: wxt.
    return name && /^(wxt|@wxt-dev\/.*|superlock)$/.test(name) ? 'wxt' : name;
  };
  return {
    name: 'langkah-chunk-names',
    outputOptions(options) {
      if (options.format === 'iife') return null;
      return {
        ...options,
        // The lesson index (and the popup's brief of it) in chunks of their own, so small chunks merged
        // by size never carry them into a page that does not list lessons (options loads the index
        // only for the xAPI export).
        manualChunks: (id) => /^\0virtual:langkah\/(lesson-index|lesson-brief)$/.exec(id)?.[1],
        chunkFileNames: (chunk) => {
          // Rollup names a chunk after one of its modules, which may be a package's (Dexie's
          // `import-wrapper`): then it is named after its last module of this project (in execution
          // order, the one that imports the rest).
          const moduleName = (id: string) => {
            const [, dir, file] = /([^/]*)\/([^/.]+)[^/]*$/.exec(id) ?? [];
            return file === 'index' ? dir : file;
          };
          const locals = chunk.moduleIds.filter((id) => !id.includes('node_modules') && !id.startsWith('\0'));
          const own = locals.some((id) => moduleName(id) === chunk.name)
            ? chunk.name
            : locals.map(moduleName).findLast((n) => n !== undefined);
          const packages = [...new Set(chunk.moduleIds.map(packageOf).filter((p) => p !== undefined))]
            .map((p) => p.replace(/^@/, '').replace('/', '-'))
            .filter((p) => p !== own)
            .sort();
          const name = own ? [own, ...packages] : packages.length ? packages : [chunk.name];
          return `chunks/${name.join('+')}-[hash].js`;
        },
      };
    },
  };
}

/** Fixed add-on id: Firefox needs it for storage and for a stable moz-extension origin. */
export const GECKO_ID = 'langkah@langkah.id';

/**
 * Public key of the Chromium builds: it fixes the extension id to
 * `filefcpogaapdbmeopmjcggnnpcgnmmb` for an unpacked or self-hosted install, so an agency's
 * policy (`3rdparty.extensions.<id>`, ExtensionSettings) names one id. Only the
 * public half exists in this repository. The store package leaves it out: the
 * Chrome Web Store gives the listing its own id (docs/admin/README.md).
 */
export const CHROME_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAslaTjvpYf7S+CMXmZl2WhPnpeyoEklDJGTQVEVsJ7ogJbfPWFfDi42lEf090UwgBAm5HCFl9MUV761beM1KuB3adckBqHBfX9Rxu34a+RjDz92opuKrlnDgLkrzry5FhCbjYmNWAUPE3f+g4HKbSgR0AKd+CwzrTrs7tjOQrQqv9hg/1ympweqjEIwUpTTFRPmhF/rJkJ8UkYDnHRQfa+FDeckvADuNdxG+UGzPEBSzWM1Vi9ajJzlgWRZAJTdIRUXhRyyWFXSD79/BQVFslo2VZdYhoQ2r2+EM90AMqlNBL8MVbBPTJ9ugbOU4jSzepeAXTkufsM41qO7R75P+8gQIDAQAB';
export const CHROME_ID = 'filefcpogaapdbmeopmjcggnnpcgnmmb';

/** Chrome and Edge read the agency policy's shape from this file (build/policy-schema.ts). */
const MANAGED_SCHEMA_FILE = 'managed_schema.json';

export default defineConfig({
  // Explicit imports everywhere: a reader sees where `browser` comes from,
  // and nothing from the extension shell leaks into core/ by accident.
  imports: false,
  // One manifest model for both browsers: MV3 (service worker in Chrome,
  // an event page in Firefox, which WXT emits as background.scripts).
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), contentPlugin(), honestChunkNames()],
    resolve: {
      // Dexie's ES2018 build (the same release, ~12 KB smaller minified than the ES5 one its
      // package entry wraps): every page and the background load it at open.
      alias: [
        { find: /^dexie$/, replacement: resolve(import.meta.dirname, 'node_modules/dexie/dist/modern/dexie.mjs') },
      ],
    },
    build: {
      target: 'es2022',
      // `LANGKAH_SOURCEMAP=1 npm run build` shows what each chunk holds.
      sourcemap: !!process.env.LANGKAH_SOURCEMAP,
      // Fewer, larger files: on a slow machine every extra file an extension page
      // loads costs more than its bytes (measured with `npm run bench -- popup`:
      // the popup's own time to first content fell from ~100 ms to ~75 ms with
      // small chunks merged and one style sheet of 8 KB for every page).
      rollupOptions: { output: { experimentalMinChunkSize: 40_000 } },
      cssCodeSplit: false,
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Langkah',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    action: { default_title: '__MSG_actionTitle__' },
    permissions: ['storage', 'alarms', 'scripting', 'notifications'],
    // Only for the learner's own internal systems, requested one host at a time in options.
    optional_host_permissions: ['*://*/*'],
    // Chrome and Edge: the policy schema and the fixed id. Firefox reads `3rdparty` policies without a schema.
    ...(browser === 'firefox' ? {} : { key: CHROME_KEY, storage: { managed_schema: MANAGED_SCHEMA_FILE } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 is the first release (and ESR) that reads data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // Lesson images (lessons/img, checked, SVG sanitised) ship inside the extension: never fetched.
    'build:publicAssets': async (wxt, files) => {
      // The content script, bundled apart by esbuild, without WXT's script wrapper (build/content-script.ts).
      files.push({
        relativeDest: CONTENT_SCRIPT_FILE,
        contents: await buildContentScript(wxt.config.root, wxt.config.browser),
      });
      for (const image of loadLessonImages()) {
        files.push(
          'contents' in image
            ? { relativeDest: image.dest, contents: image.contents }
            : { relativeDest: image.dest, absoluteSrc: image.absolutePath },
        );
      }
      // Each lesson's cards and quiz, checked like the index: the lesson page loads only the one it plays.
      const lessons = loadLessons();
      for (const lesson of lessons) {
        files.push({ relativeDest: `${LESSON_DATA_DIR}/${lesson.id}.json`, contents: JSON.stringify(lesson) });
      }
      // The tips and the lesson index, checked like every content file: the background reads them when it needs them.
      files.push({ relativeDest: TIPS_FILE, contents: JSON.stringify(loadTips()) });
      files.push({ relativeDest: LESSON_INDEX_FILE, contents: JSON.stringify(lessons.map(lessonMeta)) });
      // Chrome and Edge: the agency policy's schema (build/policy-schema.ts).
      if (wxt.config.browser !== 'firefox') {
        files.push({
          relativeDest: MANAGED_SCHEMA_FILE,
          contents: `${JSON.stringify(chromeManagedSchema(), null, 2)}\n`,
        });
      }
    },
    'zip:extension:start': async (wxt) => {
      // The store package carries no `key`: the Chrome Web Store refuses it and gives the listing its own id.
      if (wxt.config.browser === 'firefox') return;
      const path = resolve(wxt.config.outDir, 'manifest.json');
      const manifest = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
      delete manifest.key;
      await writeFile(path, JSON.stringify(manifest));
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      // The content script's reach is the catalog's, computed from data/systems.yaml,
      // so adding a system in the data file is enough to be injected there.
      const matches = governmentMatchPatterns();
      // Injected at document_start, when creating the script's world overlaps the wait for the
      // page's bytes (measured: injecting at document_idle added ~20–40 ms to a fast page's load
      // event); it then does nothing until the page has loaded and the browser is idle. Always
      // document_start (internal systems too): the script does not look whether `load` has passed.
      manifest.content_scripts = [
        ...(manifest.content_scripts ?? []),
        { matches, js: [CONTENT_SCRIPT_FILE], run_at: 'document_start' },
      ];
      // The same hosts, and no others, for injecting the on-demand topic reader.
      manifest.host_permissions = matches;
      // WXT takes the toolbar title from the popup's <title>; the manifest's is localised.
      if (manifest.action) manifest.action.default_title = '__MSG_actionTitle__';
    },
  },
  zip: {
    artifactTemplate: 'langkah-{{version}}-{{browser}}.zip',
    sourcesTemplate: 'langkah-{{version}}-sources.zip',
    excludeSources: ['.output/**', 'test-results/**', 'bench-results/**'],
  },
});
