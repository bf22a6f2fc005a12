/**
 * What the background holds in memory for page visits (entrypoints/background/memory.ts):
 * one storage read per worker start, kept current by storage changes.
 */
import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { visitSettings } from '../../../../entrypoints/background/memory';
import { paused, tipCaps } from '../../../../lib/settings';

describe('settings held in memory', () => {
  it('reads storage once, then answers from memory', async () => {
    await paused.setValue(true);
    const get = vi.spyOn(browser.storage.local, 'get');
    expect(await visitSettings.paused()).toBe(true);
    expect(await visitSettings.paused()).toBe(true);
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('follows a change made anywhere (options, popup), and a removed key reads as its fallback', async () => {
    expect(await visitSettings.paused()).toBe(false);
    await paused.setValue(true);
    await vi.waitFor(async () => expect(await visitSettings.paused()).toBe(true));
    await fakeBrowser.storage.local.remove('paused');
    await vi.waitFor(async () => expect(await visitSettings.paused()).toBe(false));
  });

  it("keeps the learner's caps as a raw choice: null until they choose", async () => {
    expect(await visitSettings.capsChoice()).toBeNull();
    const mine = { enabled: false, perSystemPerDay: 1, perDay: 2, minMinutesBetween: 60, quietHours: null };
    await tipCaps.setValue(mine);
    await vi.waitFor(async () => expect(await visitSettings.capsChoice()).toEqual(mine));
  });

  it('is empty in a new worker (a fresh module), which reads storage once more', async () => {
    expect(await visitSettings.paused()).toBe(false);
    await fakeBrowser.storage.local.set({ paused: true });
    vi.resetModules();
    const restarted = await import('../../../../entrypoints/background/memory');
    expect(await restarted.visitSettings.paused()).toBe(true);
    restarted.resetMemory();
  });

  it('is dropped with its change listener (a browser whose listeners were removed)', async () => {
    expect(await visitSettings.paused()).toBe(false);
    fakeBrowser.reset();
    // No listener would tell the memory of this write: it must not answer from what it held.
    await fakeBrowser.storage.local.set({ paused: true });
    expect(await visitSettings.paused()).toBe(true);
  });
});
