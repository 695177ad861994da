// Issue 6, cases 8–10. Page messages are untrusted: a hostile script in the eHealthBox page forges
// bridge messages (privileged verbs, forged handshakes, a stolen MessagePort, huge payloads, floods)
// and gets nothing a real call would not give it. No network of its own: in a full session the
// extension issues no request (seen from the browser's side), loads no remote code, and its CSP
// forbids it. Least privilege: the built manifests ask for exactly what docs/permissions.md
// justifies, and content scripts run only on eHealth hosts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { CHANNEL } from '../src/shared/page-protocol';
import { ehbApp, expect, test } from './fixtures';
import { DEFAULT_EXTENSION_PATH, REPO_ROOT, type Harness } from './harness';
import { countedIn, exported, figure, setMode, uiRequest } from './reliability-kit';

const CHROME_DIR = process.env.EXTENSION_PATH ?? DEFAULT_EXTENSION_PATH;
const FIREFOX_DIR = process.env.FIREFOX_EXTENSION_PATH ?? path.join(REPO_ROOT, 'dist', 'firefox');
const BUILDS = [['chrome', CHROME_DIR], ['firefox', FIREFOX_DIR]] as const;
const EHEALTH_MATCH = /^https:\/\/\*\.ehealth\.fgov\.be\/\*$/;

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; exclude_matches?: string[]; match_about_blank?: boolean; match_origin_as_fallback?: boolean }[];
  content_security_policy?: { extension_pages?: string; sandbox?: string } | string;
  externally_connectable?: unknown;
  web_accessible_resources?: unknown;
  sandbox?: unknown;
  background?: { service_worker?: string; scripts?: string[] };
}

const manifest = (dir: string): Manifest => JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;

