/// <reference types="chrome" />
/**
 * Delivery to the agency's LRS (issue 17) in the built extension, against the
 * test-only loopback LRS double (tests/lrs-peer.ts): configured and agreed in
 * options, then 60 lessons and reviews over four working days while the LRS is
 * down, answers 500, comes back slowly and the service worker is stopped with
 * a batch in flight — the LRS ends with every statement exactly once, each
 * valid and matching its completion (verb, activity, score, time). A 401 shows
 * a clear message; a pause stops sending.
 *
 * Completions go through the extension's own message path (`completeLesson`,
 * what the lesson page sends: the background records each one and queues its
 * statements in one transaction), two through the lesson page itself: 60
 * lessons through the UI would take minutes. Simulated days: the browser runs
 * in WIB (TZ=Asia/Jakarta) and the service worker's clock is moved to a past
 * working day while that day's completions are recorded, then back.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import type { DayKey } from '../../core/day';
import { type LrsPeer, startLrsPeer, validateStatement } from '../lrs-peer';
import {
  atInZone,
  pastWorkingDays,
  type RecordedCompletion,
  statementIds,
  statementProblems,
  todayInZone,
  ZONE,
} from '../lrs-statements';
import { lessonIds, readStore } from '../support/history';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { answerWithFirstOptions, continueToQuiz } from './lesson-steps';

const LESSONS = lessonIds();

// The browser is started in WIB (its processes read TZ), so utcOffset is 420.
let savedZone: string | undefined;
test.beforeAll(() => {
  savedZone = process.env.TZ;
  process.env.TZ = ZONE;
});
test.afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ;
  else process.env.TZ = savedZone;
});

let peer: LrsPeer;
test.beforeEach(async () => {
  peer = await startLrsPeer();
});
test.afterEach(async () => {
  await peer.stop();
});

/**
 * Runs `steps` with the service worker's clock at `time` (WIB) on `day`, then
 * puts it back. Only the worker's clock moves: alarms keep the browser's.
 */
async function onDay<T>(background: Worker, day: DayKey, time: string, steps: () => Promise<T>): Promise<T> {
  const setClock = (target: number | null) =>
    background.evaluate((at) => {
      const g = globalThis as { realNow?: () => number };
      g.realNow ??= Date.now;
      const real = g.realNow;
      const offset = at === null ? 0 : at - real();
      Date.now = at === null ? real : () => real() + offset;
    }, target);
  await setClock(atInZone(day, time));
  try {
    return await steps();
  } finally {
    await setClock(null);
  }
}

let seeded = 0;
/**
 * Records `count` completions through the extension's message path, as the
 * lesson page does: two lessons, then a review of one done before, and so on,
 * with scores from 0 to 3 of 3. `day`: the day the background must record them on.
 */
