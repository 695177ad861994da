// `npm run demo`: the extension at work on the simulated eHealthBox web application, from a fresh
// clone, in one command. Installs what is missing, builds, then opens Chromium with the extension:
// a window to try it by hand when a display exists, else a scripted tour that writes screenshots.
//   npm run demo                      window if $DISPLAY is set, else the tour
//   npm run demo -- --tour            the tour even with a display
//   npm run demo -- --lang=fr         browser language fr (also nl, de, en)
//   npm run demo -- --out=DIR         screenshots there (default demo-output/)
// Only Node built-ins are imported up here: node_modules may not exist yet.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const argv = process.argv.slice(2);
const option = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

function fail(lines) {
  console.error(`\n${lines.join('\n')}\n`);
  process.exit(1);
}

function run(label, command, args) {
  console.log(`\n▶ ${label}`);
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) fail([`${label} failed (exit ${r.status ?? r.signal}).`]);
}

const [major] = process.versions.node.split('.').map(Number);
if (major < 20) fail([`Node ${process.versions.node} is too old: the demo needs Node 20 or later.`]);

if (!existsSync(join(ROOT, 'node_modules', '.bin', 'vite'))) run('npm ci (first run: installing the dependencies)', 'npm', ['ci', '--no-audit', '--no-fund']);

// The demo drives the system's Chromium (Playwright's own browser download is not needed).
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  fail([
    `No Chromium at ${chromium}.`,
    'Install it, or point CHROMIUM_PATH at a Chromium or Chrome binary:',
    '  Debian / Ubuntu : sudo apt-get install chromium',
    '  Fedora          : sudo dnf install chromium',
    '  macOS           : CHROMIUM_PATH="/Applications/Google Chrome.app/Contents/MacOS/Google Chrome" npm run demo',
  ]);
}

run('build (dist/chrome, dist/firefox)', process.execPath, [join(ROOT, 'scripts', 'build.mjs')]);

const lang = option('lang');
if (lang !== undefined && !['en', 'fr', 'nl', 'de'].includes(lang)) fail([`--lang must be one of en, fr, nl, de (got ${lang}).`]);
const headful = Boolean(process.env.DISPLAY) && !argv.includes('--tour');

// The tour is TypeScript (it reuses the e2e harness and simulator); Vite's module runner runs it.
const { runnerImport } = await import('vite');
const { module } = await runnerImport(join(ROOT, 'scripts', 'demo', 'run.ts'));
try {
  const shots = await module.runDemo({
    headful,
    lang: lang ?? 'en',
    outDir: resolve(ROOT, option('out') ?? 'demo-output'),
    extensionPath: join(ROOT, 'dist', 'chrome'),
  });
  if (shots.length > 0) console.log(`\nDone. Screenshots:\n${shots.map((s) => `  ${s}`).join('\n')}`);
} catch (error) {
  fail([`The demo stopped: ${error instanceof Error ? error.message : String(error)}`]);
}
// Playwright and the loopback server may keep handles open for a moment; the demo is done.
process.exit(0);
