// Issue 11, the network-layer backstop: calls no page hook can see (a dedicated worker, a Blob-URL
// worker, navigator.sendBeacon, <img src>, a form POST, EventSource) are counted from the browser's
// network layer (webRequest) exactly once, and in enforce mode a spent budget's route is blocked by
// a declarativeNetRequest session rule. What reached the server is counted by the simulator.
import type { Page } from '@playwright/test';
import { ehbApp, expect, test } from './fixtures';
import type { Harness } from './harness';
import { countedIn, exported, figure, setMode } from './reliability-kit';

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

/** Fires the page's own vectors around its hook: images, an EventSource, a form POST, a beacon. */
function fromPageElements(page: Page, v: { images: string[]; stream: string; form: { action: string; id: string }; beacon: { url: string; id: string } }): Promise<void> {
  return page.evaluate(async ({ images, stream, form, beacon }) => {
    const loaded = (el: HTMLImageElement | HTMLIFrameElement): Promise<void> => new Promise((r) => { el.onload = () => r(); el.onerror = () => r(); });
    await Promise.all(images.map((src) => {
      const img = new Image();
      const done = loaded(img);
      img.src = src;
      return done;
    }));
    await new Promise<void>((resolve) => {
      const es = new EventSource(stream);
      es.onerror = () => { es.close(); resolve(); };
    });
    const sink = document.createElement('iframe');
    sink.name = 'net-sink';
    document.body.append(sink);
    const f = document.createElement('form');
    f.method = 'post';
    f.action = form.action;
    f.target = 'net-sink';
    const field = document.createElement('input');
    field.name = 'messageIds';
    field.value = form.id;
    f.append(field);
    document.body.append(f);
    const submitted = loaded(sink);
    f.submit();
    await submitted;
    navigator.sendBeacon(beacon.url, new Blob([JSON.stringify({ messageIds: [beacon.id] })], { type: 'application/json' }));
  }, v);
}

const mailboxUrl = (box: string): string => `${API}/mailboxes/${box}`;
const messageUrl = (box: string, id: string): string => `${API}/mailboxes/${box}/folders/inbox/messages/${id}`;
const trashUrl = (box: string): string => `${API}/mailboxes/${box}/folders/inbox/messages/trash`;

/** Counted calls per method (the user's export, one file per look), once the counts settle. */
async function expectCounted(harness: Harness, box: string, expected: Record<string, number>): Promise<void> {
  const counts = async (): Promise<Record<string, number>> => {
    const rows = (await exported(harness)).tables.calls.filter((r) => r.mailbox === box && r.via !== 'leased');
    return Object.fromEntries(Object.keys(expected).map((m) => [m, rows.filter((r) => r.method === m).length]));
  };
  await expect.poll(counts, { timeout: 30_000 }).toEqual(expected);
}

test.describe.configure({ timeout: 180_000 });

test('observe: workers, a beacon, images, a form and an EventSource are counted exactly as the server saw them, a hooked burst once', async ({ sim, harness }, info) => {
  const box = sim.scenario.individual;
  const ids = sim.listMessages(box, 'inbox').map((m) => m.id);
  expect(ids.length).toBeGreaterThanOrEqual(3);
  const page = await appWithWorkerScript(harness, box);
  expect(await fromWorker(page, 'worker', [mailboxUrl(box), mailboxUrl(box), mailboxUrl(box)])).toEqual([200, 200, 200]);
  expect(await fromWorker(page, 'blob-worker', [mailboxUrl(box), mailboxUrl(box), mailboxUrl(box)])).toEqual([200, 200, 200]);
  await fromPageElements(page, {
    images: [1, 2, 3].map((i) => `${messageUrl(box, ids[0] ?? '')}?img=${i}`),
    stream: `${API}/mailboxes/${box}/folders/inbox/messages`,
    form: { action: trashUrl(box), id: ids[1] ?? '' },
    beacon: { url: trashUrl(box), id: ids[2] ?? '' },
  });
  // The page's own calls, through its hook, in one burst: counted by the hook's path, not again here.
  const burst = await ehbApp(page).burst('ListMailBoxFolder', 20, { parallel: true });
  expect(burst.every((r) => r.status === 200)).toBe(true);
  await expect.poll(() => sim.count('Trash', box)).toBe(2);
  const server = {
    GetMailbox: sim.count('GetMailbox', box),
    GetMessage: sim.count('GetMessage', box),
    ListMessages: sim.count('ListMessages', box),
    MoveMessage: sim.count('Trash', box),
    ListMailBoxFolder: sim.count('ListMailBoxFolder', box),
  };
  expect(server).toEqual({ GetMailbox: 6, GetMessage: 3, ListMessages: 1, MoveMessage: 2, ListMailBoxFolder: 20 });
  await expectCounted(harness, box, server);
  // Nothing counted twice a while later (a late report, a second sweep).
  await new Promise((r) => setTimeout(r, 4_000));
  await expectCounted(harness, box, server);
  const file = (await countedIn(harness, box, 'MoveMessage')).ids;
  expect(new Set(file).size).toBe(2);
  figure(info, `observe, not seen by the page: ${JSON.stringify(server)} at the server, the same counted; 20 hooked calls counted 20`);
});

