/**
 * Reading the agency policy from managed storage (lib/policy.ts): a slow first
 * read (Chromium after a browser start, measured 2–6 s) reads as "no policy"
 * for now, and the policy reaches the watchers as soon as the browser has it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PolicyRead } from '../../../core/policy';
import {
  keepManagedCopy,
  loadPolicy,
  MANAGED_COPY_KEY,
  MANAGED_READ_TIMEOUT_MS,
  MANAGED_RETRY_MS,
  persistentRead,
  watchPolicy,
} from '../../../lib/policy';

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
    await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS.page);
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

  it('keeps "no policy for now" while the read is late: a page visit reads no storage for it', async () => {
    const slow = slowManagedRead({ agencyName: 'BKD Kota Contoh' });
    const first = loadPolicy();
    await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS.page);
    expect(await first).toMatchObject({ present: false });
    const session = vi.spyOn(browser.storage.session, 'get');
    for (let i = 0; i < 3; i++) expect(await loadPolicy()).toMatchObject({ present: false });
    expect(session).not.toHaveBeenCalled();
    expect(slow.get).toHaveBeenCalledTimes(1);
    // The late answer replaces it.
    slow.answer({ agencyName: 'BKD Kota Contoh' });
    await vi.waitFor(async () => expect((await loadPolicy()).policy.agencyName).toBe('BKD Kota Contoh'));
    expect(slow.get).toHaveBeenCalledTimes(1);
  });

  it('a policy once known is not replaced by "not known yet" (a managed change while the first read is late)', async () => {
    const slow = slowManagedRead({ agencyName: 'BKD Kota Contoh' });
    const seen: PolicyRead[] = [];
    const stop = watchPolicy((read) => seen.push(read));
    const first = loadPolicy();
    await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS.page);
    expect(await first).toMatchObject({ present: false });
    // The background's copy arrives: the page knows the agency.
    await fakeBrowser.storage.session.set({ [MANAGED_COPY_KEY]: { raw: { agencyName: 'BKD Kota Contoh' } } });
    await vi.waitFor(() => expect(seen.at(-1)?.policy.agencyName).toBe('BKD Kota Contoh'));
    // Chromium fires the `managed` change of a policy that just loaded, while this page's first read is still out.
    fakeBrowser.storage.onChanged.trigger({ agencyName: { newValue: 'BKD Kota Contoh' } }, 'managed');
    await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS.page);
    expect((await loadPolicy()).policy.agencyName).toBe('BKD Kota Contoh');
    expect(seen.every((read, i) => i === 0 || read.policy.agencyName === 'BKD Kota Contoh')).toBe(true);
    expect(seen.length).toBeGreaterThan(1);
    slow.answer({ agencyName: 'BKD Kota Contoh' });
    stop();
  });

  it('tells no one when the late read finds no policy', async () => {
    const seen: PolicyRead[] = [];
    const stop = watchPolicy((read) => seen.push(read));
    const slow = slowManagedRead({});
    const first = loadPolicy();
    await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS.page);
    expect(await first).toMatchObject({ present: false });
    slow.answer({});
    await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS.page);
    expect(seen).toEqual([]);
    // The late answer is the answer now: the next read does not go to the browser again.
    expect(await loadPolicy()).toMatchObject({ present: false });
    expect(slow.get).toHaveBeenCalledTimes(1);
    stop();
  });
});

describe('the policy held in memory', () => {
  it('reads managed storage once, then again only after the agency changes it', async () => {
    await fakeBrowser.storage.managed.set({ agencyName: 'BKD Kota Contoh' });
    const get = vi.spyOn(browser.storage.managed, 'get');
    expect((await loadPolicy()).policy.agencyName).toBe('BKD Kota Contoh');
    expect((await loadPolicy()).policy.agencyName).toBe('BKD Kota Contoh');
    expect(get).toHaveBeenCalledTimes(1);

    const seen: PolicyRead[] = [];
    const stop = watchPolicy((read) => seen.push(read));
    await fakeBrowser.storage.managed.set({ agencyName: 'BKD Provinsi Contoh' });
    await vi.waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]?.policy.agencyName).toBe('BKD Provinsi Contoh');
    expect((await loadPolicy()).policy.agencyName).toBe('BKD Provinsi Contoh');
    stop();
  });

  it('starts empty in a new worker (a fresh module) and reads once more', async () => {
    await fakeBrowser.storage.managed.set({ agencyName: 'BKD Kota Contoh' });
    expect((await loadPolicy()).policy.agencyName).toBe('BKD Kota Contoh');
    const get = vi.spyOn(browser.storage.managed, 'get');
    vi.resetModules();
    const restarted = await import('../../../lib/policy');
    expect((await restarted.loadPolicy()).policy.agencyName).toBe('BKD Kota Contoh');
    expect(get).toHaveBeenCalledTimes(1);
    restarted.resetPolicyCache();
  });

  it('is dropped with its change listener (a browser whose listeners were removed)', async () => {
    await fakeBrowser.storage.managed.set({ agencyName: 'BKD Kota Contoh' });
    expect((await loadPolicy()).policy.agencyName).toBe('BKD Kota Contoh');
    fakeBrowser.reset();
    // Without a listener, a cached policy could never learn of this change: it is not trusted.
    await fakeBrowser.storage.managed.set({ agencyName: 'BKD Provinsi Contoh' });
    expect((await loadPolicy()).policy.agencyName).toBe('BKD Provinsi Contoh');
  });
});

describe("the background's session copy", () => {
  /** Another extension page: its own module instance, nothing cached. */
  async function anotherPage() {
    vi.resetModules();
    return import('../../../lib/policy');
  }

  it('lets a page read the policy while managed storage is still loading', async () => {
    await fakeBrowser.storage.managed.set({ agencyName: 'BKD Kota Contoh' });
    const stop = keepManagedCopy();
    await vi.waitFor(async () =>
      expect(await fakeBrowser.storage.session.get(MANAGED_COPY_KEY)).toEqual({
        [MANAGED_COPY_KEY]: { raw: { agencyName: 'BKD Kota Contoh' } },
      }),
    );
    // Chromium after a browser start: the page's own managed read would wait seconds.
    const get = vi.spyOn(browser.storage.managed, 'get').mockImplementation(() => new Promise(() => {}) as never);
    const page = await anotherPage();
    const started = Date.now();
    expect((await page.loadPolicy()).policy.agencyName).toBe('BKD Kota Contoh');
    expect(Date.now() - started).toBeLessThan(MANAGED_READ_TIMEOUT_MS.page);
    expect(get).not.toHaveBeenCalled();
    page.resetPolicyCache();
    stop();
  });

  it('follows a policy change, and a page that saw the change reads the browser, not a copy that may lag', async () => {
    await fakeBrowser.storage.managed.set({ agencyName: 'BKD Kota Contoh' });
    const stop = keepManagedCopy();
    await vi.waitFor(async () => expect(await fakeBrowser.storage.session.get(MANAGED_COPY_KEY)).not.toEqual({}));
    expect((await loadPolicy()).policy.agencyName).toBe('BKD Kota Contoh');
    await fakeBrowser.storage.managed.set({ agencyName: 'BKD Provinsi Contoh' });
    expect((await loadPolicy()).policy.agencyName).toBe('BKD Provinsi Contoh');
    await vi.waitFor(async () =>
      expect(await fakeBrowser.storage.session.get(MANAGED_COPY_KEY)).toEqual({
        [MANAGED_COPY_KEY]: { raw: { agencyName: 'BKD Provinsi Contoh' } },
      }),
    );
    const page = await anotherPage();
    expect((await page.loadPolicy()).policy.agencyName).toBe('BKD Provinsi Contoh');
    page.resetPolicyCache();
    stop();
  });

  it('without a copy (the background has not read yet), a page reads managed storage itself', async () => {
    await fakeBrowser.storage.managed.set({ agencyName: 'BKD Kota Contoh' });
    const get = vi.spyOn(browser.storage.managed, 'get');
    expect((await loadPolicy()).policy.agencyName).toBe('BKD Kota Contoh');
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('a page whose copy was missing goes on after 50 ms and is told when the background writes the copy', async () => {
    vi.useFakeTimers();
    // Chromium after a browser start: every managed read waits, the page's own.
    vi.spyOn(browser.storage.managed, 'get').mockImplementation(() => new Promise(() => {}) as never);
    const page = await anotherPage();
    const seen: PolicyRead[] = [];
    const stop = page.watchPolicy((read) => seen.push(read));
    const first = page.loadPolicy();
    await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS.page);
    expect(await first).toMatchObject({ present: false });
    // The background's read comes back; its copy reaches the page's watchers.
    await fakeBrowser.storage.session.set({ [MANAGED_COPY_KEY]: { raw: { agencyName: 'BKD Kota Contoh' } } });
    await vi.waitFor(() => expect(seen.at(-1)?.policy.agencyName).toBe('BKD Kota Contoh'));
    expect((await page.loadPolicy()).policy.agencyName).toBe('BKD Kota Contoh');
    stop();
    page.resetPolicyCache();
    vi.useRealTimers();
  });

  it('the background waits longer than a page before going on without a policy', async () => {
    vi.useFakeTimers();
    // Every read waits (the background's copy cannot be made either) until the browser has its policies.
    let answer: (value: unknown) => void = () => {};
    const loaded = new Promise((done) => {
      answer = done;
    });
    vi.spyOn(browser.storage.managed, 'get').mockImplementation(() => loaded as never);
    const stop = keepManagedCopy();
    let settled = false;
    const read = loadPolicy().then((r) => {
      settled = true;
      return r;
    });
    await vi.advanceTimersByTimeAsync(MANAGED_READ_TIMEOUT_MS.page);
    expect(settled).toBe(false);
    answer({ agencyName: 'BKD Kota Contoh' });
    expect((await read).policy.agencyName).toBe('BKD Kota Contoh');
    stop();
    vi.useRealTimers();
  });
});

describe('persistentRead (the background asks again while managed storage does not answer)', () => {
  it('asks again every MANAGED_RETRY_MS and takes the first answer, from any of its reads', async () => {
    vi.useFakeTimers();
    const answers: ((v: unknown) => void)[] = [];
    const get = vi.fn(
      () =>
        new Promise<unknown>((done) => {
          answers.push(done);
        }),
    );
    const read = persistentRead(get);
    expect(get).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(MANAGED_RETRY_MS);
    expect(get).toHaveBeenCalledTimes(2);
    answers[1]?.({ agencyName: 'BKD Kota Contoh' });
    expect(await read).toEqual({ agencyName: 'BKD Kota Contoh' });
    // Answered: no more reads.
    await vi.advanceTimersByTimeAsync(MANAGED_RETRY_MS * 3);
    expect(get).toHaveBeenCalledTimes(2);
    vi.useRealTimers();
  });

  it('reads a refusal (Firefox without policies.json) as no policy, at once', async () => {
    expect(await persistentRead(() => Promise.reject(new Error('Managed storage manifest not found')))).toEqual({});
  });
});
