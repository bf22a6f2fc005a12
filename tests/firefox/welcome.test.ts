import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FirefoxSession, findWelcomeTab, launchFirefox } from './harness';

let firefox: FirefoxSession;

beforeAll(async () => {
  firefox = await launchFirefox({ keepWelcome: true });
}, 60_000);

afterAll(async () => {
  await firefox?.close();
});

const welcomeTab = () => findWelcomeTab(firefox.browser, firefox.origin);

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
