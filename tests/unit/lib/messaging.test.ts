import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Handlers, onMessages, sendMessage } from '../../../lib/messaging';

/** Every handler, with the ones a test cares about replaced. */
const handlers = (over: Partial<Handlers>): Handlers => ({
  pageVisited: () => ({ recorded: false, systemId: null }),
  completeLesson: () => ({ recorded: false, day: '2026-11-28' }),
  requestTip: () => ({ offer: null, readTopic: false }),
  readPage: () => ({ offer: null }),
  tipAction: () => ({ done: false }),
  deleteAllData: () => ({ cleared: false }),
  dataImported: () => ({ refreshed: false }),
  ...over,
});

const sender = { url: 'https://siasn-instansi.bkn.go.id/' };

describe('typed messaging adapter', () => {
  it('delivers a request and its typed reply (fake browser: promise-returning listener)', async () => {
    const pageVisited = vi.fn(async () => ({ recorded: true, systemId: 'siasn' }));
    onMessages(handlers({ pageVisited }));
    await expect(sendMessage('pageVisited', { eventId: 'e1' })).resolves.toEqual({ recorded: true, systemId: 'siasn' });
    expect(pageVisited).toHaveBeenCalledWith({ eventId: 'e1' }, expect.anything());
  });

  it('answers through sendResponse and keeps the channel open, as real browsers want', async () => {
    let listener: ((m: unknown, s: unknown, r: (v: unknown) => void) => unknown) | undefined;
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => {
      listener = l as typeof listener;
    });
    onMessages(handlers({ pageVisited: () => ({ recorded: false, systemId: null }) }));
    const sendResponse = vi.fn();
    const kept = listener?.({ langkah: 1, type: 'pageVisited', data: { eventId: 'x' } }, sender, sendResponse);
    expect(kept).toBe(true);
    await vi.waitFor(() =>
      expect(sendResponse).toHaveBeenCalledWith({ ok: true, value: { recorded: false, systemId: null } }),
    );
  });

  it('ignores messages that are not ours, including hostile look-alikes', async () => {
    let listener: ((m: unknown, s: unknown, r?: (v: unknown) => void) => unknown) | undefined;
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => {
      listener = l as typeof listener;
    });
    const pageVisited = vi.fn();
    onMessages(handlers({ pageVisited }));
    for (const message of [
      null,
      'pageVisited',
      { type: 'pageVisited' },
      { langkah: 2, type: 'pageVisited' },
      { langkah: 1, type: '__proto__' },
      { langkah: 1, type: 'toString' },
      { langkah: 1, type: 'constructor' },
    ]) {
      expect(listener?.(message, sender)).toBeUndefined();
    }
    expect(pageVisited).not.toHaveBeenCalled();
  });

  it('retries when the handler failed, and succeeds once it can', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let calls = 0;
    onMessages(
      handlers({
        pageVisited: () => {
          calls++;
          if (calls < 3) throw new Error('database busy');
          return { recorded: true, systemId: 'srikandi' };
        },
      }),
    );
    await expect(sendMessage('pageVisited', { eventId: 'e2' }, { retries: 2, retryDelayMs: 1 })).resolves.toEqual({
      recorded: true,
      systemId: 'srikandi',
    });
    expect(calls).toBe(3);
    expect(logged).toHaveBeenCalledTimes(2);
  });

  it('rejects with the last error when every attempt fails', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    onMessages(
      handlers({
        pageVisited: () => {
          throw new Error('database busy');
        },
      }),
    );
    await expect(sendMessage('pageVisited', { eventId: 'e3' }, { retries: 1, retryDelayMs: 1 })).rejects.toThrow(
      'pageVisited: database busy',
    );
  });

  it('retries when no background is listening yet (a stopped service worker)', async () => {
    const send = vi.spyOn(fakeBrowser.runtime, 'sendMessage');
    await expect(sendMessage('pageVisited', { eventId: 'e4' }, { retries: 1, retryDelayMs: 1 })).rejects.toThrow(
      /No listeners/,
    );
    expect(send).toHaveBeenCalledTimes(2);
  });
});
