// The core scenarios in a real Firefox ESR (issue 13), with the built dist/firefox installed as a
// temporary add-on, against the simulator at the production origin. The Playwright specs in e2e/
// run the same scenarios, and many more, in Chromium. What is checked is what the user gets and
// what reached the server (sim.count), never the background's internals: the popup and options
// pages, the browser's notifications and alarms, and the "Export my data" file (the ui/export verb
// the options page uses). One Firefox for the whole file, its event page allowed 10 s of idleness
// before Firefox suspends it, so the scenarios also run across suspensions.
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportLike } from '../reliability-kit';
import { Simulator } from '../sim/simulator';
import { VERSIONS, createDatabase, oldRows, storesOf, type Evaluates } from '../storage-kit';
import { Firefox, settles, until } from './firefox';

/** Firefox's `browser` namespace, as far as these checks use it from an extension page. */
interface BrowserApi {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  notifications: { onShown: NoteEvent; onClosed: NoteEvent };
  extension: { getViews(): Window[] };
  alarms: { getAll(): Promise<{ name: string; scheduledTime: number }[]> };
}

interface NoteEvent { addListener(listener: (id: string) => void): void }

const IDLE_TIMEOUT_MS = 10_000;
let sim: Simulator;
let firefox: Firefox;
/** A page of the extension that never talks to the background: it sees its state without waking it. */
let quiet: Page;

/** `window.ehbApp.<method>(...args)` in a page of the simulated web application. */
function app<R>(page: Page, method: string, ...args: unknown[]): Promise<R> {
  return page.evaluate(
    (m, a) => (window as unknown as { ehbApp: Record<string, (...x: unknown[]) => Promise<unknown>> }).ehbApp[m]!(...a),
    method, args,
  ) as Promise<R>;
}

/** The user's "Export my data" file, from an options tab closed afterwards. */
async function exported(): Promise<ExportLike> {
  const page = await firefox.openOptions();
  try {
    const answer = await page.evaluate(() => (globalThis as unknown as { browser: BrowserApi }).browser.runtime.sendMessage({ type: 'ui/export' }));
    return (answer as { reply: ExportLike }).reply;
  } finally {
    await page.close();
  }
}

/** Calls of one mailbox and method the extension counted (lease rows are slots, not calls). */
async function counted(box: string, method: string): Promise<number> {
  const file = await exported();
  return file.tables.calls.filter((r) => r.mailbox === box && r.method === method && r.via !== 'leased').length;
}

/** The extension's alarms and when each is due, read from the quiet page (the event page sleeps on). */
function alarms(): Promise<{ name: string; at: string }[]> {
  return quiet.evaluate(async () => (await (globalThis as unknown as { browser: BrowserApi }).browser.alarms.getAll())
    .map((a) => ({ name: a.name, at: new Date(a.scheduledTime).toISOString() })));
}

/** Whether Firefox has the extension's event page loaded now (asked without waking it). */
function backgroundRunning(): Promise<boolean> {
  return quiet.evaluate(() => (globalThis as unknown as { browser: BrowserApi }).browser.extension.getViews()
    .some((w) => w.location.pathname.includes('background')));
}

async function suspended(): Promise<void> {
  await until(async () => ((await backgroundRunning()) ? undefined : true), 'Firefox to suspend the event page', 60_000);
}

/**
 * The notifications Firefox was asked to show for the extension since the last `forgetNotifications()`.
 * A headless Firefox without a system notification service closes each one at once (`getAll()` is
 * then already empty), so the quiet page records them as Firefox reports them shown or closed.
 */
async function notifications(): Promise<string[]> {
  return quiet.evaluate(() => [...((globalThis as unknown as { seenNotes: Set<string> }).seenNotes)].sort());
}

async function forgetNotifications(): Promise<void> {
  await quiet.evaluate(() => (globalThis as unknown as { seenNotes: Set<string> }).seenNotes.clear());
}

/** Chooses observe or enforce on the options page, as the user does: a click on the radio button. */
async function chooseMode(options: Page, mode: 'observe' | 'enforce'): Promise<void> {
  await options.waitForSelector(`#mode-${mode}`);
  await options.click(`#mode-${mode}`);
  await saved(options);
  expect(await options.evaluate((m) => document.querySelector<HTMLInputElement>(`#mode-${m}`)?.checked, mode)).toBe(true);
}

