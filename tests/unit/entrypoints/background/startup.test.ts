import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runOncePerSession, setupStartup, startedThisSession } from '../../../../entrypoints/background/startup';

describe('background start-up', () => {
  it('runs the start-up work once per browser session, not at every wake of the worker', async () => {
    const work = vi.fn(async () => undefined);
    expect(await runOncePerSession(work, () => 1)).toBe(true);
    // The worker stops and wakes again for a message, an alarm, a tab…
    expect(await runOncePerSession(work, () => 2)).toBe(false);
    expect(await runOncePerSession(work, () => 3)).toBe(false);
    expect(work).toHaveBeenCalledTimes(1);
    expect(await startedThisSession.getValue()).toBe(1);
  });

  it('runs once when several wake-up reasons arrive together', async () => {
    const work = vi.fn(async () => undefined);
    await Promise.all([runOncePerSession(work), runOncePerSession(work), runOncePerSession(work)]);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('runs again in a new browser session (session storage is empty after a restart or an update)', async () => {
    const work = vi.fn(async () => undefined);
    await runOncePerSession(work);
    await fakeBrowser.storage.session.clear();
    await runOncePerSession(work);
    expect(work).toHaveBeenCalledTimes(2);
  });

  it('a worker stopped half-way through runs the work again at its next wake', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const work = vi.fn().mockRejectedValueOnce(new Error('stopped')).mockResolvedValue(undefined);
    await expect(runOncePerSession(work)).rejects.toThrow('stopped');
    expect(await runOncePerSession(work)).toBe(true);
  });

  it('listens to browser start and install, so the worker is woken for them', async () => {
    const work = vi.fn(async () => undefined);
    setupStartup(work);
    await vi.waitFor(() => expect(work).toHaveBeenCalledTimes(1));
    await fakeBrowser.storage.session.clear();
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(() => expect(work).toHaveBeenCalledTimes(2));
  });
});
