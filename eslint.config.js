// ESLint (flat config), run by `npm run lint` and by `npm test` with zero warnings allowed.
// Type-aware where it matters: a promise nobody awaits or handles (`no-floating-promises`) or one
// handed where nothing awaits it (`no-misused-promises`) is an error; fire-and-forget is written
// `void` on purpose. The extension's own code never writes to the console (troubles go to the
// diagnostics the UI shows), and code that runs in the service worker has no `window`/`document`.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Code that runs in the background (service worker in Chrome, event page in Firefox, where the
// globals would exist and so hide the bug until Chrome). The features' UI side is named below.
const BACKGROUND = ['src/background/**/*.ts', 'src/store/**/*.ts', 'src/features/**/*.ts'];
const FEATURE_UI = ['src/features/**/*.svelte.ts', 'src/features/*/ui/**/*.ts'];
const BROWSER_ONLY = ['window', 'document', 'localStorage', 'sessionStorage', 'alert', 'confirm', 'prompt'].map((name) => ({
  name,
  message: 'Background code runs in a service worker: there is no window, document or page storage.',
}));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'store/**', 'e2e/hook-fixtures/**', 'scripts/demo/**'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  svelte.configs['flat/recommended'],
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, ...globals.webextensions },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // A `let` read by a closure made before its one assignment (a server's handler) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // `_name` marks an argument kept for its position (a callback's signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
    // `let { … } = $props()` is how Svelte 5 declares props (a prop may be bound): not a const.
    rules: { 'prefer-const': 'off' },
  },
  // Plain JavaScript (scripts, configs) is outside the TypeScript project: no type-aware rules there.
  { files: ['**/*.js', '**/*.mjs', '**/*.cjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['src/**'], rules: { 'no-console': 'error' } },
  // The hook hands the caller's own `arguments` to the native function: same count, same values,
  // read once (a rest parameter would change the wrapper's `length` the page can see).
  { files: ['src/hook/**/*.ts'], rules: { 'prefer-rest-params': 'off' } },
  { files: BACKGROUND, ignores: FEATURE_UI, rules: { 'no-restricted-globals': ['error', ...BROWSER_ONLY] } },
);
