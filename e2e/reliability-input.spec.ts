// Issue 6, case 7: bad input. Malformed, empty, huge (50 MiB), non-JSON and wrongly typed answers,
// answers without the expected fields, unknown folders and routes, requests the page aborts,
// streamed bodies, redirects — hand-written, then generated (fast-check: status, content type,
// body bytes, route and transport). For each: the page receives exactly the bytes the server sent
// (SHA-256 compared with what the simulator served), no exception escapes the hook (page errors
// collected), and the extension counts exactly the recognised directive calls that reached the
// server ("Export my data").
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import fc from 'fast-check';
import { expect, test } from './fixtures';
import type { Harness } from './harness';
import type { Simulator } from './sim/simulator';
import type { SimRequest, SimResponse } from './sim/faults';
import { exported, figure } from './reliability-kit';

const API = 'https://www.ehealth.fgov.be/ehealthbox/api/v3';
/** Streamed answers trickle STREAM_CHUNK bytes every STREAM_DELAY_MS: a GetMailbox answer takes over 1.5 s. */
const STREAM_CHUNK = 16;
const STREAM_DELAY_MS = 150;

interface Served {
  url: string;
  status: number;
  contentType: string;
  sha256: string;
  length: number;
}

/** Records every answer the simulator gives (Playwright routing and the loopback server alike). */
function recordServed(sim: Simulator): Served[] {
  const served: Served[] = [];
  const handle = sim.handle.bind(sim);
  sim.handle = async (req: SimRequest): Promise<SimResponse> => {
    const res = await handle(req);
    if (!res.abort) {
      served.push({
        url: req.url, status: res.status, contentType: res.headers['content-type'] ?? '',
        sha256: createHash('sha256').update(res.body).digest('hex'), length: res.body.length,
      });
    }
    return res;
  };
  return served;
}

interface Received {
  status: number;
  contentType: string;
  sha256: string;
  length: number;
  redirected: boolean;
  url: string;
  /** ms until the response (headers) was handed to the page. */
  headersMs: number;
  error?: string;
}

interface RawOptions {
  method?: string;
  body?: string;
  transport?: 'fetch' | 'xhr';
  /** Abort after this many ms; 0: in the same task as the call (while the verdict is awaited); -1: signal already aborted. */
  abortAfterMs?: number;
  /** Abort when the test calls `window.abortRaw()` (e.g. once the server has the request). */
  abortOnDemand?: boolean;
}

/** A call straight from the page (the hooked fetch / XMLHttpRequest), the whole body hashed in the page. */
function raw(page: Page, url: string, options: RawOptions = {}): Promise<Received> {
  return page.evaluate(async ({ url, o }) => {
    const hex = async (buf: ArrayBuffer): Promise<string> =>
      Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', buf)), (b) => b.toString(16).padStart(2, '0')).join('');
    const t0 = performance.now();
    if (o.transport === 'xhr') {
      return await new Promise<Received>((resolve) => {
        const xhr = new XMLHttpRequest();
        let headersMs = -1;
        xhr.open(o.method ?? 'GET', url, true);
        xhr.responseType = 'arraybuffer';
        xhr.onreadystatechange = () => {
          if (xhr.readyState === 2 && headersMs < 0) headersMs = performance.now() - t0;
        };
        xhr.onloadend = () => {
          const buf = (xhr.response as ArrayBuffer | null) ?? new ArrayBuffer(0);
          void hex(buf).then((sha256) => resolve({
            status: xhr.status, contentType: xhr.getResponseHeader('content-type') ?? '', sha256, length: buf.byteLength,
            redirected: xhr.responseURL !== url, url: xhr.responseURL, headersMs,
            ...(xhr.status === 0 ? { error: 'network' } : {}),
          }));
        };
        xhr.send(o.body ?? null);
        if (o.abortAfterMs !== undefined && o.abortAfterMs >= 0) setTimeout(() => xhr.abort(), o.abortAfterMs);
        if (o.abortOnDemand) (window as unknown as { abortRaw: () => void }).abortRaw = () => xhr.abort();
      });
    }
    const controller = new AbortController();
    if (o.abortAfterMs === -1) controller.abort();
    try {
      const pending = fetch(url, { method: o.method ?? 'GET', ...(o.body !== undefined ? { body: o.body } : {}), signal: controller.signal });
      // 0: in the same task as the call, so always while the hook awaits the verdict.
      if (o.abortAfterMs === 0) controller.abort();
      else if (o.abortAfterMs !== undefined && o.abortAfterMs > 0) setTimeout(() => controller.abort(), o.abortAfterMs);
      if (o.abortOnDemand) (window as unknown as { abortRaw: () => void }).abortRaw = () => controller.abort();
      const res = await pending;
      const headersMs = performance.now() - t0;
      const buf = await res.arrayBuffer();
      return {
        status: res.status, contentType: res.headers.get('content-type') ?? '', sha256: await hex(buf), length: buf.byteLength,
        redirected: res.redirected, url: res.url, headersMs,
      };
    } catch (e) {
      return { status: 0, contentType: '', sha256: '', length: 0, redirected: false, url, headersMs: performance.now() - t0, error: (e as Error).name };
    }
  }, { url, o: options });
}

