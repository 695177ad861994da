// Issue 11, the page side: in enforce mode the server never sees more than the limit, whoever makes
// the call and however; in observe mode the extension counts what the server saw. Every figure is
// what reached the simulator (`sim.count`), never what the extension says about itself.
//   1. retry storms of a held call, concurrent and sequential, and observe-mode bursts;
//   2. frames the page makes (srcdoc, about:blank, contentWindow.fetch in the frame's first task),
//      and a synchronous XHR of a held call;
//   3. hostile inputs: URL-like objects, another realm's Request and URL, a method whose
//      `toString` changes, built-ins the page replaced;
//   4. a hostile first inline script against the hook–bridge channel;
//   5. copies keyed by route: a cache-busting query gets the last real answer.
import type { Page } from '@playwright/test';
import { CHANNEL } from '../src/shared/page-protocol';
import { expect, test } from './fixtures';
import type { Harness } from './harness';
import { countedIn, exported, figure, setMode } from './reliability-kit';
import type { Simulator } from './sim/simulator';

const API = 'https://www.ehealth.fgov.be/ehealthbox/api/v3';

/** `n` fetches of `url` from the page, all at once or one after the other; their statuses. */
function fetchMany(page: Page, url: string, n: number, parallel: boolean): Promise<number[]> {
  return page.evaluate(
    async ([u, count, together]) => {
      const one = (): Promise<number> => fetch(u).then((r) => r.status, () => 0);
      if (together) return Promise.all(Array.from({ length: count }, one));
      const out: number[] = [];
      for (let i = 0; i < count; i++) out.push(await one());
      return out;
    },
    [url, n, parallel] as const,
  );
}

const tally = (statuses: number[]): Record<string, number> => {
  const t: Record<string, number> = {};
  for (const s of statuses) t[s] = (t[s] ?? 0) + 1;
  return t;
};

/**
 * Enforce mode, one message of the individual's inbox read until the extension holds it (§5.4.2:
 * the 7th read). Returns the page and that message's URL; the server saw exactly `free` reads.
 */
async function heldMessage(sim: Simulator, harness: Harness): Promise<{ page: Page; url: string; path: string; box: string; free: number }> {
  const box = sim.scenario.individual;
  await setMode(harness, 'Enforce');
  const page = await harness.openApp({ box, autoload: false });
  const id = sim.listMessages(box, 'inbox')[0]?.id ?? '';
  const path = `/ehealthbox/api/v3/mailboxes/${box}/folders/inbox/messages/${id}`;
  const url = `https://www.ehealth.fgov.be${path}`;
  const first = await fetchMany(page, url, 7, false);
  expect(first).toEqual([200, 200, 200, 200, 200, 200, 429]);
  expect(sim.count('GetMessage', box)).toBe(6);
  return { page, url, path, box, free: 6 };
}

/** Requests of any method that reached the server for this path (a changed method is still a call). */
const reached = (sim: Simulator, path: string): number => sim.requests.filter((r) => r.path === path).length;

