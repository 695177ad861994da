// `npm run bench`: speed figures, each against a baseline measured in the same run.
//   1. the engine's decision time, empty history vs a year of organization-level traffic;
//   2. in real Chromium: added latency per intercepted call, the app with vs without the extension;
//   3. in real Chromium: the popup's first paint and JavaScript size (`npm run bench popup`).
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const only = process.argv[2];

async function engine() {
  const { module } = await runnerImport(join(ROOT, 'bench/engine.ts'));
  const r = module.runEngineBench();
  console.log('\nEngine decision time (pure, Node)');
  console.log(`  history: a year of organization traffic = ${r.callsSimulated.toLocaleString('en')} calls; kept: ${r.stampsKept} stamps, ${r.ladderEntries.toLocaleString('en')} ladder entries`);
  console.log(`  empty history : ${r.emptyNs.toFixed(0)} ns / decision`);
  console.log(`  after a year  : ${r.yearNs.toFixed(0)} ns / decision`);
  console.log(`  ratio         : ${r.ratio.toFixed(2)} (flat = about 1)`);
}

async function popup() {
  const extensionPath = process.env.EXTENSION_PATH ?? join(ROOT, 'dist', 'chrome');
  const { module } = await runnerImport(join(ROOT, 'bench/popup.ts'));
  const r = await module.runPopupBench(extensionPath);
  const ms = (xs) => `${module.median(xs).toFixed(0)} ms (runs: ${xs.map((x) => x.toFixed(0)).join(', ')})`;
  const kb = r.files.reduce((a, f) => a + f.gzip, 0) / 1024;
  console.log(`\nPopup (Chromium, ${extensionPath}, two mailboxes, median of ${r.runs} opens)`);
  console.log(`  first contentful paint : ${ms(r.paintMs)}   target < 100 ms ${module.median(r.paintMs) < 100 ? 'OK' : 'MISSED'}`);
  console.log(`  mailbox cards drawn    : ${ms(r.cardsMs)}`);
  console.log(`  JavaScript, gzipped    : ${kb.toFixed(1)} KB   target < 60 KB ${kb < 60 ? 'OK' : 'MISSED'}`);
  for (const f of r.files) console.log(`    ${f.file}: ${(f.gzip / 1024).toFixed(1)} KB`);
}

if (!only || only === 'engine') await engine();
if (!only || only === 'popup') await popup();
