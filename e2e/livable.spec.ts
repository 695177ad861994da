// Livable for a secretary (issue 12): every screen, toast and notification reads without an access
// key or an API method name, in English, French and Dutch; the welcome page opens on install; a
// notification click never navigates a tab where a message is being written.
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { DIRECTIVE_METHODS } from '../src/directive/rules';
import { ehbApp, expect, test } from './fixtures';
import { WELCOME_PATH } from './harness';
import { readToasts } from './hook-fixtures/bridge';

/** The "why?" summary in each language: what follows it in a toast is the technical detail, hidden until opened. */
const WHY = { en: 'Why?', fr: 'Pourquoi\u00a0?', nl: 'Waarom?' } as const;
const SAVED = { en: 'Saved', fr: 'Enregistré', nl: 'Opgeslagen' } as const;

/** The toasts' visible text: everything before the closed "why?" detail. */
async function toastText(page: Page, why: string): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const shown = await readToasts(cdp);
  await cdp.detach();
  return shown.map((t) => t.text.split(why)[0] ?? '').join('\n');
}

/** What the notifications on screen say (the notifier's record of each one's title and text). */
async function notificationText(sw: Worker): Promise<string> {
  return sw.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { storage: { session: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
    const shown = ((await c.storage.session.get('shownNotes')).shownNotes ?? {}) as Record<string, { title: string; message: string }>;
    return Object.values(shown).map((n) => `${n.title}\n${n.message}`).join('\n');
  });
}

function expectPlain(text: string, keys: readonly string[]): void {
  expect(text.length).toBeGreaterThan(0);
  for (const key of keys) expect(text).not.toContain(key);
  for (const method of DIRECTIVE_METHODS) expect(text, `API name ${method} in: ${text}`).not.toMatch(new RegExp(`\\b${method}\\b`));
}

for (const lang of ['en', 'fr', 'nl'] as const) {
  test(`${lang}: no access key and no API method name in the popup, the options page, the toasts or the notifications`, async ({ sim, openApp, openOptions, openPopup, serviceWorker }) => {
    const keys = [sim.scenario.individual, sim.scenario.organization];
    const options = await openOptions();
    await options.locator('#language').selectOption(lang);
    await expect(options.getByRole('status').filter({ hasText: SAVED[lang] })).toHaveText(SAVED[lang]);

    // Both boxes seen; the individual one asked for its information until it goes over its limit
    // (1 an hour at night, 6 by day): observe mode lets the calls through and says so in a toast.
    await openApp({ box: sim.scenario.organization });
    const app = await openApp({ box: sim.scenario.individual });
    await expect.poll(async () => {
      await app.getByTestId('refresh-box').click();
      return toastText(app, WHY[lang]);
    }, { timeout: 30_000 }).not.toBe('');
    expectPlain(await toastText(app, WHY[lang]), keys);

    // A quota notification for the individual box.
    sim.fillTo(sim.scenario.individual, 0.85);
    await ehbApp(app).getMailbox();
    await expect.poll(() => notificationText(serviceWorker)).not.toBe('');
    expectPlain(await notificationText(serviceWorker), keys);

    const popup = await openPopup();
    await expect(popup.locator('section[data-mailbox]')).toHaveCount(2);
    for (const all of await popup.locator('section[data-mailbox] details:not(.why)').all()) await all.locator('summary').first().click();
    expectPlain(await popup.locator('body').innerText(), keys);

    await options.reload();
    await expect(options.locator('fieldset[data-mailbox]')).toHaveCount(2);
    expectPlain(await options.locator('body').innerText(), keys);
  });
}