test.describe('retry storms (point 1)', () => {
  test('enforce: after a message\'s 6 free reads, 400 concurrent and 900 sequential retries of the held 7th reach the server 0 times', async ({ sim, harness }, info) => {
    test.setTimeout(120_000);
    const { page, url, path, box } = await heldMessage(sim, harness);
    const concurrent = await fetchMany(page, url, 400, true);
    const sequential = await fetchMany(page, url, 900, false);
    expect(tally(concurrent)).toEqual({ 429: 400 });
    expect(tally(sequential)).toEqual({ 429: 900 });
    expect(sim.count('GetMessage', box)).toBe(6);
    expect(reached(sim, path)).toBe(6);
    figure(info, `retry storm (enforce): 6 free reads, then 400 concurrent + 900 sequential retries of the held 7th → server saw ${sim.count('GetMessage', box)} (0 of 1300 retries)`);
  });

  test('enforce: retries of a held call that start before its verdict is known wait for it: 50 concurrent 7th reads, 0 reach the server', async ({ sim, harness }) => {
    test.setTimeout(90_000);
    const box = sim.scenario.individual;
    await setMode(harness, 'Enforce');
    const page = await harness.openApp({ box, autoload: false });
    const id = sim.listMessages(box, 'inbox')[1]?.id ?? '';
    const url = `${API}/mailboxes/${box}/folders/inbox/messages/${id}`;
    expect(tally(await fetchMany(page, url, 56, true))).toEqual({ 200: 6, 429: 50 });
    expect(sim.count('GetMessage', box)).toBe(6);
  });

  test('observe: 400 concurrent calls are counted 400 times, also from a tab closed right after its calls', async ({ sim, harness }, info) => {
    test.setTimeout(120_000);
    const box = sim.scenario.individual;
    const url = `${API}/mailboxes/${box}`;
    const page = await harness.openApp({ box, autoload: false });
    expect(tally(await fetchMany(page, url, 400, true))).toEqual({ 200: 400 });
    await expect.poll(async () => (await countedIn(harness, box, 'GetMailbox')).calls, { timeout: 30_000 }).toBe(sim.count('GetMailbox', box));

    const closing = await harness.openApp({ box, autoload: false, page: await harness.context.newPage() });
    expect(tally(await fetchMany(closing, url, 400, true))).toEqual({ 200: 400 });
    await closing.close();
    const server = sim.count('GetMailbox', box);
    expect(server).toBe(800);
    await expect.poll(async () => (await countedIn(harness, box, 'GetMailbox')).calls, { timeout: 30_000 }).toBe(server);
    figure(info, `observe burst: 400 concurrent GetMailbox, then 400 more from a tab closed right after → server ${server}, extension ${(await countedIn(harness, box, 'GetMailbox')).calls}`);
  });
});

test.describe('frames and synchronous XHR (point 2)', () => {
  test('enforce: a held call made from a srcdoc frame, an about:blank frame, contentWindow.fetch in the frame\'s first task, or a synchronous XHR reaches the server 0 times', async ({ sim, harness }, info) => {
    test.setTimeout(90_000);
    const { page, url, path } = await heldMessage(sim, harness);
    const results = await page.evaluate(async (u) => {
      const out: Record<string, number> = {};
      // Created and called in one task: before any injection into the frame.
      const blank = document.createElement('iframe');
      document.body.append(blank);
      out.sameTask = await (blank.contentWindow as Window & typeof globalThis).fetch(u).then((r) => r.status, () => 0);
      // A srcdoc frame whose own script calls (no access through the element).
      const own = document.createElement('iframe');
      const done = new Promise<number>((resolve) => addEventListener('message', (e) => typeof e.data === 'number' && resolve(e.data)));
      own.srcdoc = `<script>fetch(${JSON.stringify(u)}).then((r) => parent.postMessage(r.status, '*'), () => parent.postMessage(0, '*'))</script>`;
      document.body.append(own);
      out.srcdocScript = await done;
      // Synchronous XHRs, in the page and in a frame.
      const sync = (X: typeof XMLHttpRequest): number => {
        const x = new X();
        x.open('GET', u, false);
        try {
          x.send();
        } catch {
          return -1;
        }
        return x.status;
      };
      out.syncXhr = sync(XMLHttpRequest);
      out.frameSyncXhr = sync((blank.contentWindow as Window & typeof globalThis).XMLHttpRequest);
      return out;
    }, url);
    expect(results).toEqual({ sameTask: 429, srcdocScript: 429, syncXhr: 429, frameSyncXhr: 429 });
    expect(reached(sim, path)).toBe(6);
    figure(info, `frames (enforce): held read from a same-task about:blank frame, a srcdoc frame's own script, a synchronous XHR in the page and in a frame → server saw 0 more`);
  });

  test('observe: calls from srcdoc and about:blank frames are counted as the server saw them', async ({ sim, harness }, info) => {
    test.setTimeout(90_000);
    const box = sim.scenario.individual;
    const page = await harness.openApp({ box, autoload: false });
    const url = `${API}/mailboxes/${box}/folders`;
    await page.evaluate(async (u) => {
      const blank = document.createElement('iframe');
      document.body.append(blank);
      const w = blank.contentWindow as Window & typeof globalThis;
      await Promise.all(Array.from({ length: 5 }, () => w.fetch(u)));
      const own = document.createElement('iframe');
      const done = new Promise<void>((resolve) => addEventListener('message', (e) => e.data === 'done' && resolve()));
      own.srcdoc = `<script>Promise.all([1,2,3,4,5].map(() => fetch(${JSON.stringify(u)}))).then(() => parent.postMessage('done', '*'))</script>`;
      document.body.append(own);
      await done;
    }, url);
    expect(sim.count('ListMailBoxFolder', box)).toBe(10);
    await expect.poll(async () => (await countedIn(harness, box, 'ListMailBoxFolder')).calls, { timeout: 30_000 }).toBe(10);
    figure(info, 'frames (observe): 10 calls from an about:blank and a srcdoc frame → server 10, extension 10');
  });
});

