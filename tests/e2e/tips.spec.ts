import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { FixtureServer } from '../fixtures/server';
import { tipDecisions } from '../support/background';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

/** Relaxed caps so a test controls exactly what it checks; quiet hours off whatever the clock says. */
async function setTipSettings(background: Worker, caps: Record<string, unknown> = {}, lessonCard = false) {
  await background.evaluate(
    async ({ caps, lessonCard }) => {
      await chrome.storage.local.set({
        tipCaps: { enabled: true, perSystemPerDay: 1, perDay: 3, minMinutesBetween: 0, quietHours: null, ...caps },
        dailyLessonCard: lessonCard,
      });
    },
    { caps, lessonCard },
  );
}

/** A new tab on `host` of the fixture server: a government page the content script runs on. */
async function openSystemPage(context: BrowserContext, server: FixtureServer, host: string, path?: string) {
  const page = await context.newPage();
  await page.goto(server.url(host, path));
  return page;
}

/** Waits until the popup counts `views` page views of `systemId`: the content script has reported. */
async function waitForViews(openExtensionPage: (p: string) => Promise<Page>, systemId: string, views: number) {
  const popup = await openExtensionPage('popup.html');
  await expect(
    popup.locator(`[data-testid="system-usage"][data-system-id="${systemId}"] [data-testid="system-usage-views"]`),
  ).toHaveAttribute('data-views', String(views));
  await popup.close();
}

/** Waits until the background answered `answered` tip requests in all; returns how many offered a card. */
async function waitForAnswers(background: Worker, answered: number): Promise<number> {
  await expect.poll(async () => (await tipDecisions(background)).answered).toBeGreaterThanOrEqual(answered);
  return (await tipDecisions(background)).offered;
}

/** How many tips the popup counts as shown today. */
async function shownToday(openExtensionPage: (p: string) => Promise<Page>): Promise<string | null> {
  const popup = await openExtensionPage('popup.html');
  const shown = await popup.getByTestId('tips-today').getAttribute('data-shown');
  await popup.close();
  return shown;
}

