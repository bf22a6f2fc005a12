/**
 * `npm run icons`: renders assets/icon.svg to every PNG size the stores and
 * browsers ask for (public/icon/<size>.png), with Debian's Chromium.
 * Run it after changing the SVG and commit the PNGs.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium, ROOT } from '../tests/support/browsers';

export const ICON_SIZES = [16, 32, 48, 96, 128];

const svg = readFileSync(resolve(ROOT, 'assets/icon.svg'), 'utf8');
const out = resolve(ROOT, 'public/icon');
mkdirSync(out, { recursive: true });
const browser = await chromium.launch({ executablePath: findChromium(), headless: true });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg width="${size}" height="${size}" `)}</body></html>`,
    );
    await page.locator('svg').screenshot({ path: resolve(out, `${size}.png`), omitBackground: true });
    await page.close();
  }
  console.log(`icons: ${ICON_SIZES.join(', ')} px → public/icon/`);
} finally {
  await browser.close();
}
