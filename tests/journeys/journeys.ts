/**
 * The main user journeys, written once and run by both drivers: Chromium
 * (tests/e2e/journeys.spec.ts) and Firefox ESR (tests/firefox/journeys.test.ts).
 * Each starts from a fresh profile and touches the extension only as a learner
 * would, apart from test settings written into its storage.
 *
 * A journey never branches on the browser: what differs lives in the drivers.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BackupDocument } from '../../core/backup';
import { ROOT } from '../support/browsers';
import { assert, eventually } from './check';
import type { Driver, PageHandle, Target } from './driver';

type Messages = Record<string, { message: string }>;

/** A UI string as the given locale shows it (the same files the extension reads). */
export function message(locale: 'id' | 'en', key: string): string {
  const messages = JSON.parse(
    readFileSync(resolve(ROOT, `public/_locales/${locale}/messages.json`), 'utf8'),
  ) as Messages;
  const text = messages[key]?.message;
  if (text === undefined) throw new Error(`No message ${key} in ${locale}`);
  return text;
}

/** Tip settings that let a test see a tip whatever the clock says: quiet hours off, no lesson card. */
export const TEST_TIP_SETTINGS = {
  tipCaps: { enabled: true, perSystemPerDay: 1, perDay: 3, minMinutesBetween: 0, quietHours: null },
  dailyLessonCard: false,
} as const;

/** Presses Tab until the element with `testId` has focus, as a keyboard user would; fails after `max` presses. */
export async function tabTo(page: PageHandle, testId: string, max = 30): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await page.focusedTestId()) === testId) return;
    await page.pressKey('Tab');
  }
  assert.fail(`Tab never reached [data-testid="${testId}"] in ${max} presses (${await page.url()})`);
}

/** The popup, rendered: its streak is the first thing it shows. */
async function openPopup(driver: Driver): Promise<PageHandle> {
  return driver.openExtensionPage('popup.html', 'streak-current');
}

/** Opens a popup and waits until its streak reads `expected` (the popup may show before its records are read). */
async function expectStreak(driver: Driver, expected: string, what: string): Promise<void> {
  const popup = await openPopup(driver);
  await eventually(what, () => popup.textOfTestId('streak-current'), expected);
  await popup.close();
}

/** a. A tip card appears on a mapped catalog page, and "Nanti" closes it. */
export async function tipCardOnCatalogPage(driver: Driver): Promise<void> {
  await driver.setLocalStorage(TEST_TIP_SETTINGS);
  const page = await driver.openSite('srikandi.arsip.go.id', '/');
  await page.waitForTestId('tip-card');
  assert.equal(await page.attrOfTestId('tip-card', 'data-kind'), 'tip', 'an ordinary tip, not a lesson card');
  const text = await page.textOfTestId('tip-text');
  assert.ok(text && text.length > 10, `the card says something (got ${JSON.stringify(text)})`);
  // The card never takes focus from the page.
  const focused = await page.focusedTestId();
  assert.ok(!focused?.startsWith('tip-'), `focus stays on the page (it is on ${focused})`);

  await page.clickTestId('tip-later');
  await page.waitForNoTestId('tip-card');
  await page.close();
}

/** b. The popup shows the streak: 0 on a fresh profile. */
export async function popupShowsStreak(driver: Driver): Promise<void> {
  const popup = await openPopup(driver);
  assert.equal(await popup.textOfTestId('streak-current'), '0');
  await popup.close();
}

/** Plays the open lesson to its result by keyboard only; returns the number of questions answered. */
async function playLessonByKeyboard(lesson: PageHandle): Promise<number> {
  let questions = 0;
  for (let step = 0; step < 20; step++) {
    if ((await lesson.countTestId('lesson-result')) > 0) return questions;
    const before = await lesson.textOf('.progress');
    const unanswered =
      (await lesson.countTestId('quiz-option')) > 0 && (await lesson.countTestId('quiz-feedback')) === 0;
    if (unanswered) {
      await tabTo(lesson, 'quiz-option');
      await lesson.pressKey('Enter');
      // Every lesson question has one right answer: choosing an option answers it.
      await lesson.waitForTestId('quiz-feedback');
      questions++;
    }
    await tabTo(lesson, 'lesson-continue');
    await lesson.pressKey('Enter');
    await eventually(
      'the next step of the lesson',
      async () => (await lesson.countTestId('lesson-result')) > 0 || (await lesson.textOf('.progress')) !== before,
      true,
    );
  }
  return assert.fail('the lesson did not end within 20 steps');
}

/** The steps of journey c; returns the id of the lesson played. */
async function completeTodaysLessonByKeyboard(driver: Driver): Promise<string> {
  const popup = await openPopup(driver);
  await popup.waitForTestId('today-lesson-title');
  const lessonId = await popup.attrOfTestId('today-lesson-title', 'data-lesson-id');
  assert.ok(lessonId, 'the popup names today’s lesson');
  assert.equal(await popup.textOfTestId('streak-current'), '0');

  await tabTo(popup, 'today-lesson-start');
  const lesson = await driver.waitForNewPage(
    () => popup.pressKey('Enter'),
    `lesson.html?id=${encodeURIComponent(lessonId)}`,
    'lesson-continue',
  );
  await lesson.bringToFront();
  const questions = await playLessonByKeyboard(lesson);
  assert.ok(questions >= 2, `a lesson has 2–3 questions (answered ${questions})`);
  assert.equal(await lesson.attrOfTestId('lesson-result', 'data-total'), String(questions));
  await eventually('the result is stored', () => lesson.attrOfTestId('lesson-save-status', 'data-state'), 'saved');

  await tabTo(lesson, 'lesson-complete');
  await lesson.pressKey('Enter');
  // "Selesai" closes the lesson tab.
  await lesson.waitForClose();
  await popup.close();

  await expectStreak(driver, '1', 'the streak after today’s lesson');
  return lessonId;
}