test.describe('tip cards', () => {
  test('a tip appears on a catalog system page, politely, and "Nanti" keeps it away on reload', async ({
    context,
    server,
    background,
    openExtensionPage,
  }) => {
    await setTipSettings(background);
    const page = await openSystemPage(context, server, 'srikandi.arsip.go.id');
    const card = page.getByTestId('tip-card');
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-kind', 'tip');
    await expect(page.getByTestId('tip-text')).not.toBeEmpty();
    // It never takes focus.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');

    await page.getByTestId('tip-why').click();
    await expect(page.getByTestId('tip-why-text')).toContainText('SRIKANDI');

    await page.getByTestId('tip-later').click();
    await expect(card).toHaveCount(0);
    await page.reload();
    await waitForViews(openExtensionPage, 'srikandi', 2);
    // The background answered the second request, and it offered nothing.
    expect(await waitForAnswers(background, 2)).toBe(1);
    await expect(card).toHaveCount(0);
  });

  test('a shown tip is counted when shown: a reload brings no second tip', async ({
    context,
    server,
    background,
    openExtensionPage,
  }) => {
    await setTipSettings(background);
    const page = await openSystemPage(context, server, 'srikandi.arsip.go.id');
    await expect(page.getByTestId('tip-card')).toBeVisible();
    // Counted once the card is on the page.
    await expect.poll(() => shownToday(openExtensionPage)).toBe('1');
    await page.reload();
    await waitForViews(openExtensionPage, 'srikandi', 2);
    expect(await waitForAnswers(background, 2)).toBe(1);
    await expect(page.getByTestId('tip-card')).toHaveCount(0);
  });

  test('several government tabs opened at once get exactly the one card the caps allow', async ({
    context,
    server,
    background,
    openExtensionPage,
  }) => {
    await setTipSettings(background, { perDay: 1 });
    const hosts = ['srikandi.arsip.go.id', 'sirup.lkpp.go.id', 'lpse.jatimprov.go.id'];
    const pages = await Promise.all(hosts.map(() => context.newPage()));
    // A restored session: every tab loads at the same moment.
    await Promise.all(pages.map((page, i) => page.goto(server.url(hosts[i] ?? ''))));
    expect(await waitForAnswers(background, hosts.length)).toBe(1);
    const cards = async () =>
      (await Promise.all(pages.map((p) => p.getByTestId('tip-card').count()))).reduce((a, b) => a + b);
    await expect.poll(cards).toBe(1);
    await expect.poll(() => shownToday(openExtensionPage)).toBe('1');
  });

  test('a card that never appeared is not counted: autofocused login, the learner types, submits and leaves', async ({
    context,
    server,
    background,
    openExtensionPage,
  }) => {
    await setTipSettings(background);
    const page = await openSystemPage(context, server, 'siasn-instansi.bkn.go.id', '/masuk-autofokus');
    await expect(page.getByLabel('NIP')).toBeFocused();
    // The background reserved a card, which waits for the field to lose focus.
    expect(await waitForAnswers(background, 1)).toBe(1);
    await page.keyboard.type('198001012005011001', { delay: 30 });
    await page.keyboard.press('Tab');
    await page.keyboard.type('rahasia', { delay: 30 });
    await expect(page.getByTestId('tip-card')).toHaveCount(0);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/beranda/);
    // Nothing was counted on the login page, so the caps still allow SIASN's one card today — here.
    await expect(page.getByTestId('tip-card')).toBeVisible();
    await expect.poll(() => shownToday(openExtensionPage)).toBe('1');

    // Another login where the learner leaves at once: the popup counts nothing more.
    await setTipSettings(background, { perSystemPerDay: 5 });
    const login = await openSystemPage(context, server, 'siasn-instansi.bkn.go.id', '/masuk-autofokus');
    expect(await waitForAnswers(background, 3)).toBe(3);
    await login.keyboard.type('1980', { delay: 30 });
    await login.close();
    expect(await shownToday(openExtensionPage)).toBe('1');
  });

  test('page scripts cannot drive the card, and Escape meant for the page leaves it open', async ({
    context,
    server,
    background,
  }) => {
    await setTipSettings(background);
    const page = await openSystemPage(context, server, 'srikandi.arsip.go.id');
    const card = page.getByTestId('tip-card');
    await expect(card).toBeVisible();
    await page.evaluate(() => {
      const root = document.querySelector('langkah-tip')?.shadowRoot;
      for (const button of root?.querySelectorAll('button') ?? []) (button as HTMLButtonElement).click();
      root
        ?.querySelector('button')
        ?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    // A government dialog closing on the learner's Escape, with focus on the page.
    await page.getByLabel('Unggah lampiran naskah:').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('tip-why-text')).toBeHidden();
    await expect(card).toBeVisible();
    // The learner's own click still works.
    await page.getByTestId('tip-why').click();
    await expect(page.getByTestId('tip-why-text')).toBeVisible();
  });

  test('Esc closes the card', async ({ context, server, background }) => {
    await setTipSettings(background);
    const page = await openSystemPage(context, server, 'srikandi.arsip.go.id');
    await expect(page.getByTestId('tip-card')).toBeVisible();
    // Escape is for the card when the learner is in it (reached with Tab).
    await page.getByTestId('tip-later').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('tip-card')).toHaveCount(0);
  });

  test('"Jangan tampilkan di sistem ini" stops tips on that system only', async ({
    context,
    server,
    background,
    openExtensionPage,
  }) => {
    await setTipSettings(background, { perSystemPerDay: 5, perDay: 10 });
    const page = await openSystemPage(context, server, 'srikandi.arsip.go.id');
    await page.getByTestId('tip-system-off').click();
    await page.reload();
    await waitForViews(openExtensionPage, 'srikandi', 2);
    expect(await waitForAnswers(background, 2)).toBe(1);
    await expect(page.getByTestId('tip-card')).toHaveCount(0);

    await page.goto(server.url('lpse.jatimprov.go.id'));
    await expect(page.getByTestId('tip-card')).toBeVisible();
  });

  test('no card appears while the learner types in a field; it appears after the field loses focus', async ({
    context,
    server,
    background,
    openExtensionPage,
  }) => {
    await setTipSettings(background);
    const page = await openSystemPage(context, server, 'siasn-instansi.bkn.go.id');
    const nip = page.getByLabel('NIP');
    await nip.focus();
    await nip.pressSequentially('19800101', { delay: 50 });
    await waitForViews(openExtensionPage, 'siasn', 1);
    await page.bringToFront();
    // A card was offered, and it waits while the field has focus.
    expect(await waitForAnswers(background, 1)).toBe(1);
    await expect(page.getByTestId('tip-card')).toHaveCount(0);

    await nip.blur();
    const card = page.getByTestId('tip-card');
    await expect(card).toBeVisible({ timeout: 10_000 });
    await page.getByTestId('tip-why').click();
    await expect(page.getByTestId('tip-why-text')).toContainText('SIASN');
    // And the card never covers the field the learner goes back to.
    const password = page.getByLabel('Kata sandi');
    await password.focus();
    const [cardBox, fieldBox] = [await card.boundingBox(), await password.boundingBox()];
    expect(cardBox && fieldBox).toBeTruthy();
    if (cardBox && fieldBox) {
      const overlap =
        cardBox.x < fieldBox.x + fieldBox.width &&
        fieldBox.x < cardBox.x + cardBox.width &&
        cardBox.y < fieldBox.y + fieldBox.height &&
        fieldBox.y < cardBox.y + cardBox.height;
      expect(overlap).toBe(false);
    }
  });

  test('a page with aggressive global CSS still shows a correct card', async ({ context, server, background }) => {
    await setTipSettings(background);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(server.url('sirup.lkpp.go.id'));
    const card = page.getByTestId('tip-card');
    await expect(card).toBeVisible();
    const box = await card.boundingBox();
    expect(box?.width).toBeGreaterThan(250);
    expect(box?.width).toBeLessThanOrEqual(340);
    expect(box?.height).toBeGreaterThan(60);
    // Anchored to the bottom-right corner, 16 px in.
    expect(Math.round((box?.x ?? 0) + (box?.width ?? 0))).toBe(1280 - 16);
    expect(Math.round((box?.y ?? 0) + (box?.height ?? 0))).toBe(800 - 16);
    const style = await page.getByTestId('tip-text').evaluate((el) => {
      const s = getComputedStyle(el);
      return { fontSize: s.fontSize, color: s.color, display: s.display };
    });
    expect(style).toEqual({ fontSize: '14px', color: 'rgb(27, 31, 36)', display: 'block' });
    await expect(page.getByTestId('tip-later')).toBeVisible();
    const hostBefore = await page.locator('langkah-tip').evaluate((el) => getComputedStyle(el, '::before').content);
    expect(hostBefore).toBe('none');
  });

  test('the card has no serious or critical accessibility violation', async ({ context, server, background }) => {
    await setTipSettings(background);
    const page = await openSystemPage(context, server, 'srikandi.arsip.go.id');
    await expect(page.getByTestId('tip-card')).toBeVisible();
    expect(await seriousViolations(page, 'langkah-tip')).toEqual([]);
  });
});

