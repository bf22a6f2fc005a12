import { defineConfig } from '@playwright/test';

/**
 * The store screenshots (1280×800) in docs/screenshots/store/, taken from the
 * Chrome build in .output/chrome-mv3. `npm run screenshots` builds it first;
 * `npx playwright test --config playwright.screenshots.config.ts` uses the build as it is.
 */
export default defineConfig({
  testDir: 'tests/screenshots',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