/** The page got exactly the last answer the simulator served for `path` (or what a redirect led to). */
function expectSame(got: Received, served: Served[], what: string): void {
  const last = served.at(-1);
  expect(last, `${what}: served`).toBeDefined();
  expect({ status: got.status, contentType: got.contentType, sha256: got.sha256, length: got.length }, what)
    .toEqual({ status: last?.status, contentType: last?.contentType, sha256: last?.sha256, length: last?.length });
}

/** Counted calls per directive method, as the user's export holds them. */
async function countedByMethod(harness: Harness): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const r of (await exported(harness)).tables.calls) out[r.method] = (out[r.method] ?? 0) + 1;
  return out;
}

/** What the extension must have counted: the recognised directive calls that reached the server. */
function reachedByMethod(sim: Simulator): Record<string, number> {
  const methodOf: Record<string, string> = {
    GetMailbox: 'GetMailbox', ListMailBoxFolder: 'ListMailBoxFolder', ListMessages: 'ListMessages', GetMessage: 'GetMessage',
    GetAttachment: 'GetAttachment', Trash: 'MoveMessage', Recover: 'MoveMessage', DeleteOneMessage: 'DeleteMessage',
    DeleteMultipleMessages: 'DeleteMessage', CreateOutOfOffice: 'CreateOutOfOffice', DeleteOutOfOffice: 'DeleteOutOfOffice',
    UpdateMailbox: 'UpdateMailbox', CreateMailboxIfNotExists: 'CreateMailboxIfNotExists', RecoverPublicationState: 'RecoverPublicationState',
  };
  const out: Record<string, number> = {};
  for (const r of sim.requests) {
    const m = methodOf[r.route];
    if (m) out[m] = (out[m] ?? 0) + 1;
  }
  return out;
}

async function appPage(harness: Harness, box: string, errors: string[]): Promise<Page> {
  const page = await harness.openApp({ box, autoload: false });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return page;
}

