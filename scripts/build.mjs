// Builds dist/chrome and dist/firefox from one manifest, then checks what came out.
//   node scripts/build.mjs                 locales + both builds + checks
//   node scripts/build.mjs --zip           ... then web-ext zips in dist/
//   node scripts/build.mjs --locales-only  only public/_locales (from src/i18n catalogs)
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, tokenizer } from 'acorn';
import { runnerImport } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGETS = ['chrome', 'firefox'];
const LANGS = ['en', 'fr', 'nl', 'de'];
const args = new Set(process.argv.slice(2));

function run(label, command, commandArgs, env = {}) {
  const r = spawnSync(command, commandArgs, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status ?? r.signal}); see its output above`);
}

async function generateLocales() {
  // Vite's module runner executes the TypeScript catalogs directly: no extra TS runner needed.
  const { module } = await runnerImport(join(ROOT, 'scripts/gen-locales.ts'));
  const files = await module.generateLocales(ROOT);
  console.log(`locales: ${files.length} messages.json written to public/_locales`);
}

/** Throws unless `code` is a classic script: no import/export statement, no import(), no import.meta. */
function assertClassicScript(file, { noGlobals }) {
  const code = readFileSync(file, 'utf8');
  let program;
  try {
    program = parse(code, { ecmaVersion: 'latest', sourceType: 'script' });
  } catch (e) {
    throw new Error(`${file}: not a classic script (${e.message})`, { cause: e });
  }
  for (const token of tokenizer(code, { ecmaVersion: 'latest', sourceType: 'script' })) {
    if (token.type.keyword === 'import') throw new Error(`${file}: uses import() or import.meta at ${token.start}`);
  }
  // A top-level `var`/function would land on the page's window (MAIN world): only wrapped code allowed.
  if (noGlobals && program.body.some((node) => node.type !== 'ExpressionStatement')) {
    throw new Error(`${file}: declares top-level names; expected a single IIFE`);
  }
}

function verify(target, version) {
  const dir = join(ROOT, 'dist', target);
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const fail = (message) => { throw new Error(`dist/${target}/manifest.json: ${message}`); };
  if (manifest.manifest_version !== 3) fail('manifest_version must be 3');
  if (manifest.version !== version) fail(`version ${manifest.version} differs from package.json ${version}`);
  const bg = manifest.background ?? {};
  if (target === 'chrome' && (typeof bg.service_worker !== 'string' || bg.scripts)) fail('needs background.service_worker only');
  if (target === 'firefox') {
    if (!Array.isArray(bg.scripts) || bg.service_worker) fail('needs background.scripts only');
    if (!manifest.browser_specific_settings?.gecko?.data_collection_permissions) fail('needs gecko.data_collection_permissions');
  }
  // The plugin emits classic IIFEs; a module-typed background would still load, but say so if it changes.
  const bgFiles = bg.service_worker ? [bg.service_worker] : bg.scripts;
  if (bg.type !== 'module') for (const f of bgFiles) assertClassicScript(join(dir, f), { noGlobals: false });
  for (const cs of manifest.content_scripts ?? []) {
    for (const f of cs.js ?? []) assertClassicScript(join(dir, f), { noGlobals: true });
  }
  const referenced = [
    ...bgFiles,
    ...Object.values(manifest.icons ?? {}),
    ...Object.values(manifest.action?.default_icon ?? {}),
    manifest.action?.default_popup,
    manifest.options_ui?.page,
    ...(manifest.content_scripts ?? []).flatMap((cs) => [...(cs.js ?? []), ...(cs.css ?? [])]),
  ].filter(Boolean);
  for (const f of referenced) if (!existsSync(join(dir, f))) fail(`references missing file ${f}`);
  for (const lang of LANGS) {
    const messages = JSON.parse(readFileSync(join(dir, '_locales', lang, 'messages.json'), 'utf8'));
    for (const [, key] of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) {
      if (!messages[key]) fail(`__MSG_${key}__ missing from _locales/${lang}`);
    }
  }
  const extra = readdirSync(join(dir, '_locales')).filter((l) => !LANGS.includes(l));
  if (extra.length > 0) fail(`unexpected locales ${extra.join(', ')}`);
  console.log(`verified dist/${target}: MV3, background ${bg.service_worker ? 'service_worker' : 'scripts'}, classic content scripts`);
}

async function main() {
  const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  await generateLocales();
  if (args.has('--locales-only')) return;
  const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  for (const target of TARGETS) {
    const started = Date.now();
    run(`vite build for ${target}`, process.execPath, [vite, 'build', '--logLevel', 'warn'], { TARGET: target });
    verify(target, version);
    console.log(`built dist/${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  if (!args.has('--zip')) return;
  const webExt = join(ROOT, 'node_modules', 'web-ext', 'bin', 'web-ext.js');
  for (const target of TARGETS) {
    const filename = `companion-for-ehealthbox-${target}-${version}.zip`;
    run(`web-ext build for ${target}`, process.execPath, [webExt, 'build', '--source-dir', `dist/${target}`, '--artifacts-dir', 'dist',
      '--filename', filename, '--overwrite-dest', '--no-input']);
    console.log(`packaged dist/${filename}`);
  }
  // Screenshots (headless Chromium, the demo's tour), promo tile and listings for the stores.
  const { module: store } = await runnerImport(join(ROOT, 'scripts/store/assets.ts'));
  const { missing } = await store.writeStoreAssets(ROOT);
  if (missing.length > 0) {
    console.log(`\nNOT READY FOR SUBMISSION: store/publisher.json is missing\n  - ${missing.join('\n  - ')}`);
    console.log('The listings in dist/store/listing/ carry no policy address until it is set there.');
  } else {
    console.log('\nstore/publisher.json is complete: dist/store/ is ready for submission.');
  }
}

try {
  await main();
} catch (error) {
  console.error(`\nbuild failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
