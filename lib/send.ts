/**
 * Sending one protocol message (core/protocol.ts), given the extension
 * runtime to send it through. Kept apart from lib/messaging.ts, which reads
 * `wxt/browser` when it loads: the content script passes a runtime it reads
 * only when it sends, so a page pays for the extension API's bindings after
 * it has loaded, not while it loads.
 */
import {
  type Envelope,
  FORBIDDEN,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
} from '../core/protocol';

export { FORBIDDEN };

export class MessageError extends Error {
  override name = 'MessageError';
}

export interface SendOptions {
  /** Extra attempts when the background did not answer or could not finish. */
  retries?: number;
  /** Delay before the first retry; doubles each time. */
  retryDelayMs?: number;
}

/** What sending needs of `runtime`: Chromium's and Firefox's `runtime.sendMessage` both return a promise. */
export interface MessageRuntime {
  sendMessage(message: unknown): Promise<unknown>;
}

/**
 * A typed `sendMessage` over the runtime `runtime()` returns (read at each
 * send). It resolves with the handler's value. When the background is not
 * there (a stopped service worker that did not wake in time) or reports a
 * failure, it retries; only then does it reject.
 */
export function createSender(runtime: () => MessageRuntime) {
  return async function sendMessage<K extends MessageType>(
    type: K,
    data: RequestOf<K>,
    { retries = 2, retryDelayMs = 150 }: SendOptions = {},
  ): Promise<ResponseOf<K>> {
    const envelope: Envelope<K> = { langkah: 1, type, data };
    let lastError = 'no reply';
    for (let attempt = 0; attempt <= retries; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, retryDelayMs * 2 ** (attempt - 1)));
      try {
        const reply = (await runtime().sendMessage(envelope)) as Reply<ResponseOf<K>> | undefined;
        if (reply?.ok) return reply.value;
        lastError = reply ? reply.error : 'no reply';
        if (lastError === FORBIDDEN) break; // asking again will not change who is asking
      } catch (error) {
        lastError = error instanceof Error ? error.message : String(error);
      }
    }
    throw new MessageError(`${type}: ${lastError}`);
  };
}
