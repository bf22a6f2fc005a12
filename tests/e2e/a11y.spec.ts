import { dayKey } from '../../core/day';
import { lessonIds, seedHistory, syntheticHistory } from '../support/history';
import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

// Every page in both languages and both colour schemes: display.spec.ts.

test('popup and options pass axe empty and with two years of history, leave and the rules open', async ({
  background,
  openExtensionPage,
}) => {
  // Six full-page axe scans and two years of seeded history: longer than the default budget on a loaded machine.
  test.slow();
  const popup = await openExtensionPage('popup.html');
  await expect(popup.getByTestId('streak-current')).toHaveText('0');
  await expect(popup.getByTestId('heatmap')).toBeVisible();
  expect(await seriousViolations(popup)).toEqual([]);

  const today = dayKey(Date.now());
  await seedHistory(popup, syntheticHistory(today, lessonIds()));
  await background.evaluate(
    (start) => chrome.storage.local.set({ leaveDays: [{ start, end: start, kind: 'sakit' }] }),
    today,
  );
  await popup.reload();
  await expect(popup.getByTestId('streak-current')).not.toHaveText('0');
  await popup.getByText('Apa yang dihitung?').click();
  expect(await seriousViolations(popup)).toEqual([]);
  // The heatmap's holiday, leave and freeze colours hold their contrast in dark mode too.
  await popup.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousViolations(popup), 'dark').toEqual([]);

  const options = await openExtensionPage('options.html');
  await expect(options.getByTestId('leave-range')).toHaveCount(1);
  await options.getByRole('button', { name: 'Catat' }).click();
  await expect(options.getByTestId('leave-settings').getByRole('alert')).toBeVisible();
  expect(await seriousViolations(options)).toEqual([]);
});
