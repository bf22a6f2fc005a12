/**
 * A lesson's cards and quiz, loaded when the lesson page plays it. The build
 * writes one checked file per lesson (`lesson-data/<id>.json`, from the same
 * `lessons/*.md` compile that makes the bundled index), so the page loads only
 * the lesson it shows, not all of them. The file is part of the extension:
 * nothing is fetched from the network.
 */
import { LESSON_DATA_DIR, type Lesson } from '../core/lesson';

const cache = new Map<string, Promise<Lesson>>();

/** Lesson `id` as the build wrote it; rejects when the extension has no such file. */
export function loadLessonContent(id: string): Promise<Lesson> {
  let lesson = cache.get(id);
  if (!lesson) {
    lesson = fetch(`/${LESSON_DATA_DIR}/${encodeURIComponent(id)}.json`).then(async (response) => {
      if (!response.ok) throw new Error(`lesson ${id}: HTTP ${response.status}`);
      return (await response.json()) as Lesson;
    });
    lesson.catch(() => cache.delete(id));
    cache.set(id, lesson);
  }
  return lesson;
}
