import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleInstalled, setupWelcome, WELCOME_PATH } from '../../../../entrypoints/background/welcome';

const welcomeTabs = async () =>
  (await fakeBrowser.tabs.query({})).filter((tab) => tab.url?.endsWith(WELCOME_PATH)).length;

beforeEach(() => {
  fakeBrowser.reset();
});

describe('the welcome page on runtime.onInstalled', () => {
  it('opens once on a fresh install', async () => {
    expect(await handleInstalled({ reason: 'install' })).toBe(true);
    expect(await welcomeTabs()).toBe(1);
  });

  it.each(['update', 'browser_update', 'chrome_update', 'shared_module_update'])(
    'does not open on %s',
    async (reason) => {
      expect(await handleInstalled({ reason })).toBe(false);
      expect(await welcomeTabs()).toBe(0);
    },
  );

  it('the registered listener opens it on install and not on a later update', async () => {
    setupWelcome();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install', temporary: false });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0', temporary: false });
    await expect.poll(welcomeTabs).toBe(1);
  });
});
