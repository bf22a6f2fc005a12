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
