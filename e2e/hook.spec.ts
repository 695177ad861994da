// The page hook, built as shipped (dist/chrome/src/hook/index.js), in Debian Chromium without the
// extension: a fake bridge in the page answers decides as each test says, a real HTTPS server
// stands in for eHealth. Assertions are about what the page and the server see.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { clickNode, fakeRuntime, readToasts, type RuntimeWindow } from './hook-fixtures/bridge';
import { fakeBridge, xhrRunner, type FakePort, type Mode, type PageMessage, type Policy, type TestWindow, type XhrOptions, type XhrResult } from './hook-fixtures/page';
import { CANARY, HOST, MAILBOX, ORIGIN, startServer, type TestServer } from './hook-fixtures/server';
import { VERDICT_TIMEOUT_MS } from '../src/shared/page-protocol';

const HOOK_BUNDLE = 'dist/chrome/src/hook/index.js';
/**
 * "At once" means "did not wait for a verdict": a call that waited took at least the verdict
 * timeout, so any time below it proves it did not (no speed is asserted; that is `npm run bench`).
 */
const DID_NOT_WAIT = VERDICT_TIMEOUT_MS - 100;
const BRIDGE_BUNDLE = 'dist/chrome/src/bridge/index.js';
const API = `${ORIGIN}/api/v2/mailboxes/ak1`;
const INBOX = `${API}/folders/inbox/messages`;
const CHANNEL = 'ehealthbox-companion/v1';
const NOTICE = {
  level: 'held',
  method: 'GetMessage',
  section: '§5.4.2',
  scope: 'message',
  limit: 6,
  used: 6,
  retryAt: Date.now() + 3_600_000,
  message: 'GetMessage held back: the limit of 6 per message is reached (§5.4.2).',
};

let server: TestServer;
let browser: Browser;
let hook: string;
let bridge: string;
let context: BrowserContext | null = null;
let problems: string[] = [];

/** The shipped bundles, rebuilt when a source they come from is newer. */
function bundles(): [hook: string, bridge: string] {
  const newest = (dir: string): number =>
    Math.max(0, ...readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => statSync(join(dir, f)).mtimeMs));
  const sources = Math.max(...['src/hook', 'src/bridge', 'src/directive', 'src/shared', 'src/i18n'].map(newest));
  const stale = (f: string): boolean => !existsSync(f) || statSync(f).mtimeMs < sources;
  if (stale(HOOK_BUNDLE) || stale(BRIDGE_BUNDLE)) execSync('npx vite build', { stdio: 'ignore' });
  return [readFileSync(HOOK_BUNDLE, 'utf8'), readFileSync(BRIDGE_BUNDLE, 'utf8')];
}

test.beforeAll(async () => {
  [hook, bridge] = bundles();
  server = await startServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', `--host-resolver-rules=MAP ${HOST} 127.0.0.1:${server.port}`,
    ],
  });
});

test.afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test.beforeEach(() => {
  server.hits.length = 0;
  problems = [];
});

test.afterEach(async () => {
  await context?.close();
  context = null;
  // The hook never throws into the page and never logs. (The browser's own network errors aside.)
  expect(problems).toEqual([]);
});

interface OpenOptions {
  /** The fake bridge before or after the hook, none, or the real bridge bundle on a fake runtime. */
  readonly bridge?: 'before' | 'after' | 'none' | 'real';
  /** With the real bridge: what the background answers a decide. */
  readonly reply?: unknown;
  /** With the real bridge: the mode the background tells it (default enforce: decides wait). */
  readonly mode?: 'observe' | 'enforce';
  /** Page script run after the hook (e.g. a library wrapping fetch). */
  readonly pageScript?: string;
}

async function open(policy: Policy, { bridge: which = 'after', pageScript, reply, mode = 'enforce' }: OpenOptions = {}): Promise<Page> {
  context = await browser.newContext({ ignoreHTTPSErrors: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (!m.text().startsWith('Failed to load resource')) problems.push(`console.${m.type()}: ${m.text()}`);
  });
  if (which === 'real') await page.addInitScript(fakeRuntime, { reply, mode });
  if (which === 'before') await page.addInitScript(fakeBridge, policy);
  await page.addInitScript({ content: hook });
  if (which === 'after') await page.addInitScript(fakeBridge, policy);
  if (which === 'real') await page.addInitScript({ content: bridge });
  if (pageScript) await page.addInitScript({ content: pageScript });
  await page.addInitScript(xhrRunner);
  await page.goto(`${ORIGIN}/app/`);
  if (which === 'before' || which === 'after') {
    await page.waitForFunction(() => (window as unknown as TestWindow).__bridgePort !== null);
  }
  return page;
}

/** A new policy is a settings change: the fake bridge says so, and the hook forgets what it held. */
const setPolicy = (page: Page, policy: Policy): Promise<void> =>
  page.evaluate((p) => {
    const w = window as unknown as TestWindow;
    w.__policy = p;
    w.__bridgePort?.postMessage({ type: 'mode', mode: 'enforce' });
  }, policy);

