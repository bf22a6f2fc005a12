/// <reference types="chrome" />
/**
 * Delivery to the agency's LRS (issue 17) in the built extension, against the
 * test-only loopback LRS double (tests/lrs-peer.ts): configured and agreed in
 * options, then lessons and reviews while the LRS is down, answers 500, comes
 * back slowly and the service worker is stopped with a batch in flight — the
 * LRS ends with every statement exactly once, each valid. A 401 shows a clear
 * message; a pause stops sending.
 *
 * Most completions are recorded through the extension's own message path
 * (`completeLesson`, what the lesson page sends), a few through the lesson page
 * itself: 60 lessons through the UI would take minutes. Their times are the
 * background's real clock (one day), not simulated days — the statements' ids
 * and order do not depend on the day, and core/outbox is unit-tested with
 * time passed in.
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from '@playwright/test';
import { type LrsPeer, startLrsPeer, validateStatement } from '../lrs-peer';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { answerWithFirstOptions, continueToQuiz } from './lesson-steps';

const LESSONS = readdirSync(resolve(import.meta.dirname, '../../lessons'))
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => f.replace(/\.md$/, ''));

let peer: LrsPeer;
test.beforeEach(async () => {
  peer = await startLrsPeer();
});
test.afterEach(async () => {
  await peer.stop();
});

let seeded = 0;
/** Records `count` completions through the extension's message path, as the lesson page does. */
async function seedCompletions(page: Page, count: number): Promise<void> {
  const requests = Array.from({ length: count }, () => {
    const i = seeded++;
    return {
      completionId: (0x10_0000 + i).toString(16).padStart(32, 'e'),
      lessonId: LESSONS[i % LESSONS.length] as string,
      kind: i % 3 === 2 ? 'review' : 'lesson',
      correct: i % 4,
      total: 3,
      durationMs: 60_000 + i * 1000,
    };
  });
  const replies = await page.evaluate(async (reqs) => {
    const out: unknown[] = [];
    for (const data of reqs) out.push(await chrome.runtime.sendMessage({ langkah: 1, type: 'completeLesson', data }));
    return out;
  }, requests);
  for (const reply of replies) expect(reply).toMatchObject({ ok: true, value: { recorded: true } });
}

/** Rows of the outbox table, read from an extension page. */
function outbox(page: Page): Promise<{ id: string; state: string }[]> {
  return page.evaluate(
    () =>
      new Promise((done, fail) => {
        const open = indexedDB.open('langkah');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () => {
            open.result.close();
            done(req.result.map((r: { id: string; state: string }) => ({ id: r.id, state: r.state })));
          };
        };
      }),
  );
}

/** Saves the peer as the learner's LRS in options; the consent step then shows. */
async function configure(options: Page): Promise<void> {
  await options.getByTestId('lrs-endpoint').fill(peer.endpoint);
  await options.getByTestId('lrs-key').fill(peer.key);
  await options.getByTestId('lrs-secret').fill(peer.secret);
  await options.getByTestId('lrs-save').click();
  await expect(options.getByTestId('lrs-consent')).toBeVisible();
}

async function stopServiceWorkers(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) statuses.push(v.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => statuses.includes('stopped')).toBe(true);
}

