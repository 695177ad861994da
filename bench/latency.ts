// Added latency per intercepted call, measured in the page of the simulated web application: the
// same recognised calls timed in a browser without the extension and in one with it, both open
// in the same run. The calls go in blocks, alternating between the two browsers, with a pause
// after each block so that one browser's leftover work (the extension's batch, its commits) falls
// on no block of the other: a drift of the machine's load hits both sides alike. Within a block
// the calls come as the application makes them, a few at a time with a pause between, except in
// one stress series where they come back to back.
// Series for every kind of call the application makes: its polling (GetMailbox, then each folder's
// listing; by fetch, and once by XMLHttpRequest) within budget in observe mode (the default) and
// in enforce mode (a held call would be answered locally and flatter us: every call must reach
// the server); opening messages and attachments not opened before, and moving messages to the
// bin, in enforce mode (each is a new ladder, §5.4.2–5.5.1); and GetMailbox past its hourly limit
// in observe mode, where every call is warned about in a toast. Then the first verdict after the
// service worker was stopped.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { Harness, profileDir } from '../e2e/harness';
import { Simulator } from '../e2e/sim/simulator';
import { addedInterval, quantile, type RoundTimes } from './stats';

const BLOCK = 50;
/** Rounds per series, each in fresh browsers: the machine's noise averages out over more calls. */
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 8;
/** Quiet time after a block: a batch is sent 30 ms after its first report, then committed. */
const SETTLE_MS = 250;
/** Untimed pause after a burst: the extension's leftover work of the burst (its batch, its commits) is over. */
const PAUSE_MS = 250;
const API = 'https://www.ehealth.fgov.be/ehealthbox/api/v3/mailboxes';
const FOLDERS = ['inbox', 'sent', 'bin', 'binsent'] as const;
/** Messages delivered to the box for the ladder series (each opened or moved once). */
const MESSAGES = 240;

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
  /** The added p50 of each round on its own, lowest and highest: how far one round's figure moves. */
  readonly spreadP50: readonly [number, number];
  readonly spreadP99: readonly [number, number];
  /** 95% bootstrap intervals of the added p50 and p99 over all rounds (stats.ts): what a target is judged on. */
  readonly intervalP50: readonly [number, number];
  readonly intervalP99: readonly [number, number];
  /** The smallest step of the page's clock seen (ms): 0.005 when cross-origin isolated. */
  readonly clockStep: number;
  /** Every call of the series reached the server on both sides (none held, none answered locally). */
  readonly allReached: boolean;
  /** What each side ran, for the report ("without extension", "floor extension", ...). */
  readonly sides: readonly [string, string];
  /** A series of ours against no extension: it has targets (the others explain them). */
  readonly targeted: boolean;
}

/** One timed call: a GET of `url`, or `method` with a JSON body. */
export interface Call {
  readonly url: string;
  readonly method?: string;
  readonly body?: string;
}

