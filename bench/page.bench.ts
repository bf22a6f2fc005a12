/**
 * What Langkah costs a government page in wall-clock load time, and the
 * on-demand topic reader's run time on a large article page.
 *
 * Load time: four browsers, alike but for their extension, load the same
 * fixture government page in interleaved rounds (one load each per round, the
 * order rotating): Langkah; Langkah with its content script emptied (the
 * control of #18: what Langkah's script itself adds); an extension that is
 * nothing but an empty content script on the same hosts (what Chromium charges
 * a page for any content script); and an empty extension (the page without
 * Langkah). Each browser keeps one tab and moves it to the page again for
 * every load (a fresh query string), as a learner moves from page to page in
 * SIASN. The load is the page's own `loadEventEnd − startTime`.
 *
 * On a shared 2-core VM one load of this 1.5 KB page scatters by about ±20 %
 * around its median, far more than the few percent the goals allow: each row
 * prints a 95 % interval for its median (bench/stats.ts `medianInterval`) and
 * says when the noise is wider than the goal's margin. The trace rows
 * (trace.bench.ts) measure the same costs as CPU time, which that noise does not drown.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from '@playwright/test';
import { startFixtureServer } from '../tests/fixtures/server';
import { CHROME_BUILD, chromiumArgs, findChromium } from '../tests/support/browsers';
import { median, medianInterval, quantile, spread } from './stats';
import type { Measurement } from './types';

const WARMUP_ROUNDS = 3;
const ROUNDS = 160;
/** After each load: Langkah reports the visit once the page is idle, and that work ends well within this. */
const SETTLE_MS = 200;

/** What a browser in the page-load comparison runs (see the comment at the top). */
type Variant = 'langkah' | 'empty-script' | 'any-content-script' | 'none';
const VARIANTS: Variant[] = ['langkah', 'empty-script', 'any-content-script', 'none'];

const EMPTY_SCRIPT = '(function () {})();\n';

