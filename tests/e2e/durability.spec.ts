/// <reference types="chrome" />
/**
 * No visit or completion is lost, and none is counted twice, when the
 * background service worker is stopped mid-flight — stopped through the
 * browser's own DevTools protocol (`ServiceWorker.stopAllWorkers`), as Chrome
 * itself stops an idle worker. To stop it at an exact moment, the running
 * worker is first made to pause at one point of its work: storage reads (the
 * handlers read settings before they write) or the commit notice of an
 * IndexedDB transaction (after the write, before the reply). The worker that
 * the retry wakes is a fresh one, without the pause.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { tipDecisions } from '../support/background';
import { readStore } from '../support/history';
import { expect, test } from './fixtures';
import { answerWithFirstOptions, continueToQuiz } from './lesson-steps';

declare global {
  // Set inside the service worker by the pauses below.
  var __langkahPaused: number | undefined;
}

async function views(page: Page, systemId: string): Promise<number> {
  const days = await readStore<{ systems: Record<string, { views: number }> }>(page, 'visitDays');
  return days.reduce((sum, d) => sum + (d.systems[systemId]?.views ?? 0), 0);
}

/** Makes the running worker wait 2 s in every storage read, counting each one that waits. */
function pauseBeforeWrite(background: Worker) {
  return background.evaluate(() => {
    globalThis.__langkahPaused = 0;
    const areas = new Set([chrome.storage.local, (globalThis as { browser?: typeof chrome }).browser?.storage?.local]);
    for (const area of areas) {
      if (!area) continue;
      const get = area.get.bind(area) as (...args: unknown[]) => Promise<unknown>;
      Object.defineProperty(area, 'get', {
        configurable: true,
        value: (...args: unknown[]) => {
          globalThis.__langkahPaused = (globalThis.__langkahPaused ?? 0) + 1;
          return new Promise((resolve) => setTimeout(resolve, 2000)).then(() => get(...args));
        },
      });
    }
  });
}

/**
 * Makes the running worker hold back, for 2 s, the notice that a transaction
 * writing `store` committed: the data is in, the handler has not answered yet.
 */
function pauseAfterWrite(background: Worker, store: string) {
  return background.evaluate((name) => {
    globalThis.__langkahPaused = 0;
    const descriptor = Object.getOwnPropertyDescriptor(IDBTransaction.prototype, 'oncomplete');
    if (!descriptor?.set) throw new Error('no oncomplete setter');
    const set = descriptor.set;
    Object.defineProperty(IDBTransaction.prototype, 'oncomplete', {
      ...descriptor,
      set(this: IDBTransaction, handler: ((this: IDBTransaction, ev: Event) => unknown) | null) {
        if (!handler || this.mode !== 'readwrite' || !this.objectStoreNames.contains(name)) {
          set.call(this, handler);
          return;
        }
        set.call(this, function (this: IDBTransaction, event: Event) {
          globalThis.__langkahPaused = (globalThis.__langkahPaused ?? 0) + 1;
          setTimeout(() => handler.call(this, event), 2000);
        });
      },
    });
  }, store);
}

// Many tabs and a browser restarting its worker: slow on a loaded 2-core machine, never a timing assertion.
test.describe.configure({ timeout: 90_000 });

const pausedCount = (background: Worker) => background.evaluate(() => globalThis.__langkahPaused ?? 0);

/**
 * Stops every service worker of the profile through the DevTools protocol, as
 * the browser's own tooling does, and waits until it is stopped. The returned
 * check tells when a worker runs again afterwards (a message woke a new one).
 * Playwright's handle on the stopped worker must not be used until then.
 */
async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<() => boolean> {
  const cdp = await context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => statuses.includes('stopped')).toBe(true);
  return () => statuses.slice(statuses.lastIndexOf('stopped')).includes('running');
}

/** After a stop: waits for the new worker and checks it is a fresh one (none of the old pauses). */
async function freshWorkerRuns(background: Worker, restarted: () => boolean) {
  await expect.poll(restarted, { timeout: 30_000 }).toBe(true);
  expect(await background.evaluate(() => globalThis.__langkahPaused)).toBeUndefined();
}

/**
 * How many tip questions the running worker answered (its own count, from
 * zero at its start). A content script asks for a tip only after its page
 * report was answered, so this is the positive signal that a retried report
 * came back.
 */
async function tipRequestsAnswered(background: Worker): Promise<number> {
  return (await tipDecisions(background)).answered;
}