test.describe('quiet hours in the popup', () => {
  test('the popup says when tips are quiet, and when they come back', async ({ background, openExtensionPage }) => {
    // A quiet window around the browser's current local time, whatever the hour the test runs.
    const window = await background.evaluate(async () => {
      const pad = (n: number) => String(n).padStart(2, '0');
      const hour = new Date().getHours();
      const quietHours = { start: `${pad((hour + 23) % 24)}:00`, end: `${pad((hour + 1) % 24)}:00` };
      await chrome.storage.local.set({
        tipCaps: { enabled: true, perSystemPerDay: 1, perDay: 3, minMinutesBetween: 60, quietHours },
      });
      return quietHours;
    });
    const popup = await openExtensionPage('popup.html');
    const dotted = (t: string) => t.replace(':', '.');
    await expect(popup.getByTestId('tips-quiet')).toHaveText(
      `Tips berhenti ${dotted(window.start)}–${dotted(window.end)} · ubah di Pengaturan`,
    );
    await popup.close();

    // Outside quiet hours, nothing is said.
    await setTipSettings(background);
    const later = await openExtensionPage('popup.html');
    await expect(later.getByTestId('tips-today')).toBeVisible();
    await expect(later.getByTestId('tips-quiet')).toHaveCount(0);
  });
});

test.describe('daily micro-lesson card', () => {
  test('the first system page of a working day offers today’s lesson, which opens from the card', async ({
    context,
    server,
    background,
  }) => {
    await setTipSettings(background, {}, true);
    // Every day counts as a working day here, so the test does not depend on today's date.
    await background.evaluate(() => chrome.storage.local.set({ workingDayMode: false }));
    const page = await openSystemPage(context, server, 'srikandi.arsip.go.id');
    const card = page.getByTestId('tip-card');
    await expect(card).toHaveAttribute('data-kind', 'lesson');
    const learn = page.getByTestId('tip-learn');
    await expect(learn).toHaveText(/Pelajari \(\d menit\)/);
    const [lesson] = await Promise.all([context.waitForEvent('page'), learn.click()]);
    await expect(lesson.locator('.player')).toBeVisible();
    expect(new URL(lesson.url()).pathname).toBe('/lesson.html');
  });

  test('is not offered when switched off in options', async ({ context, server, background }) => {
    await setTipSettings(background, {}, false);
    await background.evaluate(() => chrome.storage.local.set({ workingDayMode: false }));
    const page = await openSystemPage(context, server, 'srikandi.arsip.go.id');
    await expect(page.getByTestId('tip-card')).toHaveAttribute('data-kind', 'tip');
  });
});

test.describe('topic reader', () => {
  test('an article-like government page about electronic signatures gets the matching lesson', async ({
    context,
    server,
    background,
  }) => {
    await setTipSettings(background);
    const page = await openSystemPage(context, server, 'www.contoh.go.id');
    const card = page.getByTestId('tip-card');
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-kind', 'topic');
    await expect(page.getByTestId('tip-text')).toContainText(/tanda tangan elektronik/i);
    await expect(page.getByTestId('tip-learn')).toContainText(/Pelajari \(\d menit\)/);
  });
});
