import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Messages, setMessageLoader } from '../../lib/i18n';

// Unit tests read the locale files from disk; the extension fetches them from its package.
setMessageLoader(
  async (locale) =>
    JSON.parse(readFileSync(resolve(__dirname, '../../public/_locales', locale, 'messages.json'), 'utf8')) as Messages,
);

// Unit tests take the tips from the build's virtual module; the background reads the same data from its package (tips.json).
vi.mock('../../entrypoints/background/tip-data', async () => {
  const { default: tips } = await import('virtual:langkah/tips');
  return { TIPS_FILE: 'tips.json', loadTips: async () => tips };
});

beforeEach(() => {
  fakeBrowser.reset();
});