test('a visit is counted once when the worker is stopped between the page’s message and the write', async ({
  context,
  background,
  server,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await pauseBeforeWrite(background);
  const page = await context.newPage();
  await page.goto(server.url('srikandi.arsip.go.id'));
  // The message arrived and the handler is waiting, before anything is written.
  await expect.poll(() => pausedCount(background), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await views(options, 'srikandi')).toBe(0);

  const restarted = await stopServiceWorkers(context, options);
  // The retry woke a new worker, which wrote the visit.
  await freshWorkerRuns(background, restarted);
  await expect.poll(() => views(options, 'srikandi')).toBe(1);
  // Settled: the page had its answer (it went on to ask for a tip), and the retry landed once.
  await expect.poll(() => tipRequestsAnswered(background), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  expect(await views(options, 'srikandi')).toBe(1);
  expect(await readStore(options, 'receipts')).toHaveLength(1);
});

test('a visit is not counted twice when the worker is stopped after the write, before its reply', async ({
  context,
  background,
  server,
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  await pauseAfterWrite(background, 'receipts');
  const page = await context.newPage();
  await page.goto(server.url('srikandi.arsip.go.id'));
  // Written and committed; the sender has had no answer.
  await expect.poll(() => pausedCount(background), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await views(options, 'srikandi')).toBe(1);

  const restarted = await stopServiceWorkers(context, options);
  // The sender retries with the same event id; the fresh worker finds its receipt.
  await freshWorkerRuns(background, restarted);
  // The retried report was answered — the page went on to ask for a tip — and its receipt held.
  await expect.poll(() => tipRequestsAnswered(background), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  expect(await views(options, 'srikandi')).toBe(1);
  expect(await readStore(options, 'receipts')).toHaveLength(1);
});

test('a completed lesson is stored once when the worker is stopped while saving it', async ({
  context,
  background,
  openExtensionPage,
}) => {
  const lesson = await openExtensionPage('lesson.html?id=kata-sandi-kuat');
  await continueToQuiz(lesson);
  await pauseBeforeWrite(background);
  await answerWithFirstOptions(lesson);
  await expect.poll(() => pausedCount(background), { timeout: 30_000 }).toBeGreaterThan(0);
  expect(await readStore(lesson, 'completions')).toHaveLength(0);

  const restarted = await stopServiceWorkers(context, lesson);
  await freshWorkerRuns(background, restarted);
  await expect(lesson.getByTestId('lesson-save-status')).toHaveAttribute('data-state', 'saved');
  const completions = await readStore<{ lessonId: string }>(lesson, 'completions');
  expect(completions).toHaveLength(1);
  expect(completions[0]?.lessonId).toBe('kata-sandi-kuat');
});

test('twenty tabs reporting at once give exactly twenty views', async ({
  context,
  background,
  server,
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  const options = await openExtensionPage('options.html');
  const tabs = await Promise.all(Array.from({ length: 20 }, () => context.newPage()));
  await Promise.all(tabs.map((tab) => tab.goto(server.url('srikandi.arsip.go.id'))));
  await expect.poll(() => views(options, 'srikandi'), { timeout: 60_000 }).toBe(20);
  // Every tab had its answer (each went on to ask for a tip): nothing is still on its way.
  await expect.poll(() => tipRequestsAnswered(background), { timeout: 60_000 }).toBeGreaterThanOrEqual(20);
  expect(await views(options, 'srikandi')).toBe(20);
  expect(await readStore(options, 'receipts')).toHaveLength(20);
});

test('twenty tabs reporting while the worker is stopped mid-flight still give exactly twenty views', async ({
  context,
  background,
  server,
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  const options = await openExtensionPage('options.html');
  await pauseBeforeWrite(background);
  const tabs = await Promise.all(Array.from({ length: 20 }, () => context.newPage()));
  await Promise.all(tabs.map((tab) => tab.goto(server.url('srikandi.arsip.go.id'))));
  await expect.poll(() => pausedCount(background), { timeout: 30_000 }).toBeGreaterThan(0);
  const restarted = await stopServiceWorkers(context, options);
  await freshWorkerRuns(background, restarted);
  await expect.poll(() => views(options, 'srikandi'), { timeout: 60_000 }).toBe(20);
  await expect.poll(() => tipRequestsAnswered(background), { timeout: 60_000 }).toBeGreaterThanOrEqual(20);
  expect(await views(options, 'srikandi')).toBe(20);
});
