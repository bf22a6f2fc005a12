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

/** `prefs`: extra Firefox preferences for one test file (e.g. no prompt for optional permissions). */
export async function launchFirefox(prefs: Record<string, unknown> = {}): Promise<FirefoxSession> {
  const extensionDir = requireBuild(FIREFOX_BUILD);
  const uuid = randomUUID();
  const hosts = MAPPED_HOST_RULES.map((h) => h.replace(/^\*\./, ''));
  const downloadDir = mkdtempSync(join(tmpdir(), 'langkah-firefox-downloads-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findFirefox(),
    headless: true,
    args: ['--remote-allow-system-access'],
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
  return {
    browser,
    origin,
    downloadDir,
    async openExtensionPage(path, readySelector) {
      const page = await browser.newPage();
      void page.goto(`${origin}/${path}`).catch(() => {});
      await page.waitForSelector(readySelector, { timeout: 15_000 });
      return page;
    },
    async close() {
      await browser.close();
      rmSync(downloadDir, { recursive: true, force: true });
    },
  };
}
