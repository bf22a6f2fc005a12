/// <reference types="chrome" />
/**
 * Store screenshots (1280×800) of the popup, a lesson, a tip card on a demo
 * page and the options page, taken from the built extension in Chromium with
 * the end-to-end fixtures, so they always show the current product.
 *
 *   npm run screenshots   →   docs/screenshots/store/{popup,lesson,tip-card,options}.png
 *
 * (the script builds the Chrome extension first; the Playwright config alone
 * uses .output/chrome-mv3 as it is).
 *
 * Each test also checks what it pictures, so a broken page fails the run
 * instead of producing a picture of an error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { TEST_TIP_SETTINGS } from '../journeys/journeys';
import { ROOT } from '../support/browsers';
import { lessonIds } from '../support/history';
import { CONTENT, type Shot, writeFrame } from './frame';
import { seedHistory, storeHistory } from './history';

const LESSON_IDS = lessonIds();

/** Room for a label above a shot. */
const LABEL = 30;

async function shot(page: Page, label?: string): Promise<Shot> {
  const size = page.viewportSize();
  if (!size) throw new Error('no viewport');
  const png = await page.screenshot({ animations: 'disabled', caret: 'hide' });
  return { png, ...size, label };
}

async function blur(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Scrolls so that `testId` starts at the top of the viewport (or as far as the page goes). */
async function scrollToTestId(page: Page, testId: string) {
  await page
    .getByTestId(testId)
    .first()
    .evaluate((el) => {
      window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 12);
    });
}

test('popup: the streak, today’s lesson, 12 weeks of history and the systems used this week', async ({
  context,
  background,
  extensionId,
  openExtensionPage,
}) => {
  // Any Langkah page creates the database; three weeks of history go in, then today's pick is made afresh.
  const first = await openExtensionPage('popup.html');
  await expect(first.getByTestId('streak-current')).toBeVisible();
  await seedHistory(first, storeHistory(Date.now(), LESSON_IDS));
  await first.close();
  await background.evaluate(() => chrome.storage.local.remove('todayPick'));

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 360, height: CONTENT.height - LABEL });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(popup.getByTestId('today-lesson-title')).toBeVisible();
  await expect(popup.getByTestId('system-usage')).toHaveCount(4);
  expect(Number(await popup.getByTestId('streak-current').textContent())).toBeGreaterThanOrEqual(10);

  const top = await shot(popup, 'Rangkaian dan pelajaran hari ini');
  await scrollToTestId(popup, 'heatmap');
  const history = await shot(popup, 'Riwayat 12 minggu');
  await scrollToTestId(popup, 'weekly-systems');
  const systems = await shot(popup, 'Sistem yang dipakai minggu ini');
  await writeFrame(context, 'popup', 'Rangkaian hari belajar Anda, dihitung per hari kerja ASN', [
    top,
    history,
    systems,
  ]);
});

/** The index of the first right option of a lesson's first question, read from its Markdown. */
function firstRightOption(lessonId: string): number {
  const source = readFileSync(resolve(ROOT, 'lessons', `${lessonId}.md`), 'utf8');
  const quiz = source.slice(source.indexOf('\n## Kuis'));
  const firstQuestion = quiz.split('\n### ')[1] ?? '';
  const options = firstQuestion.split('\n').filter((line) => /^- \[[ x]\] /.test(line));
  const right = options.findIndex((line) => line.startsWith('- [x]'));
  if (right < 0) throw new Error(`No right option in the first question of ${lessonId}`);
  return right;
}

test('lesson: a card, then a quiz question with its feedback', async ({ context, openExtensionPage }) => {
  const lessonId = 'kata-sandi-kuat';
  const page = await openExtensionPage(`lesson.html?id=${lessonId}`);
  await page.setViewportSize({ width: 580, height: CONTENT.height - LABEL });
  await expect(page.locator('.card')).toBeVisible();
  // The player moves focus to each step's heading for screen readers; the picture shows it without the ring.
  await blur(page);
  const card = await shot(page, 'Kartu singkat');

  while (await page.locator('.card').count()) await page.getByTestId('lesson-continue').click();
  await page.getByTestId('quiz-option').nth(firstRightOption(lessonId)).click();
  await expect(page.getByTestId('quiz-feedback')).toHaveClass(/is-correct/);
  await blur(page);
  const quiz = await shot(page, 'Kuis dengan umpan balik langsung');
  await writeFrame(context, 'lesson', 'Pelajaran 1–3 menit: kartu singkat, lalu kuis', [card, quiz]);
});

test('tip card on a demo SIASN page', async ({ context, server, background }) => {
  await background.evaluate((items) => chrome.storage.local.set(items), { ...TEST_TIP_SETTINGS });
  const page = await context.newPage();
  await page.setViewportSize(CONTENT);
  await page.goto(server.url('siasn-instansi.bkn.go.id'));
  await expect(page.getByTestId('tip-card')).toBeVisible();
  await expect(page.getByTestId('tip-card')).toHaveAttribute('data-kind', 'tip');
  await writeFrame(context, 'tip-card', 'Tips singkat yang pas di sistem yang sedang Anda buka', [await shot(page)]);
});

test('options page: language and habits, then the systems Langkah knows', async ({ context, openExtensionPage }) => {
  const page = await openExtensionPage('options.html');
  await page.setViewportSize({ width: 580, height: CONTENT.height - LABEL });
  await expect(page.getByTestId('ui-language')).toBeVisible();
  await expect(page.getByTestId('system-toggle').first()).toBeVisible();
  const top = await shot(page, 'Bahasa dan kebiasaan belajar');
  await page
    .locator('#systems-title')
    .evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 16));
  const tips = await shot(page, 'Sistem yang dikenali, masing-masing bisa dimatikan');
  await writeFrame(context, 'options', 'Atur bahasa, target harian, hari kerja, dan sistem yang dikenali', [top, tips]);
});
