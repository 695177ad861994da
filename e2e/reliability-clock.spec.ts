// Issue 6, case 4 in a real browser: the clock of the whole Chromium (service worker included) is
// moved with libfaketime (Debian package `faketime`, preloaded into Chromium; .ci/run installs it)
// while the machine's time zone is Asia/Tokyo, not Brussels. Playwright's page.clock would only move
// a page, and a test-only clock in the shipped code is not acceptable. The offset lives in a file
// that libfaketime reads again every second, so the clock moves between calls of one running browser:
// back an hour, forward a day, back again; then two Brussels daylight-saving mornings.
// The same properties are checked exhaustively at the keeper level: src/background/budgets/keeper.clock.test.ts.
import type { Page } from '@playwright/test';
import { brusselsInstant } from '../src/directive/brussels';
import { ehbApp, expect, test } from './fixtures';
import type { Harness } from './harness';
import { figure, popupUsed, setMode, sleep, uiRequest } from './reliability-kit';

const HOUR_S = 3600;
const DAY_S = 24 * HOUR_S;

// The controlled clock (e2e/clock.ts) starts at real time; the machine's zone is Tokyo, not Brussels.
test.use({ clockSetting: 'now', launchOverrides: { env: { ...process.env, TZ: 'Asia/Tokyo' } } });

/** Moves the browser's wall clock to real time + `seconds`, and waits until a page and the service worker both read it. */
async function setClock(harness: Harness, page: Page, seconds: number): Promise<void> {
  const clock = harness.options.clock;
  if (!clock) throw new Error('this spec needs the controlled clock (clockSetting)');
  clock.set(seconds);
  const near = (t: number): boolean => Math.abs(t - (Date.now() + seconds * 1000)) < 3_000;
  await expect.poll(async () => near(await page.evaluate(() => Date.now())), { timeout: 10_000 }).toBe(true);
  const worker = await harness.wakeServiceWorker();
  await expect.poll(async () => near(await worker.evaluate(() => Date.now())), { timeout: 10_000 }).toBe(true);
}

/** The clock's offset from real time that puts the browser at `target` now. */
const offsetTo = (target: number): number => Math.round((target - Date.now()) / 1000);

interface Held {
  status: number;
  body: { retryAt?: string | null; message?: string; used?: number; limit?: number };
  headers: Record<string, string>;
}

/**
 * The next allowed instant a held call names: in the 429's body, or, when the page was answered with
 * the box information kept for the session, in the copy's marker header.
 */
function nextAllowed(held: Held): number {
  const marker = Object.entries(held.headers).find(([k]) => k.toLowerCase() === 'x-ehealthbox-companion')?.[1] ?? '';
  const at = Date.parse(held.status === 429 ? (held.body.retryAt ?? '') : (/; next=([^;]+)/.exec(marker)?.[1] ?? ''));
  // A failure says what the page got instead: the server's answer, a network error, a copy without its instant.
  if (Number.isNaN(at)) throw new Error(`not held with a next allowed instant: status ${held.status}, marker "${marker}", body ${JSON.stringify(held.body).slice(0, 300)}`);
  return at;
}

/** A new tab of the app (no in-memory copy of its own) and a fresh activity watcher. */
async function freshTab(harness: Harness, box: string): Promise<Page> {
  return harness.openApp({ box, autoload: false, page: await harness.context.newPage() });
}

async function declareKind(harness: Harness, box: string, kind: 'organization' | 'individual'): Promise<void> {
  const options = await harness.openOptions();
  const { settings } = await uiRequest<{ settings: Record<string, unknown> }>(options, { type: 'ui/state' });
  await uiRequest(options, { type: 'ui/settings', settings: { ...settings, mailboxes: { [box]: { kind } } } });
  await options.close();
}