test('the popup invites naming a new box; the name is used everywhere at once', async ({ sim, openApp, openPopup }) => {
  await openApp({ box: sim.scenario.individual });
  const popup = await openPopup();
  const card = popup.locator(`section[data-mailbox="${sim.scenario.individual}"]`);
  await expect(card.getByRole('heading', { name: 'Doctor (NIHII)' })).toBeVisible();
  await card.getByLabel('Give this mailbox a name you will recognise').fill('Dr Peeters – practice');
  await card.getByRole('button', { name: 'Save name' }).press('Enter');
  await expect(card.getByRole('heading', { name: 'Dr Peeters – practice' })).toBeVisible();
  await expect(card.getByLabel('Give this mailbox a name you will recognise')).toHaveCount(0);
});

test.describe('on install', () => {
  test.use({ welcome: true });

  test('the welcome page opens, reads plainly, passes axe, and the popup opens it again', async ({ context, openPopup }) => {
    const welcome = await expect
      .poll(() => context.pages().find((p) => p.url().includes(WELCOME_PATH)), { timeout: 20_000 })
      .toBeTruthy()
      .then(() => context.pages().find((p) => p.url().includes(WELCOME_PATH)) as Page);
    await expect(welcome.getByRole('heading', { name: 'Welcome to Companion for eHealthBox' })).toBeVisible();
    for (const name of ['1. Keep it in sight', '2. Two modes', '3. Name your mailboxes', '4. Your data']) {
      await expect(welcome.getByRole('heading', { name })).toBeVisible();
    }
    const axe = await new AxeBuilder({ page: welcome }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);

    await welcome.close();
    const popup = await openPopup();
    const [again] = await Promise.all([context.waitForEvent('page'), popup.getByRole('button', { name: 'Welcome and help' }).click()]);
    await expect(again).toHaveURL(new RegExp(WELCOME_PATH));
  });
});

test('the mode is a control in the popup: enforce only after a confirmation, observe at once', async ({ openPopup }) => {
  const popup = await openPopup();
  await expect(popup.getByRole('radio', { name: 'Observe' })).toBeChecked();
  await popup.getByRole('radio', { name: 'Enforce' }).check();
  await expect(popup.getByText(/Switch\?$/)).toBeVisible();
  await popup.getByRole('button', { name: 'Keep observing' }).click();
  await expect(popup.getByRole('radio', { name: 'Observe' })).toBeChecked();
  await popup.getByRole('radio', { name: 'Enforce' }).check();
  await popup.getByRole('button', { name: 'Switch to enforce' }).click();
  await expect(popup.getByRole('radio', { name: 'Enforce' })).toBeChecked();
  await popup.reload();
  await expect(popup.getByRole('radio', { name: 'Enforce' })).toBeChecked();
  await popup.getByRole('radio', { name: 'Observe' }).check();
  await expect(popup.getByRole('radio', { name: 'Observe' })).toBeChecked();
});

test('a notification click opens a new tab and leaves a tab where a message is being written alone', async ({ sim, context, openApp, serviceWorker }) => {
  const box = sim.scenario.individual;
  const composing = await openApp({ box, hash: '#/compose' });
  await expect(composing.getByTestId('compose-form')).toBeVisible();
  sim.fillTo(box, 0.85);
  await ehbApp(composing).getMailbox();
  const id = `quota|${box}|80`;
  await expect.poll(() => serviceWorker.evaluate(async () => Object.keys(await (globalThis as unknown as { chrome: { notifications: { getAll(): Promise<Record<string, boolean>> } } }).chrome.notifications.getAll()))).toContain(id);
  const [opened] = await Promise.all([
    context.waitForEvent('page', (p) => p !== composing),
    // What Chromium does on a click: the background's onClicked listener runs.
    serviceWorker.evaluate((noteId) => (globalThis as unknown as { chrome: { notifications: { onClicked: { dispatch(id: string): void } } } }).chrome.notifications.onClicked.dispatch(noteId), id),
  ]);
  await expect(opened).toHaveURL(new RegExp(`box=${box}`));
  await expect(composing).toHaveURL(/#\/compose$/);
  await expect(composing.getByTestId('compose-form')).toBeVisible();
});