test.describe('hostile inputs (point 3)', () => {
  test('enforce: URL-like objects, another realm\'s Request and URL, a method that changes between reads, replaced built-ins — the held call reaches the server 0 times', async ({ sim, harness }, info) => {
    test.setTimeout(90_000);
    const { page, url, path } = await heldMessage(sim, harness);
    const relative = path.replace('/ehealthbox/', '');
    const results = await page.evaluate(
      async ([u, rel]) => {
        const out: Record<string, number | string> = {};
        const status = (p: Promise<Response>): Promise<number> => p.then((r) => r.status, () => 0);
        const frame = document.createElement('iframe');
        document.body.append(frame);
        const other = frame.contentWindow as Window & typeof globalThis;
        out.toStringObject = await status(fetch({ toString: () => u } as unknown as string));
        out.otherRealmRequest = await status(fetch(new other.Request(u)));
        out.otherRealmUrl = await status(fetch(new other.URL(u)));
        // First read "PUT" (no directive call), every later read "GET".
        let reads = 0;
        const shifty = { toString: () => (reads++ === 0 ? 'PUT' : 'GET') } as unknown as string;
        out.shiftyMethod = await status(fetch(u, { method: shifty }));
        let xhrReads = 0;
        const shiftyUrl = { toString: () => (xhrReads++ === 0 ? '/elsewhere' : u) } as unknown as string;
        out.shiftyXhrUrl = await new Promise<number>((resolve) => {
          const x = new XMLHttpRequest();
          x.open('GET', shiftyUrl);
          x.onloadend = () => resolve(x.status);
          x.send();
        });
        // Built-ins the page replaces after the hook started.
        const w = window as unknown as Record<string, unknown>;
        const NativeURL = URL;
        w.URL = class {
          href = 'https://elsewhere.example/';
          protocol = 'http:';
          hostname = 'elsewhere.example';
          pathname = '/';
          constructor() {
            return this;
          }
        };
        const test = RegExp.prototype.test;
        const exec = RegExp.prototype.exec;
        RegExp.prototype.test = () => false;
        RegExp.prototype.exec = () => null;
        const lower = String.prototype.toLowerCase;
        String.prototype.toLowerCase = function () {
          return 'x';
        };
        Object.defineProperty(Node.prototype, 'baseURI', { get: () => 'https://elsewhere.example/', configurable: true });
        out.replacedBuiltins = await status(fetch(u));
        out.relativeWithFakeBase = await status(fetch(rel));
        out.xhrRelativeWithFakeBase = await new Promise<number>((resolve) => {
          const x = new XMLHttpRequest();
          x.open('GET', rel);
          x.onloadend = () => resolve(x.status);
          x.send();
        });
        // The page's replacements are still in place afterwards (the hook put them back).
        out.theirsKept = String(w.URL !== NativeURL && RegExp.prototype.test !== test && String.prototype.toLowerCase !== lower);
        w.URL = NativeURL;
        RegExp.prototype.test = test;
        RegExp.prototype.exec = exec;
        String.prototype.toLowerCase = lower;
        return out;
      },
      [url, relative] as const,
    );
    expect(results).toEqual({
      toStringObject: 429,
      otherRealmRequest: 429,
      otherRealmUrl: 429,
      // Sent as the method read once: a PUT, never the GET of a later read.
      shiftyMethod: expect.any(Number),
      shiftyXhrUrl: expect.any(Number),
      replacedBuiltins: 429,
      relativeWithFakeBase: 429,
      xhrRelativeWithFakeBase: 429,
      theirsKept: 'true',
    });
    const gets = sim.requests.filter((r) => r.path === path && r.method === 'GET').length;
    expect(gets).toBe(6);
    expect(sim.count('GetMessage', sim.scenario.individual)).toBe(6);
    figure(info, `hostile inputs (enforce): 9 vectors on a held read → server saw ${gets - 6} more GetMessage (a method read once went as ${sim.requests.filter((r) => r.path === path && r.method !== 'GET').map((r) => r.method).join(', ') || 'nothing'})`);
  });
});

