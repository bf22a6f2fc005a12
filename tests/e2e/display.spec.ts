import type { Page, Worker } from '@playwright/test';
import { dayKey } from '../../core/day';
import type { Locale } from '../../lib/i18n';
import { lessonIds, seedHistory, syntheticHistory } from '../support/history';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { continueToQuiz } from './lesson-steps';

type Scheme = 'light' | 'dark';

async function setLanguage(background: Worker, locale: Locale): Promise<void> {
  await background.evaluate((uiLanguage) => chrome.storage.local.set({ uiLanguage }), locale);
}

/** Relative luminance (0 black … 1 white) of a computed `rgb()` colour. */
function luminance(rgb: string): number {
  const [r = 0, g = 0, b = 0] = (rgb.match(/\d+(\.\d+)?/g) ?? []).map(Number).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

async function pageColours(page: Page): Promise<{ background: number; text: number }> {
  const { background, color } = await page.evaluate(() => {
    const s = getComputedStyle(document.documentElement);
    return { background: s.backgroundColor, color: s.color };
  });
  return { background: luminance(background), text: luminance(color) };
}

/** Whether the page scrolls sideways, and what sticks out if it does. */
async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => el.getBoundingClientRect().right > width + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${el.className} → ${Math.round(el.getBoundingClientRect().right)}px`);
  });
}

const headings: Record<Locale, Record<string, string>> = {
  id: { popup: 'Langkah', options: 'Pengaturan Langkah', data: 'Data Anda di Langkah' },
  en: { popup: 'Langkah', options: 'Langkah settings', data: 'Your data in Langkah' },
};

for (const locale of ['id', 'en'] as const) {
  for (const scheme of ['light', 'dark'] as const satisfies Scheme[]) {
    test(`every page passes axe in ${locale}, ${scheme} mode — popup, options, Data Anda, each lesson step`, async ({
      background,
      openExtensionPage,
    }) => {
      // An axe scan per page and per lesson step: longer than the default budget on a loaded machine.
      test.slow();
      await setLanguage(background, locale);
      const check = async (page: Page, step: string) => {
        await page.emulateMedia({ colorScheme: scheme });
        await expect(page.locator('html')).toHaveAttribute('lang', locale);
        const colours = await pageColours(page);
        if (scheme === 'dark') expect(colours.background, `${step}: dark background`).toBeLessThan(0.05);
        else expect(colours.background, `${step}: light background`).toBeGreaterThan(0.9);
        expect(await seriousViolations(page), step).toEqual([]);
      };

      for (const name of ['popup', 'options', 'data'] as const) {
        const page = await openExtensionPage(`${name}.html`);
        await expect(page.getByRole('heading', { level: 1, name: headings[locale][name] })).toBeVisible();
        if (name === 'popup') await expect(page.getByTestId('today-lesson-start')).toBeVisible();
        await check(page, name);
        await page.close();
      }

      const lesson = await openExtensionPage('lesson.html?id=kata-sandi-kuat');
      await expect(lesson.locator('.card')).toBeVisible();
      await check(lesson, 'lesson card');
      await continueToQuiz(lesson);
      await lesson.getByTestId('quiz-option').first().click();
      await expect(lesson.getByTestId('quiz-feedback')).toBeVisible();
      await check(lesson, 'quiz feedback');
    });
  }
}

for (const locale of ['id', 'en'] as const) {
  test(`at 200% zoom nothing scrolls sideways and every main action is reachable (${locale})`, async ({
    background,
    openExtensionPage,
  }) => {
    await setLanguage(background, locale);

    const popup = await openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 400, height: 300 });
    await expect(popup.getByTestId('streak-current')).toHaveText('0');
    expect(await horizontalOverflow(popup), 'popup').toEqual([]);
    const start = popup.getByTestId('today-lesson-start');
    await start.scrollIntoViewIfNeeded();
    await expect(start).toBeInViewport();

    for (const name of ['options', 'data'] as const) {
      const page = await openExtensionPage(`${name}.html`);
      await page.setViewportSize({ width: 640, height: 400 });
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await horizontalOverflow(page), name).toEqual([]);
      // The last control on the page can be scrolled to and used.
      const last = page.locator('a:visible, button:visible, select:visible, input:visible').last();
      await last.scrollIntoViewIfNeeded();
      await expect(last).toBeInViewport();
    }

    const lesson = await openExtensionPage('lesson.html?id=kata-sandi-kuat');
    await lesson.setViewportSize({ width: 640, height: 400 });
    await expect(lesson.locator('.card')).toBeVisible();
    expect(await horizontalOverflow(lesson), 'lesson card').toEqual([]);
    await continueToQuiz(lesson);
    await lesson.getByTestId('quiz-option').first().click();
    await expect(lesson.getByTestId('quiz-feedback')).toBeVisible();
    expect(await horizontalOverflow(lesson), 'quiz feedback').toEqual([]);
    const next = lesson.getByTestId('lesson-continue');
    await next.scrollIntoViewIfNeeded();
    await expect(next).toBeInViewport();
  });
}

test('the tip card follows dark mode, passes axe in English and fits a page at 200% zoom', async ({
  context,
  server,
  background,
}) => {
  await background.evaluate(() =>
    chrome.storage.local.set({
      uiLanguage: 'en',
      tipCaps: { enabled: true, perSystemPerDay: 1, perDay: 3, minMinutesBetween: 0, quietHours: null },
      dailyLessonCard: false,
    }),
  );
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.setViewportSize({ width: 640, height: 400 });
  await page.goto(server.url('srikandi.arsip.go.id'));
  const card = page.getByTestId('tip-card');
  await expect(card).toBeVisible();
  await expect(page.getByTestId('tip-later')).toHaveText('Later');

  const cardBackground = await card.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(luminance(cardBackground)).toBeLessThan(0.05);
  expect(await seriousViolations(page, 'langkah-tip')).toEqual([]);

  // Wholly inside the zoomed viewport, every button reachable without scrolling the page.
  const box = await card.boundingBox();
  expect(box).not.toBeNull();
  expect(box?.x).toBeGreaterThanOrEqual(0);
  expect(box?.y).toBeGreaterThanOrEqual(0);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(640);
  expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(400);
  await expect(page.getByTestId('tip-later')).toBeInViewport();
});

test('colour is never the only signal: heatmap days and quiz answers also differ in symbol or pattern', async ({
  background,
  openExtensionPage,
}) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('streak-current')).toHaveText('0');
  await seedHistory(popup, syntheticHistory(dayKey(Date.now()), lessonIds()));
  await popup.reload();
  await expect(popup.getByTestId('streak-current')).not.toHaveText('0');
  // One of the missed days becomes a day of leave.
  const missed = popup.locator('.heatmap-days [data-status="missed"]').first();
  const start = await missed.getAttribute('data-day');
  await background.evaluate(
    (start) => chrome.storage.local.set({ leaveDays: [{ start, end: start, kind: 'cuti' }] }),
    start,
  );
  await expect(popup.locator(`.heatmap-days [data-day="${start}"]`)).toHaveAttribute('data-status', 'leave');

  // What is left of each kind of day in greyscale: its symbol and its pattern.
  const looks = await popup.locator('.heatmap-days .heatmap-cell').evaluateAll((cells) =>
    cells.map((cell) => ({
      status: cell.getAttribute('data-status') ?? '',
      look: `${cell.textContent} | ${getComputedStyle(cell).backgroundImage}`,
    })),
  );
  const byStatus = new Map<string, Set<string>>();
  for (const { status, look } of looks) byStatus.set(status, (byStatus.get(status) ?? new Set()).add(look));
  // The history has goal, missed, rest and leave days at least.
  for (const status of ['goal', 'missed', 'rest', 'leave']) expect([...byStatus.keys()]).toContain(status);
  for (const [status, set] of byStatus) expect(set.size, `${status} drawn one way`).toBe(1);
  const signatures = [...byStatus].filter(([status]) => status !== 'future').map(([, set]) => [...set][0]);
  expect(new Set(signatures).size, signatures.join('\n')).toBe(signatures.length);

  // Quiz: a wrong answer is marked ✗ with words and the right one ✓, not only red and green.
  // Which option is wrong shows only after answering: answer the first question afresh until one is.
  for (let i = 0; ; i++) {
    const lesson = await openExtensionPage('lesson.html?id=kata-sandi-kuat');
    await continueToQuiz(lesson);
    const option = lesson.getByTestId('quiz-option').nth(i);
    await option.click();
    if ((await option.getAttribute('data-correct')) === 'true') {
      await lesson.close();
      continue;
    }
    const feedback = lesson.getByTestId('quiz-feedback');
    await expect(feedback).toContainText('✗');
    await expect(feedback).toContainText('Belum tepat.');
    await expect(option.locator('.option-mark')).toHaveText('✗');
    await expect(lesson.locator('[data-testid="quiz-option"][data-correct="true"] .option-mark').first()).toHaveText(
      '✓',
    );
    break;
  }
});
