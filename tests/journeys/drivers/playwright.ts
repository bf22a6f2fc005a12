/// <reference types="chrome" />
/**
 * The journeys' driver for Chromium through Playwright. Playwright's CSS
 * engine pierces open shadow roots by itself, extension pages open with a
 * plain `goto`, the extension's storage is reached through its service
 * worker, and downloads and file inputs go through Playwright's own API.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { FixtureServer } from '../../fixtures/server';
import { type Driver, type Key, type PageHandle, selectorOf, type Target } from '../driver';

const DEFAULT_TIMEOUT = 10_000;
/** Short look-ups: an element that is not there now is reported as absent, not waited for. */
const READ_TIMEOUT = 1_000;
/** A download goes through the browser's download manager: slower than a click on a loaded machine. */
const DOWNLOAD_TIMEOUT = 30_000;

/** In the page: the test id of the focused element, following focus into open shadow roots. */
function focusedTestIdInPage(): string | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el?.getAttribute('data-testid') ?? null;
}

function wrapPage(page: Page, downloadDir: string): PageHandle {
  const first = (target: Target) => page.locator(selectorOf(target)).first();
  const ifPresent = async <T>(target: Target, read: () => Promise<T>): Promise<T | null> => {
    if ((await page.locator(selectorOf(target)).count()) === 0) return null;
    return read();
  };
  return {
    url: async () => page.url(),
    waitForTestId: (target, timeout = DEFAULT_TIMEOUT) => first(target).waitFor({ state: 'visible', timeout }),
    waitForNoTestId: (target, timeout = DEFAULT_TIMEOUT) => first(target).waitFor({ state: 'detached', timeout }),
    clickTestId: (target) => first(target).click({ timeout: DEFAULT_TIMEOUT }),
    typeIntoTestId: (target, text) => first(target).pressSequentially(text, { timeout: DEFAULT_TIMEOUT }),
    async downloadFrom(target, timeout = DOWNLOAD_TIMEOUT) {
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout }),
        first(target).click({ timeout: DEFAULT_TIMEOUT }),
      ]);
      // Playwright keeps a download under a random name and deletes it with the
      // context; the learner's copy is saved under the suggested name instead.
      const name = download.suggestedFilename();
      const path = join(downloadDir, name);
      await download.saveAs(path);
      return { name, path, text: await readFile(path, 'utf8') };
    },
    uploadFile: (target, path) => first(target).setInputFiles(path, { timeout: DEFAULT_TIMEOUT }),
    selectTestId: async (target, value) => {
      await first(target).selectOption(value, { timeout: DEFAULT_TIMEOUT });
    },
    textOfTestId: (target) =>
      ifPresent(target, async () => ((await first(target).textContent({ timeout: READ_TIMEOUT })) ?? '').trim()),
    attrOfTestId: async (target, name) =>
      (await ifPresent(target, () => first(target).getAttribute(name, { timeout: READ_TIMEOUT }))) ?? null,
    checkedOfTestId: (target) => ifPresent(target, () => first(target).isChecked({ timeout: READ_TIMEOUT })),
    countTestId: (target) => page.locator(selectorOf(target)).count(),
    textOf: async (css) => {
      const locator = page.locator(css).first();
      if ((await locator.count()) === 0) return null;
      return ((await locator.textContent({ timeout: READ_TIMEOUT })) ?? '').trim();
    },
    documentLang: () => page.evaluate(() => document.documentElement.lang),
    pressKey: async (key: Key) => {
      try {
        await page.keyboard.press(key === 'Space' ? ' ' : key);
      } catch (error) {
        // A key that makes the page close itself (the popup after opening a lesson) outlives its page.
        if (!page.isClosed()) throw error;
      }
    },
    focusedTestId: () => page.evaluate(focusedTestIdInPage),
    bringToFront: () => page.bringToFront(),
    screenshot: () => page.screenshot(),
    waitForClose: async (timeout = DEFAULT_TIMEOUT) => {
      if (!page.isClosed()) await page.waitForEvent('close', { timeout });
    },
    close: () => page.close(),
  };
}

export interface PlaywrightDriverOptions {
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  server: FixtureServer;
  /** Where downloads are saved (the test's output directory: Playwright empties it before each run). */
  downloadDir: string;
}

export function playwrightDriver({
  context,
  extensionId,
  background,
  server,
  downloadDir,
}: PlaywrightDriverOptions): Driver {
  const wrap = (page: Page) => wrapPage(page, downloadDir);
  return {
    browserName: 'chromium',
    async openSite(host, path = '/') {
      const page = await context.newPage();
      await page.goto(server.url(host, path));
      return wrap(page);
    },
    async openExtensionPage(path, readyTestId) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      const handle = wrap(page);
      await handle.waitForTestId(readyTestId);
      return handle;
    },
    async setLocalStorage(items) {
      await background.evaluate((values) => chrome.storage.local.set(values), { ...items });
    },
    getLocalStorage: (keys) => background.evaluate((names) => chrome.storage.local.get(names), [...keys]),
    async waitForNewPage(action, urlPart, readyTestId) {
      const opened = context.waitForEvent('page', { timeout: DEFAULT_TIMEOUT });
      await action();
      const page = await opened;
      await page.waitForURL((url) => url.href.includes(urlPart), { timeout: DEFAULT_TIMEOUT });
      const handle = wrap(page);
      await handle.waitForTestId(readyTestId);
      return handle;
    },
  };
}
