/**
 * What Langkah costs a government page: load time with and without the
 * extension (median ratio of alternating loads), and the on-demand topic
 * reader's run time on a large article page.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { startFixtureServer } from '../tests/fixtures/server';
import { CHROME_BUILD, chromiumArgs, findChromium } from '../tests/support/browsers';
import { median } from './stats';
import type { Measurement } from './types';

const LOADS = 31;

/**
 * A browser with Langkah, or — for the baseline — with an empty extension,
 * so both run with the same flags and extension system and differ only by Langkah.
 */
async function launch(withExtension: boolean): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'langkah-bench-'));
  const profile = join(dir, 'profile');
  let extension = CHROME_BUILD;
  if (!withExtension) {
    extension = join(dir, 'empty-extension');
    mkdirSync(extension);
    writeFileSync(
      join(extension, 'manifest.json'),
      JSON.stringify({ manifest_version: 3, name: 'empty', version: '1.0' }),
    );
  }
  const args = chromiumArgs(extension);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args,
  });
  if (withExtension) {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // No tip card during the measurement: it appears after load anyway, but keep the runs alike.
    await worker.evaluate(() =>
      chrome.storage.local.set({
        tipCaps: { enabled: false, perSystemPerDay: 1, perDay: 3, minMinutesBetween: 60, quietHours: null },
      }),
    );
  }
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Milliseconds from navigation start to the end of the load event, as the page itself measured. */
async function loadTime(context: BrowserContext, url: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const ms = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return nav ? nav.loadEventEnd - nav.startTime : Number.NaN;
  });
  await page.close();
  // Let work that follows a load (Langkah reports the visit once the page is idle) finish before the next load.
  await new Promise((r) => setTimeout(r, 400));
  return ms;
}

const pageLoad: Measurement = {
  name: 'page load with / without Langkah',
  goal: '≤ 1.05× (median)',
  needsBuild: true,
  needsBrowser: true,
  async run() {
    const server = await startFixtureServer();
    const url = server.url('siasn-instansi.bkn.go.id');
    const [withExt, without] = await Promise.all([launch(true), launch(false)]);
    try {
      for (let i = 0; i < 3; i++) {
        await loadTime(withExt.context, url);
        await loadTime(without.context, url);
      }
      const a: number[] = [];
      const b: number[] = [];
      for (let i = 0; i < LOADS; i++) {
        // Alternate which goes first, so neither always meets a warmer machine.
        if (i % 2) {
          a.push(await loadTime(withExt.context, url));
          b.push(await loadTime(without.context, url));
        } else {
          b.push(await loadTime(without.context, url));
          a.push(await loadTime(withExt.context, url));
        }
      }
      // Each pair is measured back to back, so its ratio is the least disturbed by drift on the machine.
      const ratio = median(a.map((ms, i) => ms / (b[i] ?? Number.NaN)));
      return {
        value: ratio,
        unit: '×',
        pass: ratio <= 1.05,
        detail: `median of ${LOADS} paired loads; median ${median(a).toFixed(1)} ms with, ${median(b).toFixed(1)} ms without`,
      };
    } finally {
      await withExt.close();
      await without.close();
      await server.close();
    }
  },
};

/** A long article page about electronic signatures (~200 paragraphs). */
function largeArticle(): string {
  const paragraph = (i: number) =>
    `<p>Paragraf ${i}. Penerapan tanda tangan elektronik di lingkungan pemerintah daerah menuntut setiap pejabat menjaga passphrase sertifikat elektronik, memeriksa dokumen sebelum menandatangani, dan memastikan naskah dinas tersimpan dalam arsip elektronik yang tertib agar mudah ditelusuri kembali.</p>`;
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Tanda tangan elektronik: panduan lengkap</title></head><body><nav>${'<a href="#">Menu</a>'.repeat(40)}</nav><main><article><h1>Tanda tangan elektronik: panduan lengkap</h1>${Array.from({ length: 200 }, (_, i) => paragraph(i)).join('')}</article></main><footer>${'<p>Kontak</p>'.repeat(20)}</footer></body></html>`;
}

const readerTime: Measurement = {
  name: 'topic reader on a large article',
  goal: '≤ 150 ms (median)',
  needsBuild: true,
  needsBrowser: true,
  async run() {
    const source = readFileSync(join(CHROME_BUILD, 'reader.js'), 'utf8');
    const browser = await chromium.launch({ executablePath: findChromium(), headless: true });
    try {
      const page = await browser.newPage();
      await page.setContent(largeArticle());
      const times: number[] = [];
      let result: unknown = null;
      for (let i = 0; i < 12; i++) {
        // Parse and run the script exactly as the browser injects it, between two marks.
        await page.addScriptTag({
          content: `performance.mark('reader-start');\n${source}\nperformance.mark('reader-end');\nwindow.__readerResult = reader;`,
        });
        const run = await page.evaluate(() => {
          const ms = performance.measure('reader', 'reader-start', 'reader-end').duration;
          performance.clearMarks();
          performance.clearMeasures();
          return { ms, value: (window as unknown as { __readerResult: unknown }).__readerResult };
        });
        times.push(run.ms);
        result = run.value;
      }
      const ms = median(times.slice(2));
      return {
        value: ms,
        unit: 'ms',
        pass: ms <= 150 && result !== null,
        detail: `${(source.length / 1000).toFixed(1)} KB script; matched ${JSON.stringify(result)}`,
      };
    } finally {
      await browser.close();
    }
  },
};

export const measurements: Measurement[] = [pageLoad, readerTime];