test('enforce: once an individual box\'s GetMailbox budget is spent, a worker\'s calls never reach the server, and the page keeps its answers', async ({ sim, harness }, info) => {
  const box = sim.scenario.individual;
  const other = sim.scenario.organization;
  await setMode(harness, 'Enforce');
  const page = await appWithWorkerScript(harness, box);
  const first = await ehbApp(page).burst('GetMailbox', 8);
  const allowed = sim.count('GetMailbox', box);
  expect(allowed).toBeGreaterThanOrEqual(1);
  expect(allowed).toBeLessThanOrEqual(6);
  expect(first.filter((r) => r.status === 429 || r.headers['x-ehealthbox-companion'] !== undefined)).toHaveLength(8 - allowed);
  const tried = 10;
  const statuses = await fromWorker(page, 'worker', Array.from({ length: tried }, () => mailboxUrl(box)));
  expect(statuses).toEqual(Array.from({ length: tried }, () => 0));
  expect(await fromWorker(page, 'blob-worker', [mailboxUrl(box), mailboxUrl(box)])).toEqual([0, 0]);
  expect(sim.count('GetMailbox', box)).toBe(allowed);
  // The page's own held call is still answered by its hook (copy or 429), never a network error.
  const again = await ehbApp(page).getMailbox();
  expect(again.error).toBeUndefined();
  expect(again.status === 429 || again.headers['x-ehealthbox-companion'] !== undefined).toBe(true);
  // The rule is the box's: another box and other routes still go.
  expect(await fromWorker(page, 'worker', [mailboxUrl(other), `${API}/mailboxes/${box}/folders`])).toEqual([200, 200]);
  expect(sim.count('GetMailbox', box)).toBe(allowed);
  // Observe mode lifts every rule.
  await setMode(harness, 'Observe');
  await expect.poll(async () => (await fromWorker(page, 'worker', [mailboxUrl(box)]))[0]).toBe(200);
  figure(info, `enforce GetMailbox: page 8 tried (${allowed} allowed), worker ${tried} + Blob worker 2 tried, server ${allowed}; other box and folders list reached; after observe, reached`);
});

test('enforce: once a message\'s 6 free GetMessage are spent, a worker reads it never again, other messages still', async ({ sim, harness }, info) => {
  const box = sim.scenario.individual;
  const [m, n] = sim.listMessages(box, 'inbox').map((x) => x.id);
  if (!m || !n) throw new Error('the default scenario has two inbox messages');
  await setMode(harness, 'Enforce');
  const page = await appWithWorkerScript(harness, box);
  const reads = await ehbApp(page).burst('GetMessage', 7, { args: ['inbox', m] });
  const reached = (id: string): number => sim.requests.filter((r) => r.route === 'GetMessage' && r.messageId === id).length;
  expect(reached(m)).toBe(6);
  expect(reads[6]?.error).toBeUndefined();
  const tried = 10;
  expect(await fromWorker(page, 'worker', Array.from({ length: tried }, (_, i) => `${messageUrl(box, m)}?try=${i}`))).toEqual(Array.from({ length: tried }, () => 0));
  expect(reached(m)).toBe(6);
  expect(await fromWorker(page, 'blob-worker', [messageUrl(box, n), messageUrl(box, n)])).toEqual([200, 200]);
  expect(reached(n)).toBe(2);
  await expectCounted(harness, box, { GetMessage: 8 });
  figure(info, `enforce GetMessage ladder: page 7 tried, worker ${tried} tried, server ${reached(m)} for the message (limit 6); another message 2 of 2`);
});
