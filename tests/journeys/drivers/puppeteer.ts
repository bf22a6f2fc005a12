/**
 * The journeys' driver for Firefox ESR through puppeteer-core over WebDriver
 * BiDi. Differences from Chromium, all handled here:
 * - selectors get puppeteer's `pierce/` prefix, which looks into open shadow
 *   roots (the tip card); Playwright does that by itself;
 * - `goto` on a `moz-extension://` URL never resolves, so extension pages are
 *   opened without awaiting the navigation and awaited by their content;
 * - there is no handle on the background script, so `storage.local` is reached
 *   from an options page opened for the purpose in a tab of its own (it only
 *   reads on load);
 * - a tab the extension opens is caught as a new target by its URL;
 * - puppeteer has no download event over BiDi, so Firefox saves downloads
 *   without asking into a directory of the run (prefs in the harness) and
 *   that directory is watched for the finished file;
 * - a file input gets its file through BiDi's `input.setFiles` (puppeteer's
 *   `uploadFile`).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ElementHandle, KeyInput, Page } from 'puppeteer-core';
import type { FirefoxSession } from '../../firefox/harness';
import type { FixtureServer } from '../../fixtures/server';
import { type Driver, type Key, type PageHandle, selectorOf, type Target } from '../driver';

// Firefox ESR on a loaded 2-core machine: the popup now plans reviews and paths before today's lesson shows.
const DEFAULT_TIMEOUT = 30_000;
/** A download goes through the browser's download manager: slower than a click on a loaded machine. */
const DOWNLOAD_TIMEOUT = 30_000;

/** puppeteer's selector for a target, looking into open shadow roots. */
const pierce = (target: Target) => `pierce/${selectorOf(target)}`;
/** The same for a plain CSS selector. */
const pierceCss = (css: string) => `pierce/${css}`;

/** In the page: the test id of the focused element, following focus into open shadow roots. */
function focusedTestIdInPage(): string | null {
  let el: Element | null = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el?.getAttribute('data-testid') ?? null;
}

/** In the page: true when nothing in the document or its open shadow roots matches `selector`. */
function noMatchInPage(selector: string): boolean {
  const roots: (Document | ShadowRoot)[] = [document];
  for (let root = roots.pop(); root; root = roots.pop()) {
    if (root.querySelector(selector)) return false;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  }
  return true;
}

/** The extension API of an extension page, as seen from inside it. */
interface ExtensionGlobal {
  browser: {
    storage: {
      local: {
        set(items: Record<string, unknown>): Promise<void>;
        get(keys: string[]): Promise<Record<string, unknown>>;
      };
    };
  };
}

/** The first element matching `selector` (already pierced), handed to `read` and disposed after; null when none. */
async function withFirst<T>(page: Page, selector: string, read: (el: ElementHandle<Element>) => Promise<T>) {
  const handles = await page.$$(selector);
  try {
    const [el] = handles;
    return el ? await read(el) : null;
  } finally {
    await Promise.all(handles.map((h) => h.dispose()));
  }
}

/**
 * The name of a download in `dir` that is finished and was not among
 * `before`; null while there is none. Firefox writes the data into a part
 * file under a temporary name (`0KMhg1xE.json.part`), puts an empty
 * placeholder under the final name, then moves the part over it: a download
 * is finished when its file has content and no part file is left.
 */
async function finishedDownload(dir: string, before: ReadonlySet<string>): Promise<string | null> {
  const names = await readdir(dir);
  if (names.some((name) => name.endsWith('.part'))) return null;
  for (const name of names.filter((n) => !before.has(n))) {
    // The temporary name lives only for an instant before it becomes the part file.
    const size = await stat(join(dir, name)).then(
      (s) => s.size,
      () => 0,
    );
    if (size > 0) return name;
  }
  return null;
}

