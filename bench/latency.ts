// Added latency per intercepted call, measured in the page of the simulated web application:
// the same recognised call (an organization's GetMailbox, observe mode so none is held back)
// timed with and without the extension in one run. The server's own time is the same in both.
import { Harness, profileDir } from '../e2e/harness';
import { Simulator } from '../e2e/sim/simulator';
import { median } from './popup';

const CALLS = 400;
const WARM_UP = 30;

export interface Side {
  readonly p50: number;
  readonly p99: number;
}

const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

async function side(extensionPath: string | null): Promise<number[]> {
  const sim = new Simulator();
  const { dir, temporary } = profileDir(undefined);
  const harness = await Harness.launch({ extensionPath, userDataDir: dir, temporary, sim, launchOverrides: {} });
  try {
    const page = await harness.openApp({ box: sim.scenario.organization, autoload: false });
    const url = `https://www.ehealth.fgov.be/ehealthbox/api/v3/mailboxes/${encodeURIComponent(sim.scenario.organization)}`;
    return await page.evaluate(
      async ({ url, calls, warmUp }) => {
        const times: number[] = [];
        for (let i = 0; i < warmUp + calls; i++) {
          const t0 = performance.now();
          const res = await fetch(url, { headers: { Accept: 'application/json' } });
          await res.json();
          if (i >= warmUp) times.push(performance.now() - t0);
        }
        return times;
      },
      { url, calls: CALLS, warmUp: WARM_UP },
    );
  } finally {
    await harness.close();
  }
}

export async function runLatencyBench(extensionPath: string) {
  const without = await side(null);
  const withExt = await side(extensionPath);
  const stats = (xs: number[]): Side => ({ p50: quantile(xs, 0.5), p99: quantile(xs, 0.99) });
  const a = stats(without);
  const b = stats(withExt);
  return {
    calls: CALLS,
    without: a,
    with: b,
    addedP50: b.p50 - a.p50,
    addedP99: b.p99 - a.p99,
    ratioP50: b.p50 / a.p50,
    medianWithout: median(without),
  };
}
