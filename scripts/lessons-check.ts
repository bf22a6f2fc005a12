/**
 * `npm run lessons:check [folder] [--tips folder] [--today YYYY-MM-DD] [--release]`: validates
 * the lessons and the tips exactly as the build does (structure, sources, reviewed date,
 * glossary, quiz quality) and prints a short summary in Bahasa Indonesia: per pillar and level,
 * how many sources are primary, how often the correct option is the longest. Exits 1 on any
 * error, printing `file: field — problem` for each.
 *
 * Files reviewed more than 12 months ago are a warning (⚠); with `--release` (run by
 * `npm run zip`) they are errors, so a stale file is never packaged. `--today` replaces the
 * clock's date (for tests). With a lessons folder given, tips are checked only with `--tips`.
 */
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalog } from '../build/catalog';
import { ContentError } from '../build/errors';
import { checkLessons, LESSONS_DIR, lessonFileNames } from '../build/lessons';
import { loadPaths } from '../build/paths';
import { type ContentPolicy, loadContentPolicy, localToday, STALE_AFTER_MONTHS, staleProblem } from '../build/policy';
import { QUIZ_RULES } from '../build/quiz-quality';
import { checkTipsFrom, TIPS_DIR } from '../build/tips';
import { LESSON_LEVELS, LESSON_PILLARS, LEVEL_LABELS, PILLAR_LABELS } from '../core/lesson';

const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface CheckRunOptions {
  /** Tips folder; by default data/tips when the lessons folder is the project's, else none. */
  tips?: string;
  /** `YYYY-MM-DD` instead of the clock's date. */
  today?: string;
  /** The release check: a stale file is an error. */
  release?: boolean;
}

const percent = (part: number, whole: number) => (whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`);

/** Runs the check; returns the exit code. Folders are resolved from the current directory. */
export function runLessonsCheck(
  folder?: string,
  log: (line: string) => void = console.log,
  options: CheckRunOptions = {},
): number {
  const dir = folder ? resolve(process.cwd(), folder) : resolve(PROJECT_ROOT, LESSONS_DIR);
  const tipsDir = options.tips
    ? resolve(process.cwd(), options.tips)
    : folder
      ? undefined
      : resolve(PROJECT_ROOT, TIPS_DIR);
  let catalog: ReturnType<typeof loadCatalog>;
  let policy: ContentPolicy;
  try {
    catalog = loadCatalog(PROJECT_ROOT);
    policy = loadContentPolicy(PROJECT_ROOT, options.today ?? localToday());
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    log(`✗ ${error.message}`);
    log('Katalog sistem, glosarium atau daftar sumber rusak, jadi pelajaran belum bisa diperiksa.');
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

  const check = checkLessons(dir, catalog, { policy, pathIds: new Set(paths.map((path) => path.id)) });
  const lessonIds = new Set(lessonFileNames(dir).map((name) => name.slice(0, -'.md'.length)));
  const tips = tipsDir ? checkTipsFrom(tipsDir, catalog, lessonIds, TIPS_DIR, policy) : undefined;
  const errors = [...check.errors, ...(tips?.errors ?? [])];
  const stale = [...check.stale, ...(tips?.stale ?? [])];

  for (const error of errors) log(`✗ ${error.message}`);
  for (const { file, reviewed } of stale) {
    log(`${options.release ? '✗' : '⚠'} ${file}: reviewed — ${staleProblem(reviewed)}`);
  }

  const { sources, longest } = check;
  log(
    `Sumber: ${sources.primary} dari ${sources.total} primer (${percent(sources.primary, sources.total)}; host .go.id atau situs resmi sistem di katalog); cermin dokumen: ${sources.mirror}.`,
  );
  log(
    `Kuis: kunci jawaban = pilihan terpanjang di ${longest.longest.length} dari ${longest.multipleChoice} soal pilihan ganda (${percent(longest.longest.length, longest.multipleChoice)}; maksimal ${Math.round(QUIZ_RULES.maxLongestCorrectShare * 100)}%).`,
  );

  if (tips && tips.errors.length === 0) log(`✓ ${tips.tips.length} tips valid.`);

  if (errors.length > 0 || (options.release && stale.length > 0)) {
    const files = new Set(errors.map((error) => error.file)).size;
    if (errors.length > 0) {
      log(`${errors.length} masalah di ${files} berkas. Perbaiki, lalu jalankan lagi: npm run lessons:check`);
    }
    if (options.release && stale.length > 0) {
      log(
        `Rilis ditolak: ${stale.length} berkas terakhir diperiksa lebih dari ${STALE_AFTER_MONTHS} bulan lalu (${stale.map((s) => s.file).join(', ')}). Periksa isinya terhadap sumber, perbarui reviewed, lalu jalankan npm run zip lagi.`,
      );
    }
    return 1;
  }

  const { lessons } = check;
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
  if (stale.length > 0) log(`⚠ ${stale.length} berkas perlu diperiksa ulang sebelum rilis (npm run zip menolaknya).`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { tips: { type: 'string' }, today: { type: 'string' }, release: { type: 'boolean', default: false } },
  });
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today)) {
    console.log(`✗ --today harus TTTT-BB-HH, bukan "${values.today}"`);
    process.exit(2);
  }
  process.exit(runLessonsCheck(positionals[0], console.log, values));
}
