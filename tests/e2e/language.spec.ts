import { expect, test } from './fixtures';

test('the learner switches the interface to English in options, whatever the browser language', async ({
  openExtensionPage,
}) => {
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByRole('heading', { name: 'Sistem yang Anda gunakan minggu ini' })).toBeVisible();
  await expect(popup.locator('html')).toHaveAttribute('lang', 'id');

  const options = await openExtensionPage('options.html');
  await options.getByLabel('Bahasa tampilan').selectOption('en');
  await expect(options.getByRole('heading', { name: 'Langkah settings' })).toBeVisible();
  await expect(options.getByTestId('language-status')).toHaveText('Saved.');

  // Open pages follow the change live; new ones start in English.
  await expect(popup.getByRole('heading', { name: 'Systems you used this week' })).toBeVisible();
  const fresh = await openExtensionPage('popup.html');
  await expect(fresh.getByRole('heading', { name: 'Systems you used this week' })).toBeVisible();
  await expect(fresh.locator('html')).toHaveAttribute('lang', 'en');
});
