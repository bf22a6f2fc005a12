/**
 * `npm run lessons:check [folder]`: validates the lessons exactly as the build
 * does and prints a short summary in Bahasa Indonesia. Exits 1 on any broken
 * lesson, printing `file: field — problem` for each. The folder defaults to lessons/.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCatalog } from '../build/catalog';
import { ContentError } from '../build/errors';
import { checkLessons, LESSONS_DIR } from '../build/lessons';
import { loadPaths } from '../build/paths';
import { LESSON_LEVELS, LESSON_PILLARS, LEVEL_LABELS, PILLAR_LABELS } from '../core/lesson';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs the check; returns the exit code. `folder` is resolved from the current directory. */
export function runLessonsCheck(folder?: string, log: (line: string) => void = console.log): number {
  const dir = folder ? resolve(process.cwd(), folder) : resolve(PROJECT_ROOT, LESSONS_DIR);
  let catalog: ReturnType<typeof loadCatalog>;
  try {
    catalog = loadCatalog(PROJECT_ROOT);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    log(`✗ ${error.message}`);
    log('Katalog sistem rusak, jadi pelajaran belum bisa diperiksa.');
    return 1;
  }
  let paths: ReturnType<typeof loadPaths>;
  try {
    paths = loadPaths(PROJECT_ROOT);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    log(`✗ ${error.message}`);
    log('Daftar jalur rusak, jadi pelajaran belum bisa diperiksa.');
    return 1;
  }

  const { lessons, errors } = checkLessons(dir, catalog, new Set(paths.map((path) => path.id)));
  if (errors.length > 0) {
    for (const error of errors) log(`✗ ${error.message}`);
    log(`${errors.length} berkas pelajaran bermasalah. Perbaiki, lalu jalankan lagi: npm run lessons:check`);
    return 1;
  }

  const count = <T extends string>(keys: readonly T[], pick: (l: (typeof lessons)[number]) => T) =>
    keys.map((key) => [key, lessons.filter((lesson) => pick(lesson) === key).length] as const);
  const systems = [...new Set(lessons.flatMap((lesson) => lesson.systems))].sort();
  const words = lessons.reduce((sum, lesson) => sum + lesson.words, 0);

  log(`✓ ${lessons.length} pelajaran valid.`);
  log(
    `Per pilar: ${count(LESSON_PILLARS, (l) => l.pillar)
      .map(([k, n]) => `${PILLAR_LABELS[k]} ${n}`)
      .join(' · ')}`,
  );
  log(
    `Per tingkat: ${count(LESSON_LEVELS, (l) => l.level)
      .map(([k, n]) => `${LEVEL_LABELS[k]} ${n}`)
      .join(' · ')}`,
  );
  log(
    `Per jalur: ${paths
      .map((path) => `${path.name.id} ${lessons.filter((lesson) => lesson.paths.includes(path.id)).length}`)
      .join(' · ')}`,
  );
  log(
    `Sistem tercakup: ${systems.length} dari ${catalog.systems.length} di katalog${systems.length ? ` (${systems.join(', ')})` : ''}`,
  );
  if (lessons.length > 0) log(`Rata-rata ${Math.round(words / lessons.length)} kata per pelajaran.`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exit(runLessonsCheck(process.argv[2]));
}