const messages = (page: Page): Promise<PageMessage[]> => page.evaluate(() => (window as unknown as TestWindow).__bridgeLog);

const hits = (path: string): number => server.hits.filter((h) => h.path === path).length;

const methodOf = (m: PageMessage): string | undefined => (m.call as { method?: string } | undefined)?.method;

/** The decide for `method` (the n-th), waiting for it. */
async function decideFor(page: Page, method: string, n = 0): Promise<PageMessage> {
  await expect.poll(async () => (await messages(page)).filter((m) => m.type === 'decide' && methodOf(m) === method).length).toBeGreaterThan(n);
  const found = (await messages(page)).filter((m) => m.type === 'decide' && methodOf(m) === method)[n];
  if (!found) throw new Error(`no decide for ${method}`);
  return found;
}

async function outcomeFor(page: Page, match: (m: PageMessage) => boolean): Promise<PageMessage> {
  await expect.poll(async () => (await messages(page)).some((m) => m.type === 'outcome' && match(m))).toBe(true);
  const found = (await messages(page)).find((m) => m.type === 'outcome' && match(m));
  if (!found) throw new Error('no outcome');
  return found;
}

interface Fetched {
  status: number;
  ms: number;
  text: string;
  headers: Record<string, string>;
}

function pageFetch(page: Page, url: string, init?: { method?: string; body?: string }): Promise<Fetched> {
  return page.evaluate(
    async ([u, i]) => {
      const t0 = performance.now();
      const res = await fetch(u, i);
      const ms = performance.now() - t0;
      return { status: res.status, ms, text: await res.text(), headers: Object.fromEntries(res.headers) };
    },
    [url, init] as const,
  );
}

const xhr = (page: Page, o: XhrOptions): Promise<XhrResult> => page.evaluate((opts) => (window as unknown as TestWindow).__xhr(opts), o);

const allow: Policy = { default: 'allow' };
const only = (mode: Mode): Policy => ({ default: mode, notice: NOTICE });

