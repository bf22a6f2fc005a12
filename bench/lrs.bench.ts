/**
 * Draining 10,000 queued xAPI statements (5,000 completions: months of backlog
 * from a learner offline) to the test-only loopback LRS double
 * (tests/lrs-peer.ts), in the built extension in headless Chromium. The
 * outbox is written into the extension's own IndexedDB in the shape the
 * background writes (lib/db.ts `OutboxEntry`, statements from core/xapi.ts);
 * the clock starts when the learner's consent is stored (the background then
 * drains on its own) and stops when the LRS holds every statement.
 *
 * Also printed: the background service worker's peak JS heap during the
 * drain, sampled every 100 ms (DevTools protocol `Runtime.getHeapUsage` on the worker's target).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { completionStatements } from '../core/xapi';
import type { OutboxEntry } from '../lib/db';
import { startLrsPeer } from '../tests/lrs-peer';
import { CHROME_BUILD, chromiumArgs, findChromium, requireBuild } from '../tests/support/browsers';
import type { Measurement } from './types';

const STATEMENTS = 10_000;
/** About 200 POSTs; each batch is three durable IndexedDB writes (sending, delivered, state) and a round trip. */
const GOAL_S = 120;
const MB = 1024 * 1024;

async function backlog(): Promise<OutboxEntry[]> {
  const rows: OutboxEntry[] = [];
  const start = Date.parse('2026-06-01T08:00:00+07:00');
  for (let i = 0; i < STATEMENTS / 2; i++) {
    const completion = {
      id: i.toString(16).padStart(32, '0'),
      lessonId: 'kata-sandi-kuat',
      kind: i % 2 ? ('review' as const) : ('lesson' as const),
      completedAt: start + i * 3_600_000,
      utcOffset: 420,
      correct: i % 4,
      total: 3,
      durationMs: 90_000,
    };
    const statements = await completionStatements(completion, {
      actorName: 'c'.repeat(32),
      lessonText: () => ({ name: { 'id-ID': 'Kata sandi kuat' }, description: { 'id-ID': 'Contoh' } }),
    });
    for (const [k, statement] of statements.entries()) {
      rows.push({
        id: statement.id,
        seq: completion.completedAt * 10 + k,
        state: 'waiting',
        statement,
        enqueuedAt: completion.completedAt,
        verb: k === 0 ? 'completed' : statement.verb.id.endsWith('passed') ? 'passed' : 'failed',
        lessonId: completion.lessonId,
      });
    }
  }
  return rows;
}

export const measurements: Measurement[] = [
  {
    name: 'lrs: drain 10,000 queued statements to a loopback LRS',
    goal: `< ${GOAL_S} s`,
    needsBuild: true,
    needsBrowser: true,
    async run() {
      const peer = await startLrsPeer();
      const extensionDir = requireBuild(CHROME_BUILD);
      const userDataDir = mkdtempSync(join(tmpdir(), 'langkah-bench-lrs-'));
      const context = await chromium.launchPersistentContext(userDataDir, {
        executablePath: findChromium(),
        headless: true,
        args: chromiumArgs(extensionDir),
      });
      try {
        const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
        const page = await context.newPage();
        await page.goto(`chrome-extension://${new URL(worker.url()).host}/data.html`);
        await page.getByTestId('data-count-completions').filter({ hasText: '0' }).waitFor();
        const rows = await backlog();
        await page.evaluate(async (all) => {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open('langkah');
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          await new Promise<void>((resolve, reject) => {
            const tx = db.transaction('outbox', 'readwrite');
            for (const row of all) tx.objectStore('outbox').put(row);
            tx.oncomplete = () => resolve();
            tx.onerror = () => reject(tx.error);
          });
          db.close();
        }, rows);
        const endpoint = peer.endpoint;
        await page.evaluate(
          ([endpoint, key, secret]) => chrome.storage.local.set({ lrsLearner: { endpoint, key, secret } }),
          [endpoint, peer.key, peer.secret],
        );
        // The worker's heap through the DevTools protocol: attach to its target from the page's session.
        const cdp = await context.newCDPSession(page);
        const { targetInfos } = await cdp.send('Target.getTargets');
        const target = targetInfos.find((t) => t.type === 'service_worker' && t.url === worker.url());
        const replies = new Map<number, (result: { usedSize?: number }) => void>();
        cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
          const m = JSON.parse(message) as { id?: number; result?: { usedSize?: number } };
          if (m.id !== undefined) replies.get(m.id)?.(m.result ?? {});
        });
        const sessionId = target
          ? (await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false })).sessionId
          : null;
        let calls = 0;
        const heapUsed = (): Promise<number> =>
          sessionId === null
            ? Promise.resolve(0)
            : new Promise((resolve) => {
                const id = ++calls;
                replies.set(id, (r) => resolve(r.usedSize ?? 0));
                void cdp
                  .send('Target.sendMessageToTarget', {
                    sessionId,
                    message: JSON.stringify({ id, method: 'Runtime.getHeapUsage' }),
                  })
                  .catch(() => resolve(0));
                setTimeout(() => resolve(0), 1000);
              });
        let peak = 0;
        let sampling = true;
        const sampler = (async () => {
          while (sampling) {
            peak = Math.max(peak, await heapUsed());
            await new Promise((r) => setTimeout(r, 100));
          }
        })();
        const started = performance.now();
        // Consent (what the options page stores on "Setuju dan kirim"): the background drains on its own.
        await page.evaluate(
          ([endpoint, key]) => chrome.storage.local.set({ lrsConsent: { endpoint, key, at: Date.now() } }),
          [endpoint, peer.key],
        );
        // No extension page stays open: its live queries would compete for the database.
        await page.goto('about:blank');
        await peer.waitFor((p) => p.statements.size === STATEMENTS, 300_000);
        const seconds = (performance.now() - started) / 1000;
        sampling = false;
        await sampler;
        return {
          value: seconds,
          unit: 's',
          pass: seconds < GOAL_S && peer.repeats === 0,
          detail: `${peer.posts.length} POSTs of ≤ 50, ${peer.repeats} repeats; background peak JS heap ${
            peak ? `${(peak / MB).toFixed(1)} MB` : 'n/a'
          }`,
        };
      } finally {
        await context.close();
        rmSync(userDataDir, { recursive: true, force: true });
        await peer.stop();
      }
    },
  },
];
