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

// Unit tests take the tips and the lesson index from the build's virtual modules; the background reads the
// same data from its package (tips.json, lesson-index.json).
vi.mock('../../entrypoints/background/package-data', async () => {
  const { default: tips } = await import('virtual:langkah/tips');
  const { default: lessonIndex } = await import('virtual:langkah/lesson-index');
  const byId = new Map(lessonIndex.map((l) => [l.id, l]));
  return {
    TIPS_FILE: 'tips.json',
    LESSON_INDEX_FILE: 'lesson-index.json',
    loadTips: async () => tips,
    loadLessonIndex: async () => lessonIndex,
    loadLessonsById: async () => byId,
  };
});

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
