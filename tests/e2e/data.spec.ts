/// <reference types="chrome" />
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { dayKey } from '../../core/day';
import { readStore, seedHistory, syntheticHistory } from '../support/history';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { answerWithFirstOptions, continueToQuiz } from './lesson-steps';

/** Plays a lesson to its end, answering each question with its first option, and waits until it is saved. */
async function completeLesson(page: Page) {
  await continueToQuiz(page);
  await answerWithFirstOptions(page);
  await expect(page.getByTestId('lesson-save-status')).toHaveAttribute('data-state', 'saved');
}

/** What the popup shows of the learner's habits: the streak numbers and every heatmap cell. */
async function popupHistory(popup: Page) {
  await expect(popup.getByTestId('streak-current')).toHaveText(/\d+/);
  await expect(popup.locator('.heatmap-cell[data-day]').first()).toBeVisible();
  return {
    current: await popup.getByTestId('streak-current').textContent(),
    longest: await popup.getByTestId('streak-longest').getAttribute('data-value'),
    month: await popup.getByTestId('streak-month').getAttribute('data-value'),
    cells: await popup
      .locator('.heatmap-cell[data-day]')
      .evaluateAll((cells) =>
        cells.map(
          (c) => `${c.getAttribute('data-day')}:${c.getAttribute('data-status')}:${c.getAttribute('data-count')}`,
        ),
      ),
  };
}

// Whole lessons and downloads: slow on a loaded 2-core machine.
test.describe.configure({ timeout: 90_000 });

const badge = (background: Worker) => background.evaluate(() => chrome.action.getBadgeText({}));

test('complete a lesson, export, delete all, import: the popup shows the same streak and history', async ({
  background,
  openExtensionPage,
}) => {
  test.setTimeout(120_000);
  // Some weeks of history, then today's lesson, played in the real lesson page.
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('streak-current')).toHaveText('0');
  const freshBadge = await badge(background);
  const today = dayKey(Date.now());
  await seedHistory(popup, syntheticHistory(today, ['kata-sandi-kuat', 'cadangan-data'], { days: 60 }));
  const lesson = await openExtensionPage('lesson.html?id=kata-sandi-kuat');
  await completeLesson(lesson);
  await lesson.close();
  await popup.reload();
  const before = await popupHistory(popup);
  expect(Number(before.current)).toBeGreaterThan(0);
  const completionsBefore = await readStore<{ id: string }>(popup, 'completions');
  expect(completionsBefore.some((c) => (c as { lessonId?: string }).lessonId === 'kata-sandi-kuat')).toBe(true);
  const badgeBefore = await badge(background);

  // Export: a download named by the local date, holding every completion.
  const options = await openExtensionPage('options.html');
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('data-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^langkah-cadangan-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(tmpdir(), `langkah-e2e-${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(file);
  const backup = JSON.parse(readFileSync(file, 'utf8'));
  expect(backup).toMatchObject({ format: 'langkah-cadangan', version: 1 });
  expect(backup.data.completions).toHaveLength(completionsBefore.length);

  // Delete all, after typing the confirmation word.
  await options.getByTestId('data-delete-start').click();
  await expect(options.getByTestId('data-delete-confirm')).toBeDisabled();
  await options.getByTestId('data-delete-word').fill('HAPUS');
  await options.getByTestId('data-delete-confirm').click();
  await expect(options.getByTestId('data-delete-status')).toHaveText(
    'Semua data Langkah di peramban ini sudah dihapus.',
  );
  expect(await readStore(options, 'completions')).toEqual([]);
  expect(await readStore(options, 'visitDays')).toEqual([]);
  // As freshly installed: no setting left, the badge as on the first start.
  const stored = await background.evaluate(() => chrome.storage.local.get(null));
  // Only caches the extension derives from the (now empty) records may be there again.
  expect(Object.keys(stored).filter((k) => k !== 'completionSummary' && k !== 'todayPick')).toEqual([]);
  expect(stored.completionSummary ?? { days: {} }).toMatchObject({ days: {} });
  await expect.poll(() => badge(background)).toBe(freshBadge);
  const emptied = await openExtensionPage('popup.html');
  await expect(emptied.getByTestId('streak-current')).toHaveText('0');
  await emptied.close();

  // Import the file: a summary first, then the restore.
  await options.getByTestId('data-import-file').setInputFiles(file);
  const summary = options.getByTestId('data-import-summary');
  await expect(summary).toBeVisible();
  await expect(summary.locator('[data-table="completions"]')).toContainText(`${completionsBefore.length} baru`);
  await options.getByTestId('data-import-apply').click();
  await expect(options.getByTestId('data-import-status')).toHaveText('Cadangan sudah dipulihkan.');

  const restored = await openExtensionPage('popup.html');
  expect(await popupHistory(restored)).toEqual(before);
  expect((await readStore<{ id: string }>(restored, 'completions')).map((c) => c.id).sort()).toEqual(
    completionsBefore.map((c) => c.id).sort(),
  );
  await expect.poll(() => badge(background)).toBe(badgeBefore);

  // The same file again, merged: nothing new, nothing counted twice.
  await options.getByTestId('data-import-file').setInputFiles(file);
  await expect(summary.locator('[data-table="completions"]')).toContainText(
    `0 baru, 0 diperbarui, ${completionsBefore.length} sudah sama`,
  );
  await expect(summary.locator('[data-table="visits"]')).toContainText('0 baru, 0 diperbarui');
});

