import { tipDecisions } from '../support/background';
import { expect, test } from './fixtures';

test.describe('recognising government systems', () => {
  test('a government page is recorded by the background and shown in the popup', async ({
    context,
    server,
    openExtensionPage,
    contentScriptWorlds,
  }) => {
    const page = await context.newPage();
    await page.goto(server.url('siasn-instansi.bkn.go.id', '/'));
    await expect(page.getByRole('heading', { name: 'Masuk ke SIASN' })).toBeVisible();
    await expect.poll(() => contentScriptWorlds(page)).toBe(1);

    const popup = await openExtensionPage('popup.html');
    const views = popup.locator(
      '[data-testid="system-usage"][data-system-id="siasn"] [data-testid="system-usage-views"]',
    );
    await expect(views).toHaveAttribute('data-views', '1');

    // The popup is live: another view while it is open updates it.
    await page.reload();
    await expect(views).toHaveAttribute('data-views', '2');
  });

  test('an unrelated site gets no content script and nothing is recorded', async ({
    context,
    server,
    openExtensionPage,
    contentScriptWorlds,
  }) => {
    const page = await context.newPage();
    await page.goto(server.url('berita.example.com', '/'));
    await expect(page.getByRole('heading', { name: 'Portal berita contoh' })).toBeVisible();
    await page.waitForLoadState('load');

    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByTestId('weekly-systems')).toBeVisible();
    await expect(popup.getByTestId('system-usage')).toHaveCount(0);
    // Long after the page went idle, still no content script there.
    expect(await contentScriptWorlds(page)).toBe(0);
  });
});

test.describe('systems in use', () => {
  test('two catalog systems and an unrelated site: exactly the two are recorded and listed', async ({
    context,
    server,
    openExtensionPage,
    contentScriptWorlds,
  }) => {
    const popup = await openExtensionPage('popup.html');
    const views = (id: string) =>
      popup.locator(`[data-testid="system-usage"][data-system-id="${id}"] [data-testid="system-usage-views"]`);
    const page = await context.newPage();
    // The popup stays open and live; each visit is awaited there before the next page.
    await page.goto(server.url('srikandi.arsip.go.id'));
    await expect(views('srikandi')).toHaveAttribute('data-views', '1');
    await page.goto(server.url('lpse.jatimprov.go.id'));
    await expect(views('spse-lpse')).toHaveAttribute('data-views', '1');
    await page.goto(server.url('lpse.jatimprov.go.id', '/tender'));
    await expect(views('spse-lpse')).toHaveAttribute('data-views', '2');
    await page.goto(server.url('berita.example.com'));
    await page.waitForLoadState('load');
    // Not a government page: Langkah's content script is not there at all.
    expect(await contentScriptWorlds(page)).toBe(0);

    const rows = popup.getByTestId('system-usage');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-system-id', 'spse-lpse');
    await expect(rows.nth(0).getByTestId('system-usage-views')).toHaveAttribute('data-views', '2');
    await expect(rows.nth(1)).toHaveAttribute('data-system-id', 'srikandi');
    await expect(rows.nth(1).getByTestId('system-usage-views')).toHaveAttribute('data-views', '1');
  });

  test('a system switched off in options is neither recorded nor tipped', async ({
    context,
    server,
    background,
    openExtensionPage,
  }) => {
    await background.evaluate(() =>
      chrome.storage.local.set({
        tipCaps: { enabled: true, perSystemPerDay: 5, perDay: 10, minMinutesBetween: 0, quietHours: null },
        dailyLessonCard: false,
      }),
    );
    const options = await openExtensionPage('options.html');
    const toggle = options.locator('[data-testid="system-toggle"][data-system-id="srikandi"]');
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await expect(options.getByText('SRIKANDI (nonaktif)')).toBeVisible();

    const page = await context.newPage();
    await page.goto(server.url('srikandi.arsip.go.id'));
    // The switched-off system's page still asks (its content script cannot know), and is answered with nothing.
    // Waiting for that answer before moving on keeps the count from depending on how fast the page left.
    await expect.poll(() => tipDecisions(background)).toEqual({ answered: 1, offered: 0 });
    await page.goto(server.url('siasn-instansi.bkn.go.id'));
    // SIASN is on: it is recorded and tipped, which also shows the content script has run its course.
    await expect(page.getByTestId('tip-card')).toBeVisible();

    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByTestId('system-usage')).toHaveCount(1);
    await expect(popup.getByTestId('system-usage')).toHaveAttribute('data-system-id', 'siasn');

    await page.goto(server.url('srikandi.arsip.go.id'));
    // The background answered all three pages' tip requests, and offered only SIASN's card.
    await expect.poll(() => tipDecisions(background)).toEqual({ answered: 3, offered: 1 });
    await expect(page.getByTestId('tip-card')).toHaveCount(0);
  });

  test('the global pause stops recording everywhere', async ({ context, server, background, openExtensionPage }) => {
    const options = await openExtensionPage('options.html');
    await options.getByTestId('pause-toggle').check();
    await expect(options.getByText('Langkah sedang dijeda.')).toBeVisible();
    const page = await context.newPage();
    await page.goto(server.url('srikandi.arsip.go.id'));
    // The page's report was answered (the content script went on to ask for a tip), and nothing was offered.
    await expect.poll(() => tipDecisions(background)).toEqual({ answered: 1, offered: 0 });
    const popup = await openExtensionPage('popup.html');
    await expect(popup.getByTestId('weekly-systems')).toBeVisible();
    await expect(popup.getByTestId('system-usage')).toHaveCount(0);
  });
});
