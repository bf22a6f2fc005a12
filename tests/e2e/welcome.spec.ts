/// <reference types="chrome" />
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

test.describe('the first run', () => {
  test.use({ keepWelcome: true });
  // That an update never reopens it is tested on the onInstalled handler itself
  // (tests/unit/entrypoints/background/welcome.test.ts): in this Chromium,
  // chrome.runtime.reload() of an unpacked extension leaves it blocked
  // (ERR_BLOCKED_BY_CLIENT), so an update cannot be simulated end to end here.

  test('opens once on install; the choices, made by keyboard, are saved and shown again in options and the popup', async ({
    welcomePage: page,
    openExtensionPage,
  }) => {
    await expect(page.getByRole('heading', { name: 'Selamat datang di Langkah' })).toBeVisible();
    await expect(page.getByTestId('welcome-privacy').locator('li')).toHaveCount(3);
    expect(await seriousViolations(page)).toEqual([]);

    // Step 1: the language, chosen from the keyboard; the page follows at once.
    await page.getByLabel('Bahasa tampilan').focus();
    await page.keyboard.press('ArrowDown');
    await expect(page.getByRole('heading', { name: 'Welcome to Langkah' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.getByTestId('welcome-next').focus();
    await page.keyboard.press('Enter');

    // Step 2: role paths. Focus moves to the step title.
    await expect(page.getByRole('heading', { name: 'Your work' })).toBeFocused();
    await expect(page.getByTestId('path-semua-asn')).toBeChecked();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('path-keuangan').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('path-persuratan-arsip').focus();
    await page.keyboard.press('Space');
    await page.getByTestId('path-semua-asn').focus();
    await page.keyboard.press('Space');
    await expect(page.getByTestId('path-semua-asn')).not.toBeChecked();
    await expect(page.getByTestId('path-keuangan')).toBeChecked();
    await page.getByTestId('welcome-next').click();

    // Step 3: daily goal and work week.
    await expect(page.getByRole('heading', { name: 'Goal and working days' })).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('welcome-goal').selectOption('2');
    await page.getByTestId('welcome-work-week-6').check();
    await page.getByTestId('welcome-next').click();

    // Step 4: the reminder.
    await expect(page.getByRole('heading', { name: 'Daily reminder' })).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByTestId('welcome-reminder-time').fill('07:30');
    await page.getByTestId('welcome-next').click();
    await expect(page.getByRole('heading', { name: 'All set!' })).toBeFocused();
    expect(await seriousViolations(page)).toEqual([]);

    const options = await openExtensionPage('options.html');
    await expect(options.getByRole('heading', { name: 'Langkah settings' })).toBeVisible();
    await expect(options.getByTestId('paths-settings').getByTestId('path-keuangan')).toBeChecked();
    await expect(options.getByTestId('path-persuratan-arsip')).toBeChecked();
    await expect(options.getByTestId('path-semua-asn')).not.toBeChecked();
    await expect(options.getByTestId('path-pimpinan')).not.toBeChecked();
    await expect(options.getByTestId('daily-goal')).toHaveValue('2');
    await expect(options.getByTestId('work-week-6')).toBeChecked();
    await expect(options.getByTestId('reminder-time')).toHaveValue('07:30');
    await expect(options.getByTestId('ui-language')).toHaveValue('en');

    // The popup shows progress on the chosen paths, in the data file's order.
    const popup = await openExtensionPage('popup.html');
    const rows = popup.getByTestId('path-progress-list').getByTestId('path-progress');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0)).toHaveAttribute('data-path', 'persuratan-arsip');
    await expect(rows.nth(1)).toHaveAttribute('data-path', 'keuangan');
    await expect(rows.nth(1)).toHaveAttribute('data-done', '0');
    expect(Number(await rows.nth(1).getAttribute('data-total'))).toBeGreaterThan(2);
    await expect(rows.nth(1)).toContainText('Finance');
  });

  test('every step can be skipped, and skipping keeps the defaults', async ({
    welcomePage: page,
    openExtensionPage,
  }) => {
    await page.getByTestId('welcome-skip').click();
    await expect(page.getByRole('heading', { name: 'Pekerjaan Anda' })).toBeFocused();
    await page.getByTestId('welcome-skip').click();
    await expect(page.getByRole('heading', { name: 'Target dan hari kerja' })).toBeFocused();
    await page.getByTestId('welcome-back').click();
    await expect(page.getByRole('heading', { name: 'Pekerjaan Anda' })).toBeFocused();
    await page.getByTestId('welcome-skip-all').click();
    await expect(page.getByRole('heading', { name: 'Siap!' })).toBeFocused();

    const options = await openExtensionPage('options.html');
    await expect(options.getByTestId('path-semua-asn')).toBeChecked();
    await expect(options.getByTestId('daily-goal')).toHaveValue('1');
    await expect(options.getByTestId('work-week-5')).toBeChecked();
  });
});

test('a learner who never saw the welcome page gets a working popup with the default path', async ({
  openExtensionPage,
}) => {
  const popup = await openExtensionPage('popup.html');
  const rows = popup.getByTestId('path-progress');
  await expect(rows).toHaveCount(1);
  await expect(rows).toHaveAttribute('data-path', 'semua-asn');
  await expect(rows).toContainText('Semua ASN');
  await expect(popup.getByTestId('path-progress-list')).toBeVisible();
});