test('a file that is not a backup is refused with a message naming what is wrong, and changes nothing', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  const cases: [string, string, RegExp][] = [
    ['bukan-json.json', 'ini bukan JSON', /bukan JSON yang utuh/],
    ['aplikasi-lain.json', JSON.stringify({ app: 'lain', items: [] }), /bukan cadangan Langkah/],
    [
      'versi-baru.json',
      JSON.stringify({ format: 'langkah-cadangan', version: 9, exportedAt: '2030-01-01T00:00:00Z', data: {} }),
      /Langkah yang lebih baru \(format versi 9\)/,
    ],
    ['proto.json', '{"__proto__":{"x":1},"format":"langkah-cadangan","version":1}', /kunci terlarang “__proto__”/],
  ];
  for (const [name, text, message] of cases) {
    const path = join(tmpdir(), `langkah-e2e-${Date.now()}-${name}`);
    writeFileSync(path, text);
    await options.getByTestId('data-import-file').setInputFiles(path);
    const status = options.getByTestId('data-import-status');
    await expect(status).toHaveAttribute('role', 'alert');
    await expect(status).toHaveText(message);
    await expect(options.getByTestId('data-import-summary')).toHaveCount(0);
  }
  expect(await readStore(options, 'completions')).toEqual([]);
});

test('the xAPI export downloads valid-looking statements under the learner’s opaque code', async ({
  openExtensionPage,
}) => {
  // A whole lesson, then options and a download: more than 30 s on a loaded 2-core machine.
  test.setTimeout(90_000);
  const lesson = await openExtensionPage('lesson.html?id=kata-sandi-kuat');
  await completeLesson(lesson);
  const options = await openExtensionPage('options.html');
  const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('xapi-export').click()]);
  expect(download.suggestedFilename()).toMatch(/^langkah-xapi-\d{4}-\d{2}-\d{2}\.json$/);
  const statements = JSON.parse(readFileSync(await download.path(), 'utf8'));
  const code = await options.getByTestId('xapi-actor').textContent();
  expect(code).toMatch(/^[0-9a-f]{32}$/);
  expect(statements).toHaveLength(2);
  expect(statements[0]).toMatchObject({
    actor: { objectType: 'Agent', account: { homePage: 'https://langkah.id', name: code } },
    verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
    object: { id: 'https://langkah.id/pelajaran/kata-sandi-kuat' },
  });
  await options.getByTestId('xapi-reset').click();
  await expect(options.getByTestId('xapi-actor')).not.toHaveText(code ?? '');
});

