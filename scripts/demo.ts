/**
 * `npm start`: opens Chromium with the built Langkah and a local demo portal
 * whose pages are served under real government host names (SIASN, SRIKANDI,
 * LPSE look-alikes written for this project). Nothing leaves this machine.
 *
 *   npm start                 interactive demo (needs a display)
 *   xvfb-run -a npm start     on a machine without a display
 *   npm start -- --check      walks the demo by itself, saves screenshots to docs/screenshots/, exits
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startFixtureServer } from '../tests/fixtures/server';
import { CHROME_BUILD, chromiumArgs, findChromium, ROOT, requireBuild } from '../tests/support/browsers';
import { DEMO_SETTINGS } from './demo-profile';

const check = process.argv.includes('--check');

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error(
    [
      'Tidak ada layar (DISPLAY kosong). Jalankan demo dengan layar virtual:',
      '  xvfb-run -a npm start -- --check   (berjalan sendiri dan menyimpan tangkapan layar di docs/screenshots/)',
      '',
      'No display found. Run the demo under a virtual display: xvfb-run -a npm start -- --check',
    ].join('\n'),
  );
  process.exit(2);
}

const server = await startFixtureServer();
const profile = mkdtempSync(join(tmpdir(), 'langkah-demo-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: findChromium(),
  headless: false,
  viewport: null,
  args: [...chromiumArgs(requireBuild(CHROME_BUILD), server.port), '--window-size=1280,800'],
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
// The demo shows tips at any hour (the learner's own profile keeps 17:00–07:00 quiet).
await worker.evaluate((settings) => chrome.storage.local.set(settings), DEMO_SETTINGS);
const cleanup = async () => {
  await context.close().catch(() => {});
  await server.close();
  rmSync(profile, { recursive: true, force: true });
};

const portal = context.pages()[0] ?? (await context.newPage());
await portal.goto('http://demo.langkah.test/');

if (!check) {
  console.log(
    [
      'Demo Langkah berjalan. Buka tautan di portal demo, lalu klik ikon Langkah (ikon puzzle → Langkah) di bilah alat.',
      `Popup juga bisa dibuka sebagai halaman: chrome-extension://${extensionId}/popup.html`,
      'Tutup jendela Chromium atau tekan Ctrl+C untuk berhenti.',
    ].join('\n'),
  );
  context.on('close', () => void cleanup().then(() => process.exit(0)));
  process.on('SIGINT', () => void cleanup().then(() => process.exit(0)));
} else {
  const shots = resolve(ROOT, 'docs/screenshots');
  mkdirSync(shots, { recursive: true });
  const page = await context.newPage();
  for (const url of [
    'http://siasn-instansi.bkn.go.id/',
    'http://srikandi.arsip.go.id/',
    'http://lpse.jatimprov.go.id/',
  ]) {
    await page.goto(url);
    await page.waitForTimeout(800); // the content script reports when the page is idle
  }
  await page.goto('http://siasn-instansi.bkn.go.id/');
  await page.screenshot({ path: join(shots, 'demo-siasn.png') });
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 420 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.getByTestId('system-usage').nth(2).waitFor({ timeout: 10_000 });
  const systems = await popup
    .getByTestId('system-usage')
    .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-system-id')));
  await popup.screenshot({ path: join(shots, 'popup.png') });
  console.log(`Sistem tercatat / systems recorded: ${systems.join(', ')}`);
  console.log(`Tangkapan layar / screenshots: ${shots}`);
  await cleanup();
  process.exit(systems.length === 3 ? 0 : 1);
}
