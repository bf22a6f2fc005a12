/**
 * Delivery to the agency's LRS (issue 17) in Firefox ESR, against the
 * test-only loopback LRS double (tests/lrs-peer.ts): the learner sets the LRS
 * up and agrees in options (Firefox's prompt for optional permissions is
 * switched off, so the click grants the LRS host as accepting the prompt
 * does); 60 lessons and reviews over four working days while the LRS is down,
 * answers 500 and comes back, and the background is stopped with a batch in
 * flight — the LRS ends with every statement exactly once, each valid and
 * matching its completion. A 401 is shown on "Data Anda"; a pause stops sending.
 *
 * Firefox's background is an event page. It is stopped the way Firefox stops
 * it: after `extensions.background.idle.timeout` without events — made short
 * here (3 s), while the LRS holds its answer longer. Firefox does not keep an
 * idle event page alive for a pending fetch: the page goes, the request is
 * cut, the LRS sees its client leave (PeerPost.abandoned).
 *
 * Completions are recorded through the extension's own message path
 * (`completeLesson`, what the lesson page sends). Simulated days: Firefox runs
 * in WIB (TZ), and the event page's clock (reached through
 * `runtime.getBackgroundPage`) is moved to a past working day while that
 * day's completions are recorded, then back.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
import { lessonIds, storeRecords } from '../support/history';
import { type FirefoxSession, launchFirefox } from './harness';

const LESSONS = lessonIds();

/** How long the event page may be idle before Firefox stops it (default 30 s). */
const IDLE_MS = 3000;

let firefox: FirefoxSession | undefined;
let peer: LrsPeer;

beforeAll(async () => {
  peer = await startLrsPeer();
  firefox = await launchFirefox({
    prefs: { 'extensions.webextOptionalPermissionPrompts': false, 'extensions.background.idle.timeout': IDLE_MS },
    env: { TZ: ZONE },
  });
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await peer?.stop();
});

type RuntimeApi = {
  runtime: { sendMessage(m: unknown): Promise<unknown>; getBackgroundPage(): Promise<{ Date: DateConstructor }> };
};

let seeded = 0;
/**
 * Records `count` completions through the extension's message path, as the
 * lesson page does: two lessons, then a review of one done before, and so on,
 * with scores from 0 to 3 of 3. With `day` and `time` (WIB) the event page's
 * clock reads that moment while they are recorded (set in the same task as the
 * first message, so the page cannot go idle in between), and the background
 * must record them on that day.
 */
async function seedCompletions(page: Page, count: number, day?: DayKey, time = '10:00'): Promise<void> {
  const requests = Array.from({ length: count }, () => {
    const i = seeded++;
    const review = i % 3 === 2;
    return {
      completionId: (0x20_0000 + i).toString(16).padStart(32, 'f'),
      lessonId: LESSONS[(review ? i - 2 : i) % LESSONS.length] as string,
      kind: review ? 'review' : 'lesson',
      correct: i % 4,
      total: 3,
      durationMs: 60_000 + i * 1000,
    };
  });
  const at = day ? atInZone(day, time) : null;
  const replies = await page.evaluate(
    async (reqs, target) => {
      const api = (globalThis as unknown as { browser: RuntimeApi }).browser;
      const out: unknown[] = [];
      const bg = target === null ? null : await api.runtime.getBackgroundPage();
      const real = bg?.Date.now;
      try {
        if (bg && real && target !== null) {
          const offset = target - real.call(bg.Date);
          bg.Date.now = () => real.call(bg.Date) + offset;
        }
        for (const data of reqs) out.push(await api.runtime.sendMessage({ langkah: 1, type: 'completeLesson', data }));
      } finally {
        if (bg && real) bg.Date.now = real;
      }
      return out;
    },
    requests,
    at,
  );
  for (const reply of replies)
    expect(reply).toMatchObject({ ok: true, value: { recorded: true, ...(day ? { day } : {}) } });
}

/** The text of the first element with this test id, once it is there. */
async function textOf(page: Page, testId: string): Promise<string> {
  const handle = await page.waitForSelector(`[data-testid="${testId}"]`, { timeout: 15_000 });
  const text = await handle?.evaluate((el) => el.textContent ?? '');
  await handle?.dispose();
  return text ?? '';
}

/** Waits until the text of `testId` matches `pattern`. */
async function textMatches(page: Page, testId: string, pattern: RegExp): Promise<void> {
  await page.waitForFunction(
    (id, source) => new RegExp(source).test(document.querySelector(`[data-testid="${id}"]`)?.textContent ?? ''),
    { timeout: 15_000 },
    testId,
    pattern.source,
  );
}

/** Waits until the peer holds `size` statements. */
const statementsReach = (size: number) => peer.waitFor((p) => p.statements.size === size, 30_000);

