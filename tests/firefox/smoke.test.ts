import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../fixtures/server';
import { type FirefoxSession, launchFirefox } from './harness';

let firefox: FirefoxSession;
let server: FixtureServer;

beforeAll(async () => {
  server = await startFixtureServer();
  firefox = await launchFirefox();
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** The views the popup shows for a system, polled until `expected` or timeout. */
async function popupViews(systemId: string): Promise<string | null> {
  const popup = await firefox.openExtensionPage('popup.html', '[data-testid="weekly-systems"]');
  try {
    const selector = `[data-testid="system-usage"][data-system-id="${systemId}"] [data-testid="system-usage-views"]`;
    const handle = await popup.waitForSelector(selector, { timeout: 10_000 }).catch(() => null);
    return handle ? await handle.evaluate((el) => el.getAttribute('data-views')) : null;
  } finally {
    await popup.close();
  }
}

describe('Firefox ESR smoke', () => {
  it('records a government page in the background and shows it in the popup', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('srikandi.arsip.go.id', '/'), { waitUntil: 'load' });
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Naskah Masuk');
    expect(await popupViews('srikandi')).toBe('1');
    await page.close();
  }, 60_000);

  it('records nothing for an unrelated site', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('berita.example.com', '/'), { waitUntil: 'load' });
    await page.close();
    const popup = await firefox.openExtensionPage('popup.html', '[data-testid="weekly-systems"]');
    await popup.waitForSelector('[data-testid="system-usage"]');
    const ids = await popup.$$eval('[data-testid="system-usage"]', (rows) =>
      rows.map((r) => r.getAttribute('data-system-id')),
    );
    expect(ids).toEqual(['srikandi']);
    await popup.close();
  }, 60_000);

  it('plays a lesson whose content the page loads from the package (lesson-data/<id>.json)', async () => {
    const page = await firefox.openExtensionPage('lesson.html?id=kata-sandi-kuat', '[data-testid="lesson-continue"]');
    expect(await page.title()).toMatch(/ · Langkah$/);
    expect(await page.$('[data-testid="lesson-missing"]')).toBeNull();
    await page.close();
  }, 60_000);
});
