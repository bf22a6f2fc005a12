import type { Page, Worker } from '@playwright/test';
import { dayKey } from '../../core/day';
import type { Locale } from '../../lib/i18n';
import { lessonIds } from '../support/history';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { answerWithFirstOptions } from './lesson-steps';

const DAY = 86_400_000;

async function setLanguage(background: Worker, locale: Locale): Promise<void> {
  await background.evaluate((uiLanguage) => chrome.storage.local.set({ uiLanguage }), locale);
}

/** Writes completions and review schedules into the extension's database from `page`, with raw IndexedDB. */
async function seedProgress(
  page: Page,
  completions: { lessonId: string; kind: 'lesson' | 'review'; ago: number }[],
  reviews: { lessonId: string; due: number; scheduledDays: number }[],
): Promise<void> {
  const now = Date.now();
  const rows = completions.map((c, i) => ({
    id: `${i}`.padStart(32, 'a'),
    lessonId: c.lessonId,
    kind: c.kind,
    day: dayKey(now - c.ago),
    completedAt: now - c.ago,
    utcOffset: 420,
    correct: 2,
    total: 3,
    durationMs: 60_000,
  }));
  const states = reviews.map((r) => ({
    lessonId: r.lessonId,
    due: r.due,
    card: {
      due: r.due,
      stability: r.scheduledDays,
      difficulty: 5,
      scheduledDays: r.scheduledDays,
      reps: 2,
      lapses: 1,
      state: 2,
      lastReview: now - DAY,
    },
  }));
  await page.evaluate(
    async ({ rows, states }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('langkah');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['completions', 'reviews'], 'readwrite');
        for (const row of rows) tx.objectStore('completions').put(row);
        for (const state of states) tx.objectStore('reviews').put(state);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { rows, states },
  );
}

const shownIds = (page: Page) =>
  page.getByTestId('library-lesson').evaluateAll((items) => items.map((li) => li.getAttribute('data-lesson-id')));

test('the library lists every lesson by pillar, with its length, and filters by system, level and role path', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('library.html');
  await expect(page.getByRole('heading', { level: 1, name: 'Semua pelajaran' })).toBeVisible();
  const all = lessonIds();
  await expect(page.getByTestId('library-count')).toHaveAttribute('data-count', String(all.length));
  expect((await shownIds(page)).sort()).toEqual(all);
  // Grouped under the four pillars, in the framework's order.
  expect(
    await page.getByTestId('library-group').evaluateAll((g) => g.map((s) => s.getAttribute('data-pillar'))),
  ).toEqual(['cakap-digital', 'etika-digital', 'aman-digital', 'budaya-digital']);
  await expect(page.locator('[data-lesson-id="e-kinerja-skp"] .library-meta')).toContainText('3 menit');
  // Everything is new to a fresh learner.
  await expect(page.locator('[data-testid="library-lesson"][data-state="baru"]')).toHaveCount(all.length);
  await expect(page.getByTestId('library-filter-system')).toBeVisible();
  await expect(page.getByTestId('library-filter-level')).toBeVisible();
  await expect(page.getByTestId('library-filter-path')).toBeVisible();
});