interface SeriesPlan {
  readonly name: string;
  readonly mode: 'Observe' | 'Enforce';
  /** The simulator's route every call of the series (after warm-up) must reach. */
  readonly method: 'GetMailbox' | 'ListMessages' | 'GetMessage' | 'GetAttachment' | 'Trash';
  readonly call: (box: string, i: number) => Call;
  /** Untimed calls first (the same kind), then the timed ones. */
  readonly warmUp: number;
  readonly calls: number;
  /**
   * The other browser has the extension too: `no-network-layer`, without its network layer (what
   * that layer costs); `itself`, the same build (an A/A run: what the machine's noise alone shows
   * as added); `floor`, the smallest extension doing both our jobs (`both` below): what ours adds
   * over any extension that counts these calls in the page and in the network.
   */
  readonly against?: 'no-network-layer' | 'itself' | 'floor';
  /**
   * Instead of ours, a floor: `page`, the smallest extension that counts the page's calls in the
   * page; `network`, one that only listens to them with webRequest as our network layer does;
   * `both`, one extension doing both.
   */
  readonly floor?: Floor;
  /**
   * Calls in bursts of this many, with PAUSE_MS between bursts (untimed), as the application polls:
   * GetMailbox and the four listings, then nothing for a while. Without it the calls go back to back.
   */
  readonly burst?: number;
  /** The calls go by XMLHttpRequest instead of fetch (the hook's other wrapper). */
  readonly xhr?: boolean;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface Browser {
  readonly harness: Harness;
  readonly sim: Simulator;
  readonly page: Page;
  readonly box: string;
}

export async function open(extensionPath: string | null, mode: 'Observe' | 'Enforce'): Promise<Browser> {
  const sim = new Simulator();
  // A 5 µs page clock instead of 100 µs: the targets are fractions of a millisecond.
  sim.crossOriginIsolated = true;
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
  if (!(await page.evaluate(() => crossOriginIsolated))) throw new Error('The bench page is not cross-origin isolated: its clock would step by 0.1 ms');
  // One GetMailbox tells the extension the box is an organization's (until then the stricter
  // individual limits apply); the app makes it at start too.
  await timeCalls(page, [{ url: `${API}/${encodeURIComponent(box)}` }]);
  // Messages (with one attachment each) to open and move in the ladder series: M-0, M-1, ...
  for (let i = 0; i < MESSAGES; i++) {
    sim.deliver(box, 'inbox', { id: `M-${i}`, attachments: [{ name: 'a.pdf', size: 2_000, key: 'att1' }] });
  }
  // From here the calls go straight to the simulator's loopback server (still the production
  // origin, through Chromium's host resolver) instead of through Playwright's request routing,
  // whose round trip to the test driver added about 3 ms and most of the noise to every call.
  await harness.context.unrouteAll();
  return { harness, sim, page, box };
}

/**
 * Times `calls` one after the other in the page, `burst` at a time with `pause` ms between: by
 * fetch until the answer is read, or by XMLHttpRequest until its load event (`xhr`).
 */
export function timeCalls(page: Page, calls: readonly Call[], burst = Infinity, pause = 0, xhr = false): Promise<number[]> {
  return page.evaluate(async ({ list, burst, pause, xhr }) => {
    const times: number[] = [];
    const byXhr = (c: (typeof list)[number]): Promise<unknown> =>
      new Promise((resolve, reject) => {
        const x = new XMLHttpRequest();
        x.open(c.method ?? 'GET', c.url);
        x.setRequestHeader('Accept', 'application/json');
        if (c.body) x.setRequestHeader('Content-Type', 'application/json');
        x.onload = () => resolve(x.responseText);
        x.onerror = reject;
        x.send(c.body ?? null);
      });
    for (const c of list) {
      if (times.length > 0 && times.length % burst === 0) await new Promise((r) => setTimeout(r, pause));
      const t0 = performance.now();
      if (xhr) await byXhr(c);
      else {
        const res = await fetch(c.url, {
          method: c.method ?? 'GET',
          headers: { Accept: 'application/json', ...(c.body ? { 'Content-Type': 'application/json' } : {}) },
          ...(c.body ? { body: c.body } : {}),
        });
        await res.arrayBuffer();
      }
      times.push(performance.now() - t0);
    }
    return times;
  }, { list: calls, burst, pause, xhr });
}

/** The smallest non-zero step of the page's `performance.now()`, in ms. */
export function clockStep(page: Page): Promise<number> {
  return page.evaluate(() => {
    let step = Infinity;
    for (let i = 0; i < 200; i++) {
      const a = performance.now();
      let b = performance.now();
      while (b === a) b = performance.now();
      step = Math.min(step, b - a);
    }
    return step;
  });
}

/** One round: a fresh browser on each side (fresh budgets), blocks taken in turn. */
async function round(plan: SeriesPlan, extensionPath: string, against: string | null): Promise<{ times: [number[], number[]]; allReached: boolean; clockStep: number }> {
  const theirs = plan.floor ? floorExtension(plan.floor, extensionPath) : extensionPath;
  const mine = plan.against === 'no-network-layer' ? withoutNetworkLayer(extensionPath) : plan.against === 'itself' ? extensionPath : plan.against === 'floor' ? floorExtension('both', extensionPath) : against;
  // A floor has no modes (and no options page): it only counts.
  const sides = [await open(mine, plan.against === 'floor' ? 'Observe' : plan.mode), await open(theirs, plan.floor ? 'Observe' : plan.mode)] as const;
  try {
    const times: [number[], number[]] = [[], []];
    const urls = (box: string, from: number, n: number): Call[] => Array.from({ length: n }, (_, k) => plan.call(box, from + k));
    for (const b of sides) await timeCalls(b.page, urls(b.box, 0, plan.warmUp), Infinity, 0, plan.xhr);
    for (let done = 0; done < plan.calls; done += BLOCK) {
      // Each side goes first in every other block: an A/A run with one order always showed the
      // second side up to 0.3 ms faster.
      const order = (done / BLOCK) % 2 === 0 ? [0, 1] : [1, 0];
      for (const i of order) {
        const b = sides[i]!;
        times[i]!.push(...(await timeCalls(b.page, urls(b.box, plan.warmUp + done, Math.min(BLOCK, plan.calls - done)), plan.burst, PAUSE_MS, plan.xhr)));
        await sleep(SETTLE_MS);
      }
    }
    // Every timed call is of the plan's kind, except in the polling series (1 in 5 is a GetMailbox).
    const made = plan.method === 'ListMessages' ? (plan.calls * 4) / 5 : plan.calls;
    // A floor extension must do its job: its worker acknowledged a count of every call.
    const floorSide = plan.against === 'floor' ? { kind: 'both' as const, side: sides[0] } : plan.floor ? { kind: plan.floor, side: sides[1] } : null;
    const floorCounted = floorSide === null || (await countedAll(floorSide.kind, floorSide.side, made));
    return { times, allReached: floorCounted && sides.every((b) => b.sim.count(plan.method, b.box) >= made), clockStep: await clockStep(sides[1].page) };
  } finally {
    for (const b of sides) await b.harness.close();
  }
}

/** The floor's page part counted `made` calls (its worker acknowledged them), its network part heard them. */
async function countedAll(kind: Floor, b: Browser, made: number): Promise<boolean> {
  const inPage = kind === 'network' || (await b.page.evaluate(() => Number(document.documentElement.dataset.floorCounted))) >= made;
  const heard = kind === 'page' || (await (await b.harness.serviceWorker()).evaluate(() => (self as unknown as { heard: number }).heard)) >= made;
  return inPage && heard;
}

function sideNames(plan: SeriesPlan, against: string | null): [string, string] {
  const without = plan.against === 'no-network-layer' ? 'without its network layer' : plan.against === 'itself' ? 'the same build' : plan.against === 'floor' ? 'floor extension' : against ? `build ${against}` : 'without extension';
  return [without, plan.floor ? 'floor extension' : 'with extension'];
}

const stats = (xs: readonly number[]): Side => ({ p50: quantile(xs, 0.5), p99: quantile(xs, 0.99) });
const range = (xs: readonly number[]): [number, number] => [Math.min(...xs), Math.max(...xs)];

async function series(plan: SeriesPlan, extensionPath: string, against: string | null): Promise<Series> {
  const times: [number[], number[]] = [[], []];
  const perRound: { p50: number; p99: number }[] = [];
  const rounds: RoundTimes[] = [];
  let allReached = true;
  let step = Infinity;
  for (let r = 0; r < ROUNDS; r++) {
    const one = await round(plan, extensionPath, against);
    times[0].push(...one.times[0]);
    times[1].push(...one.times[1]);
    rounds.push(one.times);
    const [a, b] = [stats(one.times[0]), stats(one.times[1])];
    perRound.push({ p50: b.p50 - a.p50, p99: b.p99 - a.p99 });
    allReached &&= one.allReached;
    step = Math.min(step, one.clockStep);
  }
  const [a, b] = [stats(times[0]), stats(times[1])];
  return {
    name: plan.name, calls: times[1].length, without: a, with: b, addedP50: b.p50 - a.p50, addedP99: b.p99 - a.p99, ratioP50: b.p50 / a.p50, allReached, sides: sideNames(plan, against), targeted: plan.against === undefined && plan.floor === undefined && against === null,
    spreadP50: range(perRound.map((x) => x.p50)), spreadP99: range(perRound.map((x) => x.p99)), clockStep: step,
    intervalP50: addedInterval(rounds, BLOCK, 0.5), intervalP99: addedInterval(rounds, BLOCK, 0.99),
  };
}

/**
 * A copy of the built extension without the webRequest and declarativeNetRequest permissions (its
 * network layer then stays off, background/network/index.ts): made once per run.
 */
const stripped = new Map<string, string>();
export function withoutNetworkLayer(extensionPath: string): string {
  const known = stripped.get(extensionPath);
  if (known) return known;
  const dir = mkdtempSync(join(tmpdir(), 'companion-no-network-'));
  cpSync(extensionPath, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { permissions: string[] };
  manifest.permissions = manifest.permissions.filter((p) => !/^(webRequest|declarativeNetRequest)/.test(p));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  stripped.set(extensionPath, dir);
  return dir;
}

export type Floor = 'page' | 'network' | 'both';

/**
 * The floors, throwaway MV3 extensions made once per run. `page`: the smallest extension that
 * counts a page's calls and reads their answers as ours must (issue 11; quota and retention): a
 * script in the page's world wraps fetch, reads each answer from a clone as JSON, and reports the
 * call and its status over a MessageChannel to a content script, which sends them to its worker in
 * batches (200 ms, as ours). No decision, no storage. `network`: the browser's part of the network
 * layer, an extension with the same permissions and the same three webRequest listeners on the
 * same filter (onBeforeRequest with the request body, onCompleted, onErrorOccurred) that do
 * nothing: what any extension that sees the calls no page hook sees (issue 11: workers, beacons,
 * forms) pays per request, whatever its listeners do. `both`: one extension doing both, the floor
 * under ours.
 */
const floorDirs = new Map<Floor, string>();
export function floorExtension(kind: Floor, extensionPath: string): string {
  const known = floorDirs.get(kind);
  if (known) return known;
  const inPage = kind !== 'network';
  const listens = kind !== 'page';
  // Ours listens to every request of its host permissions (src/background/network/index.ts).
  const urls = listens ? (JSON.parse(readFileSync(join(extensionPath, 'manifest.json'), 'utf8')) as { host_permissions: string[] }).host_permissions : [];
  const worker = [
    inPage ? 'chrome.runtime.onMessage.addListener((m, _s, reply) => void reply(m.batch.filter((r) => r.status !== undefined).length));' : '',
    listens ? NETWORK_LISTENERS(urls) : '',
  ].join('\n');
  const dir = smallExtension(`companion-${kind}-floor-`, inPage ? PAGE_SCRIPTS : [], { 'worker.js': worker, ...(inPage ? PAGE_FILES : {}) }, listens ? { permissions: ['webRequest', 'declarativeNetRequestWithHostAccess'], host_permissions: urls } : {});
  floorDirs.set(kind, dir);
  return dir;
}

const EHEALTH = ['https://www.ehealth.fgov.be/*'];
const PAGE_SCRIPTS = [
  { matches: EHEALTH, js: ['relay.js'], run_at: 'document_start' },
  { matches: EHEALTH, js: ['hook.js'], run_at: 'document_start', world: 'MAIN' },
];
const PAGE_FILES = {
  'hook.js': `(() => {
    const { port1, port2 } = new MessageChannel();
    postMessage({ floorPort: true }, location.origin, [port2]);
    const send = window.fetch;
    let n = 0;
    window.fetch = function (input, init) {
      const id = ++n;
      port1.postMessage({ id, url: typeof input === 'string' ? input : String(input.url) });
      return send.call(this, input, init).then((res) => {
        // As ours must (quota, retention): the answer is read, here whole, as JSON.
        res.clone().json().then((json) => port1.postMessage({ id, status: res.status, items: Array.isArray(json) ? json.length : 1 }), () => port1.postMessage({ id, status: res.status }));
        return res;
      });
    };
  })();`,
  'relay.js': `addEventListener('message', (e) => {
    if (e.source !== window || e.data?.floorPort !== true) return;
    let batch = [];
    let counted = 0;
    e.ports[0].onmessage = ({ data }) => {
      if (batch.push(data) > 1) return;
      setTimeout(() => {
        const sent = batch;
        batch = [];
        chrome.runtime.sendMessage({ batch: sent }).then((n) => (document.documentElement.dataset.floorCounted = String((counted += n))));
      }, 200);
    };
  });`,
};
const NETWORK_LISTENERS = (urls: string[]): string => `const filter = { urls: ${JSON.stringify(urls)} };
    chrome.webRequest.onBeforeRequest.addListener(() => undefined, filter, ['requestBody']);
    // One count, read once the series is done, to show the listeners did hear every call.
    self.heard = 0;
    chrome.webRequest.onCompleted.addListener(() => void self.heard++, filter);
    chrome.webRequest.onErrorOccurred.addListener(() => undefined, filter);`;

/** A throwaway MV3 extension: a worker, these content scripts, and the files named, in a new temporary folder. */
function smallExtension(prefix: string, contentScripts: object[], files: Record<string, string>, more: object = {}): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const manifest = { manifest_version: 3, name: prefix, version: '1', background: { service_worker: 'worker.js' }, content_scripts: contentScripts, ...more };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

const mailbox = (box: string): string => `${API}/${encodeURIComponent(box)}`;
const message = (box: string, i: number): string => `${mailbox(box)}/folders/inbox/messages/M-${i}`;
const trash = (box: string, i: number): Call => ({ url: `${mailbox(box)}/folders/inbox/messages/trash`, method: 'POST', body: JSON.stringify({ messageIds: [`M-${i}`] }) });

/**
 * What the web application repeats: GetMailbox, then the listing of each folder. Per hour for an
 * organization: 60 GetMailbox (§5.2.1), 60 listings per folder and 240 in all (§5.4.1).
 */
export const polling = (box: string, i: number): Call => ({ url: i % 5 === 0 ? mailbox(box) : `${mailbox(box)}/folders/${FOLDERS[(i % 5) - 1]}/messages` });

/**
 * `against`: another build of the extension for the "without" side (an A/B run of two builds, both
 * in the same run and blocks, where runs apart differ by more than most changes).
 */
export async function runLatencyBench(extensionPath: string, report: (s: Series) => void, only?: RegExp, against: string | null = null): Promise<void> {
  // The application's rhythm: a burst of calls (GetMailbox and the four listings; a few messages
  // opened), then a pause. Back to back, the extension's work for one burst (its batch, the worker's
  // commits) shares this machine's two cores with the next calls: the stress series shows that.
  const paced = { burst: 5 };
  const poll = { mode: 'Observe', method: 'ListMessages', call: polling, warmUp: 25, calls: 200 } as const;
  const plans: SeriesPlan[] = [
    { name: 'observe (default), polling within budget at the application\'s rhythm: GetMailbox, then ListMessages of 4 folders, a pause', ...poll, ...paced },
    // The same, against the smallest extension that counts these calls both in the page and in the
    // network: what ours adds over what any extension doing this job costs.
    { name: 'observe, the same polling: what ours adds over the smallest extension doing both jobs (the floor)', ...poll, ...paced, against: 'floor' },
    // That floor against no extension: what any extension doing this job costs; then its two parts.
    { name: 'observe, the same polling: the smallest extension doing both jobs, against no extension (the floor)', ...poll, ...paced, floor: 'both' },
    { name: 'observe, the same polling: the smallest extension counting the calls in the page (the page floor)', ...poll, ...paced, floor: 'page' },
    { name: 'observe, the same polling: an extension only listening to them with webRequest, as our network layer (the network layer\'s floor)', ...poll, ...paced, floor: 'network' },
    // The same, against the extension without its network layer: the share of the backstop that
    // counts what no page hook sees (issue 11), a cost of the browser's, not of the page's.
    { name: 'observe, the same polling: the network layer\'s share (against the extension without it)', ...poll, ...paced, against: 'no-network-layer' },
    // The same build on both sides: what this machine's noise alone shows as added, for p50 and
    // p99 (a figure within this is no difference at all).
    { name: 'observe, the same polling: the extension against itself (A/A, the bench\'s own noise)', ...poll, ...paced, against: 'itself' },
    // The same calls through the hook's XMLHttpRequest wrapper: a page using XHR pays what a page using fetch pays.
    { name: 'observe, the same polling by XMLHttpRequest', ...poll, ...paced, xhr: true },
    { name: 'observe, polling back to back (stress: 50 calls without a pause)', ...poll },
    { name: 'observe, polling back to back: what ours adds over the floor', ...poll, against: 'floor' },
    { name: 'enforce, the same polling within budget', ...poll, ...paced, mode: 'Enforce' },
    // What deciding before each call leaves (leased slots, holds) costs over only counting it.
    { name: 'enforce, the same polling: what ours adds over the floor (which only counts)', ...poll, ...paced, mode: 'Enforce', against: 'floor' },
    // Each call a message or attachment not opened before: a new ladder (§5.4.2, §5.5.1).
    { name: 'enforce, opening messages not opened before (GetMessage)', mode: 'Enforce', method: 'GetMessage', call: (box, i) => ({ url: message(box, i) }), warmUp: 10, calls: 200, ...paced },
    { name: 'enforce, opening attachments not opened before (GetAttachment)', mode: 'Enforce', method: 'GetAttachment', call: (box, i) => ({ url: `${message(box, i)}/attachments/att1` }), warmUp: 10, calls: 200, ...paced },
    // Moving one message to the bin: a batch of one id (§5.4.3).
    { name: 'enforce, moving messages to the bin (Trash, one id each)', mode: 'Enforce', method: 'Trash', call: trash, warmUp: 10, calls: 200, ...paced },
    // After the 60th GetMailbox of the hour every call is over budget: warned, and the toast updated.
    { name: 'observe, GetMailbox over budget (each call warned in a toast)', mode: 'Observe', method: 'GetMailbox', call: (box) => ({ url: mailbox(box) }), warmUp: 60, calls: 200, ...paced },
  ];
  // Each series is told as soon as it is done: a whole run takes about an hour.
  for (const plan of plans.filter((p) => !only || only.test(p.name))) report(await series(plan, extensionPath, against));
}

export interface ColdStart {
  readonly runs: number;
  /** The first call after the worker was stopped, and the same call with the worker running. */
  readonly cold: Side;
  readonly warm: Side;
  /** Each stop's first call minus the awake call that followed it (ms), in order. */
  readonly added: number[];
  /** The same for the smallest extension that answers a page through its worker: the browser's share. */
  readonly floor: { readonly cold: Side; readonly warm: Side; readonly added: number[] };
}

/**
 * Enforce mode, the service worker stopped as Chromium stops an idle one: the time of the first
 * call that needs a verdict from it, against the same kind of call with the worker awake. Each is
 * a new tab's first move of a message to the bin: a tab that moved messages before may move the
 * next on its ladder lease, without the worker.
 */
export async function runColdStartBench(extensionPath: string, runs = 12): Promise<ColdStart> {
  return inEnforceMode(extensionPath, async (b) => {
    const cold: number[] = [];
    const warm: number[] = [];
    const firstMove = async (i: number, stopped: boolean): Promise<number[]> => {
      const tab = await b.harness.openApp({ box: b.box, autoload: false, page: await b.harness.context.newPage() });
      if (stopped) await b.harness.stopServiceWorker();
      try {
        return await timeCalls(tab, [trash(b.box, i)]);
      } finally {
        await tab.close();
        await sleep(SETTLE_MS);
      }
    };
    for (let r = 0; r < runs; r++) {
      cold.push(...(await firstMove(2 * r, true)));
      warm.push(...(await firstMove(2 * r + 1, false)));
    }
    return { runs, cold: stats(cold), warm: stats(warm), added: cold.map((c, i) => c - (warm[i] ?? NaN)), floor: await floorColdStart(runs) };
  });
}

/**
 * The browser's own share of a cold start: the smallest MV3 extension that answers a page through
 * its service worker (a content script relays the page's message, the worker replies at once),
 * its worker stopped and woken by that message, against the same message with the worker awake.
 */
async function floorColdStart(runs: number): Promise<ColdStart['floor']> {
  const dir = smallExtension('companion-floor-', [{ matches: EHEALTH, js: ['relay.js'], run_at: 'document_start' }], {
    'worker.js': 'chrome.runtime.onMessage.addListener((m, _s, reply) => void reply(m));',
    'relay.js': `addEventListener('message', (e) => {
    if (e.source !== window || typeof e.data?.ping !== 'number') return;
    chrome.runtime.sendMessage({ pong: e.data.ping }).then((r) => postMessage(r, '*'));
  });`,
  });
  const sim = new Simulator();
  const { dir: profile, temporary } = profileDir(undefined);
  const harness = await Harness.launch({ extensionPath: dir, userDataDir: profile, temporary, sim, launchOverrides: {} });
  const ping = (tab: Page, n: number): Promise<number> => tab.evaluate((k) => new Promise<number>((resolve) => {
    const t0 = performance.now();
    addEventListener('message', function on(e: MessageEvent<{ pong?: number }>) {
      if (e.data?.pong !== k) return;
      removeEventListener('message', on);
      resolve(performance.now() - t0);
    });
    postMessage({ ping: k }, '*');
  }), n);
  const firstPing = async (n: number, stopped: boolean): Promise<number> => {
    const tab = await harness.openApp({ box: sim.scenario.organization, autoload: false, page: await harness.context.newPage() });
    if (stopped) await harness.stopServiceWorker();
    try {
      return await ping(tab, n);
    } finally {
      await tab.close();
      await sleep(SETTLE_MS);
    }
  };
  try {
    const cold: number[] = [];
    const warm: number[] = [];
    for (let r = 0; r < runs; r++) {
      cold.push(await firstPing(2 * r, true));
      warm.push(await firstPing(2 * r + 1, false));
    }
    return { cold: stats(cold), warm: stats(warm), added: cold.map((c, i) => c - (warm[i] ?? NaN)) };
  } finally {
    await harness.close();
  }
}

/** One browser with the extension in enforce mode, closed after `use`. */
async function inEnforceMode<T>(extensionPath: string, use: (b: Browser) => Promise<T>): Promise<T> {
  const b = await open(extensionPath, 'Enforce');
  try {
    return await use(b);
  } finally {
    await b.harness.close();
  }
}

export interface HeldAnswers {
  readonly calls: number;
  readonly answered: Side;
  /** Held calls that reached the server anyway (must be 0). */
  readonly reached: number;
}

/**
 * Enforce mode, GetMailbox spent for the hour: the time the page waits for the answer to a call it
 * already knows is held (the hook answers with the last real answer, no message, no network).
 */
export async function runHeldBench(extensionPath: string, calls = 400): Promise<HeldAnswers> {
  return inEnforceMode(extensionPath, async (b) => {
    const url = { url: mailbox(b.box) };
    // The box's first GetMailbox was made in open(): 59 more spend the hour's 60 (§5.2.1), one more is held.
    await timeCalls(b.page, Array.from({ length: 60 }, () => url));
    const before = b.sim.count('GetMailbox', b.box);
    const times = await timeCalls(b.page, Array.from({ length: calls }, () => url));
    return { calls, answered: stats(times), reached: b.sim.count('GetMailbox', b.box) - before };
  });
}
