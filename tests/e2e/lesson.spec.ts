import type { Page } from '@playwright/test';
import { readStore } from '../support/history';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { answerWithFirstOptions, continueToQuiz } from './lesson-steps';

/** Presses Tab until the element with `testId` has focus, as a keyboard user would. */
async function tabTo(page: Page, testId: string, max = 25) {
  for (let i = 0; i < max; i++) {
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);
    if (focused === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached [data-testid="${testId}"]`);
}

test('today’s lesson, from the popup to the result, by keyboard only', async ({ context, openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  const title = popup.getByTestId('today-lesson-title');
  await expect(title).toBeVisible();
  const lessonId = await title.getAttribute('data-lesson-id');
  expect(lessonId).toBeTruthy();

  await tabTo(popup, 'today-lesson-start');
  // The popup closes itself once the lesson tab is open, so the key press may outlive its page.
  const [lesson] = await Promise.all([context.waitForEvent('page'), popup.keyboard.press('Enter').catch(() => {})]);
  await lesson.waitForLoadState();
  expect(new URL(lesson.url()).searchParams.get('id')).toBe(lessonId);
  // The page renders once it has read the learner's language.
  await expect(lesson.locator('.card')).toBeVisible();

  // Cards: "Lanjut" until the quiz starts.
  while (await lesson.locator('.card').count()) {
    await tabTo(lesson, 'lesson-continue');
    await lesson.keyboard.press('Enter');
  }
  // Quiz: answer each question with its first option, read the feedback, go on.
  let questions = 0;
  while (await lesson.locator('.quiz').count()) {
    const prompt = await lesson.locator('#quiz-prompt').textContent();
    await tabTo(lesson, 'quiz-option');
    await lesson.keyboard.press('Enter');
    await expect(lesson.getByTestId('quiz-feedback')).toBeVisible();
    questions++;
    await tabTo(lesson, 'lesson-continue');
    await lesson.keyboard.press('Enter');
    if (await lesson.locator('.quiz').count())
      await expect(lesson.locator('#quiz-prompt')).not.toHaveText(prompt ?? '');
  }
  const result = lesson.getByTestId('lesson-result');
  await expect(result).toBeVisible();
  await expect(lesson.getByTestId('lesson-save-status')).toHaveAttribute('data-state', 'saved');
  expect(Number(await result.getAttribute('data-total'))).toBe(questions);
  expect(questions).toBeGreaterThanOrEqual(2);

  const completions = await readStore<{ lessonId: string; correct: number; total: number; day: string }>(
    lesson,
    'completions',
  );
  expect(completions).toHaveLength(1);
  expect(completions[0]).toMatchObject({ lessonId, total: questions });

  await tabTo(lesson, 'lesson-complete');
  await Promise.all([lesson.waitForEvent('close'), lesson.keyboard.press('Enter').catch(() => {})]);

  // The popup moves on: today's pick is no longer the lesson just finished.
  const fresh = await openExtensionPage('popup.html');
  await expect(fresh.getByTestId('today-lesson-title')).toBeVisible();
  await expect(fresh.getByTestId('today-lesson-title')).not.toHaveAttribute('data-lesson-id', lessonId ?? '');
});

test('the lesson player has no serious or critical accessibility violation at any step', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('lesson.html?id=kata-sandi-kuat');
  const check = async (step: string) => {
    expect(await seriousViolations(page), step).toEqual([]);
  };
  await expect(page.locator('.card')).toBeVisible();
  await check('card');
  await continueToQuiz(page);
  await check('question');
  await page.getByTestId('quiz-option').first().click();
  await check('feedback');
  await answerWithFirstOptions(page);
  await check('result');
});

test('an unknown lesson id gets a clear message, not a broken page', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('lesson.html?id=tidak-ada');
  await expect(page.getByTestId('lesson-missing')).toBeVisible();
});