test.describe('bundle', () => {
  test('is one self-contained classic script that does not log', () => {
    expect(hook).not.toMatch(/(^|[;}\s])(import|export)[\s{*]/);
    expect(hook).not.toMatch(/\bimport\s*\(/);
    expect(hook).not.toMatch(/\bconsole\./);
    test.info().annotations.push({ type: 'size', description: `${hook.length} bytes, ${gzipSync(hook).length} gzip` });
  });
});

test.describe('fetch', () => {
  for (const bridge of ['before', 'after'] as const) {
    test(`allowed call reaches the server once and is reported (bridge ${bridge} the hook)`, async () => {
      const page = await open(allow, { bridge });
      const res = await pageFetch(page, API);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual(MAILBOX);
      expect(hits('/api/v2/mailboxes/ak1')).toBe(1);
      const decide = await decideFor(page, 'GetMailbox');
      expect(decide).toMatchObject({ transport: 'fetch', hasCopy: false, call: { method: 'GetMailbox', accessKey: 'ak1' } });
      const outcome = await outcomeFor(page, (m) => m.id === decide.id);
      expect(outcome).toMatchObject({ via: 'decided', status: 200, info: { kind: 'mailbox', info: { unread: 3, currentSize: 2048 } } });
    });
  }

  test('denied read is answered from the in-memory copy, marked', async () => {
    const page = await open(allow);
    const first = await pageFetch(page, API);
    await outcomeFor(page, (m) => methodOf(m) === 'GetMailbox');
    await setPolicy(page, only('deny'));
    const second = await pageFetch(page, API);
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers['content-type']).toBe('application/json');
    // When the data was received, and when the call may go again (the notice's instant).
    const marker = /^local-copy; since=(\d{4}-\d\d-\d\dT[^;]+); next=(.+)$/.exec(second.headers['x-ehealthbox-companion'] ?? '');
    expect(Date.parse(marker?.[2] ?? '')).toBe(NOTICE.retryAt);
    expect(hits('/api/v2/mailboxes/ak1')).toBe(1);
    const decide = await decideFor(page, 'GetMailbox', 1);
    expect(decide.hasCopy).toBe(true);
    expect((await messages(page)).filter((m) => m.id === decide.id).map((m) => m.type)).toEqual(['decide']);
  });

  test('denied call without a copy gets a 429 explaining the limit', async () => {
    const page = await open(only('deny'));
    const res = await pageFetch(page, `${INBOX}/m1`);
    expect(res.status).toBe(429);
    expect(res.headers['content-type']).toBe('application/json');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(3500);
    expect(JSON.parse(res.text)).toEqual({
      error: 'directive-limit',
      method: 'GetMessage',
      section: '§5.4.2',
      scope: 'message',
      limit: 6,
      used: 6,
      retryAt: new Date(NOTICE.retryAt).toISOString(),
      message: NOTICE.message,
    });
    expect(hits('/api/v2/mailboxes/ak1/folders/inbox/messages/m1')).toBe(0);
    expect((await messages(page)).map((m) => m.type)).toEqual(['decide']);
  });

  test('no verdict in time: the call proceeds after the timeout and is reported as failed open', async () => {
    const page = await open(only('never'));
    const res = await pageFetch(page, API);
    expect(res.status).toBe(200);
    expect(res.ms).toBeGreaterThanOrEqual(DID_NOT_WAIT);
    expect(hits('/api/v2/mailboxes/ak1')).toBe(1);
    const outcome = await outcomeFor(page, () => true);
    expect(outcome).toMatchObject({ via: 'fail-open', failure: 'timeout', status: 200 });
  });

  test('no-verdict from the bridge: proceeds at once', async () => {
    const page = await open(only('no-verdict'));
    const res = await pageFetch(page, API);
    expect(res.ms).toBeLessThan(DID_NOT_WAIT);
    expect(await outcomeFor(page, () => true)).toMatchObject({ via: 'fail-open', failure: 'bridge-error' });
  });

  test('bridge-down: every call proceeds at once, and nothing more is posted', async () => {
    const page = await open(only('down'));
    const a = await pageFetch(page, API);
    const b = await pageFetch(page, `${INBOX}/m1`);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(Math.max(a.ms, b.ms)).toBeLessThan(DID_NOT_WAIT);
    expect(hits('/api/v2/mailboxes/ak1') + hits('/api/v2/mailboxes/ak1/folders/inbox/messages/m1')).toBe(2);
    expect((await messages(page)).map((m) => m.type)).toEqual(['decide']);
  });

  test('no bridge at all: calls pass, and stop waiting once the handshake has timed out', async () => {
    const page = await open(allow, { bridge: 'none' });
    expect((await pageFetch(page, API)).status).toBe(200);
    const later = await pageFetch(page, API);
    expect(later.status).toBe(200);
    expect(later.ms).toBeLessThan(DID_NOT_WAIT);
  });

  test('aborting while waiting rejects exactly like the native fetch, and releases the slot', async () => {
    const page = await open(only('never'));
    const result = await page.evaluate(
      async ([api]) => {
        const attempt = async (url: string, reason?: unknown) => {
          const c = new AbortController();
          const p = fetch(url, { signal: c.signal });
          setTimeout(() => (reason === undefined ? c.abort() : c.abort(reason)), 50);
          try {
            await p;
            return 'resolved';
          } catch (e) {
            return [e instanceof DOMException ? `${e.name}: ${e.message}` : String(e), e === c.signal.reason];
          }
        };
        const already = new AbortController();
        already.abort();
        const early = await fetch(api, { signal: already.signal }).then(() => 'resolved', (e: DOMException) => e.name);
        return {
          native: await attempt('/plain/slow'),
          hooked: await attempt(api),
          nativeReason: await attempt('/plain/slow', 'why'),
          hookedReason: await attempt(api, 'why'),
          early,
        };
      },
      [API] as const,
    );
    expect(result.hooked).toEqual(result.native);
    expect(result.hooked).toEqual(['AbortError: signal is aborted without reason', true]);
    expect(result.hookedReason).toEqual(result.nativeReason);
    expect(result.early).toBe('AbortError');
    expect(hits('/api/v2/mailboxes/ak1')).toBe(0);
    // Releases wait for the page to be idle (hook/channel.ts, afterPage), 50 ms at most.
    await expect.poll(async () => (await messages(page)).map((m) => m.type)).toEqual(['decide', 'release', 'decide', 'release']);
    const log = await messages(page);
    expect(log[1]?.id).toBe(log[0]?.id);
  });

  test('a batch Request is counted per message from a clone; the caller\'s Request keeps its body', async () => {
    const page = await open(only('deny'));
    const body = JSON.stringify({ messageIds: ['m1', 'm2'] });
    const result = await page.evaluate(
      async ([url, b]) => {
        const req = new Request(url, { method: 'POST', body: b, headers: { 'content-type': 'application/json' } });
        const res = await fetch(req);
        return { status: res.status, bodyUsed: req.bodyUsed, text: await req.text() };
      },
      [`${INBOX}/trash`, body] as const,
    );
    expect(result).toEqual({ status: 429, bodyUsed: false, text: body });
    expect(await decideFor(page, 'MoveMessage')).toMatchObject({ messageIds: ['m1', 'm2'], call: { batch: true, folder: 'inbox' } });

    await setPolicy(page, allow);
    const sent = await pageFetch(page, `${INBOX}/trash`, { method: 'POST', body: JSON.stringify(['m3']) });
    expect(sent.status).toBe(200);
    expect(server.hits.find((h) => h.path.endsWith('/trash'))?.body).toBe(JSON.stringify(['m3']));
    expect((await decideFor(page, 'MoveMessage', 1)).messageIds).toEqual(['m3']);
  });

  test('a network error reaches the caller unchanged and is reported with status 0', async () => {
    const page = await open(allow);
    const errors = await page.evaluate(async () => {
      const fail = (url: string) => fetch(url).then(() => 'resolved', (e: Error) => `${e.constructor.name}: ${e.message}`);
      return [await fail('/plain/broken'), await fail('/api/v2/mailboxes/ak-broken')];
    });
    expect(errors[1]).toBe(errors[0]);
    expect(errors[0]).toMatch(/^TypeError/);
    expect(await outcomeFor(page, () => true)).toMatchObject({ via: 'decided', status: 0, call: { method: 'GetMailbox', accessKey: 'ak-broken' } });
  });

  test('the response is handed back before its clone is read: a streaming body still streams', async () => {
    const page = await open(allow);
    const text = await page.evaluate(async () => {
      const res = await fetch('/api/v2/mailboxes/ak-stream');
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = decoder.decode((await reader.read()).value);
      // The server sends the rest only after this: a hook that read the clone first would hang here.
      await fetch('/plain/release');
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return text;
        text += decoder.decode(value);
      }
    });
    expect(JSON.parse(text)).toMatchObject({ unreadMessagesCount: 4 });
    expect(await outcomeFor(page, () => true)).toMatchObject({ status: 200, info: { kind: 'mailbox', info: { unread: 4 } } });
  });

  test('out-of-office listings never wait', async () => {
    const page = await open(only('never'));
    const result = await page.evaluate(async ([api]) => {
      const t0 = performance.now();
      const b = await fetch(`${api}/outOfOffices`);
      return { status: b.status, ms: performance.now() - t0 };
    }, [API] as const);
    expect(result.status).toBe(200);
    expect(result.ms).toBeLessThan(DID_NOT_WAIT);
    expect(await outcomeFor(page, (m) => methodOf(m) === 'ListOutOfOffices')).toMatchObject({
      via: 'info',
      info: { kind: 'outOfOffices', entries: [{ id: 'o1', start: '2026-07-01', end: '2026-07-10', substitutes: 1 }] },
    });
    expect((await messages(page)).some((m) => m.type === 'decide')).toBe(false);
  });

  test('a publication asks first with its body size, and a held one never reaches the server (§3.1)', async () => {
    const page = await open({ default: 'allow', byMethod: { Publish: 'deny' }, notice: NOTICE });
    const status = await page.evaluate(async ([api]) => {
      const res = await fetch(`${api}/publications`, { method: 'POST', body: new Blob([new Uint8Array(1234)]) });
      return res.status;
    }, [API] as const);
    expect(status).toBe(429);
    expect(await decideFor(page, 'Publish')).toMatchObject({ bodyBytes: 1234 });
    expect(hits('/api/v2/mailboxes/ak1/publications')).toBe(0);
  });

  test('unrelated requests are not seen by the bridge', async () => {
    const page = await open(allow);
    await page.evaluate(async () => {
      await fetch('/plain/mailbox');
      await fetch(new URL('/api/v2/mailboxes-help/x', location.href));
      await fetch(new Request('/plain/echo', { method: 'POST', body: 'x' }));
    });
    expect(server.hits.length).toBeGreaterThanOrEqual(4);
    expect(await messages(page)).toEqual([]);
  });

  test('a page script that wraps fetch after the hook still gets decided calls', async () => {
    const wrap = `{ const f = window.fetch; window.__wrapped = 0;
      window.fetch = function (...a) { window.__wrapped++; return f.apply(this, a); }; }`;
    const page = await open(only('deny'), { pageScript: wrap });
    expect((await pageFetch(page, `${INBOX}/m1`)).status).toBe(429);
    await setPolicy(page, allow);
    expect((await pageFetch(page, `${INBOX}/m1`)).status).toBe(200);
    expect(await page.evaluate(() => (window as unknown as { __wrapped: number }).__wrapped)).toBe(2);
  });
});

