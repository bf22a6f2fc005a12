/**
 * Drives Debian's Firefox ESR with the built extension over WebDriver BiDi
 * (puppeteer-core). Playwright cannot drive a stock Firefox, puppeteer can.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../wxt.config';
import { FIREFOX_BUILD, findFirefox, MAPPED_HOST_RULES, requireBuild } from '../support/browsers';

export interface FirefoxSession {
  browser: Browser;
  /** `moz-extension://<uuid>` of this run. */
  origin: string;
  /** Where Firefox saves downloads in this run, without asking; removed on close. */
  downloadDir: string;
  /** Opens an extension page; Firefox never resolves `goto` on moz-extension URLs, so wait for content instead. */
  openExtensionPage(path: string, readySelector: string): Promise<Page>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Keep the welcome tab the install opens (a test of the first run). Otherwise it is closed before the test
   * starts, as in the Chromium fixtures: a tab that opens later would take the foreground, and key presses
   * meant for the page under test would go to it.
   */
  keepWelcome?: boolean;
  /** Extra Firefox preferences for one test file (e.g. no prompt for optional permissions). */
  prefs?: Record<string, unknown>;
  /** Extra environment for the Firefox process (e.g. `TZ`, the learner's time zone). */
  env?: Record<string, string>;
}

export async function launchFirefox({
  keepWelcome = false,
  prefs = {},
  env = {},
}: LaunchOptions = {}): Promise<FirefoxSession> {
  const extensionDir = requireBuild(FIREFOX_BUILD);
  const uuid = randomUUID();
  const hosts = MAPPED_HOST_RULES.map((h) => h.replace(/^\*\./, ''));
  const downloadDir = mkdtempSync(join(tmpdir(), 'langkah-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, ...env },
    extraPrefsFirefox: {
      // Every mapped government host (and its subdomains) resolves to loopback.
      'network.dns.localDomains': hosts.join(','),
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      'datareporting.policy.dataSubmissionEnabled': false,
      'browser.shell.checkDefaultBrowser': false,
      // Downloads (a backup) are saved at once into this run's own directory,
      // not the user's Downloads: folderList 2 means "the folder in
      // browser.download.dir". The others are already Firefox's defaults and
      // are pinned so that a dialog nothing can answer in headless mode never
      // comes back, and a part file stays beside the final one.
      'browser.download.folderList': 2,
      'browser.download.dir': downloadDir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      // The downloads panel would open over the page the journey goes on typing into.
      'browser.download.alwaysOpenPanel': false,
      ...prefs,
    },
  });
  await browser.installExtension(extensionDir);
  const origin = `moz-extension://${uuid}`;
  if (!keepWelcome) await (await findWelcomeTab(browser, origin)).close();
  return {
    browser,
    origin,
    downloadDir,
    openExtensionPage: (path, readySelector) => openExtensionTab(browser, origin, path, readySelector),
    async close() {
      await browser.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens an extension page in a new tab. Firefox never resolves `goto` on a
 * moz-extension URL, so the navigation is started, not awaited, and the page is
 * awaited by its content. A wait that started in the tab's first about:blank
 * can be cut off when that document is replaced; it is started again then.
 */
async function openExtensionTab(browser: Browser, origin: string, path: string, readySelector: string): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(`${origin}/${path}`).catch(() => {});
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const handle = await page.waitForSelector(readySelector, { timeout: Math.max(1, deadline - Date.now()) });
      await handle?.dispose();
      return page;
    } catch (error) {
      if (error instanceof Error && error.name === 'TimeoutError') throw error;
      if (Date.now() > deadline) throw error;
      const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : '';
      console.warn(`[firefox harness] waiting for ${readySelector} in ${path} again after: ${String(error)} ${cause}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** The welcome tab the install opens; extension tabs report about:blank over BiDi, so the document is asked. */
export async function findWelcomeTab(browser: Browser, origin: string): Promise<Page> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href === `${origin}/welcome.html`) return page;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('The welcome page did not open after install');
}
