/// <reference types="chrome" />
/**
 * Playwright fixtures: a fresh Chromium profile with the built extension,
 * the fixture server on loopback, and helpers to open extension pages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, test as base, chromium, type Page, type Worker } from '@playwright/test';
import { type FixtureServer, startFixtureServer } from '../fixtures/server';
import { CHROME_BUILD, chromiumArgs, findChromium, requireBuild } from '../support/browsers';

interface Fixtures {
  /**
   * The welcome tab the extension opens on install: closed before the test
   * unless the test sets `keepWelcome` (then the `welcomePage` fixture holds it).
   */
  keepWelcome: boolean;
  welcomePage: Page;
  context: BrowserContext;
  extensionId: string;
  background: Worker;
  /** Opens an extension page such as `popup.html` in a new tab. */
  openExtensionPage: (path: string) => Promise<Page>;
  /** How many of this extension's content-script worlds run in `page` (via the DevTools protocol). */
  contentScriptWorlds: (page: Page) => Promise<number>;
}

interface WorkerFixtures {
  server: FixtureServer;
}

export const test = base.extend<Fixtures, WorkerFixtures>({
  server: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright's fixture signature
    async ({}, use) => {
      const server = await startFixtureServer();
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  keepWelcome: [false, { option: true }],
  context: async ({ keepWelcome }, use) => {
    const extensionDir = requireBuild(CHROME_BUILD);
    const userDataDir = mkdtempSync(join(tmpdir(), 'langkah-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: findChromium(),
      headless: true,
      args: chromiumArgs(extensionDir),
    });
    // The install opens the welcome page (runtime.onInstalled): close it so that
    // no test meets a tab it did not open, e.g. when waiting for a new page.
    const welcome = await findWelcomeTab(context);
    if (!keepWelcome) await welcome.close();
    await use(context);
    await context.close();
    rmSync(userDataDir, { recursive: true, force: true });
  },
  welcomePage: async ({ context }, use) => {
    await use(await findWelcomeTab(context));
  },
  background: async ({ context }, use) => {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await use(worker);
  },
  extensionId: async ({ background }, use) => {
    await use(new URL(background.url()).host);
  },
  openExtensionPage: async ({ context, extensionId }, use) => {
    await use(async (path) => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    });
  },
  contentScriptWorlds: async ({ context, extensionId }, use) => {
    await use(async (page) => {
      const session = await context.newCDPSession(page);
      const origins: string[] = [];
      session.on('Runtime.executionContextCreated', ({ context: c }) => origins.push(c.origin));
      // Enabling the domain reports every existing context at once.
      await session.send('Runtime.enable');
      await session.detach();
      return origins.filter((origin) => origin === `chrome-extension://${extensionId}`).length;
    });
  },
});

export const expect = test.expect;

const WELCOME_TIMEOUT = 15_000;

/** The welcome tab of this context, waiting for it to open after install. */
export async function findWelcomeTab(context: BrowserContext): Promise<Page> {
  const deadline = Date.now() + WELCOME_TIMEOUT;
  while (Date.now() < deadline) {
    const page = context
      .pages()
      .find((p) => !p.isClosed() && new URL(p.url(), 'about:blank').pathname === '/welcome.html');
    if (page) return page;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`The welcome page did not open within ${WELCOME_TIMEOUT} ms of install`);
}
