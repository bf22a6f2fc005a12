/**
 * What Langkah costs a government page: load time with and without the
 * extension (median ratio of alternating loads), and the on-demand topic
 * reader's run time on a large article page.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from '@playwright/test';
import { startFixtureServer } from '../tests/fixtures/server';
import { CHROME_BUILD, chromiumArgs, findChromium } from '../tests/support/browsers';
import { median, quantile, spread } from './stats';
import type { Measurement } from './types';

const ROUNDS = 41;

/**
 * What a browser in the page-load comparison runs: Langkah; Langkah with its
 * content script emptied (the control: what any content script on these hosts
 * costs, however small); or an empty extension (the baseline). All three run
 * with the same flags and extension system.
 */
type Variant = 'langkah' | 'empty-script' | 'none';

async function launch(variant: Variant): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'langkah-bench-'));
  const profile = join(dir, 'profile');
  let extension = CHROME_BUILD;
  if (variant === 'none') {
    extension = join(dir, 'empty-extension');
    mkdirSync(extension);
    writeFileSync(
      join(extension, 'manifest.json'),
      JSON.stringify({ manifest_version: 3, name: 'empty', version: '1.0' }),
    );
  } else if (variant === 'empty-script') {
    extension = join(dir, 'langkah-empty-script');
    cpSync(CHROME_BUILD, extension, { recursive: true });
    writeFileSync(join(extension, 'content-scripts/gov.js'), '(function () {})();\n');
  }
  const args = chromiumArgs(extension);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: findChromium(),
    headless: true,
    args,
  });
  if (variant !== 'none') {
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

type Times = Record<Variant, number[]>;

/** Interleaved loads of the fixture page in the three browsers, rotating the order each round. */
async function interleavedRounds(): Promise<Times> {
  const server = await startFixtureServer();
  const url = server.url('siasn-instansi.bkn.go.id');
  const variants: Variant[] = ['langkah', 'empty-script', 'none'];
  const browsers = await Promise.all(variants.map(launch));
  try {
    const times: Times = { langkah: [], 'empty-script': [], none: [] };
    for (let round = -3; round < ROUNDS; round++) {
      // Rotate the order each round, so no variant always meets a warmer machine.
      for (let k = 0; k < variants.length; k++) {
        const i = (k + Math.max(round, 0)) % variants.length;
        const ms = await loadTime((browsers[i] as (typeof browsers)[number]).context, url);
        if (round >= 0) times[variants[i] as Variant].push(ms);
      }
    }
    return times;
  } finally {
    await Promise.all(browsers.map((b) => b.close()));
    await server.close();
  }
}

let rounds: Promise<Times> | undefined;
/** Both load rows read the same rounds. */
const sharedRounds = () => {
  rounds ??= interleavedRounds();
  return rounds;
};

/** Each round's ratio: loads of one round run back to back, so their ratio is the least disturbed by drift. */
const ratios = (times: Times, a: Variant, b: Variant) => times[a].map((ms, i) => ms / (times[b][i] ?? Number.NaN));
const ms = (times: Times, v: Variant) => `${median(times[v]).toFixed(1)} ms`;
/**
 * Says so when the noise is larger than what the goal allows: the rounds' middle
 * half spans more than the goal's margin over 1× on either side of the median.
 */
const noiseVerdict = (values: number[], goal: number) => {
  const iqr = quantile(values, 0.75) - quantile(values, 0.25);
  return iqr > 2 * (goal - 1)
    ? ` Noise dominates this row: the rounds' middle half spans ${iqr.toFixed(2)}×, more than twice the goal's ` +
        `margin of ${(goal - 1).toFixed(2)}×.`
    : '';
};
const ratioSpread = (values: number[]) =>
  `p10–p90 of the rounds' ratios ${quantile(values, 0.1).toFixed(2)}–${quantile(values, 0.9).toFixed(2)}×, ` +
  `quartiles ${quantile(values, 0.25).toFixed(2)}–${quantile(values, 0.75).toFixed(2)}×`;

const pageLoad: Measurement = {
  name: 'page load with / without Langkah',
  goal: '≤ 1.05× (median)',
  needsBuild: true,
  needsBrowser: true,
  async run() {
    const times = await sharedRounds();
    const value = median(ratios(times, 'langkah', 'none'));
    return {
      value,
      unit: '×',
      pass: value <= 1.05,
      spread: spread(ratios(times, 'langkah', 'none'), '×'),
      detail:
        `wall clock, noisy on a shared machine: median of ${ROUNDS} rounds' ratios (${ratioSpread(ratios(times, 'langkah', 'none'))}); ` +
        `median load ${ms(times, 'langkah')} with Langkah, ${ms(times, 'none')} without. ` +
        `Control, the same extension with an empty content script: ` +
        `${median(ratios(times, 'empty-script', 'none')).toFixed(2)}× without (${ms(times, 'empty-script')}).` +
        noiseVerdict(ratios(times, 'langkah', 'none'), 1.05),
    };
  },
};

const pageLoadVsControl: Measurement = {
  name: 'page load vs empty-content-script control',
  goal: '≤ 1.03× (median)',
  needsBuild: true,
  needsBrowser: true,
  async run() {
    const times = await sharedRounds();
    const each = ratios(times, 'langkah', 'empty-script');
    const value = median(each);
    return {
      value,
      unit: '×',
      pass: value <= 1.03,
      spread: spread(each, '×'),
      detail:
        `wall clock, depends on noise: median of ${ROUNDS} interleaved rounds' ratios, Langkah over the same ` +
        `extension with an empty content script (${ratioSpread(each)}); median load ${ms(times, 'langkah')} vs ` +
        `${ms(times, 'empty-script')}.${noiseVerdict(each, 1.03)} The trace rows (page cost) measure the same ` +
        `cost without the noise.`,
    };
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
        spread: spread(times.slice(2), 'ms', 1),
        detail: `${(source.length / 1000).toFixed(1)} KB script; matched ${JSON.stringify(result)}`,
      };
    } finally {
      await browser.close();
    }
  },
};

export const measurements: Measurement[] = [pageLoad, pageLoadVsControl, readerTime];