/** The extension directory a variant runs, made under `dir`. */
function extensionFor(variant: Variant, dir: string): string {
  const made = join(dir, `extension-${variant}`);
  if (variant === 'langkah') return CHROME_BUILD;
  if (variant === 'empty-script') {
    cpSync(CHROME_BUILD, made, { recursive: true });
    writeFileSync(join(made, 'content-scripts/gov.js'), EMPTY_SCRIPT);
    return made;
  }
  mkdirSync(join(made, 'content-scripts'), { recursive: true });
  const manifest: Record<string, unknown> = { manifest_version: 3, name: variant, version: '1.0' };
  if (variant === 'any-content-script') {
    // Langkah's own host list and injection point, and nothing else.
    const langkah = JSON.parse(readFileSync(join(CHROME_BUILD, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    manifest.host_permissions = langkah.host_permissions;
    manifest.content_scripts = langkah.content_scripts;
    writeFileSync(join(made, 'content-scripts/gov.js'), EMPTY_SCRIPT);
  }
  writeFileSync(join(made, 'manifest.json'), JSON.stringify(manifest));
  return made;
}

interface Browser {
  variant: Variant;
  context: BrowserContext;
  tab: Page;
}

async function launch(variant: Variant, dir: string): Promise<Browser> {
  const context = await chromium.launchPersistentContext(join(dir, `profile-${variant}`), {
    executablePath: findChromium(),
    headless: true,
    args: chromiumArgs(extensionFor(variant, dir)),
  });
  if (variant === 'langkah' || variant === 'empty-script') {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // No tip card during the measurement: it appears after load anyway, but keep the runs alike.
    await worker.evaluate(() =>
      chrome.storage.local.set({
        tipCaps: { enabled: false, perSystemPerDay: 1, perDay: 3, minMinutesBetween: 60, quietHours: null },
      }),
    );
  }
  return { variant, context, tab: await context.newPage() };
}

let loadCount = 0;
/** Milliseconds from navigation start to the end of the load event, as the page itself measured. */
async function loadTime(browser: Browser, url: string): Promise<number> {
  await browser.tab.goto(`${url}?load=${loadCount++}`, { waitUntil: 'load' });
  const ms = await browser.tab.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    return nav ? nav.loadEventEnd - nav.startTime : Number.NaN;
  });
  await new Promise((r) => setTimeout(r, SETTLE_MS));
  return ms;
}

type Times = Record<Variant, number[]>;

/** Interleaved loads of the fixture page in the four browsers, rotating the order each round. */
async function interleavedRounds(): Promise<Times> {
  const server = await startFixtureServer();
  const dir = mkdtempSync(join(tmpdir(), 'langkah-bench-load-'));
  const browsers: Browser[] = [];
  try {
    for (const variant of VARIANTS) browsers.push(await launch(variant, dir));
    const url = server.url('siasn-instansi.bkn.go.id');
    const times: Times = { langkah: [], 'empty-script': [], 'any-content-script': [], none: [] };
    for (let round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
      // Rotate the order each round, so no variant always meets a warmer machine.
      for (let k = 0; k < browsers.length; k++) {
        const browser = browsers[(k + Math.max(round, 0)) % browsers.length] as Browser;
        const ms = await loadTime(browser, url);
        if (round >= 0) times[browser.variant].push(ms);
      }
    }
    return times;
  } finally {
    for (const b of browsers) await b.context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
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
/** `1.01× (95 % interval 0.97–1.05×)`: the median of the rounds' ratios and how far it could move. */
const ratioWithInterval = (values: number[]) => {
  const { low, high } = medianInterval(values);
  return `${median(values).toFixed(2)}× (95 % interval ${low.toFixed(2)}–${high.toFixed(2)}×)`;
};
/** Says so when the median's 95 % interval is wider than the goal's margin over 1× on either side. */
const noiseVerdict = (values: number[], goal: number) => {
  const { low, high } = medianInterval(values);
  return high - low > 2 * (goal - 1)
    ? ` Noise dominates this row: the median's 95 % interval spans ${(high - low).toFixed(2)}×, more than twice ` +
        `the goal's margin of ${(goal - 1).toFixed(2)}×.`
    : '';
};
const ratioSpread = (values: number[]) =>
  `p10–p90 of the rounds' ratios ${quantile(values, 0.1).toFixed(2)}–${quantile(values, 0.9).toFixed(2)}×`;

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
        `extension with an empty content script: ${ratioWithInterval(each)}, ${ratioSpread(each)}; median load ` +
        `${ms(times, 'langkah')} vs ${ms(times, 'empty-script')}.${noiseVerdict(each, 1.03)} The trace rows (page ` +
        `cost) measure Langkah's own time on the page without this noise.`,
    };
  },
};

/**
 * The page with Langkah against the page with no extension's content script,
 * reported with its two parts: what Chromium charges for any content script
 * on these hosts, and what Langkah adds to that. Not judged: the earlier goal
 * (≤ 1.05×, #5) is below what Chromium itself charges this page for an empty
 * content script; #18 judges Langkah's part against the control (row above).
 */
const pageLoad: Measurement = {
  name: 'page load with / without Langkah',
  goal: 'reported (judged vs control)',
  needsBuild: true,
  needsBrowser: true,
  async run() {
    const times = await sharedRounds();
    const each = ratios(times, 'langkah', 'none');
    return {
      value: median(each),
      unit: '×',
      pass: null,
      spread: spread(each, '×'),
      detail:
        `wall clock, noisy on a shared machine: median of ${ROUNDS} rounds' ratios ${ratioWithInterval(each)}, ` +
        `${ratioSpread(each)}; median load ${ms(times, 'langkah')} with Langkah, ${ms(times, 'none')} with an empty ` +
        `extension. Of that, any content script on these hosts (an extension that is only an empty one): ` +
        `${ratioWithInterval(ratios(times, 'any-content-script', 'none'))} (${ms(times, 'any-content-script')}); ` +
        `Langkah over it: ${ratioWithInterval(ratios(times, 'langkah', 'any-content-script'))}. Not judged: the ` +
        `first part is Chromium's, on a 1.5 KB page served from loopback; the goal for Langkah's part is the ` +
        `control row's.`,
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

export const measurements: Measurement[] = [pageLoadVsControl, pageLoad, readerTime];