/** The permissions and hosts docs/permissions.md justifies, one table row each: `name` | why | where. */
function documented(): { permissions: string[]; hosts: string[] } {
  const doc = readFileSync(path.join(REPO_ROOT, 'docs', 'permissions.md'), 'utf8');
  const permissions: string[] = [];
  const hosts: string[] = [];
  for (const line of doc.split('\n')) {
    const m = /^\|\s*(host\s+)?`([^`]+)`\s*\|\s*([^|]{20,})\|/.exec(line);
    if (!m?.[2]) continue;
    (m[1] ? hosts : permissions).push(m[2]);
  }
  return { permissions, hosts };
}

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)).filter((f) => statSync(f).isFile());

test.describe('least privilege (case 10)', () => {
  for (const [name, dir] of BUILDS) {
    test(`${name}: permissions and hosts are exactly the ones docs/permissions.md justifies; content scripts only on eHealth hosts`, () => {
      expect(existsSync(path.join(dir, 'manifest.json')), `built manifest in ${dir} (npm run build)`).toBe(true);
      const m = manifest(dir);
      const allow = documented();
      expect(allow.permissions.length, 'docs/permissions.md lists permissions').toBeGreaterThan(0);
      expect([...(m.permissions ?? [])].sort()).toEqual([...allow.permissions].sort());
      expect([...(m.host_permissions ?? [])].sort()).toEqual([...allow.hosts].sort());
      for (const extra of m.optional_permissions ?? []) expect(allow.permissions, `optional ${extra} is justified`).toContain(extra);
      for (const extra of m.optional_host_permissions ?? []) expect(allow.hosts, `optional host ${extra} is justified`).toContain(extra);
      for (const host of m.host_permissions ?? []) expect(host).toMatch(EHEALTH_MATCH);
      // Nothing reachable from the web: no page may message the extension or load its files.
      expect(m.externally_connectable).toBeUndefined();
      expect(m.web_accessible_resources).toBeUndefined();
      expect(m.content_scripts?.length).toBeGreaterThan(0);
      for (const cs of m.content_scripts ?? []) {
        expect(cs.matches.length).toBeGreaterThan(0);
        for (const match of cs.matches) expect(match).toMatch(EHEALTH_MATCH);
        // Frames an eHealth page makes (about:blank, srcdoc) are eHealth's too (issue 11, point 2);
        // `matches` alone decides which origins (a fallback origin must match it too).
        expect(cs.match_about_blank).toBe(true);
        if (name === 'chrome') expect(cs.match_origin_as_fallback).toBe(true);
      }
    });
  }
});

test.describe('no remote code, and a CSP that forbids it (case 9)', () => {
  for (const [name, dir] of BUILDS) {
    test(`${name}: the content security policy allows only the extension's own code and connections`, () => {
      const csp = manifest(dir).content_security_policy;
      expect(typeof csp, 'MV3 object form').toBe('object');
      const pages = (typeof csp === 'object' ? csp.extension_pages : undefined) ?? '';
      const directives = new Map(pages.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k ?? '', v]));
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(["'self'", "'none'"]).toEqual(expect.arrayContaining(directives.get('connect-src') ?? ['missing']));
      expect(directives.get('connect-src')?.every((s) => s === "'self'" || s === "'none'")).toBe(true);
      expect(pages).not.toMatch(/https?:|\*|unsafe-eval|unsafe-inline|wasm-unsafe-eval|data:|blob:/);
      expect(typeof csp === 'object' ? csp.sandbox : undefined).toBeUndefined();
    });

    test(`${name}: the built bundles load no remote code`, () => {
      const found: string[] = [];
      const remote = /["'`]\s*(?:https?:)?\/\/[^"'`]+["'`]/;
      for (const file of files(dir)) {
        const text = readFileSync(file, 'utf8');
        if (file.endsWith('.html')) {
          for (const m of text.matchAll(/<(script|link|iframe|img|embed|object)\b[^>]*\b(src|href)\s*=\s*["']?([^"' >]+)/gi)) {
            if (/^(https?:)?\/\//i.test(m[3] ?? '')) found.push(`${file}: <${m[1]} ${m[2]}=${m[3]}>`);
          }
          if (/http-equiv\s*=\s*["']?refresh/i.test(text)) found.push(`${file}: meta refresh`);
        }
        if (file.endsWith('.js')) {
          for (const m of text.matchAll(/\b(import|importScripts|new\s+(?:Shared)?Worker|loadScript)\s*\(([^)]{0,300})\)/g)) {
            if (remote.test(m[2] ?? '')) found.push(`${file}: ${m[0].slice(0, 120)}`);
          }
          for (const m of text.matchAll(/\bimport\s*(?:[\w*{}\s,]+from\s*)?["'](https?:[^"']+)["']/g)) found.push(`${file}: ${m[0]}`);
          for (const m of text.matchAll(/\.src\s*=\s*["'`](https?:[^"'`]+)/g)) found.push(`${file}: script/image source ${m[1]}`);
          for (const m of text.matchAll(/\b(eval|new\s+Function|setTimeout|setInterval)\s*\(\s*["'`]/g)) found.push(`${file}: code from a string: ${m[0]}`);
        }
      }
      expect(found).toEqual([]);
    });
  }

  test('a full session: the extension itself issues no network request (seen from the browser)', async ({ sim, harness, networkFromExtension, stopServiceWorker }, info) => {
    test.setTimeout(90_000);
    // Everything a user does: both mailboxes, every folder, messages, attachments, a sent message,
    // out-of-office, the box filling up (notifications), the popup, the options page, an export, a
    // worker stop and wake, enforce mode and a held call.
    for (const box of [sim.scenario.individual, sim.scenario.organization]) {
      const app = await harness.openApp({ box });
      const api = ehbApp(app);
      for (const folder of ['inbox', 'sent', 'bin', 'binsent']) await api.listMessages(folder);
      const inbox = sim.listMessages(box, 'inbox');
      for (const m of inbox.slice(0, 2)) await api.getMessage('inbox', m.id);
      await api.getAttachment('inbox', inbox[0]?.id ?? '', 'att1');
      await api.listOoO();
      await api.insertOoO({ startDate: '2027-02-01', endDate: '2027-02-03', substitutes: [] });
      sim.fillTo(box, 0.97);
      await api.getMailbox();
      await api.getMailbox();
      await app.close();
    }
    const popup = await harness.openPopup();
    await popup.waitForTimeout(300);
    await popup.close();
    await exported(harness);
    await setMode(harness, 'Enforce');
    await stopServiceWorker();
    const app = await harness.openApp({ box: sim.scenario.individual, autoload: false });
    await ehbApp(app).burst('GetMailbox', 8);
    await app.waitForTimeout(500);
    expect(networkFromExtension).toEqual([]);
    expect(sim.blocked.filter((b) => b.fromExtension)).toEqual([]);

    // At run time the CSP refuses a connection the code might attempt, in a page and in the worker.
    const options = await harness.openOptions();
    expect(await options.evaluate(() => fetch('https://detector-check.invalid/page').then(() => 'sent', (e: Error) => e.name))).toBe('TypeError');
    const worker = await harness.wakeServiceWorker();
    expect(await worker.evaluate(() => fetch('https://detector-check.invalid/worker').then(() => 'sent', (e: Error) => e.name))).toBe('TypeError');
    expect(networkFromExtension).toEqual([]);
    // The detector itself works: an image (not covered by connect-src) from an extension page is seen.
    await options.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'https://detector-check.invalid/pixel.png';
      document.body.append(img);
    });
    await expect.poll(() => networkFromExtension.map((r) => `${r.source} ${r.url}`)).toEqual(['extension-page https://detector-check.invalid/pixel.png']);
    figure(info, `no network of its own: a full session (${sim.apiRequests.length} API calls by the app) — 0 requests from the service worker or extension pages; a fetch to a remote host refused by the CSP in a page and in the worker; the detector checked with a deliberate image load`);
  });
});

