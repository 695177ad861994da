// Where an intercepted call's cost goes on the machine: CPU time per call by browser process
// (Chromium's own accounting, SystemInfo.getProcessInfo), for the same polling without extension,
// with each floor, with ours without its network layer, and with ours. Latency on 2 cores is mostly
// CPU the call's path has to share: this says whose CPU it is, with less noise than latency.
import { type Browser, floorExtension, open, polling, timeCalls, withoutNetworkLayer } from './latency';
import { quantile } from './stats';

/** Calls timed per browser after 60 to warm up: 250 in all stay within an organization's hourly limits (50 GetMailbox, 50 listings a folder). */
const CALLS = 190;
const WARM_UP = 60;
const ROUNDS = Number(process.env.BENCH_ROUNDS) || 4;

export interface CpuSide {
  readonly name: string;
  /** Median over the rounds of each process kind's CPU ms per call, and of their total. */
  readonly perKind: Record<string, number>;
  readonly total: number;
  /** Lowest and highest total of single rounds. */
  readonly spread: readonly [number, number];
}

const median = (xs: readonly number[]): number => quantile(xs, 0.5);

/** CPU ms of each live process, by kind (renderers summed: the page's and the extension's worker). */
async function cpuByKind(b: Browser): Promise<Map<string, number>> {
  const browser = b.harness.context.browser();
  if (!browser) throw new Error('no browser');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number; cpuTime: number }[] };
    return new Map(processInfo.map((p) => [`${p.type}:${p.id}`, p.cpuTime * 1000]));
  } finally {
    await cdp.detach();
  }
}

async function measure(extensionPath: string | null): Promise<Map<string, number>> {
  const b = await open(extensionPath, 'Observe');
  try {
    const calls = Array.from({ length: WARM_UP + CALLS }, (_, i) => polling(b.box, i));
    await timeCalls(b.page, calls.slice(0, WARM_UP));
    const before = await cpuByKind(b);
    await timeCalls(b.page, calls.slice(WARM_UP));
    // The last batch (200 ms) and its commit belong to these calls.
    await new Promise((r) => setTimeout(r, 600));
    const after = await cpuByKind(b);
    const perKind = new Map<string, number>();
    for (const [key, ms] of after) {
      const kind = key.slice(0, key.lastIndexOf(':')).replace('network.mojom.NetworkService', 'network service');
      perKind.set(kind, (perKind.get(kind) ?? 0) + (ms - (before.get(key) ?? 0)) / CALLS);
    }
    return perKind;
  } finally {
    await b.harness.close();
  }
}

export async function runCpuBench(extensionPath: string): Promise<CpuSide[]> {
  const sides: [string, () => string | null][] = [
    ['without extension', () => null],
    ['the page floor (smallest extension counting the calls in the page)', () => floorExtension('page', extensionPath)],
    ['the network floor (only webRequest listeners that do nothing)', () => floorExtension('network', extensionPath)],
    ['ours without its network layer', () => withoutNetworkLayer(extensionPath)],
    ['ours', () => extensionPath],
  ];
  const rounds = sides.map(() => [] as Map<string, number>[]);
  // Rounds taken in turn, so that a drift of the machine's load hits every side.
  for (let r = 0; r < ROUNDS; r++) for (const [i, [, path]] of sides.entries()) rounds[i]!.push(await measure(path()));
  return sides.map(([name], i) => {
    const all = rounds[i]!;
    const kinds = [...new Set(all.flatMap((m) => [...m.keys()]))];
    const perKind = Object.fromEntries(kinds.map((k) => [k, median(all.map((m) => m.get(k) ?? 0))]).filter(([, v]) => (v as number) >= 0.01));
    const totals = all.map((m) => [...m.values()].reduce((a, v) => a + v, 0));
    return { name, perKind, total: median(totals), spread: [Math.min(...totals), Math.max(...totals)] as const };
  });
}