test('the Data Anda page and the data section pass axe, and the popup links to the page', async ({
  openExtensionPage,
}) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('popup-data-link')).toHaveAttribute('href', '/data.html');

  const page = await openExtensionPage('data.html');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Data Anda di Langkah');
  await expect(page.getByText('Tidak pernah, kecuali Anda sendiri mengunduh cadangan')).toBeVisible();
  await expect(page.getByTestId('data-count-completions')).toHaveText('0');
  expect(await seriousViolations(page)).toEqual([]);

  const options = await openExtensionPage('options.html');
  await options.getByTestId('data-export').click();
  await options.getByTestId('data-delete-start').click();
  const path = join(tmpdir(), `langkah-e2e-${Date.now()}-a11y.json`);
  writeFileSync(path, 'x');
  await options.getByTestId('data-import-file').setInputFiles(path);
  await expect(options.getByTestId('data-import-status')).toHaveAttribute('role', 'alert');
  expect(await seriousViolations(options, '[data-testid="data-settings"]')).toEqual([]);

  // English through the locale files.
  await options.evaluate(() => chrome.storage.local.set({ uiLanguage: 'en' }));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your data in Langkah');
});

/** `count` valid completions in a backup file, then one whose id is wrong: all of it must be read to refuse it. */
function largeBackupWithOneBadRecord(count: number): string {
  const hex = (n: number) => n.toString(16).padStart(32, '0');
  const completions: Record<string, unknown>[] = Array.from({ length: count }, (_, i) => ({
    id: hex(i),
    lessonId: 'kata-sandi-kuat',
    kind: 'lesson',
    day: '2026-01-05',
    completedAt: 1_767_600_000_000 + i,
    utcOffset: 420,
    correct: 3,
    total: 3,
    durationMs: 60_000,
    questions: ['0123456789', 'abcdef0123', '9876543210'],
  }));
  completions.push({ ...completions[0], id: 'bukan-id' });
  const data = { completions, reviews: [], visits: [], tipLog: [], leave: [], settings: {} };
  return JSON.stringify({ format: 'langkah-cadangan', version: 1, exportedAt: '2026-11-28T09:15:00.000Z', data });
}

test('large hostile files are read in a worker: refused with the right message while the page stays usable', async ({
  openExtensionPage,
}) => {
  const options = await openExtensionPage('options.html');
  const workers: string[] = [];
  options.on('worker', (worker) => workers.push(worker.url()));
  const status = options.getByTestId('data-import-status');
  const write = (name: string, text: string) => {
    const path = join(tmpdir(), `langkah-e2e-${Date.now()}-${name}`);
    writeFileSync(path, text);
    return path;
  };

  // 10 MB of nested brackets: "too deeply nested", not "not intact JSON".
  await options
    .getByTestId('data-import-file')
    .setInputFiles(write('kurung.json', '['.repeat(5 * 1024 * 1024) + ']'.repeat(5 * 1024 * 1024)));
  await expect(status).toHaveAttribute('role', 'alert');
  await expect(status).toHaveText(/bertingkat terlalu dalam/);
  expect(workers.some((url) => /\/assets\/backup\.worker-[\w-]+\.js$/.test(url))).toBe(true);

  // About 10 MB of records with one bad id at the very end: the whole file is parsed and validated.
  const large = write('besar.json', largeBackupWithOneBadRecord(40_000));
  await options.getByTestId('data-import-file').setInputFiles(large);
  await expect(status).toHaveText('Membaca berkas…');
  // The page answers while the file is being read: the mode switch reacts, and the
  // status still says the file is being read (on the page's own thread, the click
  // would only have been handled after the parse, when the refusal was showing).
  const ganti = options.getByTestId('data-import-mode-ganti');
  await ganti.click();
  await expect(ganti).toBeChecked();
  expect(await status.textContent()).toBe('Membaca berkas…');
  await expect(status).toHaveText(/nilai yang salah jenis atau di luar batas di riwayat pelajaran, baris ke-40001/, {
    timeout: 30_000,
  });
  await expect(options.getByTestId('data-import-summary')).toHaveCount(0);
  expect(await readStore(options, 'completions')).toEqual([]);

  // A good file afterwards: read by the same worker, planned in the mode chosen while the other was read.
  const good = { completions: [], reviews: [], visits: [], tipLog: [], leave: [], settings: { dailyGoal: 2 } };
  await options
    .getByTestId('data-import-file')
    .setInputFiles(
      write(
        'baik.json',
        JSON.stringify({ format: 'langkah-cadangan', version: 1, exportedAt: '2026-11-28T09:15:00.000Z', data: good }),
      ),
    );
  await expect(options.getByTestId('data-import-summary')).toHaveAttribute('data-mode', 'ganti');
  await options.getByTestId('data-import-apply').click();
  await expect(status).toHaveText('Cadangan sudah dipulihkan.');
});
