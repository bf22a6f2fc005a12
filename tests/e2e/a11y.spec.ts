import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';

const pages = ['popup.html', 'options.html', 'lesson.html'];

for (const path of pages) {
  test(`${path} has no serious or critical accessibility violation`, async ({ openExtensionPage }) => {
    const page = await openExtensionPage(path);
    await expect(page.locator('h1')).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    const serious = violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
    expect(serious).toEqual([]);
  });
}