test('every statement reaches the LRS exactly once through outages and a stopped worker', async ({
  context,
  openExtensionPage,
}) => {
  test.setTimeout(180_000);
  const options = await openExtensionPage('options.html');
  // Off by default: nothing is queued before an LRS is set up.
  await seedCompletions(options, 2);
  expect(await outbox(options)).toEqual([]);

  await configure(options);
  // Queued while consent is pending, and shown in the consent step; nothing has left.
  await seedCompletions(options, 8);
  await expect(options.getByTestId('lrs-consent-queued').locator('li')).toHaveCount(5);
  await expect(options.getByTestId('lrs-consent-to')).toContainText(peer.endpoint);
  await expect(options.getByTestId('lrs-consent-actor')).toContainText(/[0-9a-f]{32}/);
  expect(peer.received).toBe(0);
  expect(await seriousViolations(options)).toEqual([]);

  await options.getByTestId('lrs-agree').click();
  await peer.waitFor((p) => p.statements.size === 16);

  // Two lessons through the lesson page itself.
  for (const lessonId of ['kata-sandi-kuat', 'membaca-alamat-situs']) {
    const lesson = await openExtensionPage(`lesson.html?ids=${lessonId}`);
    await continueToQuiz(lesson);
    await answerWithFirstOptions(lesson);
    await Promise.all([lesson.waitForEvent('close'), lesson.getByTestId('lesson-complete').click()]);
  }
  await peer.waitFor((p) => p.statements.size === 20);

  // The LRS goes down: statements wait, a retry is planned and shown.
  peer.mode = 'down';
  await seedCompletions(options, 20);
  const data = await openExtensionPage('data.html');
  await expect(data.getByTestId('lrs-retry')).toBeVisible();
  await expect(data.getByTestId('lrs-waiting')).toContainText('40');

  // It answers 500: still waiting.
  peer.mode = '500';
  const before = peer.posts.length;
  await data.getByTestId('lrs-send-now').click();
  await peer.waitFor((p) => p.posts.length > before);
  expect(peer.posts.at(-1)?.status).toBe(500);

  // It comes back, slowly; the worker is stopped while the first batch is in flight.
  peer.mode = 'up';
  peer.delayMs = 4000;
  const received = peer.received;
  await data.getByTestId('lrs-send-now').click();
  await peer.waitFor((p) => p.received > received);
  const batchInFlight = peer.posts.length;
  await stopServiceWorkers(context, data);
  peer.delayMs = 0;
  // A new worker wakes (a message from the page) and re-sends the batch it had marked, same ids.
  await seedCompletions(options, 30);
  // The 500 above left a retry planned (30–60 s, with jitter) that the cut batch never cleared; the learner's
  // "Kirim sekarang" sends at once instead of the test waiting for the backoff to run out.
  await data.getByTestId('lrs-send-now').click();
  await peer.waitFor((p) => p.statements.size === 2 * (8 + 2 + 20 + 30), 60_000);
  await expect
    .poll(async () => (await outbox(options)).every((r) => r.state === 'sent'), { timeout: 30_000 })
    .toBe(true);

  // Exactly once: the LRS holds each queued id, nothing else; no conflict was ever answered.
  const queued = (await outbox(options)).map((r) => r.id).sort();
  expect([...peer.statements.keys()].sort()).toEqual(queued);
  expect(peer.posts.filter((p) => p.status === 409 || p.status === 400)).toEqual([]);
  // The batch the stopped worker had in flight was stored once. When the stop cut it before the answer was
  // recorded, the new worker sent it again with the same ids (the LRS answered 204: it knew them all) — the
  // one repeat the outbox accepts; otherwise nothing was sent twice at all.
  const inFlight = peer.posts[batchInFlight];
  expect(inFlight?.status).toBe(200);
  const resent = peer.posts.filter((p, i) => i > batchInFlight && p.ids.some((id) => inFlight?.ids.includes(id)));
  for (const post of resent) expect(post).toMatchObject({ ids: inFlight?.ids, status: 204 });
  expect(resent.length).toBeLessThanOrEqual(1);
  expect(peer.repeats).toBe(resent.length * (inFlight?.ids.length ?? 0));
  for (const { statement } of peer.statements.values()) expect(validateStatement(statement)).toEqual([]);
  await expect(data.getByTestId('lrs-waiting')).toContainText(/\b0\b/);
  await expect(data.getByTestId('lrs-sent').locator('tbody tr')).toHaveCount(20);
  expect(await seriousViolations(data)).toEqual([]);
});

test('a refused key shows a clear message; a pause stops sending', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await configure(options);
  await options.getByTestId('lrs-agree').click();
  await expect(options.getByTestId('lrs-pause')).toBeVisible();

  peer.mode = '401';
  await seedCompletions(options, 1);
  const data = await openExtensionPage('data.html');
  await expect(data.getByTestId('lrs-auth-error')).toContainText('401');
  await expect(data.getByTestId('lrs-auth-error')).toContainText('menolak kunci');
  expect(await seriousViolations(data)).toEqual([]);

  peer.mode = 'up';
  await options.getByTestId('lrs-pause').check();
  await expect(data.getByTestId('lrs-status-state')).toContainText('Dijeda');
  const posts = peer.posts.length;
  await seedCompletions(options, 3);
  // The background answers only after deciding: paused, nothing ran.
  const reply = await options.evaluate(() =>
    chrome.runtime.sendMessage({ langkah: 1, type: 'lrsSendNow', data: { force: true } }),
  );
  expect(reply).toEqual({ ok: true, value: { ran: false, delivered: 0, stopped: null } });
  expect(peer.posts.length).toBe(posts);
  await expect(data.getByTestId('lrs-waiting')).toContainText('8');

  await options.getByTestId('lrs-pause').uncheck();
  await data.getByTestId('lrs-send-now').click();
  await peer.waitFor((p) => p.statements.size === 8);
  await expect(data.getByTestId('lrs-auth-error')).toHaveCount(0);
});
