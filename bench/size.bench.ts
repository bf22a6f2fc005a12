/**
 * Bundle sizes of the Chrome build per entry point: each entry's own files
 * plus every chunk they import, minified as shipped, and the store package.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { AT_OPEN_BUDGET_KB, entryFiles } from '../tests/support/entry-files';
import { zippedSize } from '../tests/support/package-size';
import type { Measurement } from './types';

const BUILD = resolve(import.meta.dirname, '../.output/chrome-mv3');
const KB = 1000;

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
      const files = entryFiles(entry, BUILD);
      const { raw, gz } = bytes(files);
      const later = entryFiles(entry, BUILD, true).filter((f) => !files.includes(f));
      const onDemand = later.length
        ? `; ${(bytes(later).raw / KB).toFixed(1)} KB more in ${later.length} file(s) loaded on demand`
        : '';
      return {
        value: raw / KB,
        unit: 'KB',
        pass: raw <= goalKb * KB,
        detail: `at open: ${files.length} file(s), ${(gz / KB).toFixed(1)} KB gzipped${onDemand}`,
      };
    },
  };
}

export const measurements: Measurement[] = [
  sizeMeasurement('content script (gov)', 'content-scripts/gov.js', 25),
  sizeMeasurement('background', 'background.js', AT_OPEN_BUDGET_KB),
  sizeMeasurement('popup', 'popup.html', AT_OPEN_BUDGET_KB),
  sizeMeasurement('options', 'options.html', AT_OPEN_BUDGET_KB),
  sizeMeasurement('lesson page', 'lesson.html', AT_OPEN_BUDGET_KB),
  {
    // The package is what is uploaded to the Chrome Web Store and what users download (the same
    // budget is enforced by tests/build/budgets.test.ts); the unpacked size is printed beside it.
    name: 'size: Chrome store package (zip)',
    goal: '≤ 600 KB',
    needsBuild: true,
    async run() {
      const files = allFiles(BUILD);
      const { raw } = bytes(files);
      const zip = zippedSize(BUILD);
      return {
        value: zip / KB,
        unit: 'KB',
        pass: zip <= 600 * KB,
        detail: `${files.length} files, ${(raw / KB).toFixed(1)} KB unpacked`,
      };
    },
  },
];
