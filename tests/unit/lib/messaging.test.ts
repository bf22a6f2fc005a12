import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Handlers, onMessages, sendMessage } from '../../../lib/messaging';

/** Every handler, with the ones a test cares about replaced. */
const handlers = (over: Partial<Handlers>): Handlers => ({
  pageVisited: () => ({ recorded: false, systemId: null, askTip: false }),
  completeLesson: () => ({ recorded: false, day: '2026-11-28' }),
  requestTip: () => ({ offer: null, readTopic: false }),
  readPage: () => ({ offer: null }),
  tipAction: () => ({ done: false }),
  deleteAllData: () => ({ cleared: false }),
  dataImported: () => ({ refreshed: false }),
  tipShown: () => ({ confirmed: false }),
  lrsSendNow: () => ({ ran: false, delivered: 0, stopped: null }),
  ...over,
});

const sender = { url: 'https://siasn-instansi.bkn.go.id/', tab: { id: 7, url: 'https://siasn-instansi.bkn.go.id/' } };
const optionsPage = { id: fakeBrowser.runtime.id, url: `chrome-extension://${fakeBrowser.runtime.id}/options.html` };

/** Makes the fake browser deliver `runtime.sendMessage` as if `from` sent it (it passes `{}` otherwise). */
function sendAs(from: object) {
  return vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation((async (message: unknown) => {
    if (!(fakeBrowser.runtime.onMessage as unknown as { hasListeners(): boolean }).hasListeners())
      throw new Error('No listeners available');
    return (await fakeBrowser.runtime.onMessage.trigger(message, from as never)).find((r: unknown) => !!r);
  }) as never);
}

beforeEach(() => {
  sendAs(sender);
});

describe('typed messaging adapter', () => {
  it('delivers a request and its typed reply (fake browser: promise-returning listener)', async () => {
    const pageVisited = vi.fn(async () => ({ recorded: true, systemId: 'siasn', askTip: false }));
    onMessages(handlers({ pageVisited }));
    await expect(sendMessage('pageVisited', { eventId: 'e1' })).resolves.toEqual({
      recorded: true,
      systemId: 'siasn',
      askTip: false,
    });
    expect(pageVisited).toHaveBeenCalledWith({ eventId: 'e1' }, expect.anything());
  });

  it('answers through sendResponse and keeps the channel open, as real browsers want', async () => {
    let listener: ((m: unknown, s: unknown, r: (v: unknown) => void) => unknown) | undefined;
    vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener').mockImplementation((l) => {
      listener = l as typeof listener;
    });
    onMessages(handlers({ pageVisited: () => ({ recorded: false, systemId: null, askTip: false }) }));
    const sendResponse = vi.fn();
    const kept = listener?.({ langkah: 1, type: 'pageVisited', data: { eventId: 'x' } }, sender, sendResponse);
    expect(kept).toBe(true);
    await vi.waitFor(() =>
      expect(sendResponse).toHaveBeenCalledWith({
        ok: true,
        value: { recorded: false, systemId: null, askTip: false },
      }),
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
          return { recorded: true, systemId: 'srikandi', askTip: false };
        },
      }),
    );
    await expect(sendMessage('pageVisited', { eventId: 'e2' }, { retries: 2, retryDelayMs: 1 })).resolves.toEqual({
      recorded: true,
      systemId: 'srikandi',
      askTip: false,
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
    const send = sendAs(sender);
    await expect(sendMessage('pageVisited', { eventId: 'e4' }, { retries: 1, retryDelayMs: 1 })).rejects.toThrow(
      /No listeners/,
    );
    expect(send).toHaveBeenCalledTimes(2);
  });
});

describe('messages by role', () => {
  const privileged = {
    completeLesson: {
      completionId: 'c'.repeat(32),
      lessonId: 'x',
      kind: 'lesson',
      correct: 1,
      total: 1,
      durationMs: 1,
    },
    deleteAllData: { confirmed: true },
    dataImported: {},
    lrsSendNow: { force: true },
  } as const;

  it.each(Object.entries(privileged))(
    'refuses %s from a content script on a web page, without running it',
    async (type, data) => {
      const handler = vi.fn(() => ({ recorded: true, day: '2026-11-28', cleared: true, refreshed: true }));
      onMessages(handlers({ [type]: handler }));
      const send = sendAs(sender);
      await expect(sendMessage(type as never, data as never, { retries: 2, retryDelayMs: 1 })).rejects.toThrow(
        'forbidden-sender',
      );
      expect(handler).not.toHaveBeenCalled();
      expect(send).toHaveBeenCalledTimes(1); // not retried
    },
  );

  it.each(Object.entries(privileged))('accepts %s from an extension page', async (type, data) => {
    const handler = vi.fn(() => ({ recorded: true, day: '2026-11-28', cleared: true, refreshed: true }));
    onMessages(handlers({ [type]: handler }));
    sendAs(optionsPage);
    await sendMessage(type as never, data as never);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('refuses a content-script message from an extension page or an unknown sender', async () => {
    const requestTip = vi.fn(() => ({ offer: null, readTopic: false }));
    onMessages(handlers({ requestTip }));
    for (const from of [optionsPage, {}]) {
      sendAs(from);
      await expect(sendMessage('requestTip', { elements: [], articleLike: false }, { retries: 0 })).rejects.toThrow(
        'forbidden-sender',
      );
    }
    expect(requestTip).not.toHaveBeenCalled();
  });

  it('a web page in a tab is never an extension page, even when it claims an extension URL in its frame', async () => {
    const deleteAllData = vi.fn(() => ({ cleared: true }));
    onMessages(handlers({ deleteAllData }));
    sendAs({
      url: 'https://evil.example/',
      tab: { id: 3, url: `chrome-extension://${fakeBrowser.runtime.id}/x.html` },
    });
    await expect(sendMessage('deleteAllData', { confirmed: true }, { retries: 0 })).rejects.toThrow('forbidden-sender');
    expect(deleteAllData).not.toHaveBeenCalled();
  });
});
