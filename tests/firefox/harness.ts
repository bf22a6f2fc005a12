/**
 * Drives Debian's Firefox ESR with the built extension over WebDriver BiDi
 * (puppeteer-core). Playwright cannot drive a stock Firefox, puppeteer can.
 */
import { randomUUID } from 'node:crypto';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../../wxt.config';
import { FIREFOX_BUILD, findFirefox, MAPPED_HOST_RULES, requireBuild } from '../support/browsers';

export interface FirefoxSession {
  browser: Browser;
  /** `moz-extension://<uuid>` of this run. */
  origin: string;
  /** Opens an extension page; Firefox never resolves `goto` on moz-extension URLs, so wait for content instead. */
  openExtensionPage(path: string, readySelector: string): Promise<Page>;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  const extensionDir = requireBuild(FIREFOX_BUILD);
  const uuid = randomUUID();
  const hosts = MAPPED_HOST_RULES.map((h) => h.replace(/^\*\./, ''));
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
    },
  });
  await browser.installExtension(extensionDir);
  const origin = `moz-extension://${uuid}`;
  return {
    browser,
    origin,
    async openExtensionPage(path, readySelector) {
      const page = await browser.newPage();
      void page.goto(`${origin}/${path}`).catch(() => {});
      await page.waitForSelector(readySelector, { timeout: 15_000 });
      return page;
    },
    close: () => browser.close(),
  };
}
