import { defineConfig } from 'vitest/config';

// The Firefox end-to-end scenarios (e2e/firefox/): a separate run, so that the unit tests
// (vitest.config.ts) never pick them up. One Firefox per file, files one after the other.
export default defineConfig({
  test: {
    include: ['e2e/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
    reporters: process.env.CI ? ['default'] : ['verbose'],
  },
});
