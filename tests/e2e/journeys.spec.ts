/**
 * The shared user journeys (tests/journeys/journeys.ts) in Chromium, through
 * the Playwright driver: one test per journey, each on a fresh profile.
 * The same journeys run in Firefox ESR from tests/firefox/journeys.test.ts.
 */
import { playwrightDriver } from '../journeys/drivers/playwright';
import { JOURNEYS } from '../journeys/journeys';
import { test } from './fixtures';

test.describe('journeys (Chromium)', () => {
  for (const [name, journey] of Object.entries(JOURNEYS)) {
    test(name, async ({ context, extensionId, background, server }, testInfo) => {
      test.setTimeout(60_000);
      const downloadDir = testInfo.outputPath('downloads');
      await journey(playwrightDriver({ context, extensionId, background, server, downloadDir }));
    });
  }
});
