import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Messages, setMessageLoader } from '../../lib/i18n';

// Unit tests read the locale files from disk; the extension fetches them from its package.
setMessageLoader(
  async (locale) =>
    JSON.parse(readFileSync(resolve(__dirname, '../../public/_locales', locale, 'messages.json'), 'utf8')) as Messages,
);

beforeEach(async () => {
  fakeBrowser.reset();
  // Module-level caches outlive the browser reset: each test starts as a fresh worker would. Imported
  // here, not at the top: the storage items they hold must be made after WXT's test browser exists.
  const [{ resetPolicyCache }, { resetMemory }] = await Promise.all([
    import('../../lib/policy'),
    import('../../entrypoints/background/memory'),
  ]);
  resetPolicyCache();
  resetMemory();
});
