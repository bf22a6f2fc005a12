/**
 * The content script (entrypoints/gov/script.ts), bundled on its own with
 * esbuild into one plain script, without the wrapper WXT puts around an
 * unlisted script (its logger and error handling: a third of the file, and
 * compiled on every government page). Every byte of this file is compiled on
 * every page load: `npm run bench -- "content script"` measures it.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';

/** Where the manifest (wxt.config.ts) and the internal-system registration look for it. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/gov.js';
export const CONTENT_SCRIPT_SOURCE = 'entrypoints/gov/script.ts';

/** The built script's text for `browser` ('chrome', 'firefox', …). A type or syntax error in its sources fails the build. */
export async function buildContentScript(root: string, browser: string, minify = true): Promise<string> {
  const result = await build({
    entryPoints: [resolve(root, CONTENT_SCRIPT_SOURCE)],
    bundle: true,
    write: false,
    // A script, not a module: its top-level names stay inside one function.
    format: 'iife',
    target: 'es2022',
    minify,
    legalComments: 'none',
    define: { 'import.meta.env.FIREFOX': JSON.stringify(browser === 'firefox') },
    logLevel: 'silent',
  });
  const [file] = result.outputFiles;
  if (!file) throw new Error(`${CONTENT_SCRIPT_SOURCE}: esbuild wrote no output`);
  return file.text;
}