/** The first element matching the target once it is there (and visible, when asked); the caller disposes of it. */
async function waitForSelected(page: Page, target: Target, visible: boolean) {
  const handle = await page.waitForSelector(pierce(target), { visible, timeout: DEFAULT_TIMEOUT });
  if (!handle) throw new Error(`${selectorOf(target)} not found`);
  return handle;
}

function wrapPage(page: Page, downloadDir: string): PageHandle {
  let closed = page.isClosed();
  page.once('close', () => {
    closed = true;
  });
  return {
    url: () => page.evaluate(() => location.href),
    async waitForTestId(target, timeout = DEFAULT_TIMEOUT) {
      const handle = await page.waitForSelector(pierce(target), { visible: true, timeout });
      await handle?.dispose();
    },
    async waitForNoTestId(target, timeout = DEFAULT_TIMEOUT) {
      // puppeteer's `hidden` also accepts an element that is there but hidden; absence is what is meant.
      await page.waitForFunction(noMatchInPage, { polling: 100, timeout }, selectorOf(target));
    },
    async clickTestId(target) {
      const handle = await page.waitForSelector(pierce(target), { visible: true, timeout: DEFAULT_TIMEOUT });
      if (!handle) throw new Error(`${selectorOf(target)} not found`);
      try {
        await handle.click();
      } finally {
        await handle.dispose();
      }
    },
    async typeIntoTestId(target, text) {
      const handle = await waitForSelected(page, target, true);
      try {
        await handle.type(text);
      } finally {
        await handle.dispose();
      }
    },
    async downloadFrom(target, timeout = DOWNLOAD_TIMEOUT) {
      const before = new Set(await readdir(downloadDir));
      await this.clickTestId(target);
      const deadline = Date.now() + timeout;
      for (;;) {
        const name = await finishedDownload(downloadDir, before);
        if (name) {
          const path = join(downloadDir, name);
          return { name, path, text: await readFile(path, 'utf8') };
        }
        if (Date.now() > deadline) {
          const seen = (await readdir(downloadDir)).filter((n) => !before.has(n));
          throw new Error(
            `No finished download in ${downloadDir} ${timeout} ms after clicking ${selectorOf(target)} (there: ${seen.join(', ') || 'nothing'})`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async uploadFile(target, path) {
      // A file input is often styled away: present is enough, as for the file picker.
      const handle = (await waitForSelected(page, target, false)) as ElementHandle<HTMLInputElement>;
      try {
        await handle.uploadFile(path);
      } finally {
        await handle.dispose();
      }
    },
    async selectTestId(target, value) {
      const handle = await page.waitForSelector(pierce(target), { visible: true, timeout: DEFAULT_TIMEOUT });
      if (!handle) throw new Error(`${selectorOf(target)} not found`);
      try {
        const chosen = await handle.select(value);
        if (!chosen.includes(value)) throw new Error(`${selectorOf(target)} has no option ${value}`);
      } finally {
        await handle.dispose();
      }
    },
    textOfTestId: (target) => withFirst(page, pierce(target), (el) => el.evaluate((e) => (e.textContent ?? '').trim())),
    attrOfTestId: async (target, name) =>
      (await withFirst(page, pierce(target), (el) => el.evaluate((e, n) => e.getAttribute(n), name))) ?? null,
    checkedOfTestId: (target) =>
      withFirst(page, pierce(target), (el) => el.evaluate((e) => (e as HTMLInputElement).checked)),
    async countTestId(target) {
      const handles = await page.$$(pierce(target));
      await Promise.all(handles.map((h) => h.dispose()));
      return handles.length;
    },
    textOf: (css) => withFirst(page, pierceCss(css), (el) => el.evaluate((e) => (e.textContent ?? '').trim())),
    documentLang: () => page.evaluate(() => document.documentElement.lang),
    async pressKey(key: Key) {
      try {
        await page.keyboard.press(key as KeyInput);
      } catch (error) {
        if (!closed) throw error;
      }
    },
    focusedTestId: () => page.evaluate(focusedTestIdInPage),
    bringToFront: () => page.bringToFront(),
    screenshot: () => page.screenshot(),
    async waitForClose(timeout = DEFAULT_TIMEOUT) {
      // Puppeteer misses the end of a tab the extension opened and closed itself: its frame is asked instead.
      const deadline = Date.now() + timeout;
      while (!closed && !page.isClosed()) {
        const gone = await page
          .evaluate(() => true)
          .then(
            () => false,
            (error: unknown) => /no such frame|not found/i.test(String(error)),
          );
        if (gone) {
          closed = true;
          return;
        }
        if (Date.now() > deadline) throw new Error(`${await this.url()} still open after ${timeout} ms`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async close() {
      if (closed) return;
      // A page may close itself (the popup after opening a lesson) just before.
      await page.close().catch((error: unknown) => {
        if (!page.isClosed() && !/no such frame|not found/i.test(String(error))) throw error;
      });
    },
  };
}

export function puppeteerDriver(firefox: FirefoxSession, server: FixtureServer): Driver {
  const { browser } = firefox;
  const wrap = (page: Page) => wrapPage(page, firefox.downloadDir);
  /** One options page kept open in its own tab for storage access: opening a page per call is slow in Firefox. */
  let storagePage: Promise<Page> | undefined;
  const inExtensionPage = async <T>(fn: (page: Page) => Promise<T>): Promise<T> => {
    storagePage ??= firefox.openExtensionPage('options.html', pierce('ui-language'));
    return fn(await storagePage);
  };
  return {
    browserName: 'firefox',
    async openSite(host, path = '/') {
      const page = await browser.newPage();
      await page.goto(server.url(host, path), { waitUntil: 'load' });
      return wrap(page);
    },
    async openExtensionPage(path, readyTestId) {
      const page = await firefox.openExtensionPage(path, pierce(readyTestId));
      const handle = wrap(page);
      await handle.waitForTestId(readyTestId);
      return handle;
    },
    async setLocalStorage(items) {
      await inExtensionPage((page) =>
        page.evaluate((values) => (globalThis as unknown as ExtensionGlobal).browser.storage.local.set(values), {
          ...items,
        }),
      );
    },
    getLocalStorage: (keys) =>
      inExtensionPage((page) =>
        page.evaluate(
          (names) => (globalThis as unknown as ExtensionGlobal).browser.storage.local.get(names),
          [...keys],
        ),
      ),
    async waitForNewPage(action, urlPart, readyTestId) {
      // Targets of extension pages report about:blank over BiDi: the document itself is asked for its URL.
      // The browser's list of pages is polled (a `targetcreated` event can be missed on a loaded machine), and
      // a page that does not answer within a moment is asked again on the next round, never waited on.
      const before = new Set(await browser.pages());
      await action();
      const deadline = Date.now() + DEFAULT_TIMEOUT;
      const seen = new Set<string>();
      while (Date.now() < deadline) {
        for (const page of await browser.pages()) {
          if (before.has(page)) continue;
          const href = await Promise.race([
            page.evaluate(() => location.href).catch((error: Error) => `(${error.message})`),
            new Promise<string>((resolve) => setTimeout(() => resolve('(no answer within 2 s)'), 2000)),
          ]);
          seen.add(href);
          if (href.includes(urlPart)) {
            const handle = wrap(page);
            await handle.waitForTestId(readyTestId);
            return handle;
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      // What the browser itself has open, as the extension sees it: tells a lost key press from a lost target.
      const tabs = await inExtensionPage((page) =>
        page.evaluate(async () => {
          const api = (
            globalThis as unknown as { browser: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }
          ).browser;
          return (await api.tabs.query({})).map((tab) => tab.url ?? '?');
        }),
      ).catch((error: Error) => [`(${error.message})`]);
      throw new Error(
        `No new tab with ${urlPart} within ${DEFAULT_TIMEOUT} ms (new tabs seen: ${[...seen].join(', ') || 'none'}; ` +
          `tabs open: ${tabs.join(', ')})`,
      );
    },
  };
}
