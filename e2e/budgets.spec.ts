// Foundation: the directive's call budgets inside the (simulated) official web application.
// Every assertion is about what the server received or what the user sees.
import type { Page } from '@playwright/test';
import { ehbApp, expect, test } from './fixtures';
import { readBanners, readToasts } from './hook-fixtures/bridge';

/** What the bridge shows in its closed shadow roots: the toasts, or the banners. */
async function shown(page: Page, read: typeof readToasts | typeof readBanners): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const found = await read(cdp);
  await cdp.detach();
  return found.map((t) => t.text).join('\n');
}
const toasts = (page: Page) => shown(page, readToasts);
const bannerText = (page: Page) => shown(page, readBanners);

// Peak hours on a controlled clock: a notice's "again at 11:30" must not become "again on <date>,
// 00:30" when the suite runs in the hour before midnight (Brussels).
test.use({ clockSetting: 'peak' });

async function setMode(openOptions: () => Promise<Page>, mode: 'Observe' | 'Enforce'): Promise<void> {
  const options = await openOptions();
  await options.getByLabel(mode, { exact: true }).check();
  await expect(options.getByRole('status')).toHaveText('Saved');
  await options.close();
}

test('enforce: an organization box never sends a 61st GetMailbox within the hour, and the app keeps its box info', async ({ sim, openApp, openOptions }) => {
  await setMode(openOptions, 'Enforce');
  const app = await openApp({ box: sim.scenario.organization, autoload: false });
  const results = await ehbApp(app).burst('GetMailbox', 61);
  expect(sim.count('GetMailbox', sim.scenario.organization)).toBe(60);
  const last = results.at(-1);
  expect(last?.status).toBe(200);
  expect(last?.headers['x-ehealthbox-companion']).toMatch(/^local-copy; since=\d{4}-/);

  await app.getByTestId('refresh-box').click();
  await expect(app.getByTestId('current-size')).not.toHaveText('–');
  expect(sim.count('GetMailbox', sim.scenario.organization)).toBe(60);
  // Said once, in the banner that stays while the copy is shown (no toast repeats it).
  await expect.poll(() => bannerText(app)).toMatch(/Mailbox information: updates paused.*Why\? Mailbox information: paused to stay within the limit of 60 per hour\. Possible again at \d/);
  expect(await toasts(app)).toBe('');
});

test('enforce: the 7th GetMessage of one message is held back with a 429 naming the ladder', async ({ sim, openApp, openOptions, now }) => {
  await setMode(openOptions, 'Enforce');
  const box = sim.scenario.organization;
  const app = await openApp({ box, autoload: false });
  const id = sim.listMessages(box, 'inbox')[0]?.id ?? '';
  const results = await ehbApp(app).burst('GetMessage', 7, { args: ['inbox', id] });
  expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200, 429]);
  expect(sim.count('GetMessage', box)).toBe(6);
  expect(results[6]?.body).toMatchObject({ error: 'directive-limit', method: 'GetMessage', section: '§5.4.2', scope: 'message', limit: 6 });
  expect(Date.parse(String((results[6]?.body as { retryAt: string }).retryAt)) - now()).toBeGreaterThan(59 * 60_000);
});

test("enforce: an individual's RecoverPublicationState never reaches the server", async ({ sim, openApp, openOptions }) => {
  await setMode(openOptions, 'Enforce');
  const app = await openApp({ box: sim.scenario.individual, autoload: false });
  await ehbApp(app).getMailbox();
  const result = await ehbApp(app).recoverPublicationState('M-any');
  expect(result.status).toBe(429);
  expect(result.body).toMatchObject({ method: 'RecoverPublicationState', section: '§5.4.5', scope: 'forbidden', retryAt: null });
  expect(sim.count('RecoverPublicationState')).toBe(0);
});

test('enforce: the 11th out-of-office insert of the day is held back', async ({ sim, openApp, openOptions }) => {
  await setMode(openOptions, 'Enforce');
  const app = await openApp({ box: sim.scenario.individual, autoload: false });
  const results = await ehbApp(app).burst('CreateOutOfOffice', 11, { args: [{ startDate: '2026-12-21', endDate: '2026-12-24' }] });
  expect(results.filter((r) => r.status === 201)).toHaveLength(10);
  expect(results[10]?.status).toBe(429);
  expect(results[10]?.body).toMatchObject({ method: 'CreateOutOfOffice', section: '§5.6.1', limit: 10, scope: 'day' });
  expect(sim.count('CreateOutOfOffice')).toBe(10);
});

test('observe (default): every call goes through, the over-budget ones are warned about', async ({ sim, openApp, openPopup }) => {
  const box = sim.scenario.organization;
  const app = await openApp({ box, autoload: false });
  await ehbApp(app).burst('GetMailbox', 62);
  expect(sim.count('GetMailbox', box)).toBe(62);
  await expect.poll(() => toasts(app)).toMatch(/Mailbox information: over the limit of 60 per hour\. Nothing was blocked \(observe mode\)/);
  // One toast for both over-budget calls, however the bridge's batches split them.
  await expect.poll(() => toasts(app)).toMatch(/\u00d7\u00a02/);
  const popup = await openPopup();
  await expect(popup.locator(`section[data-mailbox="${box}"]`).getByText('62 / 60')).toBeVisible();
});

test('fetch and XMLHttpRequest calls are both counted', async ({ sim, openApp, openPopup }) => {
  const box = sim.scenario.organization;
  const viaFetch = await openApp({ box, autoload: false });
  await ehbApp(viaFetch).burst('GetMailbox', 3);
  const viaXhr = await openApp({ box, autoload: false, transport: 'xhr' });
  await expect(viaXhr.getByTestId('transport')).toHaveText('XHR');
  await ehbApp(viaXhr).burst('GetMailbox', 2);
  expect(sim.count('GetMailbox', box)).toBe(5);
  const popup = await openPopup();
  await expect(popup.locator(`section[data-mailbox="${box}"]`).getByText('5 / 60')).toBeVisible();
});