test('machine zone Tokyo; clock back an hour, forward a day, back again: never reset early, never negative, next-allowed instant unchanged', async ({ sim, harness }, info) => {
  test.setTimeout(90_000);
  const box = sim.scenario.organization;
  await declareKind(harness, box, 'organization');
  await setMode(harness, 'Enforce');
  const app = await harness.openApp({ box, autoload: false });
  expect(await app.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('Asia/Tokyo');
  await setClock(harness, app, 0);

  const results = await ehbApp(app).burst('GetMailbox', 60);
  expect(results.every((r) => r.status === 200)).toBe(true);
  // All 60 reached the server (a held one would also be a 200: the page's copy). When one was held
  // for a moment, the new tab's call below went to the server as the 60th (docs/reliability.md, 12).
  expect(sim.count('GetMailbox', box)).toBe(60);
  const firstAt = sim.requests.find((r) => r.route === 'GetMailbox')?.time ?? 0;
  // A new tab is held too, and told the next allowed instant.
  const held = (await ehbApp(await freshTab(harness, box)).getMailbox()) as Held;
  expect(sim.count('GetMailbox', box)).toBe(60);
  const retryAt = nextAllowed(held);
  expect(Math.abs(retryAt - (firstAt + HOUR_S * 1000))).toBeLessThan(2_000);

  // Back an hour: the 60 calls stamped "later" still count; the next allowed instant is the same instant.
  await setClock(harness, app, -HOUR_S);
  const back = (await ehbApp(await freshTab(harness, box)).getMailbox()) as Held;
  expect(nextAllowed(back)).toBe(retryAt);
  expect(sim.count('GetMailbox', box)).toBe(60);
  expect(await popupUsed(harness, box, 60)).toBe(60);

  // Forward a day: the window has passed on this clock; the call goes and is counted once.
  await setClock(harness, app, DAY_S);
  const tomorrow = await ehbApp(await freshTab(harness, box)).getMailbox();
  expect(tomorrow.status).toBe(200);
  expect(sim.count('GetMailbox', box)).toBe(61);
  expect(await popupUsed(harness, box, 60)).toBe(1);

  // Back to the real time (the clock was a day ahead by mistake): nothing was forgotten.
  await setClock(harness, app, 0);
  const again = (await ehbApp(await freshTab(harness, box)).getMailbox()) as Held;
  expect(nextAllowed(again)).toBeGreaterThanOrEqual(retryAt);
  expect(sim.count('GetMailbox', box)).toBe(61);
  expect(await popupUsed(harness, box, 60)).toBe(61);
  figure(info, 'clock: TZ Asia/Tokyo, libfaketime; 60 calls, back 1 h (held, same next-allowed instant), forward 1 day (1 allowed), back 1 day (held, 61 counted); server 61');
});

test('daylight-saving mornings in Brussels (machine zone Tokyo): an individual\'s off-peak listing is next allowed at 06:00 Brussels, exactly', async ({ sim, harness }, info) => {
  test.setTimeout(90_000);
  const box = sim.scenario.individual;
  await setMode(harness, 'Enforce');
  const clockPage = await harness.openApp({ box, autoload: false });
  const seen: string[] = [];
  for (const [y, m, d, label] of [[2027, 3, 28, 'spring forward'], [2027, 10, 31, 'fall back']] as const) {
    const six = brusselsInstant(y, m, d, 6);
    await setClock(harness, clockPage, offsetTo(brusselsInstant(y, m, d, 5, 30)));
    // The user is at the keyboard: active (§5.1), so peak limits apply from 06:00. (A fresh tab each
    // time: the bridge reports input at most every 30 s of real time, and the clock jumps faster.)
    const app = await freshTab(harness, box);
    await app.locator('body').click();
    await sleep(300);
    const listed = sim.count('ListMessages', box);
    const first = await ehbApp(app).listMessages('inbox');
    expect(first.status).toBe(200);
    // A tab without a copy of the listing (copies are kept per route, so the app's own tab would get
    // its copy back): a 429 that says when.
    const held = (await ehbApp(await freshTab(harness, box)).request('GET', `/mailboxes/${box}/folders/INBOX/messages`)) as Held;
    expect(held.status).toBe(429);
    expect(held.body).toMatchObject({ limit: 1, used: 1 });
    expect(Date.parse(held.body.retryAt ?? '')).toBe(six);
    // Shown in Brussels time (06:00 in English, as in Belgium), not in the machine's (Tokyo: 14:00 or 13:00).
    expect(held.body.message).toMatch(/\b0?6:00\b/);
    expect(held.body.message).not.toMatch(/1[34]:00|[12]:00 PM/);
    expect(sim.count('ListMessages', box)).toBe(listed + 1);

    await setClock(harness, clockPage, offsetTo(six + 30_000));
    const later = await freshTab(harness, box);
    await later.locator('body').click();
    await sleep(300);
    const allowed = await ehbApp(later).request('GET', `/mailboxes/${box}/folders/INBOX/messages`);
    expect(allowed.status).toBe(200);
    expect(sim.count('ListMessages', box)).toBe(listed + 2);
    seen.push(`${label} ${new Date(six).toISOString()}`);
  }
  figure(info, `daylight saving, TZ Asia/Tokyo: next allowed at 06:00 Brussels exactly (${seen.join('; ')})`);
});
