/**
 * What an entry of the built extension loads when it opens, shared by the size
 * bench (bench/size.bench.ts) and the size budgets (tests/build/budgets.test.ts).
 */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The most an entry (background, popup, options, lesson page) may load at open, minified as shipped. */
export const AT_OPEN_BUDGET_KB = 250;

/**
 * Files an entry loads when it opens: the scripts and styles of an HTML page,
 * then their static imports, transitively. With `onDemand`, also the chunks
 * it may load later through `import()` (e.g. the backup code in options).
 */
export function entryFiles(entry: string, build: string, onDemand = false): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(build, file), 'utf8');
    const refs = file.endsWith('.html')
      ? [...text.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '')
      : [
          ...text.matchAll(
            onDemand
              ? /(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js)["']/g
              : /(?:from|import)\s*["'](\.{1,2}\/[^"']+\.js)["']/g,
          ),
        ].map((m) => m[1] ?? '');
    for (const ref of refs) {
      const target = ref.startsWith('/') ? ref.slice(1) : relative(build, resolve(build, dirname(file), ref));
      visit(target);
    }
  };
  visit(entry);
  return [...seen];
}
