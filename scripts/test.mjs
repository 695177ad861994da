// `npm test`: every check, in order, stopping at the first failure. Used as is by CI (.ci/run).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const bin = (name) => join(ROOT, 'node_modules', '.bin', name);
const run = (command, args, env = {}) =>
  spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } }).status === 0;

// The audit endpoint may be blocked (proxies answer 405, or no network): that is "could not check",
// not "vulnerable", so it is reported as skipped. A real finding still fails the step.
function audit() {
  const r = spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { cwd: ROOT, encoding: 'utf8' });
  let report = null;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    // not JSON: read as text below
  }
  const counts = report?.metadata?.vulnerabilities;
  if (counts) {
    console.log(Object.entries(counts).map(([k, v]) => `${k}: ${v}`).join(', '));
    const bad = Object.entries(report.vulnerabilities ?? {}).filter(([, v]) => ['high', 'critical'].includes(v.severity));
    for (const [name, v] of bad) console.log(`  ${v.severity}: ${name} ${v.range ?? ''}`);
    return bad.length === 0 && r.status === 0;
  }
  const said = `${r.stdout}\n${r.stderr}`;
  if (report?.statusCode || /audit endpoint returned an error|E(?:NOTFOUND|AI_AGAIN|CONNREFUSED|CONNRESET|TIMEDOUT)|network/i.test(said)) {
    const why = report?.message ?? said.split('\n').find((l) => /error|warn/i.test(l)) ?? 'unreachable';
    return `audit endpoint unreachable (${why.trim()})`;
  }
  process.stdout.write(said);
  return false;
}

const steps = [
  ['typecheck: tsc', () => run(bin('tsc'), ['--noEmit', '-p', 'tsconfig.json'])],
  ['typecheck: svelte-check', () => run(bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--fail-on-warnings'])],
  ['lint: eslint (no warnings)', () => run(bin('eslint'), ['.', '--max-warnings', '0'])],
  ...['Europe/Brussels', 'America/New_York', 'Asia/Tokyo'].map((tz) => [
    `unit tests (TZ=${tz})`,
    () => run(bin('vitest'), ['run'], { TZ: tz }),
  ]),
  ['build', () => run('npm', ['run', 'build'])],
  ['web-ext lint (dist/firefox)', () => run(bin('web-ext'), ['lint', '--source-dir', 'dist/firefox', '--no-input'])],
  ['npm audit (runtime dependencies, high+)', audit],
  [
    'e2e (playwright)',
    () => (existsSync(join(ROOT, 'playwright.config.ts')) ? run(bin('playwright'), ['test']) : 'no playwright.config.ts yet'),
  ],
  ['e2e in Firefox ESR (puppeteer-core, WebDriver BiDi)', firefox],
];

// The Firefox scenarios (e2e/firefox/, vitest.firefox.config.ts): their pass/fail counts go into
// the closing summary, read from Vitest's JSON report.
const firefoxCounts = { passed: 0, failed: 0, skipped: 0 };
function firefox() {
  const report = join(ROOT, 'test-results', 'firefox-report.json');
  const ok = run(bin('vitest'), ['run', '-c', 'vitest.firefox.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  try {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    firefoxCounts.passed = json.numPassedTests;
    firefoxCounts.failed = json.numFailedTests;
    firefoxCounts.skipped = json.numPendingTests + json.numTodoTests;
  } catch {
    firefoxCounts.failed = ok ? 0 : 1;
  }
  return ok && firefoxCounts.passed > 0;
}

let passed = 0;
let failed = 0;
const skipped = [];
for (const [index, [name, step]] of steps.entries()) {
  console.log(`\n━━━━ [${index + 1}/${steps.length}] ${name}`);
  const started = Date.now();
  const result = step();
  const took = `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (typeof result === 'string') {
    skipped.push(name);
    console.log(`━━━━ SKIPPED ${name}: ${result} (${took})`);
  } else if (result) {
    passed++;
    console.log(`━━━━ passed ${name} (${took})`);
  } else {
    failed++;
    console.log(`━━━━ FAILED ${name} (${took}); later steps not run`);
    break;
  }
}
console.log('');
if (skipped.length > 0) console.log(`skipped: ${skipped.join('; ')}`);
if (firefoxCounts.passed + firefoxCounts.failed > 0) console.log(`Firefox scenarios: ${firefoxCounts.passed} passed, ${firefoxCounts.failed} failed, ${firefoxCounts.skipped} skipped`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