test('search forgives case, hyphens and spelling; filters narrow by system and level; both survive a reload', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('library.html');
  const search = page.getByTestId('library-search');
  // Every spelling finds the e-Kinerja lesson: among the first three for the system's name, and for "kinerja" too.
  for (const query of ['e-kinerja', 'ekinerja', 'E-KINERJA', 'kinerja']) {
    await search.fill(query);
    await expect(page.locator('[data-testid="library-lesson"][data-lesson-id="e-kinerja-skp"]'), query).toBeVisible();
    if (query !== 'kinerja') expect((await shownIds(page)).slice(0, 3), query).toContain('e-kinerja-skp');
  }
  await search.fill('tanda-tangan elektronik');
  await expect(page.getByTestId('library-lesson').first()).toHaveAttribute('data-lesson-id', /tte/);
  await search.fill('blockchain kuantum');
  await expect(page.getByTestId('library-count')).toHaveAttribute('data-count', '0');
  await expect(page.getByTestId('library-count')).toContainText('Tidak ada pelajaran yang cocok');

  await search.fill('');
  await page.getByTestId('library-filter-system').selectOption('srikandi');
  const srikandi = await shownIds(page);
  expect(srikandi.length).toBeGreaterThan(0);
  for (const systems of await page
    .getByTestId('library-lesson')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-systems') ?? ''))) {
    expect(systems.split(' ')).toContain('srikandi');
  }
  await page.getByTestId('library-filter-system').selectOption('');
  await page.getByTestId('library-filter-level').selectOption('menengah');
  const levels = await page
    .getByTestId('library-lesson')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-level')));
  expect(levels.length).toBeGreaterThan(0);
  expect(new Set(levels)).toEqual(new Set(['menengah']));

  await search.fill('kata sandi');
  const before = await shownIds(page);
  await page.reload();
  await expect(page.getByTestId('library-search')).toHaveValue('kata sandi');
  await expect(page.getByTestId('library-filter-level')).toHaveValue('menengah');
  expect(await shownIds(page)).toEqual(before);
});

test('each lesson shows its state: baru, selesai, perlu diulang, kuat', async ({ openExtensionPage }) => {
  const page = await openExtensionPage('library.html');
  await expect(page.getByTestId('library-lesson').first()).toHaveAttribute('data-state', 'baru');
  await seedProgress(
    page,
    [
      { lessonId: 'cadangan-data', kind: 'lesson', ago: 3 * DAY },
      { lessonId: 'wifi-publik', kind: 'lesson', ago: 20 * DAY },
      { lessonId: 'passphrase-tte', kind: 'lesson', ago: 5 * DAY },
      { lessonId: 'spbe-dasar', kind: 'lesson', ago: 90 * DAY },
      { lessonId: 'spbe-dasar', kind: 'review', ago: 10 * DAY },
    ],
    [
      { lessonId: 'wifi-publik', due: Date.now() + 15 * DAY, scheduledDays: 30 },
      { lessonId: 'passphrase-tte', due: Date.now() - DAY, scheduledDays: 3 },
    ],
  );
  // Written behind Dexie's back, so read afresh.
  await page.reload();
  const state = (id: string) => page.locator(`[data-lesson-id="${id}"]`);
  await expect(state('cadangan-data')).toHaveAttribute('data-state', 'selesai');
  await expect(state('wifi-publik')).toHaveAttribute('data-state', 'kuat');
  await expect(state('passphrase-tte')).toHaveAttribute('data-state', 'perlu-diulang');
  await expect(state('spbe-dasar')).toHaveAttribute('data-state', 'kuat');
  await expect(state('kata-sandi-kuat')).toHaveAttribute('data-state', 'baru');
  // In words, not only a mark.
  await expect(state('passphrase-tte').getByTestId('library-state')).toHaveText('↻ Perlu diulang');
  await expect(state('wifi-publik').getByTestId('library-state')).toHaveText('★ Kuat');
  // A due review can be taken as a quiz straight from the library.
  await expect(state('passphrase-tte').getByTestId('library-review')).toHaveAttribute(
    'href',
    '/lesson.html?id=passphrase-tte&mode=review&from=library',
  );
  await expect(state('cadangan-data').getByTestId('library-review')).toHaveCount(0);
});

test('a lesson started from the library with the keyboard counts toward today, then returns to the library', async ({
  openExtensionPage,
}) => {
  const page = await openExtensionPage('library.html');
  const search = page.getByTestId('library-search');
  await search.focus();
  await page.keyboard.type('kata sandi panjang');
  await expect(page.getByTestId('library-lesson').first()).toHaveAttribute('data-lesson-id', 'kata-sandi-kuat');
  // From the search field, Tab goes through the filters to the first result.
  const first = page.getByTestId('library-start').first();
  for (let i = 0; i < 10 && !(await first.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(first).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/lesson\.html\?id=kata-sandi-kuat&from=library$/);
  await expect(page.locator('.card')).toBeVisible();
  while (await page.locator('.card').count()) await page.getByTestId('lesson-continue').click();
  await answerWithFirstOptions(page);
  await expect(page.getByTestId('lesson-save-status')).toHaveAttribute('data-state', 'saved');
  await page.getByTestId('lesson-complete').click();
  await expect(page).toHaveURL(/\/library\.html$/);
  await expect(page.locator('[data-lesson-id="kata-sandi-kuat"]')).toHaveAttribute(
    'data-state',
    /selesai|perlu-diulang/,
  );

  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('today-goal')).toHaveAttribute('data-count', '1');
});

