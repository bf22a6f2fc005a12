import { defineConfig } from 'vitest/config';

/** Firefox end-to-end runs: the built extension in Debian's Firefox ESR, one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