async function seedCompletions(page: Page, count: number, day?: DayKey): Promise<void> {
  const requests = Array.from({ length: count }, () => {
    const i = seeded++;
    const review = i % 3 === 2;
    return {
      completionId: (0x10_0000 + i).toString(16).padStart(32, 'e'),
      lessonId: LESSONS[(review ? i - 2 : i) % LESSONS.length] as string,
      kind: review ? 'review' : 'lesson',
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
  for (const reply of replies)
    expect(reply).toMatchObject({ ok: true, value: { recorded: true, ...(day ? { day } : {}) } });
}

/** Rows of the outbox table. */
async function outbox(page: Page): Promise<{ id: string; state: string }[]> {
  return (await readStore<{ id: string; state: string }>(page, 'outbox')).map(({ id, state }) => ({ id, state }));
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

test('60 lessons and reviews over four days reach the LRS exactly once through outages and a stopped worker', async ({
  context,
  background,
  openExtensionPage,
}) => {
  test.setTimeout(180_000);
  const [day1, day2, day3] = pastWorkingDays(3) as [DayKey, DayKey, DayKey];
  const today = todayInZone();
  const options = await openExtensionPage('options.html');

  // Day 1. Off by default: nothing is queued before an LRS is set up, and nothing of it is sent later.
  const beforeSetup = await onDay(background, day1, '08:40', async () => {
    await seedCompletions(options, 2, day1);
    return (await readStore<RecordedCompletion>(options, 'completions')).map((c) => c.id);
  });
  expect(beforeSetup).toHaveLength(2);
  expect(await outbox(options)).toEqual([]);

  await configure(options);
  // Queued while consent is pending, and shown in the consent step; nothing has left.
  await onDay(background, day1, '10:15', () => seedCompletions(options, 8, day1));
  await expect(options.getByTestId('lrs-consent-queued').locator('li')).toHaveCount(5);
  await expect(options.getByTestId('lrs-consent-to')).toContainText(peer.endpoint);
  await expect(options.getByTestId('lrs-consent-actor')).toContainText(/[0-9a-f]{32}/);
  expect(peer.received).toBe(0);
  expect(await seriousViolations(options)).toEqual([]);

  await options.getByTestId('lrs-agree').click();
  await peer.waitFor((p) => p.statements.size === 16);

  // Day 2: two lessons through the lesson page itself, then the LRS goes down and the day's reviews wait.
  await onDay(background, day2, '09:05', async () => {
    for (const lessonId of ['kata-sandi-kuat', 'membaca-alamat-situs']) {
      const lesson = await openExtensionPage(`lesson.html?ids=${lessonId}`);
      await continueToQuiz(lesson);
      await answerWithFirstOptions(lesson);
      await Promise.all([lesson.waitForEvent('close'), lesson.getByTestId('lesson-complete').click()]);
    }
  });
  await peer.waitFor((p) => p.statements.size === 20);
  peer.mode = 'down';
  await onDay(background, day2, '14:30', () => seedCompletions(options, 10, day2));
  // Day 3: still down; statements wait, a retry is planned and shown.
  await onDay(background, day3, '09:50', () => seedCompletions(options, 10, day3));
  const data = await openExtensionPage('data.html');
  await expect(data.getByTestId('lrs-retry')).toBeVisible();
  await expect(data.getByTestId('lrs-waiting')).toContainText('40');
  expect(peer.statements.size).toBe(20);

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
  await stopServiceWorkers(context, data);
  peer.delayMs = 0;
  // Today: a new worker wakes (a message from the page) and re-sends the batch it had marked, same ids.
  await seedCompletions(options, 30, today);
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
  // The stop cut the batch in flight: the worker never had its answer (the LRS stored it all the same, as a
  // real one would). The new worker sent exactly that batch again, same ids, once — the one repeat the outbox
  // accepts (the LRS answered 204 to whichever of the two came second); nothing else was sent twice.
  // The LRS answers the cut batch only when its 4 s delay is over, which may be after the re-sent copy was stored.
  await peer.waitFor((p) => p.posts.some((post) => post.arrival === received + 1), 10_000);
  const inFlight = peer.posts.find((p) => p.arrival === received + 1);
  expect(inFlight).toMatchObject({ abandoned: true });
  const after = peer.posts.filter((p) => p.arrival > received + 1);
  const again = after.filter((p) => p.ids.some((id) => inFlight?.ids.includes(id)));
  expect(again).toHaveLength(1);
  expect(again[0]?.ids).toEqual(inFlight?.ids);
  expect([inFlight?.status, again[0]?.status].sort()).toEqual([200, 204]);
  expect(peer.repeats).toBe(inFlight?.ids.length);
  for (const { statement } of peer.statements.values()) expect(validateStatement(statement)).toEqual([]);

  // Each completion's statements match it: verb, lesson or review quiz, score, its time in WIB on its day.
  const completions = await readStore<RecordedCompletion>(options, 'completions');
  const sent = completions.filter((c) => !beforeSetup.includes(c.id));
  expect(sent).toHaveLength(60);
  expect(await statementProblems(sent, peer.statements)).toEqual([]);
  expect(new Set(sent.map((c) => c.day))).toEqual(new Set([day1, day2, day3, today]));
  expect(sent.every((c) => c.utcOffset === 420)).toBe(true);
  expect(sent.filter((c) => c.kind === 'review')).toHaveLength(20);
  const verbs = [...peer.statements.values()].map(({ statement }) => (statement as { verb: { id: string } }).verb.id);
  expect(new Set(verbs.map((v) => v.split('/').at(-1)))).toEqual(new Set(['completed', 'passed', 'failed']));
  for (const c of completions.filter((c) => beforeSetup.includes(c.id)))
    for (const id of await statementIds(c.id)) expect(peer.statements.has(id)).toBe(false);

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
