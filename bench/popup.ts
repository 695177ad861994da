// The popup's speed, measured the way a user meets it: the built extension in real Chromium.
//  - first contentful paint of the popup page (PerformanceObserver 'paint'), its load event (a
//    toolbar popup is shown once its page has loaded) and the moment the mailbox cards are on
//    screen (the popup's own 'companion:cards' mark), over several opens;
//  - beside it, in the same browser and in turn with it, the first paint of a static extension page
//    holding one heading (no script, no style sheet): what any extension page costs on this
//    machine at this moment, so a noisy machine can be read from the difference;
//  - the JavaScript the popup HTML loads (its script, preloads and their static imports), gzipped.
// Targets (issue 17): first contentful paint ≤ 80 ms p50 with two mailboxes; JavaScript under 60 KB.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Harness, profileDir } from '../e2e/harness';
import { Simulator } from '../e2e/sim/simulator';

const POPUP = 'src/ui/popup/index.html';

/** A static extension page: a heading, no script, no style sheet (the floor of any extension page). */
const FLOOR = 'bench-floor.html';

export interface PopupBench {
  readonly runs: number;
  readonly paintMs: number[];
  readonly loadMs: number[];
  readonly cardsMs: number[];
  /** First contentful paint of the static page, opened in turn with the popup. */
  readonly floorMs: number[];
  readonly files: { file: string; gzip: number }[];
}

/** Every JS file the popup loads before it runs: the HTML's script and preloads, and what they import statically. */
export function popupScripts(extensionPath: string): string[] {
  const html = readFileSync(join(extensionPath, POPUP), 'utf8');
  const queue = [...html.matchAll(/<(?:script|link)[^>]+(?:src|href)="([^"]+\.js)"/g)].map((m) => join(extensionPath, (m[1] ?? '').replace(/^\//, '')));
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift() ?? '';
    if (seen.has(file)) continue;
    seen.add(file);
    // Static imports only (`import{a}from"./x.js"`, `import"./x.js"`); a dynamic import() loads later, on demand.
    for (const m of readFileSync(file, 'utf8').matchAll(/\bimport\s*(?:[\w${},\s*]+from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(resolve(dirname(file), m[1] ?? ''));
    }
  }
  return [...seen];
}

/** The first contentful paint of the page, its load event end and the popup's cards mark (NaN if absent). */
function timings(): Promise<{ paint: number; load: number; cards: number }> {
  return new Promise((done) => {
    const read = (paint: number): void => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      done({ paint, load: nav?.loadEventEnd ?? NaN, cards: performance.getEntriesByName('companion:cards')[0]?.startTime ?? NaN });
    };
    const timer = setTimeout(() => read(NaN), 3000);
    // The paint entry may be queued after the page is ready: observed, buffered.
    new PerformanceObserver((list) => {
      const fcp = list.getEntriesByName('first-contentful-paint')[0];
      if (!fcp) return;
      clearTimeout(timer);
      read(fcp.startTime);
    }).observe({ type: 'paint', buffered: true });
  });
}

export async function runPopupBench(extensionPath: string, runs = 15): Promise<PopupBench> {
  const files = popupScripts(extensionPath).map((file) => ({ file: file.slice(extensionPath.length + 1), gzip: gzipSync(readFileSync(file), { level: 9 }).length }));
  // A copy of the extension with the static page added (its id comes from the copy's path).
  const copy = mkdtempSync(join(tmpdir(), 'ehb-popup-bench-'));
  cpSync(extensionPath, copy, { recursive: true });
  writeFileSync(join(copy, FLOOR), '<!doctype html><html><head><meta charset="utf-8"><title>Floor</title></head><body><h1>Companion for eHealthBox</h1></body></html>');
  const sim = new Simulator();
  const { dir, temporary } = profileDir(undefined);
  const h = await Harness.launch({ extensionPath: copy, userDataDir: dir, temporary, sim });
  try {
    await h.serviceWorker();
    // Two mailboxes seen, so the popup has real cards to draw.
    await h.openApp({ box: sim.scenario.individual });
    await h.openApp({ box: sim.scenario.organization });
    const result = { runs, paintMs: [] as number[], loadMs: [] as number[], cardsMs: [] as number[], floorMs: [] as number[], files };
    for (let i = 0; i < runs; i++) {
      for (const path of [FLOOR, POPUP]) {
        const page = await h.context.newPage();
        await page.setViewportSize({ width: 380, height: 600 });
        await page.goto(`${h.extensionOrigin}/${path}`);
        if (path === POPUP) await page.locator('section.card').nth(1).waitFor();
        const t = await page.evaluate(timings);
        if (path === FLOOR) result.floorMs.push(t.paint);
        else {
          result.paintMs.push(t.paint);
          result.loadMs.push(t.load);
          result.cardsMs.push(t.cards);
        }
        await page.close();
      }
    }
    return result;
  } finally {
    await h.close();
    rmSync(copy, { recursive: true, force: true });
  }
}