test.describe('privacy and robustness', () => {
  test('messages to the bridge carry ids, dates and sizes, never the content', async () => {
    const page = await open(allow);
    await page.evaluate(async ([api, inbox, canary]) => {
      const absence = { startDate: '2026-08-03', endDate: '2026-08-14', substitutes: [{ id: canary, name: canary }] };
      await Promise.all([fetch(api), fetch(inbox), fetch(`${inbox}/m1`), fetch(`${api}/outOfOffices`)]);
      await fetch(`${api}/outOfOffices`, { method: 'POST', body: JSON.stringify(absence), headers: { 'content-type': 'application/json' } });
      await (window as unknown as TestWindow).__xhr({ url: inbox, responseType: 'json' });
    }, [API, INBOX, CANARY] as const);
    await expect.poll(async () => (await messages(page)).filter((m) => m.type === 'outcome').length).toBe(6);
    const log = await messages(page);
    expect(JSON.stringify(log)).not.toContain(CANARY);
    expect(log.find((m) => m.type === 'outcome' && methodOf(m) === 'CreateOutOfOffice')?.info).toEqual({
      kind: 'created',
      id: 'o9',
      start: '2026-08-03',
      end: '2026-08-14',
    });
    const listings = log.filter((m) => m.type === 'outcome' && methodOf(m) === 'ListMessages');
    for (const l of listings) {
      expect(l.info).toEqual({
        kind: 'messages',
        messages: [
          // Dates as the answer wrote them: the background reads them (the page has no time-zone rules).
          { id: 'm1', publishedAt: '2026-01-02T10:00:00Z', size: 1200, ack: null, read: false },
          { id: 'm2', publishedAt: '2026-01-03T10:00:00Z', size: 800, ack: null, read: true },
        ],
      });
    }
  });

  test('garbage from the bridge or the window never escapes into the page', async () => {
    const policy: Policy = { default: 'deny', notice: { level: 5, retryAt: 'soon', message: ['x'] } };
    const page = await open(policy);
    await page.evaluate(([channel]) => {
      const port = (window as unknown as TestWindow).__bridgePort as FakePort;
      for (const junk of [
        'x', null, 42, [], { type: 'verdict' }, { type: 'verdict', id: 5, verdict: 'deny' },
        { type: 'verdict', id: 'unknown', verdict: 'allow' }, { type: 'no-verdict' }, new ArrayBuffer(8),
        { type: 'verdict', id: { toString: null }, verdict: 'deny' },
      ]) {
        port.postMessage(junk);
      }
      window.postMessage({ channel, type: 'bridge-port' }, '*', [new MessageChannel().port2]);
      window.postMessage({ channel, type: 'bridge-hello' }, '*');
      window.postMessage({ channel, type: 'hook-hello', extra: 'x'.repeat(1e5) }, '*');
      window.postMessage('plain string', '*');
    }, [CHANNEL] as const);
    const refused = await pageFetch(page, `${INBOX}/m1`);
    expect(refused.status).toBe(429);
    // A malformed notice is not trusted: the body falls back to the call's own method.
    expect(JSON.parse(refused.text)).toMatchObject({ error: 'directive-limit', method: 'GetMessage', retryAt: null });
    await setPolicy(page, allow);
    expect((await pageFetch(page, API)).status).toBe(200);
  });
});

