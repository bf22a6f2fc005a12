/**
 * Assertions the journeys use, the same in both runners: vitest's and
 * Playwright's `expect` differ, node's `assert` works in both, and
 * `eventually` polls a reading until it matches (the way both `expect.poll`s do).
 */
import assert from 'node:assert/strict';

export { assert };

const POLL_MS = 100;

/**
 * Reads `read()` until it deep-equals `expected`, or throws an AssertionError
 * that names `what`, the expected value and the last value read.
 */
export async function eventually<T>(what: string, read: () => Promise<T>, expected: T, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      lastError = undefined;
      assert.deepEqual(last, expected);
      return;
    } catch (error) {
      if (!(error instanceof assert.AssertionError)) lastError = error;
      if (Date.now() > deadline) break;
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  if (lastError) throw lastError;
  assert.deepEqual(last, expected, `${what}: expected ${JSON.stringify(expected)}, still ${JSON.stringify(last)}`);
}
