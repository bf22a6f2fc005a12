/**
 * Delivery to the agency's LRS (issue 17) in Firefox ESR, against the
 * test-only loopback LRS double (tests/lrs-peer.ts): the learner sets the LRS
 * up and agrees in options (Firefox's prompt for optional permissions is
 * switched off, so the click grants the LRS host as accepting the prompt
 * does); lessons recorded while the LRS is down wait, and reach it once it is
 * back — each statement exactly once, each valid. A 401 is shown on "Data
 * Anda". The outage-and-stopped-worker run is tests/e2e/lrs.spec.ts
 * (Chromium; Firefox's background is an event page, not stoppable from here).
 *
 * Completions are recorded through the extension's own message path
 * (`completeLesson`, what the lesson page sends).
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LrsPeer, startLrsPeer, validateStatement } from '../lrs-peer';
import { type FirefoxSession, launchFirefox } from './harness';

const LESSONS = readdirSync(resolve(import.meta.dirname, '../../lessons'))
  .filter((f) => f.endsWith('.md') && f !== 'README.md')
  .map((f) => f.replace(/\.md$/, ''));

let firefox: FirefoxSession | undefined;
let peer: LrsPeer;

beforeAll(async () => {
  peer = await startLrsPeer();
  firefox = await launchFirefox({ prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
}, 60_000);

afterAll(async () => {
  await firefox?.close();
  await peer?.stop();
});

let seeded = 0;
/** Records `count` completions through the extension's message path, as the lesson page does. */
async function seedCompletions(page: Page, count: number): Promise<void> {
  const requests = Array.from({ length: count }, () => {
    const i = seeded++;
    return {
      completionId: (0x20_0000 + i).toString(16).padStart(32, 'f'),
      lessonId: LESSONS[i % LESSONS.length] as string,
      kind: i % 3 === 2 ? 'review' : 'lesson',
      correct: i % 4,
      total: 3,
      durationMs: 60_000 + i * 1000,
    };
  });
  const replies = await page.evaluate(async (reqs) => {
    const api = (globalThis as unknown as { browser: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .browser;
    const out: unknown[] = [];
    for (const data of reqs) out.push(await api.runtime.sendMessage({ langkah: 1, type: 'completeLesson', data }));
    return out;
  }, requests);
  for (const reply of replies) expect(reply).toMatchObject({ ok: true, value: { recorded: true } });
}

/** The text of the first element with this test id, once it is there. */
async function textOf(page: Page, testId: string): Promise<string> {
  const handle = await page.waitForSelector(`[data-testid="${testId}"]`, { timeout: 15_000 });
  const text = await handle?.evaluate((el) => el.textContent ?? '');
  await handle?.dispose();
  return text ?? '';
}

/** Waits until the peer holds `size` statements. */
const statementsReach = (size: number) => peer.waitFor((p) => p.statements.size === size, 30_000);

describe('delivery to the agency LRS (Firefox ESR)', () => {
  it('set up and agreed in options; what waited through an outage arrives once, valid; a 401 is shown', async () => {
    if (!firefox) throw new Error('Firefox did not start');
    const options = await firefox.openExtensionPage('options.html', '[data-testid="lrs-endpoint"]');
    await options.type('[data-testid="lrs-endpoint"]', peer.endpoint);
    await options.type('[data-testid="lrs-key"]', peer.key);
    await options.type('[data-testid="lrs-secret"]', peer.secret);
    await options.click('[data-testid="lrs-save"]');
    expect(await textOf(options, 'lrs-consent-to')).toContain(peer.endpoint);
    expect(peer.received).toBe(0);

    await options.click('[data-testid="lrs-agree"]');
    await options.waitForSelector('[data-testid="lrs-pause"]', { timeout: 15_000 });
    await seedCompletions(options, 5);
    await statementsReach(10);

    // The LRS goes down: the next lessons wait on "Data Anda", then arrive when it is back.
    peer.mode = 'down';
    await seedCompletions(options, 5);
    const data = await firefox.openExtensionPage('data.html', '[data-testid="lrs-retry"]');
    await data.waitForFunction(
      () => /\b10\b/.test(document.querySelector('[data-testid="lrs-waiting"]')?.textContent ?? ''),
      { timeout: 15_000 },
    );
    expect(peer.statements.size).toBe(10);
    peer.mode = 'up';
    await data.click('[data-testid="lrs-send-now"]');
    await statementsReach(20);

    // Exactly once, each valid: no statement arrived twice, none was refused.
    expect(peer.repeats).toBe(0);
    expect(peer.posts.filter((p) => p.status === 400 || p.status === 409)).toEqual([]);
    for (const { statement } of peer.statements.values()) expect(validateStatement(statement)).toEqual([]);

    // A refused key: said plainly on "Data Anda", nothing stored.
    peer.mode = '401';
    await seedCompletions(options, 1);
    expect(await textOf(data, 'lrs-auth-error')).toContain('401');
    expect(peer.statements.size).toBe(20);
  }, 150_000);
});
