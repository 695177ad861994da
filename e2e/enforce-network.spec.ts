// Issue 11, the network-layer backstop: calls no page hook can see (a dedicated worker, a Blob-URL
// worker, navigator.sendBeacon, <img src>, a form POST, EventSource) are counted from the browser's
// network layer (webRequest) exactly once, and in enforce mode a spent budget's route is blocked by
// a declarativeNetRequest session rule. What reached the server is counted by the simulator.
import type { Page } from '@playwright/test';
import { ehbApp, expect, test } from './fixtures';
import type { Harness } from './harness';
import { countedIn, figure, setMode } from './reliability-kit';

const API = 'https://www.ehealth.fgov.be/ehealthbox/api/v3';
const WORKER_PATH = '/ehealthbox/net-worker.js';

/** What a worker does when told: fetch each URL one after the other, answer the statuses (0: network error). */
const WORKER_CODE = `onmessage = async (e) => {
  const out = [];
  for (const u of e.data.urls) {
    try { out.push((await fetch(u, { method: e.data.method || 'GET', credentials: 'include' })).status); } catch { out.push(0); }
  }
  postMessage(out);
};`;

/** The app page, with a same-origin worker script served beside it. */
async function appWithWorkerScript(harness: Harness, box: string): Promise<Page> {
  await harness.context.route(`**${WORKER_PATH}`, (route) => route.fulfill({ status: 200, contentType: 'text/javascript', body: WORKER_CODE }));
  return harness.openApp({ box, autoload: false });
}

type Kind = 'worker' | 'blob-worker';

/** Fetches `urls` from a worker of the page (its script from the server, or a Blob URL). */
function fromWorker(page: Page, kind: Kind, urls: string[], method = 'GET'): Promise<number[]> {
  return page.evaluate(
    async ({ kind, urls, method, code, path }) => {
      const src = kind === 'worker' ? path : URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      const w = new Worker(src);
      const done = new Promise<number[]>((resolve) => (w.onmessage = (e) => resolve(e.data as number[])));
      w.postMessage({ urls, method });
      const out = await done;
      w.terminate();
      return out;
    },
    { kind, urls, method, code: WORKER_CODE, path: WORKER_PATH },
  );
}

const mailboxUrl = (box: string): string => `${API}/mailboxes/${box}`;
const messageUrl = (box: string, id: string): string => `${API}/mailboxes/${box}/folders/inbox/messages/${id}`;

test.describe('observe mode: what no hook sees is counted once', () => {
  for (const kind of ['worker', 'blob-worker'] as const) {
    test(`${kind}: 5 GetMailbox from a ${kind} are counted 5 times`, async ({ sim, harness }, info) => {
      const box = sim.scenario.individual;
      const page = await appWithWorkerScript(harness, box);
      const statuses = await fromWorker(page, kind, Array.from({ length: 5 }, () => mailboxUrl(box)));
      expect(statuses).toEqual([200, 200, 200, 200, 200]);
      expect(sim.count('GetMailbox', box)).toBe(5);
      await expect.poll(async () => (await countedIn(harness, box, 'GetMailbox')).calls, { timeout: 15_000 }).toBe(5);
      figure(info, `${kind}: 5 tried, server ${sim.count('GetMailbox', box)}, counted ${(await countedIn(harness, box, 'GetMailbox')).calls}`);
    });
  }
});
