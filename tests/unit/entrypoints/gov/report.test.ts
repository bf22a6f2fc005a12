/**
 * The content script's one message (entrypoints/gov/report.ts): the visit,
 * sent once the page is idle, again after a lost or failed reply, never after
 * a refusal, and never more than REPORT_RETRIES times more.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Envelope, Reply } from '../../../../core/protocol';
import { FORBIDDEN } from '../../../../core/protocol';
import { REPORT_RETRIES, REPORT_RETRY_MS, type ReportRuntime, reportVisit } from '../../../../entrypoints/gov/report';

const ID = 'ab'.repeat(16);

/** A runtime whose replies come from `answer` (one call per send), and what it was sent. */
function runtime(answer: (n: number) => Promise<Reply<unknown> | undefined>) {
  const sent: Envelope<'pageVisited'>[] = [];
  const api: ReportRuntime = {
    sendMessage: (message) => {
      sent.push(message);
      return answer(sent.length);
    },
  };
  return { api, sent };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('reportVisit', () => {
  it('sends one pageVisited envelope with the event id and nothing of the page', async () => {
    const r = runtime(async () => ({ ok: true, value: { recorded: true, systemId: 'siasn', askTip: false } }));
    reportVisit(() => r.api, ID);
    await vi.runAllTimersAsync();
    expect(r.sent).toEqual([{ langkah: 1, type: 'pageVisited', data: { eventId: ID } }]);
  });

  it('sends again, with the same id, after a lost reply or a failure, then succeeds', async () => {
    const r = runtime(async (n) => {
      if (n === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
      if (n === 2) return { ok: false, error: 'database busy' };
      return { ok: true, value: {} };
    });
    reportVisit(() => r.api, ID);
    await vi.advanceTimersByTimeAsync(REPORT_RETRY_MS - 1);
    expect(r.sent).toHaveLength(1);
    await vi.runAllTimersAsync();
    expect(r.sent).toHaveLength(3);
    expect(new Set(r.sent.map((m) => m.data.eventId))).toEqual(new Set([ID]));
  });

  it('gives up after REPORT_RETRIES more attempts, and never retries a refusal', async () => {
    const failing = runtime(async () => undefined);
    reportVisit(() => failing.api, ID);
    await vi.runAllTimersAsync();
    expect(failing.sent).toHaveLength(1 + REPORT_RETRIES);

    const refused = runtime(async () => ({ ok: false, error: FORBIDDEN }));
    reportVisit(() => refused.api, ID);
    await vi.runAllTimersAsync();
    expect(refused.sent).toHaveLength(1);
  });

  it('does nothing, and throws nothing, once the extension is gone from under the page', async () => {
    expect(() => reportVisit(() => undefined, ID)).not.toThrow();
    const throwing: ReportRuntime = {
      sendMessage: () => {
        throw new Error('Extension context invalidated.');
      },
    };
    expect(() => reportVisit(() => throwing, ID)).not.toThrow();
    await vi.runAllTimersAsync();
  });
});