test('the lesson page without an id shows the library; with an unknown id it says so above the library', async ({
  openExtensionPage,
}) => {
  const bare = await openExtensionPage('lesson.html');
  await expect(bare.getByTestId('library')).toBeVisible();
  await expect(bare.getByTestId('lesson-missing')).toHaveCount(0);
  await expect(bare.getByTestId('library-count')).toHaveAttribute('data-count', String(lessonIds().length));

  const unknown = await openExtensionPage('lesson.html?id=tidak-ada');
  await expect(unknown.getByTestId('lesson-missing')).toBeVisible();
  await expect(unknown.getByTestId('library')).toBeVisible();
  await unknown.getByTestId('library-search').fill('wifi');
  await unknown.getByTestId('library-start').first().click();
  await expect(unknown).toHaveURL(/lesson\.html\?id=wifi-publik&from=library$/);
  await expect(unknown.locator('.card')).toBeVisible();
});

test('the popup and options open the library', async ({ openExtensionPage }) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('popup-library-link')).toHaveAttribute('href', '/library.html');
  await expect(popup.getByTestId('popup-library-link')).toHaveText('Semua pelajaran');
  const options = await openExtensionPage('options.html');
  await options.getByTestId('options-library-link').click();
  await expect(options).toHaveURL(/\/library\.html$/);
  await expect(options.getByTestId('library')).toBeVisible();
});

for (const locale of ['id', 'en'] as const) {
  test(`the library passes axe in ${locale}, searching and filtered to nothing`, async ({
    background,
    openExtensionPage,
  }) => {
    // Three axe runs over some 35 lessons: slow on a busy two-core machine.
    test.setTimeout(90_000);
    await setLanguage(background, locale);
    const page = await openExtensionPage('library.html');
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(
      page.getByRole('heading', { level: 1, name: locale === 'id' ? 'Semua pelajaran' : 'All lessons' }),
    ).toBeVisible();
    await expect(page.getByTestId('library-lesson').first()).toHaveAttribute('data-state', 'baru');
    expect(await seriousViolations(page), 'list').toEqual([]);
    await page.getByTestId('library-search').fill('data');
    await expect(page.getByTestId('library-results')).toBeVisible();
    expect(await seriousViolations(page), 'results').toEqual([]);
    await page.getByTestId('library-search').fill('tidak ada sama sekali');
    await expect(page.getByTestId('library-count')).toHaveAttribute('data-count', '0');
    expect(await seriousViolations(page), 'none').toEqual([]);
  });
}

test('the topic card’s “Pelajari” opens its lesson directly, not the library', async ({
  context,
  server,
  background,
}) => {
  await background.evaluate(() =>
    chrome.storage.local.set({
      tipCaps: { enabled: true, perSystemPerDay: 1, perDay: 3, minMinutesBetween: 0, quietHours: null },
      dailyLessonCard: false,
    }),
  );
  const page = await context.newPage();
  await page.goto(server.url('www.contoh.go.id'));
  await expect(page.getByTestId('tip-card')).toHaveAttribute('data-kind', 'topic');
  const [lesson] = await Promise.all([context.waitForEvent('page'), page.getByTestId('tip-learn').click()]);
  await expect(lesson.locator('.player')).toBeVisible();
  const url = new URL(lesson.url());
  expect(url.pathname).toBe('/lesson.html');
  expect(url.searchParams.get('id')).toMatch(/tte/);
  await expect(lesson.getByTestId('library')).toHaveCount(0);
});
