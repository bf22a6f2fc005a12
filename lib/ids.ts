/**
 * A random 128-bit id as 32 hex characters. Uses `getRandomValues`, which
 * (unlike `randomUUID`) also exists on plain-http pages, where content scripts run too.
 */
export function randomId(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