/**
 * Waits for the options page's status line to say Saved. The page has other status lines (the
 * out-of-office planner's comes first in the document), so the one saying Saved is looked for, as
 * the Chromium specs do (`getByRole('status').filter({ hasText })`).
 */
async function saved(options: Page): Promise<void> {
  await until(async () => (await options.evaluate(() => [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent === 'Saved'))) || undefined, 'the options page to say Saved', 30_000);
}

const brussels = (at: number): string =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Brussels' }).format(at);

beforeAll(async () => {
  sim = new Simulator();
  firefox = await Firefox.launch(sim, { idleTimeoutMs: IDLE_TIMEOUT_MS });
  // The toolbar icon, as an extension page: the same origin as the background, no messages sent.
  quiet = await firefox.openExtensionPage('icons/icon-16.png', 'img');
  await quiet.evaluate(() => {
    const g = globalThis as unknown as { browser: BrowserApi; seenNotes: Set<string> };
    g.seenNotes = new Set();
    g.browser.notifications.onShown.addListener((id) => g.seenNotes.add(id));
    g.browser.notifications.onClosed.addListener((id) => g.seenNotes.add(id));
  });
});

afterAll(async () => {
  const dir = path.resolve('test-results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'firefox.log'), firefox?.log.join('\n') ?? '');
  await firefox?.close();
});

describe('Firefox ESR with dist/firefox', () => {
  it('a storage of the previous schema version is upgraded with all its data', async () => {
    const box = sim.scenario.organization;
    // The database is replaced while the event page is suspended (no connection of its own open).
    await suspended();
    const previous = VERSIONS.at(-2) ?? {};
    const tables = Object.keys(previous);
    const rows = oldRows(box, Date.now(), tables);
    // puppeteer's evaluate types its argument through handles; the kit's pages take plain data.
    const extensionPage: Evaluates = { evaluate: async (fn, arg) => quiet.evaluate(fn as (a: unknown) => Promise<void>, arg) };
    await createDatabase(extensionPage, (VERSIONS.length - 1) * 10, storesOf(previous), rows, true);

    const page = await firefox.openApp({ box, autoload: false });
    await app(page, 'burst', 'GetMailbox', 5);
    await settles(() => counted(box, 'GetMailbox'), 35, '30 old and 5 new GetMailbox counted');
    await page.close();
    const file = await exported();
    expect(file.databaseVersion).toBe(VERSIONS.length);
    for (const table of tables) {
      for (const old of rows[table] ?? []) {
        const { lastSeen: _moves, ...fixed } = old as { lastSeen?: number };
        expect(file.tables[table] ?? [], `${table} kept its rows`).toContainEqual(expect.objectContaining(table === 'mailboxes' ? fixed : (old as object)));
      }
    }
  });

  it('the event page is suspended and woken without losing counts', async () => {
    const box = sim.scenario.individual;
    await suspended();
    const page = await firefox.openApp({ box, autoload: false });
    await app(page, 'burst', 'ListMessages', 3);
    await settles(() => counted(box, 'ListMessages'), sim.count('ListMessages', box), 'every listing counted after the wake-up');
    await page.close();
    await suspended();
    expect(await counted(box, 'ListMessages')).toBe(sim.count('ListMessages', box));
  });

  it('the hook wraps fetch and XMLHttpRequest from document_start: every call of the first load is counted', async () => {
    const box = sim.scenario.individual;
    for (const transport of ['fetch', 'xhr'] as const) {
      const page = await firefox.openApp({ box, transport });
      // The load called GetMailbox and ListMessages at once: a hook installed late would miss some.
      for (const method of ['GetMailbox', 'ListMessages'] as const) {
        await settles(() => counted(box, method), sim.count(method, box), `${transport}: ${method} counted = reached the server`);
      }
      await page.close();
    }
    expect(sim.count('GetMailbox', box)).toBeGreaterThanOrEqual(2);
  });

  it('observe mode lets every call through and counts each', async () => {
    const box = sim.scenario.individual;
    const before = sim.count('GetMailbox', box);
    const page = await firefox.openApp({ box, autoload: false });
    const results = await app<{ status: number }[]>(page, 'burst', 'GetMailbox', 8);
    expect(results.map((r) => r.status)).toEqual(Array(8).fill(200));
    expect(sim.count('GetMailbox', box)).toBe(before + 8);
    // Counted while the tab is open.
    await settles(() => counted(box, 'GetMailbox'), before + 8, '8 more counted');
    await page.close();
  });

  it('the popup and the options page render', async () => {
    const popup = await firefox.openPopup();
    await until(async () => (await popup.evaluate((k) => !!document.querySelector(`section[data-mailbox="${k}"]`), sim.scenario.individual)) || undefined, 'the mailbox card in the popup');
    await popup.close();
    const options = await firefox.openOptions();
    await until(async () => (await options.evaluate(() => !!document.querySelector('input[name="mode"]'))) || undefined, 'the mode choice');
    const text = await options.evaluate(() => document.body.innerText);
    expect(text).toMatch(/Observe/);
    expect(text).toMatch(/Enforce/);
    // The privacy policy, inside the extension, one click away.
    const policy = await options.evaluate(() => [...document.querySelectorAll('a')].find((a) => a.textContent === 'Privacy policy')?.href);
    expect(policy).toBe(`${firefox.origin}/src/ui/privacy/index.html`);
    await options.close();
    const page = await firefox.openExtensionPage('src/ui/privacy/index.html', 'h1');
    expect(await page.evaluate(() => document.body.innerText)).toMatch(/substitutes’ identifier type and number/);
    await page.close();
  });

  it('a notification is raised when the mailbox is 80 % full', async () => {
    const box = sim.scenario.individual;
    expect(await notifications()).toEqual([]);
    const page = await firefox.openApp({ box });
    sim.fillTo(box, 0.85);
    // As the web application's polling does: the box checked again, twice.
    await app(page, 'getMailbox');
    await app(page, 'getMailbox');
    await until(async () => ((await notifications()).some((id) => id.includes(box)) ? true : undefined), 'a quota notification', 45_000);
    await page.close();
    await forgetNotifications();
  });

  it('enforce mode holds calls back at the limit: the server never sees more than 60 GetMailbox an hour for an organization', async () => {
    const box = sim.scenario.organization;
    const options = await firefox.openOptions();
    await chooseMode(options, 'enforce');
    await options.close();
    // Counted within the hour so far: the 30 calls of the old database and those made since.
    const before = await counted(box, 'GetMailbox');
    const sent = sim.count('GetMailbox', box);
    const page = await firefox.openApp({ box, autoload: false });
    const results = await app<{ status: number }[]>(page, 'burst', 'GetMailbox', 70 - before);
    await page.close();
    expect(sim.count('GetMailbox', box) - sent).toBe(60 - before);
    // The web application got an answer for every call (its last one again, or a 429 naming the rule).
    expect(results.every((r) => r.status === 200 || r.status === 429)).toBe(true);
    const back = await firefox.openOptions();
    await chooseMode(back, 'observe');
    await back.close();
  });

  it('an alarm fires: the daily reminder of sent messages, at the minute set in the options', async () => {
    const box = sim.scenario.individual;
    await forgetNotifications();
    sim.deliver(box, 'sent', { publicationDate: new Date(Date.now() - 50 * 3_600_000).toISOString(), read: true });
    const page = await firefox.openApp({ box, hash: '#/sent' });
    await settles(() => counted(box, 'ListMessages'), sim.count('ListMessages', box), 'the listing of sent messages counted');
    await page.close();
    // The next whole minute (Brussels time): no reminder is due before then, only the alarm brings it.
    const at = Math.ceil((Date.now() + 5_000) / 60_000) * 60_000;
    const options = await firefox.openOptions();
    await options.waitForSelector('input[name="digestTime"]');
    await options.evaluate((time) => {
      const input = document.querySelector<HTMLInputElement>('input[name="digestTime"]');
      if (!input) throw new Error('no reminder time field');
      input.value = time;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, brussels(at));
    await saved(options);
    await options.close();
    expect(await notifications()).toEqual([]);
    await until(async () => ((await notifications()).some((id) => id.includes(box)) ? true : undefined), 'the reminder', 90_000)
      .catch(async (e: Error) => {
        throw new Error(`${e.message}; alarms then: ${JSON.stringify(await alarms())}, due at ${new Date(at).toISOString()}`);
      });
    expect(Date.now()).toBeGreaterThanOrEqual(at);
  }, 180_000);

  it('Firefox logged no error from the extension', () => {
    expect(firefox.extensionErrors()).toEqual([]);
  });
});