test.describe('bad input reaches the page untouched and is counted right', () => {
  test('hand-written: malformed, empty, huge, non-JSON, wrongly typed, fields missing, unknown folder and route, aborts, streams, redirects', async ({ sim, harness }, info) => {
    test.setTimeout(120_000);
    const box = sim.scenario.organization;
    const errors: string[] = [];
    const served = recordServed(sim);
    const page = await appPage(harness, box, errors);
    const mailbox = `${API}/mailboxes/${box}`;
    const inbox = `${mailbox}/folders/inbox/messages`;
    const message = sim.listMessages(box, 'inbox')[0]?.id ?? 'M-none';
    const cases: [string, () => void, string, RawOptions?][] = [
      ['malformed JSON', () => sim.serveMalformed('GetMailbox'), mailbox],
      ['empty 200 JSON', () => sim.serveRaw('GetMailbox', '', { contentType: 'application/json' }), mailbox],
      ['non-JSON (HTML 200)', () => sim.serveNonJson('ListMessages'), inbox],
      ['wrongly typed fields', () => sim.serveRaw('GetMailbox', JSON.stringify({ currentSize: 'big', maxSize: [1], unreadMessagesCount: { n: 1 }, boxId: 42 }), { contentType: 'application/json' }), mailbox],
      ['expected fields missing', () => sim.serveRaw('ListMessages', '{"unexpected":true}', { contentType: 'application/json' }), inbox],
      ['a list of the wrong things', () => sim.serveRaw('ListMessages', JSON.stringify({ messages: [null, 1, 'x', { messageId: 7, size: -1 }, { messageId: 'ok', size: 'n' }] }), { contentType: 'application/json' }), inbox],
      ['deeply nested JSON', () => sim.serveRaw('GetMailbox', `${'['.repeat(5000)}${']'.repeat(5000)}`, { contentType: 'application/json' }), mailbox],
      ['binary garbage as JSON', () => sim.serveRaw('GetMessage', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x22, 0xc3, 0x28]), { contentType: 'application/json' }), `${inbox}/${message}`],
      ['error status with a JSON body', () => sim.failNext('GetMailbox', 503, { retryAfter: 30 }), mailbox],
      ['unknown folder', () => undefined, `${mailbox}/folders/NO-SUCH-FOLDER/messages`],
      ['unknown route', () => undefined, `${mailbox}/no/such/route`],
      ['huge JSON (50 MiB)', () => sim.serveHuge('GetMailbox'), mailbox],
      ['huge listing (50 MiB), XHR', () => sim.serveHuge('ListMessages'), inbox, { transport: 'xhr' }],
      ['streamed body', () => sim.serveStreaming('ListMessages', { chunkSize: 4 * STREAM_CHUNK, chunkDelayMs: STREAM_DELAY_MS }), inbox],
      ['streamed body, XHR', () => sim.serveStreaming('GetMailbox', { chunkSize: STREAM_CHUNK, chunkDelayMs: STREAM_DELAY_MS }), mailbox, { transport: 'xhr' }],
      ['redirect to the login page', () => sim.serveRedirect('GetMailbox'), mailbox],
      ['redirect, XHR', () => sim.serveRedirect('ListMessages'), inbox, { transport: 'xhr' }],
    ];
    for (const [what, arrange, url, options] of cases) {
      arrange();
      const before = served.length;
      const got = await raw(page, url, options);
      expect(served.length, `${what}: reached the server`).toBeGreaterThan(before);
      expectSame(got, served, what);
      if (what.startsWith('redirect')) {
        expect(got.redirected, what).toBe(true);
        expect(got.url).toMatch(/\/idp\/login$/);
      }
      if (what.startsWith('streamed')) {
        // Handed over as soon as the headers came, not after the second or more the body takes.
        const chunk = what === 'streamed body' ? 4 * STREAM_CHUNK : STREAM_CHUNK;
        const total = Math.ceil((served.at(-1)?.length ?? 0) / chunk) * STREAM_DELAY_MS;
        expect(got.headersMs, `${what}: headers at once (body takes ${total} ms)`).toBeLessThan(total / 2);
      }
    }

    // Aborts by the page. Before the call: nothing leaves, nothing is counted.
    const reached = (): number => sim.requests.filter((r) => r.route === 'GetMailbox').length;
    const n = reached();
    expect((await raw(page, mailbox, { abortAfterMs: -1 })).error).toBe('AbortError');
    // While the verdict is awaited (aborted in the same task as the call).
    expect((await raw(page, mailbox, { abortAfterMs: 0 })).error).toBe('AbortError');
    expect(reached()).toBe(n);
    // After the call left (the server takes 3 s; aborted once it has the request): it reached the
    // server, so it counts once.
    const abortAtServer = async (url: string, route: 'GetMailbox' | 'ListMessages', transport: 'fetch' | 'xhr'): Promise<string | undefined> => {
      sim.serveSlow(route, 3_000);
      const at = sim.requests.filter((r) => r.route === route).length;
      const pending = raw(page, url, { abortOnDemand: true, transport });
      await expect.poll(() => sim.requests.filter((r) => r.route === route).length).toBe(at + 1);
      await page.evaluate(() => (window as unknown as { abortRaw: () => void }).abortRaw());
      return (await pending).error;
    };
    expect(await abortAtServer(mailbox, 'GetMailbox', 'fetch')).toBe('AbortError');
    expect(await abortAtServer(inbox, 'ListMessages', 'xhr')).toBe('network');
    expect(reached()).toBe(n + 1);
    // The network fails.
    sim.abortNext('GetMailbox');
    expect((await raw(page, mailbox)).error).toBe('TypeError');

    await expect.poll(async () => countedByMethod(harness), { timeout: 10_000 }).toEqual(reachedByMethod(sim));
    expect(errors).toEqual([]);
    const counted = Object.values(await countedByMethod(harness)).reduce((a, b) => a + b, 0);
    figure(info, `bad input, hand-written: ${cases.length} kinds of answer + 5 aborts and failures; bytes identical in every case; ${counted} counted = ${counted} recognised calls that reached the server; 0 page errors`);
  });

  test('generated (fast-check): any status, content type, body and route reach the page byte for byte, counted exactly', async ({ sim, harness }, info) => {
    test.setTimeout(150_000);
    const box = sim.scenario.organization;
    const errors: string[] = [];
    const served = recordServed(sim);
    const page = await appPage(harness, box, errors);
    const message = sim.listMessages(box, 'inbox')[0]?.id ?? 'M-none';
    const routes = fc.constantFrom(
      { route: 'GetMailbox' as const, path: '' },
      { route: 'ListMailBoxFolder' as const, path: '/folders' },
      { route: 'ListMessages' as const, path: '/folders/inbox/messages' },
      { route: 'ListMessages' as const, path: '/folders/INBOX/messages?offset=0&limit=100' },
      { route: 'GetMessage' as const, path: `/folders/inbox/messages/${message}` },
      { route: 'GetAttachment' as const, path: `/folders/inbox/messages/${message}/attachments/att1` },
      { route: 'ListOutOfOffices' as const, path: '/outOfOffices' },
      { route: 'RecoverPublicationState' as const, path: '/publications/P1' },
      { route: 'Unknown' as const, path: '/folders/inbox/messages/x/y/z' },
    );
    const json = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.record({ currentSize: fc.oneof(fc.integer(), fc.string(), fc.constant(null)), unreadMessagesCount: fc.anything(), messages: fc.array(fc.anything(), { maxLength: 5 }) }).map((o) => JSON.stringify(o)),
    );
    const body = fc.oneof(json.map((s) => Buffer.from(s)), fc.uint8Array({ maxLength: 3000 }).map((u) => Buffer.from(u)), fc.constant(Buffer.alloc(0)));
    const answer = fc.record({
      target: routes,
      status: fc.constantFrom(200, 201, 400, 401, 403, 404, 409, 429, 500, 502, 503),
      contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/html; charset=utf-8', 'text/plain', 'application/octet-stream', 'application/problem+json'),
      body,
      transport: fc.constantFrom<'fetch' | 'xhr'>('fetch', 'xhr'),
    });
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(answer, async (a) => {
        runs++;
        sim.serveRaw(a.target.route, a.body, { status: a.status, contentType: a.contentType });
        const before = served.length;
        const got = await raw(page, `${API}/mailboxes/${box}${a.target.path}`, { transport: a.transport });
        expect(served.length).toBe(before + 1);
        expectSame(got, served, `${a.target.route} ${a.status} ${a.contentType} via ${a.transport}`);
        // An unused fault (a route the simulator did not match) must not leak into the next run.
        sim.faults = [];
      }),
      { numRuns: Number(process.env.RELIABILITY_RUNS ?? 60), endOnFailure: true },
    );
    await expect.poll(async () => countedByMethod(harness), { timeout: 10_000 }).toEqual(reachedByMethod(sim));
    expect(errors).toEqual([]);
    const counted = Object.values(await countedByMethod(harness)).reduce((a, b) => a + b, 0);
    figure(info, `bad input, generated: ${runs} random answers (status, content type, body bytes, route, fetch/XHR); bytes identical in all; ${counted} counted = recognised calls that reached the server; 0 page errors`);
  });
});
