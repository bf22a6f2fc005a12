/**
 * Content the background reads from the extension's own files the first time
 * it needs it, rather than bundled into background.js: the tips
 * (data/tips/*.yaml) and the lesson index (lessons/*.md without the bodies),
 * both checked at build time and written into the package by the build
 * (wxt.config.ts). Every start of the service worker would otherwise load
 * them; most starts (an alarm, a message from the popup) never use them. A
 * file of the package, never the network.
 */
import type { LessonMeta } from '../../core/lesson';
import type { Tip } from '../../core/tips';

/** Where the build writes the tips and the lesson index, at the root of the extension. */
export const TIPS_FILE = 'tips.json';
export const LESSON_INDEX_FILE = 'lesson-index.json';

/** One file of the package as JSON, read once per start of the background; a failed read is tried again next time. */
function packageJson<T>(file: string): () => Promise<T> {
  let read: Promise<T> | undefined;
  return () => {
    read ??= fetch(`/${file}`).then(async (response) => {
      if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
      return (await response.json()) as T;
    });
    read.catch(() => {
      read = undefined;
    });
    return read;
  };
}

/** Every tip. */
export const loadTips = packageJson<Tip[]>(TIPS_FILE);

/** Every lesson's metadata, sorted by id. */
export const loadLessonIndex = packageJson<LessonMeta[]>(LESSON_INDEX_FILE);

let byId: Promise<ReadonlyMap<string, LessonMeta>> | undefined;

/** The lesson index by lesson id. */
export function loadLessonsById(): Promise<ReadonlyMap<string, LessonMeta>> {
  byId ??= loadLessonIndex().then((index) => new Map(index.map((l) => [l.id, l])));
  byId.catch(() => {
    byId = undefined;
  });
  return byId;
}
