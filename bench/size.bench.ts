/**
 * Bundle sizes of the Chrome build per entry point: each entry's own files
 * plus every chunk they import, minified as shipped, and the whole package.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Measurement } from './types';

const BUILD = resolve(import.meta.dirname, '../.output/chrome-mv3');
const KB = 1000;

/** Files an entry loads: scripts and styles of an HTML page, then their imports, transitively. */
export function entryFiles(entry: string, build = BUILD): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(build, file), 'utf8');
    const refs = file.endsWith('.html')
      ? [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '')
      : [...text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g)].map((m) => m[1] ?? '');
    for (const ref of refs) {
      const target = ref.startsWith('/') ? ref.slice(1) : relative(build, resolve(build, dirname(file), ref));
      visit(target);
    }
  };
  visit(entry);
  return [...seen];
}

function bytes(files: string[], build = BUILD) {
  const raw = files.reduce((sum, f) => sum + statSync(join(build, f)).size, 0);
  const gz = files.reduce((sum, f) => sum + gzipSync(readFileSync(join(build, f))).length, 0);
  return { raw, gz };
}

function allFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? allFiles(join(dir, d.name), base) : [relative(base, join(dir, d.name))],
  );
}

function sizeMeasurement(name: string, entry: string, goalKb: number): Measurement {
  return {
    name: `size: ${name}`,
    goal: `≤ ${goalKb} KB`,
    needsBuild: true,
    async run() {
      const files = entryFiles(entry);
      const { raw, gz } = bytes(files);
      return {
        value: raw / KB,
        unit: 'KB',
        pass: raw <= goalKb * KB,
        detail: `${files.length} file(s), ${(gz / KB).toFixed(1)} KB gzipped`,
      };
    },
  };
}

export const measurements: Measurement[] = [
  sizeMeasurement('content script (gov)', 'content-scripts/gov.js', 25),
  sizeMeasurement('background', 'background.js', 250),
  sizeMeasurement('popup', 'popup.html', 250),
  sizeMeasurement('options', 'options.html', 250),
  sizeMeasurement('lesson page', 'lesson.html', 250),
  {
    name: 'size: whole Chrome package',
    goal: '≤ 600 KB',
    needsBuild: true,
    async run() {
      const files = allFiles(BUILD);
      const { raw, gz } = bytes(files);
      return {
        value: raw / KB,
        unit: 'KB',
        pass: raw <= 600 * KB,
        detail: `${files.length} files, ${(gz / KB).toFixed(1)} KB gzipped`,
      };
    },
  },
];
