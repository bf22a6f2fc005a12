/**
 * Reading the agency policy from managed storage (lib/policy.ts): a slow first
 * read (Chromium after a browser start, measured 2–6 s) reads as "no policy"
 * for now, and the policy reaches the watchers as soon as the browser has it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PolicyRead } from '../../../core/policy';
import { loadPolicy, MANAGED_READ_TIMEOUT_MS, watchPolicy } from '../../../lib/policy';

/**
 * A first managed-storage read the test answers when it wants, as Chromium does
 * while loading its policies; later reads answer `loaded` at once.
 */
function slowManagedRead(loaded: Record<string, unknown>) {
  let answer: (value: Record<string, unknown>) => void = () => {};
  const pending = new Promise<Record<string, unknown>>((done) => {
    answer = done;
  });
  const get = vi
    .spyOn(browser.storage.managed, 'get')
    .mockResolvedValue(loaded as never)
    .mockImplementationOnce(() => pending as never);
  return { answer, get };
}

describe('reading managed storage', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('returns what the browser holds when it answers in time', async () => {
    await fakeBrowser.storage.managed.set({ agencyName: 'BKD Kota Contoh' });
    const read = await loadPolicy();
    expect(read).toMatchObject({ present: true, policy: { agencyName: 'BKD Kota Contoh' } });
  });

  it('reads a rejected read (Firefox without policies.json) as no policy', async () => {
    vi.spyOn(browser.storage.managed, 'get').mockRejectedValueOnce(new Error('Managed storage manifest not found'));
    expect(await loadPolicy()).toEqual({ policy: {}, problems: [], present: false });
  });

  it('goes on without a policy after the timeout, then tells the watchers when the policy arrives', async () => {
    const seen: PolicyRead[] = [];
    const stop = watchPolicy((read) => seen.push(read));
    const slow = slowManagedRead({ agencyName: 'BKD Kota Contoh' });
    const first = loadPolicy();
    await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS);
    expect(await first).toMatchObject({ present: false });
    // While the browser is still loading, another read does not pile up behind it.
    expect(await loadPolicy()).toMatchObject({ present: false });
    expect(slow.get).toHaveBeenCalledTimes(1);
    expect(seen).toEqual([]);

    // The browser has loaded its policies and fires no onChanged (a restart): later reads answer at once.
    slow.answer({ agencyName: 'BKD Kota Contoh' });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject({ present: true, policy: { agencyName: 'BKD Kota Contoh' } });
    stop();
  });

  it('tells no one when the late read finds no policy', async () => {
    const seen: PolicyRead[] = [];
    const stop = watchPolicy((read) => seen.push(read));
    const slow = slowManagedRead({});
    const first = loadPolicy();
    await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS);
    expect(await first).toMatchObject({ present: false });
    slow.answer({});
    await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS);
    expect(seen).toEqual([]);
    // The next read goes to the browser again.
    expect(await loadPolicy()).toMatchObject({ present: false });
    expect(slow.get).toHaveBeenCalledTimes(2);
    stop();
  });
});
