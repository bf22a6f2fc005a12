import { defineConfig } from 'vitest/config';

/** Checks on the built extension (.output/): size budgets and the permission snapshot. Run after `npm run build`. */
export default defineConfig({
  test: { include: ['tests/build/**/*.test.ts'] },
});