test.describe('XMLHttpRequest', () => {
  /** Event sizes differ with the bodies: keep whether they are zero. */
  const shape = (r: XhrResult) => ({
    events: r.events.map((e) => e.replace(/\((\d+)\/(\d+)\//, (_, a: string, b: string) => `(${a === '0' ? 0 : 'n'}/${b === '0' ? 0 : 'n'}/`)),
    handlers: r.handlers,
    readyState: r.readyState,
    status: r.status,
    statusText: r.statusText,
    setHeaderAfterSend: r.setHeaderAfterSend,
  });

  test('keeps the constructor, instanceof and upload native', async () => {
    const page = await open(allow);
    const result = await page.evaluate(() => {
      const x = new XMLHttpRequest();
      return [x instanceof XMLHttpRequest, x.upload instanceof XMLHttpRequestUpload, XMLHttpRequest.prototype.constructor === XMLHttpRequest];
    });
    expect(result).toEqual([true, true, true]);
  });

  for (const responseType of ['', 'text', 'json', 'arraybuffer', 'blob'] as const) {
    test(`allowed: same events, state and body as a native XHR (responseType '${responseType}')`, async () => {
      const page = await open(allow);
      const native = await xhr(page, { url: '/plain/mailbox', responseType });
      const hooked = await xhr(page, { url: API, responseType });
      expect(shape(hooked)).toEqual(shape(native));
      expect(hooked.response).toBe(native.response);
      expect(hooked.responseText).toBe(native.responseText);
      expect(hits('/api/v2/mailboxes/ak1')).toBe(1);
      const outcome = await outcomeFor(page, () => true);
      expect(outcome).toMatchObject({ via: 'decided', status: 200 });
      if (responseType === '' || responseType === 'text' || responseType === 'json') {
        expect(outcome.info).toMatchObject({ kind: 'mailbox', info: { unread: 3 } });
      } else expect(outcome.info).toBeUndefined();
    });
  }

  for (const responseType of ['', 'text', 'json', 'arraybuffer', 'blob', 'document'] as const) {
    test(`denied: the 429 arrives like a native 429 (responseType '${responseType}')`, async () => {
      const page = await open(only('deny'));
      const native = await xhr(page, { url: '/plain/refusal', responseType });
      const hooked = await xhr(page, { url: `${INBOX}/m1`, responseType });
      expect(shape(hooked)).toEqual(shape(native));
      expect(hooked.contentType).toBe(native.contentType);
      expect(hooked.headerNames).toEqual(['content-type', 'retry-after']);
      expect(hooked.responseURL).toBe(`${INBOX}/m1`);
      expect(hooked.responseText.startsWith('throws')).toBe(native.responseText.startsWith('throws'));
      const body = { '': hooked.response, text: hooked.response, json: hooked.response, arraybuffer: hooked.response.slice(12), blob: null, document: null }[responseType];
      if (body !== null) expect(JSON.parse(body)).toMatchObject({ error: 'directive-limit', method: 'GetMessage', limit: 6 });
      if (responseType === 'blob') expect(hooked.response).toMatch(/^blob:\d+:application\/json$/);
      if (responseType === 'document') expect(hooked.response).toBe(native.response);
      expect(hits('/api/v2/mailboxes/ak1/folders/inbox/messages/m1')).toBe(0);
    });
  }

  test('denied with a body and upload listeners: upload events as for a native upload', async () => {
    const page = await open(only('deny'));
    const body = JSON.stringify({ messageIds: ['m1'] });
    const native = await xhr(page, { url: '/plain/refusal', method: 'POST', body, upload: true });
    const hooked = await xhr(page, { url: `${INBOX}/trash`, method: 'POST', body, upload: true });
    expect(shape(hooked)).toEqual(shape(native));
    expect((await decideFor(page, 'MoveMessage')).messageIds).toEqual(['m1']);
  });

  test('a network error: same events as a native XHR, reported with status 0', async () => {
    const page = await open(allow);
    const native = await xhr(page, { url: '/plain/broken' });
    const hooked = await xhr(page, { url: `${ORIGIN}/api/v2/mailboxes/ak-broken` });
    expect(shape(hooked)).toEqual(shape(native));
    expect(hooked.events).toContain('error:4(0/0/false)');
    expect(await outcomeFor(page, () => true)).toMatchObject({ via: 'decided', status: 0 });
  });

  test('denied read is answered from the copy', async () => {
    const page = await open(allow);
    const first = await xhr(page, { url: API });
    await outcomeFor(page, () => true);
    await setPolicy(page, only('deny'));
    const second = await xhr(page, { url: API });
    expect(second.status).toBe(200);
    expect(second.responseText).toBe(first.responseText);
    expect(second.localCopy).toMatch(/^local-copy; since=/);
    expect(hits('/api/v2/mailboxes/ak1')).toBe(1);
  });

  test('an answer counts for the call the page makes from its own load handler: the next read is held with its copy', async () => {
    // The hook reads an answer once the page is idle; a call made before that must still know of it.
    const page = await open(allow);
    const seen = await page.evaluate(({ url, notice }) => new Promise<{ first: string; second: string; marker: string | null }>((resolve) => {
      const w = window as unknown as TestWindow;
      const first = new XMLHttpRequest();
      first.open('GET', url);
      first.onload = () => {
        w.__policy = { default: 'deny', notice };
        const second = new XMLHttpRequest();
        second.open('GET', url);
        second.onload = () => resolve({ first: first.responseText, second: second.responseText, marker: second.getResponseHeader('X-eHealthBox-Companion') });
        second.send();
      };
      first.send();
    }), { url: API, notice: NOTICE });
    expect(seen.second).toBe(seen.first);
    expect(seen.marker).toMatch(/^local-copy; since=/);
    expect(hits('/api/v2/mailboxes/ak1')).toBe(1);
    expect((await decideFor(page, 'GetMailbox', 1)).hasCopy).toBe(true);
  });

  for (const upload of [false, true]) {
    test(`abort while waiting behaves as a native abort${upload ? ', upload listeners included' : ''}`, async () => {
      const page = await open(only('never'));
      const request = upload ? { method: 'POST', body: '["m1"]', upload: true } : {};
      const native = await xhr(page, { url: '/plain/echo', abortNow: true, ...request });
      const hooked = await xhr(page, { url: upload ? `${INBOX}/trash` : API, abortNow: true, ...request });
      expect(shape(hooked)).toEqual(shape(native));
      expect(hooked.readyState).toBe(0);
      await expect.poll(async () => (await messages(page)).map((m) => m.type)).toEqual(['decide', 'release']);
      const log = await messages(page);
      expect(log[1]?.id).toBe(log[0]?.id);
      expect(hits('/api/v2/mailboxes/ak1') + hits('/api/v2/mailboxes/ak1/folders/inbox/messages/trash')).toBe(0);
    });
  }

  test('headers, timeout and withCredentials set before send apply to the delayed send', async () => {
    const page = await open(allow);
    const result = await page.evaluate(
      ([api]) =>
        new Promise<number>((resolve) => {
          const x = new XMLHttpRequest();
          x.open('GET', api);
          x.setRequestHeader('X-Test', 'kept');
          x.timeout = 5000;
          x.withCredentials = true;
          x.onload = () => resolve(x.status);
          x.send();
        }),
      [API] as const,
    );
    expect(result).toBe(200);
    expect(server.hits.find((h) => h.path === '/api/v2/mailboxes/ak1')?.headers['x-test']).toBe('kept');
  });

  test('no verdict in time: sent after the timeout and reported', async () => {
    const page = await open(only('never'));
    const t0 = Date.now();
    const r = await xhr(page, { url: API });
    expect(r.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(DID_NOT_WAIT);
    expect(await outcomeFor(page, () => true)).toMatchObject({ via: 'fail-open', failure: 'timeout', status: 200 });
  });

  test('a synchronous XHR goes through at once and is reported', async () => {
    const page = await open(only('never'));
    const status = await page.evaluate(([api]) => {
      const x = new XMLHttpRequest();
      x.open('GET', api, false);
      x.send();
      return x.status;
    }, [API] as const);
    expect(status).toBe(200);
    // Its outcome waits for the page to be idle (hook/channel.ts, afterPage); no decide before it.
    expect(await outcomeFor(page, () => true)).toMatchObject({ via: 'sync', status: 200, info: { kind: 'mailbox' } });
    expect((await messages(page)).map((m) => m.type)).toEqual(['outcome']);
  });
});

test.describe('with the real bridge', () => {
  const held = { verdict: 'deny', notice: NOTICE };
  const runtimeLog = (page: Page): Promise<RuntimeWindow['__runtimeLog']> =>
    page.evaluate(() => (window as unknown as RuntimeWindow).__runtimeLog);
  /** Every hook message the background got, single or in batches. */
  const reported = async (page: Page) => (await runtimeLog(page)).flatMap((m) => (m.type === 'page/batch' ? (m.messages ?? []) : m.message ? [m.message] : []));
  const setReply = (page: Page, reply: unknown): Promise<void> =>
    page.evaluate((r) => void ((window as unknown as RuntimeWindow).__runtime.reply = r), reply);

  test('relays decides and verdicts; a notice shows one toast per method and scope, at most three', async () => {
    const page = await open(allow, { bridge: 'real', reply: held });
    const cdp = await page.context().newCDPSession(page);
    expect((await pageFetch(page, `${INBOX}/m1`)).status).toBe(429);
    // Enforce mode: the decide waits for the background, which may lease slots with the verdict.
    expect(await runtimeLog(page)).toEqual([
      { type: 'page/hook', lease: true, message: expect.objectContaining({ type: 'decide', transport: 'fetch', call: { method: 'GetMessage', accessKey: 'ak1', folder: 'inbox', messageId: 'm1' } }) },
    ]);
    const [first] = await readToasts(cdp);
    expect(first).toMatchObject({ className: 'toast held', buttonLabel: 'toastDismiss', regionRole: 'status' });
    expect(first?.text).toContain(NOTICE.message);
    expect(first?.text).toContain('toastHeldTitle');

    // Known to be held until the notice's time: answered in the page, with no message at all.
    expect((await pageFetch(page, `${INBOX}/m1`)).status).toBe(429);
    expect((await pageFetch(page, `${INBOX}/m1`)).status).toBe(429);
    expect(await runtimeLog(page)).toHaveLength(1);
    expect(hits('/api/v2/mailboxes/ak1/folders/inbox/messages/m1')).toBe(0);
    expect(await readToasts(cdp)).toHaveLength(1);

    for (const scope of ['hour', 'day', 'folder']) {
      await setReply(page, { verdict: 'allow', notice: { ...NOTICE, level: 'warn', scope, message: `over ${scope}` } });
      expect((await pageFetch(page, `${API}/folders`)).status).toBe(200);
    }
    const capped = await readToasts(cdp);
    expect(capped.map((t) => t.className)).toEqual(['toast warn', 'toast warn', 'toast warn']);
    expect(capped.map((t) => t.text.includes('toastWarnTitle'))).toEqual([true, true, true]);
    await page.screenshot({ path: test.info().outputPath('toasts.png') });

    await clickNode(page, cdp, capped[0]?.buttonNodeId ?? 0);
    expect(await readToasts(cdp)).toHaveLength(2);
    // Auto-dismissed after about 8 s.
    await expect.poll(async () => (await readToasts(cdp)).length, { timeout: 12_000 }).toBe(0);
  });

  test('the toast keeps to its shadow root: hostile page styles do not hide it, its styles do not leak', async () => {
    const hostile = `document.addEventListener('DOMContentLoaded', () => {
      const s = document.createElement('style');
      s.textContent = '* { all: unset !important; color: red !important; font-size: 40px !important; } ehealthbox-companion-toasts { display: none !important; }';
      document.head.append(s);
    });`;
    const page = await open(allow, { bridge: 'real', reply: held, pageScript: hostile });
    const before = await page.evaluate(() => [document.styleSheets.length, getComputedStyle(document.body).fontFamily]);
    await pageFetch(page, `${INBOX}/m1`);
    const host = await page.evaluate(() => {
      const el = document.querySelector('ehealthbox-companion-toasts');
      const r = el?.getBoundingClientRect();
      return { width: r?.width ?? 0, height: r?.height ?? 0, shadowRoot: el ? el.shadowRoot : 'no host' };
    });
    expect(host.width).toBeGreaterThan(200);
    expect(host.height).toBeGreaterThan(30);
    expect(host.shadowRoot).toBeNull(); // closed
    expect(await page.evaluate(() => [document.styleSheets.length, getComputedStyle(document.body).fontFamily])).toEqual(before);
    await page.screenshot({ path: test.info().outputPath('toast.png') });
  });

  test('the channel is invisible to the page: its first script sees no port and no node, and a hello of its own later gets nothing', async () => {
    const spy = `window.__seen = [];
      for (const t of ['message', '${CHANNEL}:hook', '${CHANNEL}:bridge', '${CHANNEL}:to-hook', '${CHANNEL}:to-bridge']) {
        window.addEventListener(t, (e) => window.__seen.push(e.type + ':' + (e.ports ? e.ports.length : 0) + ':' + (e.relatedTarget ? 'node' : '-')), true);
      }`;
    const page = await open(allow, { bridge: 'real', reply: { verdict: 'allow' }, pageScript: spy });
    expect((await pageFetch(page, API)).status).toBe(200);
    const forged = await page.evaluate(async (channel) => {
      // Ask the hook to announce itself again, and announce a node of the page's own to the bridge.
      let node: EventTarget | null = null;
      window.addEventListener(`${channel}:hook`, (e) => (node = (e as MouseEvent).relatedTarget), true);
      window.dispatchEvent(new Event(`${channel}:bridge`));
      const own = document.createTextNode('');
      const heard: unknown[] = [];
      own.addEventListener(`${channel}:to-hook`, (e) => heard.push((e as CustomEvent).detail));
      window.dispatchEvent(new MouseEvent(`${channel}:hook`, { relatedTarget: own }));
      own.dispatchEvent(new CustomEvent(`${channel}:to-bridge`, { detail: { type: 'release', id: 'forged00-0000-4000-8000-000000000001' } }));
      await new Promise((r) => setTimeout(r, 200));
      return { node: node === own ? 'own' : node === null ? 'none' : 'hook', heard, seen: (window as unknown as { __seen: string[] }).__seen };
    }, CHANNEL);
    // The page saw only the events it dispatched itself.
    expect(forged).toEqual({ node: 'own', heard: [], seen: [`${CHANNEL}:bridge:0:-`, `${CHANNEL}:hook:0:node`] });
    await expect.poll(async () => (await reported(page)).map((m) => m.type)).toEqual(['decide', 'outcome']);
  });

  test('observe mode: a burst of 400 calls is reported whole (nothing dropped for being many)', async () => {
    const page = await open(allow, { bridge: 'real', reply: held, mode: 'observe' });
    await page.evaluate((u) => Promise.all(Array.from({ length: 400 }, () => fetch(u).then((r) => r.status))), API);
    expect(hits('/api/v2/mailboxes/ak1')).toBe(400);
    await expect.poll(async () => (await reported(page)).filter((m) => m.type === 'decide').length).toBe(400);
    await expect.poll(async () => (await reported(page)).filter((m) => m.type === 'outcome').length).toBe(400);
  });

  test('an invalidated extension context: bridge-down, then every call proceeds at once', async () => {
    const page = await open(allow, { bridge: 'real', reply: { verdict: 'allow' } });
    expect((await pageFetch(page, API)).status).toBe(200);
    await expect.poll(async () => (await reported(page)).map((m) => m.type)).toEqual(['decide', 'outcome']);
    await page.evaluate(() => void ((window as unknown as RuntimeWindow).__runtime.dead = true));
    const a = await pageFetch(page, API);
    const b = await pageFetch(page, `${INBOX}/m1`);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(Math.max(a.ms, b.ms)).toBeLessThan(DID_NOT_WAIT);
    expect(await reported(page)).toHaveLength(2);
  });

  test('observe mode: the bridge lets a call go at once and reports decide and outcome in batches, never asking; the warnings come back as a toast', async () => {
    // The background would hold this call: in observe mode the bridge does not ask.
    const page = await open(allow, { bridge: 'real', reply: held, mode: 'observe' });
    const cdp = await page.context().newCDPSession(page);
    await page.evaluate((n) => void ((window as unknown as RuntimeWindow).__runtime.batchReply = { ack: true, notices: [n], leases: [] }), { ...NOTICE, level: 'warn' });
    expect((await pageFetch(page, API)).status).toBe(200);
    // One batch, or two when the answer came after the first batch left (a loaded machine).
    const sent = async () => (await runtimeLog(page)).map((m) => (m.type === 'page/batch' ? (m.messages ?? []).map((x) => x.type) : [m.type]));
    await expect.poll(async () => (await sent()).flat()).toEqual(['decide', 'outcome']);
    expect((await runtimeLog(page)).every((m) => m.type === 'page/batch')).toBe(true);
    await expect.poll(async () => (await readToasts(cdp)).map((t) => t.className)).toEqual(['toast warn']);
  });

  test('trusted input is reported as activity, at most once per 30 s; synthetic events are not', async () => {
    const page = await open(allow, { bridge: 'real', reply: { verdict: 'allow' } });
    const activity = async (): Promise<number> => (await runtimeLog(page)).filter((m) => m.type === 'page/activity').length;
    const baseline = await activity();
    await page.evaluate(() => {
      document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true }));
      document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
    });
    expect(await activity()).toBe(baseline);
    await page.mouse.click(20, 20);
    await page.keyboard.press('a');
    await page.mouse.wheel(0, 50);
    await expect.poll(activity).toBe(1);
  });
});
