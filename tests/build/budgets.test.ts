/**
 * Budgets on the built extension, checked after `npm run build`: sizes that
 * keep Langkah light on government pages, and the manifest's permissions,
 * which may only change together with their reviewed snapshot
 * (`npx vitest run --config vitest.build.config.ts -u` updates it; review the diff).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD, FIREFOX_BUILD, requireBuild } from '../support/browsers';
import { AT_OPEN_BUDGET_KB, entryFiles } from '../support/entry-files';
import { zippedSize } from '../support/package-size';

const KB = 1000;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? files(join(dir, d.name)) : [join(dir, d.name)],
  );
}

function manifest(dir: string) {
  return JSON.parse(readFileSync(join(requireBuild(dir), 'manifest.json'), 'utf8'));
}

describe('size budgets (Chrome build)', () => {
  it('keeps the main content script at or under 25 KB minified', () => {
    const size = statSync(join(requireBuild(CHROME_BUILD), 'content-scripts/gov.js')).size;
    expect(size, `content-scripts/gov.js is ${(size / KB).toFixed(1)} KB`).toBeLessThanOrEqual(25 * KB);
  });

  it('keeps the Chrome store package (the zip) at or under 600 KB', () => {
    const size = zippedSize(requireBuild(CHROME_BUILD));
    const largest = files(CHROME_BUILD)
      .map((f) => [relative(CHROME_BUILD, f), statSync(f).size] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .map(([f, s]) => `${f} ${(s / KB).toFixed(1)} KB`)
      .join(', ');
    expect(size, `package is ${(size / KB).toFixed(1)} KB; largest files: ${largest}`).toBeLessThanOrEqual(600 * KB);
  });

  // The same entries and goal as the size bench (bench/size.bench.ts): each entry's own files and their static imports.
  for (const entry of ['background.js', 'popup.html', 'options.html', 'lesson.html']) {
    it(`keeps ${entry} at or under ${AT_OPEN_BUDGET_KB} KB loaded at open`, () => {
      const loaded = entryFiles(entry, requireBuild(CHROME_BUILD)).map(
        (f) => [f, statSync(join(CHROME_BUILD, f)).size] as const,
      );
      const total = loaded.reduce((sum, [, size]) => sum + size, 0);
      const list = loaded.map(([f, size]) => `${f} ${(size / KB).toFixed(1)} KB`).join(', ');
      expect(total, `${entry} loads ${(total / KB).toFixed(1)} KB at open: ${list}`).toBeLessThanOrEqual(
        AT_OPEN_BUDGET_KB * KB,
      );
    });
  }

  it('keeps Readability out of the main content script', () => {
    const source = readFileSync(join(CHROME_BUILD, 'content-scripts/gov.js'), 'utf8');
    expect(source).not.toMatch(/Readability|isProbablyReaderable/);
  });
});

describe('permissions match the reviewed snapshot', () => {
  const pick = (m: Record<string, unknown>) => ({
    permissions: m.permissions ?? [],
    optional_permissions: m.optional_permissions ?? [],
    host_permissions: m.host_permissions ?? [],
    optional_host_permissions: m.optional_host_permissions ?? [],
    content_scripts: ((m.content_scripts ?? []) as { matches: string[] }[]).map((c) => c.matches),
    web_accessible_resources: m.web_accessible_resources ?? [],
  });

  it('Chrome', async () => {
    await expect(`${JSON.stringify(pick(manifest(CHROME_BUILD)), null, 2)}\n`).toMatchFileSnapshot(
      './permissions.chrome.json',
    );
  });

  it('Firefox', async () => {
    await expect(`${JSON.stringify(pick(manifest(FIREFOX_BUILD)), null, 2)}\n`).toMatchFileSnapshot(
      './permissions.firefox.json',
    );
  });
});
