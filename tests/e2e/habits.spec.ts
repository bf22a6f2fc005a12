import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';

/** Plays the open lesson to its end: continues through cards, answers each question with its first option. */
async function playLesson(page: Page): Promise<void> {
  const result = page.getByTestId('lesson-result');
  const progress = page.locator('.progress');
  await expect(page.getByTestId('lesson-continue').or(page.getByTestId('quiz-option').first())).toBeVisible();
  for (let step = 0; step < 12 && !(await result.isVisible()); step++) {
    const before = await progress.textContent();
    const option = page.getByTestId('quiz-option').first();
    if (await option.isVisible()) {
      await option.click();
      // A question with several right answers waits for "Periksa jawaban".
      const check = page.getByRole('button', { name: 'Periksa jawaban' });
      if (await check.isVisible()) await check.click();
    }
    await page.getByTestId('lesson-continue').click();
    await expect(async () => {
      expect((await result.isVisible()) || (await progress.textContent()) !== before).toBe(true);
    }).toPass();
  }
  await expect(page.getByTestId('lesson-save-status')).toHaveAttribute('data-state', 'saved');
}

const badgeText = (background: Worker) => background.evaluate(() => chrome.action.getBadgeText({}));

test('completing today’s lesson starts the streak, marks today in the heatmap and sets the badge', async ({
  context,
  background,
  openExtensionPage,
}) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('streak-current')).toHaveText('0');
  const todayCell = popup.locator('[data-testid="heatmap"] [data-today="true"]');
  await expect(todayCell).toHaveCount(1);
  const before = await todayCell.getAttribute('data-status');
  expect(['pending-today', 'rest', 'holiday']).toContain(before);
  await expect(popup.getByTestId('today-goal')).toHaveAttribute(
    'data-state',
    before === 'pending-today' ? 'pending' : 'rest',
  );
  // Nothing to show before any lesson: an empty badge, or only the "pending" mark on a working day.
  await expect.poll(() => badgeText(background)).toBe(before === 'pending-today' ? '•' : '');

  const [lessonPage] = await Promise.all([
    context.waitForEvent('page'),
    popup.getByTestId('today-lesson-start').click(),
  ]);
  await expect(lessonPage).toHaveURL(/\/lesson\.html\?id=/);
  await playLesson(lessonPage);
  await Promise.all([lessonPage.waitForEvent('close'), lessonPage.getByTestId('lesson-complete').click()]);

  const after = await openExtensionPage('popup.html');
  await expect(after.getByTestId('streak-current')).toHaveText('1');
  await expect(after.getByText(/hari belajar beruntun/)).toBeVisible();
  const cell = after.locator('[data-testid="heatmap"] [data-today="true"]');
  await expect(cell).toHaveAttribute('data-status', 'goal');
  await expect(cell).toHaveAttribute('data-count', '1');
  await expect(cell).toHaveAttribute('aria-label', /^Hari ini, \S+, \d{1,2} \S+ \d{4}: 1 pelajaran — target tercapai$/);
  await expect(after.getByTestId('today-goal')).toHaveAttribute('data-state', 'met');
  await expect(after.getByTestId('streak-longest')).toHaveAttribute('data-value', '1');
  // The finished lesson counts for its pillar.
  const pillarsDone = await after
    .getByTestId('pillar-progress')
    .evaluateAll((items) => items.reduce((sum, li) => sum + Number(li.getAttribute('data-done')), 0));
  expect(pillarsDone).toBe(1);

  await expect.poll(() => badgeText(background)).toBe('1');
});

test('“Apa yang dihitung?” explains the rules with the learner’s own settings', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  await options.getByLabel('Target harian').selectOption('2');
  await options.getByLabel('6 hari (Senin–Sabtu)').check();
  await options.getByLabel('Hari baru dimulai pukul').selectOption('0');

  const popup = await openExtensionPage('popup.html');
  const rules = popup.getByTestId('streak-rules');
  await rules.getByText('Apa yang dihitung?').click();
  await expect(rules).toContainText('menyelesaikan 2 pelajaran atau ulasan');
  await expect(rules).toContainText('(Senin–Sabtu)');
  await expect(rules).toContainText('Hari berganti tepat tengah malam.');
  await expect(rules).toContainText('setiap 5 hari target beruntun memberi satu pelindung, paling banyak 2');
  await expect(rules).toContainText(/Libur nasional dan cuti bersama tahun 20\d\d/);
  await expect(popup.getByTestId('today-goal')).toContainText(/dari 2 pelajaran|tidak wajib/);
});

test('leave days are validated in Indonesian, listed and removed', async ({ openExtensionPage }) => {
  const options = await openExtensionPage('options.html');
  const section = options.getByTestId('leave-settings');
  await expect(section.getByText('Belum ada yang dicatat.')).toBeVisible();

  const today = await options.evaluate(() => {
    const d = new Date(Date.now() - 3 * 3_600_000); // the default rollover hour
    return new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())).toISOString().slice(0, 10);
  });
  const shift = (days: number) => new Date(Date.parse(today) + days * 86_400_000).toISOString().slice(0, 10);

  await section.getByRole('button', { name: 'Catat' }).click();
  await expect(section.getByRole('alert')).toHaveText(/Isi tanggal mulai/);

  await section.getByLabel('Mulai tanggal').fill(shift(-8));
  await section.getByRole('button', { name: 'Catat' }).click();
  await expect(section.getByRole('alert')).toHaveText('Tanggal mulai paling lama 7 hari yang lalu.');

  await section.getByLabel('Mulai tanggal').fill(shift(2));
  await section.getByLabel('Sampai tanggal').fill(shift(1));
  await section.getByRole('button', { name: 'Catat' }).click();
  await expect(section.getByRole('alert')).toHaveText('Tanggal selesai tidak boleh sebelum tanggal mulai.');

  await section.getByLabel('Sampai tanggal').fill(shift(31));
  await section.getByRole('button', { name: 'Catat' }).click();
  await expect(section.getByRole('alert')).toHaveText('Tanggal selesai paling jauh 30 hari dari hari ini.');

  await section.getByLabel('Jenis').selectOption('dinas-luar');
  await section.getByLabel('Mulai tanggal').fill(shift(0));
  await section.getByLabel('Sampai tanggal').fill(shift(2));
  await section.getByRole('button', { name: 'Catat' }).click();
  await expect(section.getByTestId('leave-range')).toHaveCount(1);
  await expect(section.getByTestId('leave-range')).toHaveAttribute('data-start', today);

  await section.getByLabel('Mulai tanggal').fill(shift(1));
  await section.getByLabel('Sampai tanggal').fill('');
  await section.getByRole('button', { name: 'Catat' }).click();
  await expect(section.getByRole('alert')).toContainText('bertumpuk dengan Dinas luar');

  // Today is leave now: the popup shows it as such, never as pending.
  const popup = await openExtensionPage('popup.html');
  const cell = popup.locator('[data-testid="heatmap"] [data-today="true"]');
  await expect(cell).toHaveAttribute('data-status', /^(leave|rest|holiday)$/);
  await expect(popup.getByTestId('today-goal')).toHaveAttribute('data-state', 'rest');

  await section.getByRole('button', { name: /^Hapus Dinas luar/ }).click();
  await expect(section.getByTestId('leave-range')).toHaveCount(0);
  await expect(section.getByText('Belum ada yang dicatat.')).toBeVisible();
});