/** The page's first inline script: listens for anything the hook and bridge say, then attacks with `window.ehbAttack()`. */
const HOSTILE = `
window.__ports = []; window.__seen = [];
addEventListener('message', (e) => { for (const p of e.ports) window.__ports.push(p); window.__seen.push('message:' + e.ports.length); }, true);
for (const t of ['hook', 'bridge', 'to-hook', 'to-bridge']) addEventListener('${CHANNEL}:' + t, (e) => window.__seen.push(t + ':' + (e.relatedTarget ? 'node' : '-')), true);
`;

test.describe('a channel the page cannot touch (point 4)', () => {
  test('a hostile first inline script gets no port and no node; bridge-down, closing, its own port, a forged organization GetMailbox and 70 forged decides change no count and no box kind', async ({ sim, harness }, info) => {
    test.setTimeout(120_000);
    const box = sim.scenario.individual;
    await setMode(harness, 'Enforce');
    const page = await harness.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const at = 'https://www.ehealth.fgov.be/ehealthbox/hostile.html';
    await page.route(at, (route) => route.fulfill({ contentType: 'text/html', body: `<!doctype html><html><head><script>${HOSTILE}</script></head><body><p>hostile</p></body></html>` }));
    await page.goto(at);
    const attack = await page.evaluate(
      async ([channel, key]) => {
        const w = window as unknown as { __ports: MessagePort[]; __seen: string[] };
        const id = (n: number): string => `f0rged00-0000-4000-8000-${String(n).padStart(12, '0')}`;
        const organization = { type: 'outcome', id: id(1), via: 'decided', status: 200, call: { method: 'GetMailbox', accessKey: key }, info: { kind: 'mailbox', info: { currentSize: 1, maxSize: 10, standby: 0, unread: 0, owner: { idType: 'CBE', quality: 'HOSPITAL' } } } };
        const decides = Array.from({ length: 70 }, (_, i) => ({ type: 'decide', id: id(100 + i), transport: 'fetch', hasCopy: false, call: { method: 'GetMailbox', accessKey: key } }));
        // Whatever port it caught (before posting its own): bridge-down, forged reports, then closed.
        const caught = w.__ports.length;
        const seenBefore = [...w.__seen];
        for (const p of w.__ports) {
          p.postMessage({ type: 'bridge-down' });
          p.postMessage(organization);
          for (const d of decides) p.postMessage(d);
          p.close();
        }
        // The old handshake, with a port of its own.
        const own = new MessageChannel();
        window.postMessage({ channel, type: 'bridge-port' }, '*', [own.port2]);
        window.postMessage({ channel, type: 'bridge-hello' }, '*');
        window.postMessage({ channel, type: 'hook-hello' }, '*');
        // The new one: ask the hook to announce itself, and announce a node of its own to the bridge.
        let hookNode: EventTarget | null = null;
        addEventListener(`${channel}:hook`, (e) => (hookNode = (e as MouseEvent).relatedTarget), true);
        dispatchEvent(new Event(`${channel}:bridge`));
        const mine = document.createTextNode('');
        const heard: unknown[] = [];
        mine.addEventListener(`${channel}:to-hook`, (e) => heard.push((e as CustomEvent).detail));
        dispatchEvent(new MouseEvent(`${channel}:hook`, { relatedTarget: mine }));
        const caughtNode = hookNode as EventTarget | null;
        if (caughtNode !== null && caughtNode !== mine) caughtNode.dispatchEvent(new CustomEvent(`${channel}:to-hook`, { detail: { type: 'bridge-down' } }));
        mine.dispatchEvent(new CustomEvent(`${channel}:to-bridge`, { detail: organization }));
        for (const d of decides) mine.dispatchEvent(new CustomEvent(`${channel}:to-bridge`, { detail: d }));
        await new Promise((r) => setTimeout(r, 1000));
        return { ports: caught, seen: seenBefore, hookNode: hookNode === null ? 'none' : hookNode === mine ? 'own' : 'hook', heard: heard.length };
      },
      [CHANNEL, box] as const,
    );
    // Before its own attack the script saw nothing of the channel; afterwards only what it dispatched itself.
    expect(attack).toEqual({ ports: 0, seen: [], hookNode: 'own', heard: 0 });

    // The real calls of this page are still decided: an individual's GetMailbox limit (6 at most
    // per hour, 1 at night or inactive), not an organization's 60; the box is known as an individual's.
    const answers = await page.evaluate(async (u) => {
      const out: string[] = [];
      for (let i = 0; i < 12; i++) {
        const r = await fetch(u);
        out.push(r.headers.get('x-ehealthbox-companion') === null ? String(r.status) : 'copy');
      }
      return out;
    }, `${API}/mailboxes/${box}`);
    const server = sim.count('GetMailbox', box);
    expect(server).toBeLessThanOrEqual(6);
    expect(answers.filter((s) => s === '200')).toHaveLength(server);
    expect(answers.filter((s) => s === 'copy')).toHaveLength(12 - server);
    const file = await exported(harness);
    const row = (file.tables.mailboxes as { accessKey: string; detectedKind: string | null }[]).find((m) => m.accessKey === box);
    expect(row?.detectedKind).toBe('individual');
    await expect.poll(async () => (await countedIn(harness, box, 'GetMailbox')).calls, { timeout: 30_000 }).toBe(server);
    expect(file.tables.calls.filter((r) => r.id.startsWith('f0rged00'))).toEqual([]);
    expect(errors).toEqual([]);
    figure(info, `hostile first inline script: ${attack.ports} port and no node caught; forged bridge-down, organization outcome and 70 decides → server ${server} GetMailbox of 12 tried, extension ${server}, box kind ${row?.detectedKind}`);
  });
});

test.describe('copies keyed by route (point 7)', () => {
  test('enforce: a cache-busting query on a held read gets the last real answer, not a 429', async ({ sim, harness }, info) => {
    test.setTimeout(90_000);
    const box = sim.scenario.individual;
    await setMode(harness, 'Enforce');
    const page = await harness.openApp({ box, autoload: false });
    const results = await page.evaluate(async (u) => {
      const out: { status: number; copy: string | null; body: string }[] = [];
      for (let i = 0; i < 8; i++) {
        const r = await fetch(`${u}?_=${Date.now()}-${i}`);
        out.push({ status: r.status, copy: r.headers.get('x-ehealthbox-companion'), body: await r.text() });
      }
      return out;
    }, `${API}/mailboxes/${box}/folders`);
    const server = sim.count('ListMailBoxFolder', box);
    expect(server).toBe(6);
    const held = results.slice(server);
    expect(held.map((r) => r.status)).toEqual([200, 200]);
    expect(held.every((r) => /^local-copy/.test(r.copy ?? ''))).toBe(true);
    expect(held[0]?.body).toBe(results[server - 1]?.body);
    figure(info, `copies by route: 8 ListMailBoxFolder with ?_=<time> → server 6, the 2 held answered with the last real answer`);
  });
});
