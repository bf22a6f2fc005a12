/**
 * Every finished lesson comes back: a lesson finished with every answer right
 * returns as a review once its day has come (the pages' clock moved forward),
 * offered in the popup as today's review, and the review asks a question the
 * first run did not.
 */
import type { Page } from '@playwright/test';
import { loadLessons } from '../../build/lessons';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

const LESSON = 'membaca-alamat-situs';
const DAY = 86_400_000;

const lesson = loadLessons().find((l) => l.id === LESSON);
if (!lesson) throw new Error(`lesson ${LESSON} is missing`);

/** Plain text of build-time HTML, as the page shows it. */
const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** Answers every question of the open quiz with its right option; returns the prompts asked, in order. */
async function answerAllRight(page: Page): Promise<string[]> {
  const asked: string[] = [];
  await expect(page.locator('.quiz')).toBeVisible();
  while (await page.locator('.quiz').count()) {
    const prompt = plain((await page.locator('#quiz-prompt').innerHTML()) ?? '');
    const question = lesson?.quiz.find((q) => plain(q.prompt) === prompt);
    if (!question) throw new Error(`no question "${prompt}" in ${LESSON}`);
    asked.push(prompt);
    const right = question.options.find((o) => o.correct);
    await page
      .getByTestId('quiz-option')
      .filter({ hasText: plain(right?.text ?? '') })
      .click();
    await expect(page.getByTestId('quiz-feedback')).toContainText('Benar');
    await page.getByTestId('lesson-continue').click();
  }
  await expect(page.getByTestId('lesson-result')).toBeVisible();
  await expect(page.getByTestId('lesson-save-status')).toHaveAttribute('data-state', 'saved');
  return asked;
}

test('a lesson finished all right comes back as a review days later, asking a question not asked before', async ({
  context,
  openExtensionPage,
}) => {
  // Two lessons, three popups and an axe run: more than the default 30 s on a busy machine.
  test.setTimeout(120_000);
  const first = await openExtensionPage(`lesson.html?id=${LESSON}`);
  await expect(first.locator('.card')).toBeVisible();
  // The lesson's diagram ships inside the extension, with its alt text, and loads.
  const diagram = first.locator('.card-body img');
  await expect(diagram).toHaveAttribute('src', '/lesson-img/bagian-alamat-situs.svg');
  await expect(diagram).toHaveAttribute('alt', /nama host/);
  await expect
    .poll(() => diagram.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
    .toBeGreaterThan(0);
  expect(await seriousViolations(first)).toEqual([]);
  while (await first.locator('.card').count()) await first.getByTestId('lesson-continue').click();
  const firstAsked = await answerAllRight(first);
  // A pool of three: the first run asks two, keeping one for the first review.
  expect(firstAsked).toHaveLength(Math.min(3, lesson.quiz.length - 1));
  await expect(first.getByTestId('lesson-result')).toHaveAttribute('data-score', String(firstAsked.length));
  await Promise.all([first.waitForEvent('close'), first.getByTestId('lesson-complete').click()]);

  // Today nothing is due: the popup offers no review.
  const today = await openExtensionPage('popup.html');
  await expect(today.getByTestId('today-lesson-title')).toBeVisible();
  await expect(today.getByTestId('review-today')).toHaveCount(0);
  await today.close();

  // Six days later (in the pages' clock) the lesson is due for review.
  await context.clock.install({ time: Date.now() + 6 * DAY });
  const popup = await openExtensionPage('popup.html');
  const review = popup.getByTestId('review-today');
  await expect(review).toBeVisible();
  await expect(review).toHaveAttribute('data-lessons', LESSON);
  await expect(review).toContainText('Ulasan hari ini: 2 pertanyaan · ±1 menit');
  await expect(review).toHaveAttribute('data-waiting', '0');
  expect(await seriousViolations(popup)).toEqual([]);

  const [reviewPage] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByTestId('review-today-start').click(),
  ]);
  await expect(reviewPage).toHaveURL(new RegExp(`/lesson\\.html\\?mode=review&ids=${LESSON}$`));
  // A review shows only the quiz.
  await expect(reviewPage.locator('.quiz')).toBeVisible();
  await expect(reviewPage.locator('.card')).toHaveCount(0);
  const reviewAsked = await answerAllRight(reviewPage);
  expect(reviewAsked).toHaveLength(2);
  expect(reviewAsked.filter((p) => !firstAsked.includes(p)).length).toBeGreaterThanOrEqual(1);
  await expect(reviewPage.getByTestId('lesson-result')).toHaveAttribute('data-score', '2');
  expect(await seriousViolations(reviewPage)).toEqual([]);
});
