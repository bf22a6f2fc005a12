/**
 * The one adapter between the typed protocol (core/protocol.ts) and
 * `runtime.sendMessage` / `runtime.onMessage`. Differences between browsers and
 * WXT's fake browser (Promise vs `sendResponse`) are handled here and nowhere else;
 * the sending loop itself is lib/send.ts (the content script uses it without `wxt/browser`).
 */
import { type Browser, browser } from 'wxt/browser';
import {
  type Envelope,
  MESSAGE_SENDERS,
  type MessageType,
  type Reply,
  type RequestOf,
  type ResponseOf,
  senderRole,
} from '../core/protocol';
import { createSender, FORBIDDEN, type MessageRuntime } from './send';

export { FORBIDDEN, MessageError, type SendOptions } from './send';

export type Handler<K extends MessageType> = (
  data: RequestOf<K>,
  sender: Browser.runtime.MessageSender,
) => ResponseOf<K> | Promise<ResponseOf<K>>;

export type Handlers = { [K in MessageType]: Handler<K> };

function isEnvelope(value: unknown): value is Envelope {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { langkah?: unknown }).langkah === 1 &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}

/**
 * Answers protocol messages in the background. Unknown or malformed messages
 * are ignored (another listener may own them); a message from a sender whose
 * role may not send it (a content script asking to delete all data) answers
 * `{ ok: false, error: 'forbidden-sender' }` without reaching its handler; a
 * handler that throws answers `{ ok: false }` so the sender knows the work did
 * not happen.
 */
export function onMessages(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse?: (r: unknown) => void) => {
    if (!isEnvelope(message) || !Object.hasOwn(handlers, message.type)) return undefined;
    const handler = handlers[message.type] as Handler<MessageType>;
    const allowed = senderRole(sender ?? {}, browser.runtime.getURL('/')) === MESSAGE_SENDERS[message.type];
    const reply: Promise<Reply<unknown>> = (async () => {
      if (!allowed) return { ok: false, error: FORBIDDEN } as const;
      try {
        return { ok: true, value: await handler(message.data as never, sender) } as const;
      } catch (error) {
        console.error(`[langkah] ${message.type} failed`, error);
        return { ok: false, error: error instanceof Error ? error.message : String(error) } as const;
      }
    })();
    if (typeof sendResponse === 'function') {
      void reply.then(sendResponse);
      return true; // keeps the channel open in every browser
    }
    return reply; // WXT's fake browser awaits the returned promise
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/**
 * Sends one protocol message and resolves with the handler's value. When the
 * background is not there (a stopped service worker that did not wake in time)
 * or reports a failure, it retries; only then does it reject.
 */
export const sendMessage = createSender(() => browser.runtime as MessageRuntime);
