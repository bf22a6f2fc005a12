/**
 * A random 128-bit id as 32 hex characters. Uses `getRandomValues`, which
 * (unlike `randomUUID`) also exists on plain-http pages, where content scripts run too.
 */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A 128-bit id as 32 hex characters (the format of `randomId`) from
 * `Math.random`: for an id that need only not repeat, never one that must not
 * be guessed. The content script's page-visit id is one: it only makes a
 * retried report count once, and a page cannot send as the content script.
 * Touching `crypto` on a page costs the content script the object's bindings
 * (about 0.2 ms of its own cost, `npm run bench -- "content script"`);
 * `Math.random` is the engine's own.
 */
export function eventId(): string {
  let id = '';
  for (let i = 0; i < 4; i++) id += ((Math.random() * 2 ** 32) >>> 0).toString(16).padStart(8, '0');
  return id;
}
