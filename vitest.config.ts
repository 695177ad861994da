import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Separate from vite.config.ts so tests never run the web-extension plugin (it builds the extension).
// Tests must pass under any TZ: scripts/test.mjs runs them under Europe/Brussels, America/New_York
// and Asia/Tokyo, so never rely on the machine's time zone; use Europe/Brussels explicitly.
export default defineConfig({
  // Compiles `.svelte` / `.svelte.ts` (runes) modules imported by tests.
  plugins: [svelte()],
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
    environment: 'node',
    // vi.stubGlobal (fetch, navigator...) is undone after each test, so no test leaks into the next.
    unstubGlobals: true,
    // Room for a loaded 2-core machine: the slowest default-timeout test takes about 2 s there.
    // Heavier tests (property runs, a simulated year) set their own, well above what they take.
    testTimeout: 20_000,
  },
});
