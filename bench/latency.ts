// Added latency per intercepted call, measured in the page of the simulated web application: the
// same recognised calls timed in a browser without the extension and in one with it, both open
// in the same run. The calls go in blocks, alternating between the two browsers, with a pause
// after each block so that one browser's leftover work (the extension's batch, its commits) falls
// on no block of the other: a drift of the machine's load hits both sides alike.
// Three series: the web application's polling (GetMailbox, then each folder's listing) within
// budget in observe mode (the default) and in enforce mode (a held call would be answered locally
// and flatter us: every call must reach the server); and GetMailbox past its hourly limit in
// observe mode, where every call is warned about in a toast.
import type { Page } from '@playwright/test';
import { Harness, profileDir } from '../e2e/harness';
import { Simulator } from '../e2e/sim/simulator';

const BLOCK = 50;
/** Rounds per series, each in fresh browsers: the machine's noise averages out over more calls. */
const ROUNDS = 8;
/** Quiet time after a block: a batch is sent 30 ms after its first report, then committed. */
const SETTLE_MS = 250;
const API = 'https://www.ehealth.fgov.be/ehealthbox/api/v3/mailboxes';
const FOLDERS = ['inbox', 'sent', 'bin', 'binsent'] as const;

export interface Side {
  readonly p50: number;
  readonly p99: number;
}

export interface Series {
  readonly name: string;
  readonly calls: number;
  readonly without: Side;
  readonly with: Side;
  readonly addedP50: number;
  readonly addedP99: number;
  readonly ratioP50: number;
  /** Every call of the series reached the server on both sides (none held, none answered locally). */
  readonly allReached: boolean;
}

interface SeriesPlan {
  readonly name: string;
  readonly mode: 'Observe' | 'Enforce';
  readonly method: 'GetMailbox' | 'ListMessages';
  readonly url: (box: string, i: number) => string;
  /** Untimed calls first (the same kind), then the timed ones. */
  readonly warmUp: number;
  readonly calls: number;
}

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Browser {
  readonly harness: Harness;
  readonly sim: Simulator;
  readonly page: Page;
  readonly box: string;
}

async function open(extensionPath: string | null, mode: 'Observe' | 'Enforce'): Promise<Browser> {
  const sim = new Simulator();
  const { dir, temporary } = profileDir(undefined);
  const harness = await Harness.launch({ extensionPath, userDataDir: dir, temporary, sim, launchOverrides: {} });
  if (extensionPath !== null && mode === 'Enforce') {
    const options = await harness.openOptions();
    await options.getByLabel(mode, { exact: true }).check();
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await options.close();
  }
  const box = sim.scenario.organization;
  const page = await harness.openApp({ box, autoload: false });
  // One GetMailbox tells the extension the box is an organization's (until then the stricter
  // individual limits apply); the app makes it at start too.
  await timeCalls(page, [`${API}/${encodeURIComponent(box)}`]);
  // From here the calls go straight to the simulator's loopback server (still the production
  // origin, through Chromium's host resolver) instead of through Playwright's request routing,
  // whose round trip to the test driver added about 3 ms and most of the noise to every call.
  await harness.context.unrouteAll();
  return { harness, sim, page, box };
}

/** Times `urls` one after the other in the page (fetch until the JSON is read). */
function timeCalls(page: Page, urls: readonly string[]): Promise<number[]> {
  return page.evaluate(async (list) => {
    const times: number[] = [];
    for (const url of list) {
      const t0 = performance.now();
      const res = await fetch(url, { headers: { Accept: 'application/json' } });
      await res.json();
      times.push(performance.now() - t0);
    }
    return times;
  }, urls);
}

/** One round: a fresh browser on each side (fresh budgets), blocks taken in turn. */
async function round(plan: SeriesPlan, extensionPath: string): Promise<{ times: [number[], number[]]; allReached: boolean }> {
  const sides = [await open(null, plan.mode), await open(extensionPath, plan.mode)] as const;
  try {
    const times: [number[], number[]] = [[], []];
    const urls = (box: string, from: number, n: number): string[] => Array.from({ length: n }, (_, k) => plan.url(box, from + k));
    for (const b of sides) await timeCalls(b.page, urls(b.box, 0, plan.warmUp));
    for (let done = 0; done < plan.calls; done += BLOCK) {
      for (const [i, b] of sides.entries()) {
        times[i]!.push(...(await timeCalls(b.page, urls(b.box, plan.warmUp + done, Math.min(BLOCK, plan.calls - done)))));
        await sleep(SETTLE_MS);
      }
    }
    const made = (box: string): number => urls(box, 0, plan.warmUp + plan.calls).filter((u) => u.endsWith('/messages') === (plan.method === 'ListMessages')).length;
    return { times, allReached: sides.every((b) => b.sim.count(plan.method, b.box) >= made(b.box)) };
  } finally {
    for (const b of sides) await b.harness.close();
  }
}

async function series(plan: SeriesPlan, extensionPath: string): Promise<Series> {
  const times: [number[], number[]] = [[], []];
  let allReached = true;
  for (let r = 0; r < ROUNDS; r++) {
    const one = await round(plan, extensionPath);
    times[0].push(...one.times[0]);
    times[1].push(...one.times[1]);
    allReached &&= one.allReached;
  }
  const stats = (xs: number[]): Side => ({ p50: quantile(xs, 0.5), p99: quantile(xs, 0.99) });
  const [a, b] = [stats(times[0]), stats(times[1])];
  return { name: plan.name, calls: times[1].length, without: a, with: b, addedP50: b.p50 - a.p50, addedP99: b.p99 - a.p99, ratioP50: b.p50 / a.p50, allReached };
}

export async function runLatencyBench(extensionPath: string): Promise<Series[]> {
  const mailbox = (box: string): string => `${API}/${encodeURIComponent(box)}`;
  // What the web application repeats: GetMailbox, then the listing of each folder. Per hour for an
  // organization: 60 GetMailbox (§5.2.1), 60 listings per folder and 240 in all (§5.4.1).
  const polling = (box: string, i: number): string => (i % 5 === 0 ? mailbox(box) : `${mailbox(box)}/folders/${FOLDERS[(i % 5) - 1]}/messages`);
  const plans: SeriesPlan[] = [
    { name: 'observe (default), polling within budget: GetMailbox, then ListMessages of 4 folders', mode: 'Observe', method: 'ListMessages', url: polling, warmUp: 25, calls: 200 },
    { name: 'enforce, the same polling within budget', mode: 'Enforce', method: 'ListMessages', url: polling, warmUp: 25, calls: 200 },
    // After the 60th GetMailbox of the hour every call is over budget: warned, and the toast updated.
    { name: 'observe, GetMailbox over budget (each call warned in a toast)', mode: 'Observe', method: 'GetMailbox', url: mailbox, warmUp: 60, calls: 200 },
  ];
  const results: Series[] = [];
  for (const plan of plans) results.push(await series(plan, extensionPath));
  return results;
}