/** What the hostile script reports back. */
interface Attack {
  stolePort: boolean;
  portsSeen: number;
  posted: number;
  chromeRuntime: string;
}

/**
 * A hostile script in the page, running before the page's own scripts: it listens for any
 * MessagePort passed through window messages, wraps MessagePort and EventTarget methods to catch
 * the hook's port, and then attacks with `window.ehbAttack(...)`.
 */
function hostile(channel: string): void {
  const w = window as unknown as Record<string, unknown>;
  const ports: MessagePort[] = [];
  const keep = (p: unknown): void => {
    if (p instanceof MessagePort && !ports.includes(p)) ports.push(p);
  };
  window.addEventListener('message', (e) => e.ports.forEach(keep), true);
  const add = EventTarget.prototype.addEventListener;
  EventTarget.prototype.addEventListener = function (this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) {
    keep(this);
    return add.apply(this, args);
  };
  const start = MessagePort.prototype.start;
  MessagePort.prototype.start = function (this: MessagePort) {
    keep(this);
    return start.call(this);
  };
  w.ehbAttack = async (forged: unknown[], flood: unknown, floodCount: number): Promise<Attack> => {
    let posted = 0;
    const everywhere = (m: unknown): void => {
      window.postMessage(m, '*');
      for (const p of ports) p.postMessage(m);
      posted++;
    };
    // Forged handshakes: a second hello, a port of the attacker's own, a bridge hello.
    const own = new MessageChannel();
    window.postMessage({ channel, type: 'hook-hello' }, '*');
    window.postMessage({ channel, type: 'bridge-port' }, '*', [own.port2]);
    window.postMessage({ channel, type: 'bridge-hello' }, '*');
    for (const m of forged) everywhere(m);
    for (let i = 0; i < floodCount; i++) for (const p of ports) p.postMessage(flood);
    posted += floodCount * ports.length;
    let chromeRuntime = 'absent';
    const c = (window as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } }).chrome;
    if (c?.runtime?.sendMessage) {
      try {
        await c.runtime.sendMessage('any-extension-id', { type: 'ui/reset', settings: true });
        chromeRuntime = 'answered';
      } catch (e) {
        chromeRuntime = `refused: ${(e as Error).message.slice(0, 60)}`;
      }
    }
    await new Promise((r) => setTimeout(r, 1500));
    return { stolePort: ports.length > 0, portsSeen: ports.length, posted, chromeRuntime };
  };
}

async function settings(harness: Harness): Promise<Record<string, unknown>> {
  const page = await harness.openOptions();
  try {
    return (await uiRequest<{ settings: Record<string, unknown> }>(page, { type: 'ui/state' })).settings;
  } finally {
    await page.close();
  }
}