describe('delivery to the agency LRS (Firefox ESR)', () => {
  it('60 lessons and reviews over four days arrive once, valid, through outages and a stopped background; 401; pause', async () => {
    if (!firefox) throw new Error('Firefox did not start');
    const [day1, day2, day3] = pastWorkingDays(3) as [DayKey, DayKey, DayKey];
    const today = todayInZone();
    const options = await firefox.openExtensionPage('options.html', '[data-testid="lrs-endpoint"]');

    // Day 1. Nothing is queued before an LRS is set up, and nothing of it is sent later.
    await seedCompletions(options, 2, day1, '08:40');
    const beforeSetup = ((await options.evaluate(storeRecords, 'completions')) as RecordedCompletion[]).map(
      (c) => c.id,
    );
    expect(beforeSetup).toHaveLength(2);
    expect(await options.evaluate(storeRecords, 'outbox')).toEqual([]);

    await options.type('[data-testid="lrs-endpoint"]', peer.endpoint);
    await options.type('[data-testid="lrs-key"]', peer.key);
    await options.type('[data-testid="lrs-secret"]', peer.secret);
    await options.click('[data-testid="lrs-save"]');
    expect(await textOf(options, 'lrs-consent-to')).toContain(peer.endpoint);
    expect(peer.received).toBe(0);
    await options.click('[data-testid="lrs-agree"]');
    await options.waitForSelector('[data-testid="lrs-pause"]', { timeout: 15_000 });
    await seedCompletions(options, 15, day1, '10:15');
    await statementsReach(30);

    // Day 2: the LRS is down; day 3: it answers 500. The lessons wait on "Data Anda".
    peer.mode = 'down';
    await seedCompletions(options, 15, day2, '13:20');
    const data = await firefox.openExtensionPage('data.html', '[data-testid="lrs-retry"]');
    await textMatches(data, 'lrs-waiting', /\b30\b/);
    peer.mode = '500';
    const before = peer.posts.length;
    await seedCompletions(options, 15, day3, '09:35');
    await data.click('[data-testid="lrs-send-now"]');
    await peer.waitFor((p) => p.posts.slice(before).some((post) => post.status === 500));
    await textMatches(data, 'lrs-waiting', /\b60\b/);
    expect(peer.statements.size).toBe(30);

    // It is back: what waited arrives.
    peer.mode = 'up';
    await data.click('[data-testid="lrs-send-now"]');
    await statementsReach(90);

    // Today, the LRS is slow: the background goes idle with a batch in flight and Firefox stops it.
    peer.delayMs = 3 * IDLE_MS;
    const received = peer.received;
    await seedCompletions(options, 15, today);
    await peer.waitFor((p) => p.posts.some((post) => post.arrival === received + 1), 4 * IDLE_MS);
    const inFlight = peer.posts.find((p) => p.arrival === received + 1);
    expect(inFlight).toMatchObject({ abandoned: true });
    peer.delayMs = 0;
    // The learner's "Kirim sekarang" wakes it: the cut batch goes again, same ids, then the rest.
    await data.click('[data-testid="lrs-send-now"]');
    await statementsReach(2 * 60);
    const again = peer.posts.filter((p) => p.arrival > received + 1 && p.ids.some((id) => inFlight?.ids.includes(id)));
    expect(again).toHaveLength(1);
    expect(again[0]?.ids).toEqual(inFlight?.ids);

    // Exactly once, each valid and matching its completion; only the cut batch arrived twice.
    expect(peer.repeats).toBe(inFlight?.ids.length);
    expect(peer.posts.filter((p) => p.status === 400 || p.status === 409)).toEqual([]);
    for (const { statement } of peer.statements.values()) expect(validateStatement(statement)).toEqual([]);
    const completions = (await options.evaluate(storeRecords, 'completions')) as RecordedCompletion[];
    const sent = completions.filter((c) => !beforeSetup.includes(c.id));
    expect(sent).toHaveLength(60);
    expect(await statementProblems(sent, peer.statements)).toEqual([]);
    expect(new Set(sent.map((c) => c.day))).toEqual(new Set([day1, day2, day3, today]));
    expect(sent.every((c) => c.utcOffset === 420)).toBe(true);
    expect(sent.filter((c) => c.kind === 'review')).toHaveLength(20);
    for (const c of completions.filter((c) => beforeSetup.includes(c.id)))
      for (const id of await statementIds(c.id)) expect(peer.statements.has(id)).toBe(false);

    // A refused key: said plainly on "Data Anda", nothing stored.
    peer.mode = '401';
    await seedCompletions(options, 1);
    expect(await textOf(data, 'lrs-auth-error')).toContain('401');
    expect(peer.statements.size).toBe(120);

    // Paused: even a forced "send now" sends nothing; unpaused, the waiting statements go.
    peer.mode = 'up';
    await options.click('[data-testid="lrs-pause"]');
    await textMatches(data, 'lrs-status-state', /Dijeda/);
    // Counted on arrival: a POST begun earlier (the cut batch held 9 s) may still be answered and recorded now.
    const arrived = peer.received;
    await seedCompletions(options, 2);
    const reply = await options.evaluate(() =>
      (globalThis as unknown as { browser: RuntimeApi }).browser.runtime.sendMessage({
        langkah: 1,
        type: 'lrsSendNow',
        data: { force: true },
      }),
    );
    expect(reply).toEqual({ ok: true, value: { ran: false, delivered: 0, stopped: null } });
    expect(peer.received).toBe(arrived);
    await options.click('[data-testid="lrs-pause"]');
    // Unpaused, "Data Anda" shows the send button again once it has re-read the state.
    await (await data.waitForSelector('[data-testid="lrs-send-now"]'))?.click();
    await statementsReach(126);
  }, 150_000);
});
