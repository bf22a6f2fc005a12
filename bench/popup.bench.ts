/**
 * The popup's time to first content with two years of history: the built
 * extension in headless Chromium, about 730 days of completions and visits
 * written into its IndexedDB, then the popup opened again and again. Measured
 * inside the page from navigation start (`performance.now()` is relative to
 * it) to the frame in which `[data-testid="streak-current"]` first has text.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { dayKey } from '../core/day';
import { CHROME_BUILD, chromiumArgs, findChromium, ROOT, requireBuild } from '../tests/support/browsers';
import { seedHistory, syntheticHistory } from '../tests/support/history';
import type { Measurement } from './types';

const GOAL_MS = 100;
const WARMUP_OPENS = 3;
const OPENS = 15;

declare global {
  interface Window {
    __langkahTiming?: { streak?: number; streakFrame?: number; today?: number };
  }
}

/**
 * Runs in every page before its own scripts: notes when the streak and today's
 * card first appear. Plain source text, not a function: a bundler's helpers
 * (tsx's `__name`) would not exist inside the page.
 */
const RECORD_FIRST_CONTENT = `(() => {
  const timing = {};
  window.__langkahTiming = timing;
  const check = () => {
    if (timing.streak === undefined && document.querySelector('[data-testid="streak-current"]')?.textContent) {
      timing.streak = performance.now();
      requestAnimationFrame(() => { timing.streakFrame = performance.now(); });
    }
    if (timing.today === undefined && document.querySelector('[data-testid="today-lesson-start"]')) {
      timing.today = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return ((sorted[lo] as number) + (sorted[hi] as number)) / 2;
}

export const measurements: Measurement[] = [
  {
    name: 'popup: time to first content (2 years of history)',
    goal: `≤ ${GOAL_MS} ms (median)`,
    needsBuild: true,
    needsBrowser: true,
    async run() {
      const extensionDir = requireBuild(CHROME_BUILD);
      const userDataDir = mkdtempSync(join(tmpdir(), 'langkah-bench-popup-'));
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: findChromium(),
        headless: true,
        args: chromiumArgs(extensionDir),
      });
      try {
        const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
        const url = `chrome-extension://${new URL(worker.url()).host}/popup.html`;

        // Open once so the database exists, then seed it from that page.
        const seedPage = await context.newPage();
        await seedPage.goto(url);
        await seedPage.getByTestId('streak-current').waitFor();
        const lessonIds = readdirSync(resolve(ROOT, 'lessons'))
          .filter((f) => f.endsWith('.md') && f !== 'README.md')
          .map((f) => f.slice(0, -3));
        const history = syntheticHistory(dayKey(Date.now()), lessonIds, { days: 730 });
        await seedHistory(seedPage, history);
        await seedPage.close();

        await context.addInitScript({ content: RECORD_FIRST_CONTENT });
        const streak: number[] = [];
        const frames: number[] = [];
        const today: number[] = [];
        let shown = '';
        for (let i = 0; i < WARMUP_OPENS + OPENS; i++) {
          const page = await context.newPage();
          await page.goto(url);
          await page.waitForFunction(() => {
            const t = window.__langkahTiming;
            return t?.streakFrame !== undefined && t.today !== undefined;
          });
          const timing = await page.evaluate(() => window.__langkahTiming);
          shown = (await page.getByTestId('streak-current').textContent()) ?? '';
          await page.close();
          if (i < WARMUP_OPENS || !timing) continue;
          streak.push(timing.streak ?? Number.NaN);
          frames.push(timing.streakFrame ?? Number.NaN);
          today.push(timing.today ?? Number.NaN);
        }
        const value = quantile(frames, 0.5);
        return {
          value: Math.round(value * 10) / 10,
          unit: 'ms',
          pass: value <= GOAL_MS,
          detail:
            `median of ${OPENS} opens after ${WARMUP_OPENS} warm-up, to the frame showing the streak ` +
            `(p90 ${quantile(frames, 0.9).toFixed(1)} ms; in the DOM at ${quantile(streak, 0.5).toFixed(1)} ms; ` +
            `today's lesson card at ${quantile(today, 0.5).toFixed(1)} ms); ` +
            `${history.completions.length} completions and ${history.visits.length} visit days over 730 days, streak shown: ${shown}`,
        };
      } finally {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
      }
    },
  },
];
