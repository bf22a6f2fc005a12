import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, launchFirefox } from './harness';

let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await launchFirefox();
}, 60_000);

afterAll(async () => {
  await firefox?.close();
});

/** The welcome tab the install opened; extension tabs report about:blank over BiDi, so the document is asked. */
async function welcomeTab(): Promise<Page> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const page of await firefox.browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === `${firefox.origin}/welcome.html`) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The welcome page did not open after install');
}

const checked = (page: Page, testId: string) =>
  page.$eval(`[data-testid="${testId}"]`, (el) => (el as HTMLInputElement).checked);

describe('Firefox ESR first run', () => {
  it('opens the welcome page on install; the choices are saved and shown again in options', async () => {
    const page = await welcomeTab();
    await page.waitForSelector('[data-testid="welcome-privacy"]');
    expect(await page.$$eval('[data-testid="welcome-privacy"] li', (items) => items.length)).toBe(3);

    await page.click('[data-testid="welcome-next"]');
    await page.waitForSelector('[data-testid="path-keuangan"]');
    await page.click('[data-testid="path-keuangan"]');
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="path-keuangan"]') as HTMLInputElement | null)?.checked === true,
    );
    await page.click('[data-testid="welcome-next"]');
    await page.waitForSelector('[data-testid="welcome-goal"]');
    await page.select('[data-testid="welcome-goal"]', '3');
    await page.waitForFunction(
      () => (document.querySelector('[data-testid="welcome-goal"]') as HTMLSelectElement | null)?.value === '3',
    );
    await page.click('[data-testid="welcome-skip-all"]');
    await page.waitForSelector('[data-testid="welcome-close"]');

    const options = await firefox.openExtensionPage(
      'options.html',
      '[data-testid="paths-settings"] [data-testid="path-keuangan"]',
    );
    await options.waitForFunction(
      () => (document.querySelector('[data-testid="daily-goal"]') as HTMLSelectElement | null)?.value === '3',
    );
    expect(await checked(options, 'path-keuangan')).toBe(true);
    expect(await checked(options, 'path-semua-asn')).toBe(true);
    expect(await checked(options, 'path-pimpinan')).toBe(false);

    const popup = await firefox.openExtensionPage('popup.html', '[data-testid="path-progress-list"]');
    await popup.waitForFunction(() => document.querySelectorAll('[data-testid="path-progress"]').length === 2);
    expect(
      await popup.$$eval('[data-testid="path-progress"]', (rows) => rows.map((r) => r.getAttribute('data-path'))),
    ).toEqual(['semua-asn', 'keuangan']);
  });
});
