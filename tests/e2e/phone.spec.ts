/**
 * Langkah on a phone: every page at 360×740 CSS pixels (a common Android
 * screen) in Chromium, the popup opened as a full page as Firefox for Android
 * does. Nothing may scroll sideways, and every control is a touch target of
 * at least 44×44 px (links inside a sentence excepted, as WCAG 2.5.8 allows).
 */
import type { Page, Worker } from '@playwright/test';
import type { Locale } from '../../lib/i18n';
import { expect, test } from './fixtures';
import { answerWithFirstOptions, continueToQuiz } from './lesson-steps';

const PHONE = { width: 360, height: 740 };
const MIN_TARGET = 44;

async function setLanguage(background: Worker, locale: Locale): Promise<void> {
  await background.evaluate((uiLanguage) => chrome.storage.local.set({ uiLanguage }), locale);
}

/** The document's scroll width against its client width, and what sticks out. */
async function sideways(page: Page): Promise<{ scrollWidth: number; clientWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const { scrollWidth, clientWidth } = document.documentElement;
    const culprits = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > clientWidth + 0.5)
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}[${el.getAttribute('type') ?? ''}].${el.className} → ${Math.round(el.getBoundingClientRect().right)}px`,
      );
    return { scrollWidth, clientWidth, culprits };
  });
}

/**
 * Visible controls smaller than `min` px either way. A checkbox or radio is
 * measured by its label (tapping the label toggles it); a link that sits in
 * running text is left out.
 */
async function smallTargets(page: Page, min: number): Promise<string[]> {
  return page.evaluate((min) => {
    const controls = document.querySelectorAll<HTMLElement>('a[href], button, select, input, textarea, summary');
    const small: string[] = [];
    for (const control of controls) {
      if (control.closest('[hidden]') || control.getAttribute('type') === 'hidden') continue;
      const own = control.getBoundingClientRect();
      if (own.width === 0 && own.height === 0) continue;
      let target: HTMLElement = control;
      if (control instanceof HTMLInputElement && ['checkbox', 'radio'].includes(control.type)) {
        target = control.closest('label') ?? control;
      }
      if (control instanceof HTMLAnchorElement) {
        const parent = control.parentElement;
        const inText = parent && (parent.textContent ?? '').trim().length > (control.textContent ?? '').trim().length;
        if (inText && getComputedStyle(control).display === 'inline') continue;
      }
      const box = target.getBoundingClientRect();
      if (box.width < min - 0.5 || box.height < min - 0.5) {
        const name = (control.getAttribute('aria-label') ?? control.textContent ?? '').trim().slice(0, 30);
        small.push(`${control.tagName.toLowerCase()} "${name}" ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return small;
  }, min);
}

/** What is wrong with `page` on a phone, one line each: sideways scrolling, small targets. */
async function phoneProblems(page: Page, step: string): Promise<string[]> {
  const { scrollWidth, clientWidth, culprits } = await sideways(page);
  const problems: string[] = [];
  if (clientWidth !== PHONE.width) problems.push(`${step}: viewport ${clientWidth} px wide`);
  if (scrollWidth > clientWidth)
    problems.push(`${step}: scrolls sideways to ${scrollWidth} px (${culprits.join(', ')})`);
  for (const small of await smallTargets(page, MIN_TARGET)) problems.push(`${step}: ${small}`);
  return problems;
}

async function openOnPhone(openExtensionPage: (path: string) => Promise<Page>, path: string): Promise<Page> {
  const page = await openExtensionPage(path);
  await page.setViewportSize(PHONE);
  return page;
}

