// Issue 6, case 8: the background classes a message's sender before it reads the verb. A content
// script in an eHealthBox tab (acting for an untrusted page) reaches only page verbs; privileged
// ui/* verbs (reset, settings, export) are for the extension's own pages; anything else is ignored.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const calls = { ui: 0, hook: 0, activity: 0 };
const fromBridge: unknown[] = [];
const decideTabs: number[] = [];
const batches: { messages: unknown[]; claims: unknown[]; retry: boolean }[] = [];
vi.mock('webextension-polyfill', () => ({ default: { runtime: { id: 'companion', getURL: (p: string) => `chrome-extension://companion/${p}` } } }));
vi.mock('./ui-api', () => ({ handleUiRequest: async () => void calls.ui++ }));
vi.mock('./page-calls', () => ({
  handleHookMessage: async (_s: unknown, tab: number, _m: unknown, _retry: boolean, _lease: boolean, bridge: unknown) => {
    calls.hook++;
    decideTabs.push(tab);
    fromBridge.push(bridge);
  },
  handleBatch: async (_s: unknown, _tab: number, messages: unknown[], claims: unknown[], retry: boolean) => void batches.push({ messages, claims, retry }),
}));

const { route } = await import('./router');

const featureMessages: unknown[] = [];
const services = {
  clock: () => 0,
  pageHandlers: new Map([['page/unrecognised', (m: unknown) => void featureMessages.push(m)]]),
  activity: { noteInput: () => void calls.activity++ },
  isExtensionUrl: (url: string | undefined) => url !== undefined && url.startsWith('chrome-extension://companion/'),
} as unknown as Parameters<typeof route>[0];

const tab = { id: 1, index: 0, highlighted: true, active: true, pinned: false, incognito: false };
const page = (url: string) => ({ id: 'companion', url, tab } as unknown as Parameters<typeof route>[2]);
const decide = { type: 'page/hook', message: { type: 'decide', id: '0b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d', transport: 'fetch', hasCopy: false, call: { method: 'GetMailbox', accessKey: 'ak' } } };
const PRIVILEGED = [{ type: 'ui/reset', settings: true }, { type: 'ui/settings', settings: { mode: 'observe' } }, { type: 'ui/export' }, { type: 'ui/state' }];

beforeEach(() => {
  calls.ui = 0;
  calls.hook = 0;
  calls.activity = 0;
  batches.length = 0;
});

describe('router', () => {
  it('an eHealthBox page reaches no privileged verb, in any wrapping', async () => {
    const sender = page('https://www.ehealth.fgov.be/ehealthbox/');
    for (const m of [...PRIVILEGED, ...PRIVILEGED.map((p) => ({ type: 'page/hook', message: p })), { type: 'page/hook', message: decide.message, ui: 'reset' }]) {
      await route(services, m, sender);
    }
    expect(calls.ui).toBe(0);
    // The last one carried a valid hook message beside a stray field: relayed as a call report, nothing more.
    expect(calls.hook).toBe(1);
  });

  it('relays a valid page report and activity from an eHealthBox page only', async () => {
    await route(services, decide, page('https://www.ehealth.fgov.be/ehealthbox/'));
    await route(services, { type: 'page/activity' }, page('https://portal.ehealth.fgov.be/x'));
    const shapes = { type: 'page/unrecognised', shapes: [] };
    await route(services, shapes, page('https://www.ehealth.fgov.be/ehealthbox/'));
    for (const url of ['https://ehealth.fgov.be.evil.example/', 'http://www.ehealth.fgov.be/', 'https://evil.example/?https://www.ehealth.fgov.be/']) {
      await route(services, decide, page(url));
      await route(services, { type: 'page/activity' }, page(url));
      await route(services, shapes, page(url));
    }
    expect(calls).toEqual({ ui: 0, hook: 1, activity: 1 });
    // A feature's page verb (the audit's unrecognised shapes) from the eHealthBox page only.
    expect(featureMessages).toEqual([shapes]);
  });

  it('relays reports from the about:blank and srcdoc frames of an eHealthBox page only (issue 11, point 2)', async () => {
    const frame = (url: string, origin?: string, top = 'https://www.ehealth.fgov.be/ehealthbox/') =>
      ({ id: 'companion', url, ...(origin ? { origin } : {}), tab: { ...tab, url: top } }) as unknown as Parameters<typeof route>[2];
    await route(services, decide, frame('about:blank', 'https://www.ehealth.fgov.be'));
    await route(services, decide, frame('about:srcdoc', 'https://www.ehealth.fgov.be'));
    // Firefox names no origin: the tab's page says whose frame it is.
    await route(services, decide, frame('about:blank'));
    for (const f of [frame('about:blank', 'https://evil.example'), frame('about:blank', 'null'), frame('about:blank', undefined, 'https://evil.example/'), frame('about:config', 'https://www.ehealth.fgov.be')]) {
      await route(services, decide, f);
    }
    expect(calls.hook).toBe(3);
  });

  it('reads a batch message by message: an invalid one or claim is left out, an oversized batch is ignored', async () => {
    const sender = page('https://www.ehealth.fgov.be/ehealthbox/');
    const claim = { id: decide.message.id, slot: 'a3f1c2d4-0000-4000-8000-000000000001', left: 3 };
    await route(services, { type: 'page/batch', messages: [decide.message, { type: 'decide', id: 'x' }, 'junk'], claims: [claim, { id: 1 }, null], retry: true }, sender);
    await route(services, { type: 'page/batch', messages: Array.from({ length: 101 }, () => decide.message) }, sender);
    await route(services, { type: 'page/batch', messages: [PRIVILEGED[0]] }, page('https://evil.example/'));
    expect(batches).toEqual([{ messages: [decide.message], claims: [claim], retry: true }]);
    expect(calls.ui).toBe(0);
  });

  it('another extension is ignored; the extension\'s own pages may use ui verbs', async () => {
    await route(services, PRIVILEGED[0], { id: 'someone-else', url: 'chrome-extension://companion/src/ui/options/index.html' } as Parameters<typeof route>[2]);
    expect(calls.ui).toBe(0);
    await route(services, PRIVILEGED[0], { id: 'companion', url: 'chrome-extension://companion/src/ui/options/index.html' } as Parameters<typeof route>[2]);
    expect(calls.ui).toBe(1);
  });
});

describe('router: what the bridge adds to a decide', () => {
  it('passes the user\'s exception and the copy\'s time; a decide whose bridge fields do not fit the contract is refused whole', async () => {
    fromBridge.length = 0;
    const sender = page('https://www.ehealth.fgov.be/ehealthbox/');
    await route(services, { ...decide, exception: true, copyAt: 5 }, sender);
    await route(services, { ...decide, exception: 'true', copyAt: '5' }, sender);
    await route(services, { ...decide, copyAt: Infinity }, sender);
    await route(services, decide, sender);
    expect(fromBridge).toEqual([{ exception: true, copyAt: 5 }, { exception: false }]);
  });

  it("names the sender's tab, so that its decide is judged after that tab's batches (tab-turns.ts)", async () => {
    decideTabs.length = 0;
    await route(services, decide, page('https://www.ehealth.fgov.be/ehealthbox/'));
    expect(decideTabs).toEqual([tab.id]);
  });
});
