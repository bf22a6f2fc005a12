/** Steps through the lesson player as a learner does with the mouse. */
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/** Waits for the lesson's first card (the page renders once its language is read), then goes on to the first question. */
export async function continueToQuiz(page: Page): Promise<void> {
  await expect(page.locator('.card')).toBeVisible();
  while (await page.locator('.card').count()) await page.getByTestId('lesson-continue').click();
  await expect(page.locator('.quiz')).toBeVisible();
}

/** Answers each remaining question with its first option, going on after each feedback, until the result shows. */
export async function answerWithFirstOptions(page: Page): Promise<void> {
  while (await page.locator('.quiz').count()) {
    if (await page.getByTestId('quiz-feedback').count()) await page.getByTestId('lesson-continue').click();
    else await page.getByTestId('quiz-option').first().click();
  }
  await expect(page.getByTestId('lesson-result')).toBeVisible();
}