/**
 * c. Today's lesson from the popup, by keyboard only: Tab and Enter through
 * its cards and quiz to the result; afterwards the popup's streak is 1.
 */
export async function todaysLessonByKeyboard(driver: Driver): Promise<void> {
  await completeTodaysLessonByKeyboard(driver);
}

const SRIKANDI_TOGGLE: Target = { testId: 'system-toggle', attrs: { 'data-system-id': 'srikandi' } };

/**
 * d. Settings are saved: the interface language switched to English and
 * SRIKANDI switched off in options stay so in a new options page and popup.
 */
export async function settingsAreSaved(driver: Driver): Promise<void> {
  const options = await driver.openExtensionPage('options.html', SRIKANDI_TOGGLE);
  assert.equal(await options.textOf('h1'), message('id', 'options_title'));
  assert.equal(await options.checkedOfTestId(SRIKANDI_TOGGLE), true, 'SRIKANDI is on in a fresh profile');

  await options.selectTestId('ui-language', 'en');
  await eventually('the options heading', () => options.textOf('h1'), message('en', 'options_title'));
  await eventually(
    'the language status',
    () => options.textOfTestId('language-status'),
    message('en', 'options_saved'),
  );

  await options.clickTestId(SRIKANDI_TOGGLE);
  await eventually(
    'SRIKANDI in the stored switched-off systems',
    async () => (await driver.getLocalStorage(['disabledSystems'])).disabledSystems,
    ['srikandi'],
  );
  await options.close();

  const again = await driver.openExtensionPage('options.html', SRIKANDI_TOGGLE);
  assert.equal(await again.textOf('h1'), message('en', 'options_title'));
  assert.equal(await again.documentLang(), 'en');
  assert.equal(await again.checkedOfTestId(SRIKANDI_TOGGLE), false, 'SRIKANDI stays off');
  await again.close();

  const popup = await openPopup(driver);
  await eventually(
    'the popup heading',
    () => popup.textOf('#weekly-systems-title'),
    message('en', 'popup_weeklySystems_title'),
  );
  assert.equal(await popup.textOf('#streak-title'), message('en', 'streak_title'));
  assert.equal(await popup.documentLang(), 'en');
  await popup.close();
}

/**
 * e. Backup, delete all, restore: after today's lesson the learner downloads a
 * backup in options, deletes all data behind the typed confirmation word (the
 * streak falls to 0), then restores the downloaded file: the streak is 1 again.
 */
export async function backupDeleteAllRestore(driver: Driver): Promise<void> {
  const lessonId = await completeTodaysLessonByKeyboard(driver);

  const options = await driver.openExtensionPage('options.html', 'data-export');
  const file = await options.downloadFrom('data-export');
  assert.match(file.name, /^langkah-cadangan-\d{4}-\d{2}-\d{2}\.json$/);
  const backup = JSON.parse(file.text) as BackupDocument;
  assert.equal(backup.format, 'langkah-cadangan');
  assert.deepEqual(
    backup.data.completions.map((c) => c.lessonId),
    [lessonId],
    'the backup holds today’s lesson',
  );

  await options.clickTestId('data-delete-start');
  await eventually(
    'the delete button before the word is typed',
    () => options.attrOfTestId('data-delete-confirm', 'disabled'),
    '',
  );
  await options.typeIntoTestId('data-delete-word', message('id', 'options_data_deleteWord'));
  await eventually(
    'the delete button once the word is typed',
    () => options.attrOfTestId('data-delete-confirm', 'disabled'),
    null,
  );
  await options.clickTestId('data-delete-confirm');
  await eventually(
    'the delete status',
    () => options.textOfTestId('data-delete-status'),
    message('id', 'options_data_deleted'),
  );
  await expectStreak(driver, '0', 'the streak after deleting all data');

  await options.uploadFile('data-import-file', file.path);
  // A summary of what will change comes first; the restore waits for the learner's go-ahead.
  await options.waitForTestId('data-import-summary');
  await options.clickTestId('data-import-apply');
  await eventually(
    'the restore status',
    () => options.textOfTestId('data-import-status'),
    message('id', 'options_data_imported'),
  );
  await options.close();
  await expectStreak(driver, '1', 'the streak after restoring the backup');
}

/** Every journey, by name, in the order both runners run them. */
export const JOURNEYS = {
  'a tip card appears on a mapped catalog page, and "Nanti" closes it': tipCardOnCatalogPage,
  'the popup shows the streak: 0 on a fresh profile': popupShowsStreak,
  'today’s lesson from the popup by keyboard only; the streak becomes 1': todaysLessonByKeyboard,
  'language and a system switch saved in options stay after reopening': settingsAreSaved,
  'backup, delete all, restore: the streak goes 1, 0, 1': backupDeleteAllRestore,
} as const satisfies Record<string, (driver: Driver) => Promise<void>>;
