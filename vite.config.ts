import { type Plugin, defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import webExtension from 'vite-plugin-web-extension';

// One manifest.json for both browsers: keys prefixed {{chrome}} / {{firefox}} are kept only
// for that target (vite-plugin-web-extension). TARGET picks the browser; the output goes to
// dist/<target>, or to $OUT_DIR (a private copy while others test against dist/: the plugin's
// inner builds ignore a --outDir given on the command line). Manifest validation is skipped
// because it downloads a schema (no network here); `web-ext lint` and scripts/build.mjs check
// the output instead.
// The plugin builds each background/content script on its own as an IIFE (no imports, no shared
// chunks); HTML pages are one multi-page ES-module build with shared chunks.
const target = process.env.TARGET === 'firefox' ? 'firefox' : 'chrome';

/**
 * The extension pages share one document: each page's index.html holds only its script, and the
 * head (character set first, viewport, title) and body are written here once.
 */
const pageShell: Plugin = {
  name: 'page-shell',
  transformIndexHtml: {
    order: 'pre',
    // The page's own part is its script (a comment there is for whoever opens the file).
    handler: (page) => `<!doctype html>
<html>
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width" />
    <title>Companion for eHealthBox</title>
  </head>
  <body>
    ${page.replace(/<!--[\s\S]*?-->/g, '').trim()}
  </body>
</html>
`,
  },
};

export default defineConfig({
  build: {
    outDir: process.env.OUT_DIR ?? `dist/${target}`,
    emptyOutDir: true,
    target: ['chrome111', 'firefox140'],
    minify: true,
    sourcemap: false,
    // Both browsers support <link rel="modulepreload"> natively; the polyfill would be a stray file.
    modulePreload: { polyfill: false },
  },
  plugins: [
    pageShell,
    // 'tree' builds each component's static DOM with createElement instead of a <template> filled
    // through innerHTML: no innerHTML assignment in the bundled Svelte runtime, so `web-ext lint` has
    // nothing to warn about and the pages would also run under Trusted Types.
    svelte({ compilerOptions: { fragments: 'tree' } }),
    webExtension({
      browser: target,
      manifest: 'manifest.json',
      // Pages the manifest does not name: the privacy policy, and the welcome page (opened on install
      // and from the popup).
      additionalInputs: ['src/ui/privacy/index.html', 'src/ui/welcome/index.html'],
      skipManifestValidation: true,
      disableAutoLaunch: true,
      printSummary: false,
    }),
  ],
});
