// Shared by the reliability and security specs (issue 6). What the extension "shows" is read the way
// the user gets it: the popup's budget lines, the options page's settings, and the "Export my data"
// file (ui/export, the same verb the options page uses). Never the background's internals.
import type { HourCounts } from '../src/store/migrations/v3-format';
import type { Page } from '@playwright/test';
import type { Harness } from './harness';
import { expect } from './fixtures';

export interface ChromeLike {
  runtime: { sendMessage(message: unknown): Promise<unknown>; getManifest(): { version: string } };
}

export interface CallRowLike {
  id: string;
  mailbox: string;
  method: string;
  at: number;
  via: string;
  over: boolean;
  status?: number;
  units: string[];
}

/** An hour of the export's `hourly` table: the export unpacks the packed days to the rows of versions 1–2. */
export type HourlyRowLike = HourCounts;

export interface ExportLike {
  databaseVersion: number;
  settings: Record<string, unknown> & { mode: string };
  tables: Record<string, unknown[]> & { calls: CallRowLike[]; hourly: HourlyRowLike[]; ladders: { key: string; count: number; last: number }[] };
}

/** Sends a ui/* request from one of the extension's own pages (the only senders allowed to). */
export async function uiRequest<T>(page: Page, request: Record<string, unknown>): Promise<T> {
  return page.evaluate(async (r) => {
    const c = (globalThis as unknown as { chrome: ChromeLike }).chrome;
    // The background answers a verb in an envelope naming it (src/shared/ui-verbs.ts).
    return ((await c.runtime.sendMessage(r)) as { reply: unknown }).reply;
  }, request) as Promise<T>;
}

/** The user's "Export my data" file, fetched from a fresh options tab (closed afterwards). */
export async function exported(harness: Harness): Promise<ExportLike> {
  const page = await harness.openOptions();
  try {
    return await uiRequest<ExportLike>(page, { type: 'ui/export' });
  } finally {
    await page.close();
  }
}

/** Counted calls of one mailbox and method, as the export holds them (and the hourly totals). */
export async function countedIn(harness: Harness, mailbox: string, method: string): Promise<{ calls: number; hourly: number; held: number; ids: string[] }> {
  const file = await exported(harness);
  // A lease row (slots counted for a tab a moment before its calls use them) is not a call.
  const rows = file.tables.calls.filter((r) => r.mailbox === mailbox && r.method === method && r.via !== 'leased');
  const hourly = file.tables.hourly.filter((r) => r.mailbox === mailbox && r.method === method);
  return {
    calls: rows.length,
    ids: rows.map((r) => r.id),
    hourly: hourly.reduce((a, r) => a + r.calls, 0),
    held: hourly.reduce((a, r) => a + r.held, 0),
  };
}

/** The "used / limit" the popup shows for a mailbox's budget line (e.g. "62 / 60"); `mailbox`: its access key or label. */
export async function popupUsed(harness: Harness, mailbox: string, limit: number): Promise<number> {
  const popup = await harness.openPopup();
  try {
    // A card is found by its access key, or by the name the user gave the box.
    const region = popup.locator(`section[data-mailbox="${mailbox}"]`).or(popup.getByRole('region', { name: mailbox, exact: true }));
    const pattern = new RegExp(`(\\d+) / ${limit}(?!\\d)`);
    const line = region.getByText(pattern).first();
    await line.waitFor();
    const match = pattern.exec((await line.textContent()) ?? '');
    return Number(match?.[1] ?? NaN);
  } finally {
    await popup.close();
  }
}

/** Observe or enforce, set the way the user does it: on the options page. */
export async function setMode(harness: Harness, mode: 'Observe' | 'Enforce'): Promise<void> {
  const options = await harness.openOptions();
  await options.getByLabel(mode, { exact: true }).check();
  await expect(options.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await options.close();
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Adds a line to the test's annotations (the figures of docs/reliability.md come from these). */
export function figure(info: { annotations: { type: string; description?: string }[] }, text: string): void {
  info.annotations.push({ type: 'figure', description: text });
  if (process.env.RELIABILITY_VERBOSE) console.log(`figure: ${text}`);
}

/**
 * Kills the browser the hard way: SIGKILL to Chromium's browser process (its pid from the DevTools
 * protocol, SystemInfo.getProcessInfo), as a crash or the OOM killer would. Its child processes
 * (renderers, GPU, network, storage service) exit by themselves once their parent is gone; any left
 * after 5 s is killed too. Resolves when every one of them is gone and Playwright saw the disconnect.
 */
export async function killBrowser(harness: Harness): Promise<{ pid: number; children: number }> {
  const browser = harness.context.browser();
  if (!browser) throw new Error('no browser object for the persistent context');
  const cdp = await browser.newBrowserCDPSession();
  const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  const main = processInfo.find((p) => p.type === 'browser');
  if (!main) throw new Error('no browser process in SystemInfo.getProcessInfo');
  const others = processInfo.filter((p) => p !== main).map((p) => p.id);
  const closed = new Promise<void>((resolve) => harness.context.once('close', () => resolve()));
  process.kill(main.id, 'SIGKILL');
  const alive = (pid: number): boolean => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const end = Date.now() + 5_000;
  while ([main.id, ...others].some(alive) && Date.now() < end) await sleep(50);
  for (const pid of others.filter(alive)) process.kill(pid, 'SIGKILL');
  while ([main.id, ...others].some(alive)) await sleep(50);
  await Promise.race([closed, sleep(5_000)]);
  return { pid: main.id, children: others.length };
}