for (const locale of ['id', 'en'] as const) {
  test(`every page fits a 360×740 phone with touch targets of 44 px (${locale})`, async ({
    background,
    openExtensionPage,
  }) => {
    test.setTimeout(90_000);
    await setLanguage(background, locale);
    const problems: string[] = [];
    const checkPhone = async (page: Page, step: string) => problems.push(...(await phoneProblems(page, step)));

    const popup = await openOnPhone(openExtensionPage, 'popup.html');
    await expect(popup.getByTestId('today-lesson-start')).toBeVisible();
    await expect(popup.getByTestId('weekly-systems')).toBeVisible();
    await checkPhone(popup, 'popup as a full page');

    for (const name of ['options', 'data', 'library'] as const) {
      const page = await openOnPhone(openExtensionPage, `${name}.html`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (name === 'library')
        await expect(page.getByTestId('library-lesson').first()).toHaveAttribute('data-state', /./);
      await checkPhone(page, name);
    }

    const lesson = await openOnPhone(openExtensionPage, 'lesson.html?id=kata-sandi-kuat');
    await expect(lesson.locator('.card')).toBeVisible();
    await checkPhone(lesson, 'lesson card');
    await continueToQuiz(lesson);
    await checkPhone(lesson, 'quiz question');
    await lesson.getByTestId('quiz-option').first().click();
    await expect(lesson.getByTestId('quiz-feedback')).toBeVisible();
    await checkPhone(lesson, 'quiz feedback');
    await answerWithFirstOptions(lesson);
    await checkPhone(lesson, 'lesson result');
    expect(problems).toEqual([]);
  });
}

test('the checks catch a page that scrolls sideways or has a small target', async ({ openExtensionPage }) => {
  const page = await openOnPhone(openExtensionPage, 'data.html');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.evaluate(() => {
    const wide = document.createElement('div');
    wide.style.width = '400px';
    wide.textContent = 'x';
    const tiny = document.createElement('button');
    tiny.textContent = 'kecil';
    tiny.style.cssText = 'all: unset; font-size: 10px';
    document.body.append(wide, tiny);
  });
  expect((await sideways(page)).scrollWidth).toBeGreaterThan(PHONE.width);
  expect(await smallTargets(page, MIN_TARGET)).toEqual([expect.stringMatching(/^button "kecil"/)]);
});

test('on a phone the tip card fits the screen and keeps off the form’s submit button', async ({
  context,
  server,
  background,
}) => {
  await background.evaluate(() =>
    chrome.storage.local.set({
      tipCaps: { enabled: true, perSystemPerDay: 1, perDay: 3, minMinutesBetween: 0, quietHours: null },
      dailyLessonCard: false,
    }),
  );
  const page = await context.newPage();
  await page.setViewportSize(PHONE);
  // The sign-in form pushed down so its submit button sits in the bottom corner, where the card appears.
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const main = document.querySelector('main');
      const button = document.querySelector('form button');
      if (!main || !button) return;
      main.style.marginTop = `${48 + window.innerHeight - 24 - button.getBoundingClientRect().bottom}px`;
    });
  });
  await page.goto(server.url('siasn-instansi.bkn.go.id'));
  const submit = page.getByRole('button', { name: 'Masuk' });
  const submitBox = await submit.boundingBox();
  if (!submitBox) throw new Error('no submit button');
  expect(submitBox.y + submitBox.height).toBeGreaterThan(PHONE.height - 60);
  expect(submitBox.y + submitBox.height).toBeLessThanOrEqual(PHONE.height);

  const card = page.getByTestId('tip-card');
  await expect(card).toBeVisible({ timeout: 10_000 });
  const box = await card.boundingBox();
  if (!box) throw new Error('no card box');
  // Wholly on screen, no sideways scrolling.
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  expect(box.y + box.height).toBeLessThanOrEqual(PHONE.height);
  expect((await sideways(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);
  // And not over the submit button, which can still be pressed.
  const overlaps =
    box.x < submitBox.x + submitBox.width &&
    submitBox.x < box.x + box.width &&
    box.y < submitBox.y + submitBox.height &&
    submitBox.y < box.y + box.height;
  expect(overlaps, `card ${JSON.stringify(box)} over button ${JSON.stringify(submitBox)}`).toBe(false);
  await submit.click({ trial: true });
  await expect(page.getByTestId('tip-later')).toBeInViewport();
});

// The background's degradation is covered by tests/unit/entrypoints/background/android.test.ts.
test('where the browser lacks notifications and permission requests (some Firefox for Android versions), options says so', async ({
  context,
  extensionId,
}) => {
  const page = await context.newPage();
  await page.addInitScript(() => {
    const namespaces = [globalThis.chrome, (globalThis as { browser?: object }).browser].filter(Boolean);
    for (const ns of namespaces) {
      for (const api of ['notifications', 'permissions']) {
        Object.defineProperty(ns, api, { value: undefined, configurable: true });
      }
    }
  });
  await page.setViewportSize(PHONE);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(page.getByTestId('reminder-unavailable')).toContainText('pengingat harian tidak muncul');
  await expect(page.getByTestId('internal-unavailable')).toBeVisible();
  // The rest of the page still works: the goal setting is there and nothing scrolls sideways.
  await expect(page.getByTestId('reminder-enabled')).toBeVisible();
  expect((await sideways(page)).scrollWidth).toBeLessThanOrEqual(PHONE.width);

  // In Chromium, which has both, neither message shows.
  const normal = await context.newPage();
  await normal.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(normal.getByTestId('reminder-enabled')).toBeVisible();
  await expect(normal.getByTestId('reminder-unavailable')).toHaveCount(0);
  await expect(normal.getByTestId('internal-unavailable')).toHaveCount(0);
});