test.describe('page messages are untrusted (case 8)', () => {
  test('a hostile script forges bridge messages: privileged verbs, handshakes, a stolen port, huge payloads, floods — no effect beyond a real call', async ({ sim, harness }, info) => {
    test.setTimeout(90_000);
    const box = sim.scenario.organization;
    // The user's state before the attack: enforce mode, the box known as an organization's, 60 calls this hour.
    await setMode(harness, 'Enforce');
    const page: Page = await harness.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(hostile, CHANNEL);
    await harness.openApp({ box, autoload: false, page });
    const results = await ehbApp(page).burst('GetMailbox', 61);
    expect(sim.count('GetMailbox', box)).toBe(60);
    expect(results.at(-1)?.headers['x-ehealthbox-companion']).toMatch(/^local-copy/);
    const before = { settings: await settings(harness), counted: await countedIn(harness, box, 'GetMailbox') };
    expect(before.counted.calls).toBe(60);

    const id = (n: number): string => `f0rged00-0000-4000-8000-${String(n).padStart(12, '0')}`;
    const huge = 'x'.repeat(4 * 1024 * 1024);
    const forged: unknown[] = [
      // Privileged verbs, in every wrapping.
      { type: 'ui/reset', settings: true },
      { type: 'ui/settings', settings: { mode: 'observe' } },
      { channel: CHANNEL, type: 'ui/reset' },
      { type: 'page/hook', message: { type: 'ui/reset' } },
      { type: 'page/activity' },
      { type: 'verdict', id: id(1), verdict: 'allow' },
      // Mailboxes the page never called, and malformed or oversized reports.
      { type: 'outcome', id: id(2), via: 'info', status: 200, call: { method: 'GetMailbox', accessKey: 'INJECTED-BOX' }, info: { kind: 'mailbox', info: { currentSize: 1, maxSize: 1, standby: 0, unread: 0, owner: { idType: 'CBE', quality: 'HOSPITAL' } } } },
      { type: 'decide', id: id(3), transport: 'fetch', hasCopy: false, call: { method: 'GetMailbox', accessKey: box }, admin: true },
      { type: 'decide', id: id(4), transport: 'fetch', hasCopy: false, call: { method: 'GetMailbox', accessKey: huge } },
      { type: 'outcome', id: id(5), via: 'decided', status: 200, call: { method: 'ListMessages', accessKey: box, folder: 'inbox' }, messageIds: Array.from({ length: 5000 }, (_, i) => `m${i}`) },
      { type: 'release', id: '../../etc' },
      { type: 'release', id: id(6), extra: huge },
      'x'.repeat(1024),
      null,
      { __proto__: { type: 'release' } },
    ];
    // A flood of well-formed decides on the stolen port: the most a page can do is what calls would do.
    const flood = { type: 'decide', id: id(7), transport: 'fetch', hasCopy: false, call: { method: 'ListMailBoxFolder', accessKey: 'FLOOD-BOX' } };
    const attack = (await page.evaluate(([f, fl]) => (window as unknown as { ehbAttack: (a: unknown[], b: unknown, n: number) => Promise<Attack> }).ehbAttack(f as unknown[], fl, 5000), [forged, flood] as const));

    // Nothing privileged happened: settings and counts as they were, enforce still in force.
    const after = { settings: await settings(harness), counted: await countedIn(harness, box, 'GetMailbox') };
    expect(after.settings).toEqual(before.settings);
    expect(after.counted.calls).toBeGreaterThanOrEqual(before.counted.calls);
    const file = await exported(harness);
    expect(file.tables.calls.filter((r) => r.mailbox === 'INJECTED-BOX')).toEqual([]);
    const flooded = file.tables.calls.filter((r) => r.mailbox === 'FLOOD-BOX').length;
    // At most the flood limit got through (one call each, same id: counted once at most per id).
    expect(flooded).toBeLessThanOrEqual(1);
    const next = await ehbApp(page).getMailbox();
    expect(next.headers['x-ehealthbox-companion']).toMatch(/^local-copy/);
    expect(sim.count('GetMailbox', box)).toBe(60);
    // The page's own calls still work: a fresh tab gets its verdict at once.
    const fresh = await harness.openApp({ box: sim.scenario.individual, autoload: false, page: await harness.context.newPage() });
    const t0 = Date.now();
    expect((await ehbApp(fresh).listFolders()).status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(1_400); // not the 1.5 s wait of a call whose verdict never comes
    expect(errors).toEqual([]);
    expect(attack.chromeRuntime).not.toBe('answered');
    figure(info, `hostile page: ${forged.length} forged messages + 3 forged handshakes + a flood of 5000 on ${attack.portsSeen} stolen port(s) (port stolen: ${attack.stolePort}); settings unchanged, counts not reset, no injected mailbox, ${flooded} flood call counted, enforce still held the 61st call; chrome.runtime from the page: ${attack.chromeRuntime}`);
  });
});
