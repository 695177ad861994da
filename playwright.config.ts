import { defineConfig } from '@playwright/test';

// Chromium and the extension are launched by the fixtures in e2e/fixtures.ts (persistent profile,
// Debian Chromium at $CHROMIUM_PATH), so no browser project or download is configured here.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  globalSetup: './e2e/global-setup.ts',
  timeout: 60_000,
  expect: { timeout: 5_000 },
  retries: 0,
  workers: Number(process.env.E2E_WORKERS ?? 1) || 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? 'line' : 'list',
});
