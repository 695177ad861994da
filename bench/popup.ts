// The popup's speed, measured the way a user meets it: the built extension in real Chromium.
//  - first contentful paint of the popup page (PerformanceObserver 'paint'), and the moment the
//    mailbox cards are on screen (the popup's own 'companion:cards' mark), several runs, median;
//  - the JavaScript the popup HTML loads (its script, preloads and their static imports), gzipped.
// Targets: first paint under 100 ms, JavaScript under 60 KB gzipped.
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Harness, profileDir } from '../e2e/harness';
import { Simulator } from '../e2e/sim/simulator';

const POPUP = 'src/ui/popup/index.html';

export interface PopupBench {
  readonly runs: number;
  readonly paintMs: number[];
  readonly cardsMs: number[];
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

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};

export async function runPopupBench(extensionPath: string, runs = 9): Promise<PopupBench> {
  const files = popupScripts(extensionPath).map((file) => ({ file: file.slice(extensionPath.length + 1), gzip: gzipSync(readFileSync(file), { level: 9 }).length }));
  const sim = new Simulator();
  const { dir, temporary } = profileDir(undefined);
  const h = await Harness.launch({ extensionPath, userDataDir: dir, temporary, sim });
  try {
    await h.serviceWorker();
    // Two mailboxes seen, so the popup has real cards to draw.
    await h.openApp({ box: sim.scenario.individual });
    await h.openApp({ box: sim.scenario.organization });
    const paintMs: number[] = [];
    const cardsMs: number[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await h.context.newPage();
      await page.setViewportSize({ width: 380, height: 600 });
      await page.goto(`${h.extensionOrigin}/${POPUP}`);
      await page.locator('section.card').nth(1).waitFor();
      // The paint entry may be queued after the cards are found: observe it, buffered.
      const t = await page.evaluate(() => new Promise<{ paint: number; cards: number }>((done) => {
        const cards = performance.getEntriesByName('companion:cards')[0]?.startTime ?? NaN;
        const timer = setTimeout(() => done({ paint: NaN, cards }), 3000);
        new PerformanceObserver((list) => {
          const fcp = list.getEntriesByName('first-contentful-paint')[0];
          if (!fcp) return;
          clearTimeout(timer);
          done({ paint: fcp.startTime, cards });
        }).observe({ type: 'paint', buffered: true });
      }));
      paintMs.push(t.paint);
      cardsMs.push(t.cards);
      await page.close();
    }
    return { runs, paintMs, cardsMs, files };
  } finally {
    await h.close();
  }
}
