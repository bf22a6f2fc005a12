import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { contentPlugin } from './build/content-plugin';

export default defineConfig({
  plugins: [WxtVitest(), contentPlugin()],
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
    setupFiles: ['fake-indexeddb/auto', 'tests/unit/setup.ts'],
    environment: 'node',
    restoreMocks: true,
  },
});
