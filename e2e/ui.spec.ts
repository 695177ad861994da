// The popup and the options page as a user meets them, in real Chromium with the built extension:
// keyboard first, the mouse where a user would reach for it, and an axe-core scan of both pages.
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { fromBrusselsInput, toBrusselsInput } from '../src/ui/lib/brussels-input';
import { ehbApp, expect, test } from './fixtures';

const HOUR = 3_600_000;

/** The time of day as the page shows it: Brussels time, in the browser's UI language. */
const shownTime = (page: Page, at: number): Promise<string> =>
  page.evaluate((ms) => {
    // The regional variant of the browser's language, as the extension writes times (i18n/t.ts).
    const ui = (globalThis as unknown as { chrome: { i18n: { getUILanguage(): string } } }).chrome.i18n.getUILanguage().slice(0, 2);
    const locale = ({ fr: 'fr-BE', nl: 'nl-BE', de: 'de-BE' } as Record<string, string>)[ui] ?? 'en-GB';
    return new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'Europe/Brussels' }).format(ms);
  }, at);

/** The options page's status line (the planner has a status line of its own). */
async function saved(options: Page, text = 'Saved'): Promise<void> {
  await expect(options.getByRole('status').filter({ hasText: text })).toHaveText(text);
}

/** Presses Tab until focus comes back to where it started; returns what got focus, with its focus ring. */
async function tabCycle(page: Page, max = 80): Promise<{ name: string; ring: boolean }[]> {
  const seen: { name: string; ring: boolean }[] = [];
  await page.locator('body').click({ position: { x: 1, y: 1 } });
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const current = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const name = `${el.tagName.toLowerCase()}:${el.getAttribute('aria-label') ?? el.id ?? ''}:${(el.textContent ?? '').trim().slice(0, 30)}`;
      return { name, ring: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 };
    });
    if (current === null || seen.some((s) => s.name === current.name)) return seen;
    seen.push(current);
  }
  throw new Error(`Tab did not leave the page after ${max} presses (a focus trap?): ${seen.map((s) => s.name).join(', ')}`);
}

test('popup without a mailbox says what to do, and Settings opens the options page from the keyboard', async ({ context, openPopup }) => {
  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'No mailbox seen yet' })).toBeVisible();
  await expect(popup.getByText('must be reloaded once')).toBeVisible();
  await expect(popup.getByRole('radio', { name: 'Observe' })).toBeChecked();
  const settings = popup.getByRole('button', { name: 'Settings' });
  for (let i = 0; i < 5 && !(await settings.evaluate((b) => b === document.activeElement)); i++) await popup.keyboard.press('Tab');
  const [options] = await Promise.all([context.waitForEvent('page'), popup.keyboard.press('Enter')]);
  await expect(options.getByRole('heading', { name: 'Companion for eHealthBox — settings' })).toBeVisible();
});

// §5.2.1: an active individual may ask 6 times an hour at peak, once off-peak; an organization 60
// at any hour. The browser's and the simulator's clock are set, so the test holds at any real hour.
for (const [hour, individual] of [['peak', 6], ['night', 1]] as const) {
  test.describe(`at ${hour} (Brussels)`, () => {
    test.use({ clockSetting: hour });

    test(`switch to enforce with the keyboard, then make the individual box an organization: the popup limit goes from ${individual} to 60`, async ({ sim, openApp, openOptions, openPopup }) => {
      const box = sim.scenario.individual;
      const app = await openApp({ box });
      await app.getByTestId('refresh-box').click(); // a user's click: active (§5.1)
      let popup = await openPopup();
      const card = popup.locator(`section[data-mailbox="${box}"]`);
      await expect(card.getByText('Individual professional')).toBeVisible();
      await expect(card.getByRole('listitem').filter({ hasText: 'Mailbox information' }).first()).toContainText(`/ ${individual}`);
      await popup.close();

      const options = await openOptions();
      await options.getByLabel('Observe', { exact: true }).focus();
      await options.keyboard.press('ArrowDown');
      await expect(options.getByLabel('Enforce', { exact: true })).toBeChecked();
      await saved(options);
      const kind = options.getByLabel('Limits that apply');
      await expect(kind.locator('option').first()).toHaveText('As detected: Individual professional');
      await kind.selectOption('organization');
      await saved(options);
      await expect(options.getByLabel(/formal agreement/)).toBeVisible();

      popup = await openPopup();
      await expect(popup.getByRole('radio', { name: 'Enforce' })).toBeChecked();
      const after = popup.locator(`section[data-mailbox="${box}"]`);
      await expect(after.getByText('Organization', { exact: true })).toBeVisible();
      await expect(after.getByText('set in the settings')).toBeVisible();
      await expect(after.getByRole('listitem').filter({ hasText: 'Mailbox information' }).first()).toContainText(/\d+ \/ 60/);
    });
  });
}

test('the language override applies at once, keeps the focus, reaches the popup, and goes back to automatic', async ({ openOptions, openPopup }) => {
  const options = await openOptions();
  const language = options.getByLabel('Language');
  await language.selectOption('fr');
  await expect(options.getByRole('heading', { name: 'Companion for eHealthBox — paramètres' })).toBeVisible();
  await saved(options, 'Enregistré');
  await expect(options.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(options.getByLabel('Langue')).toBeFocused();
  await expect(options.getByLabel('Faire respecter', { exact: true })).toBeVisible();

  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'Limites eHealthBox' })).toBeVisible();
  await expect(popup.getByRole('button', { name: 'Paramètres' })).toBeVisible();

  await options.getByLabel('Langue').selectOption('auto');
  await expect(options.getByRole('heading', { name: 'Companion for eHealthBox — settings' })).toBeVisible();
  await expect(options.locator('html')).toHaveAttribute('lang', 'en');
});

test('an on-call period entered in Belgian time shows in the popup, and is removed again', async ({ openOptions, openPopup, now }) => {
  // The browser's clock: under E2E_CLOCK a period around the machine's real time would be past.
  const options = await openOptions();
  const start = now() - HOUR;
  const end = (fromBrusselsInput(toBrusselsInput(now() + 2 * HOUR)) ?? 0);
  await options.getByLabel('Start (Belgian time)').fill(toBrusselsInput(start));
  await options.getByLabel('End (Belgian time)').fill(toBrusselsInput(end));
  await options.getByRole('button', { name: 'Add period' }).click();
  await saved(options);
  await expect(options.locator('#on-call li')).toContainText('now');

  const popup = await openPopup();
  await expect(popup.getByText(`On call until ${await shownTime(popup, end)}`)).toBeVisible();

  await options.getByRole('button', { name: /^Remove the period/ }).click();
  await expect(options.getByText('No on-call period declared.')).toBeVisible();
  await options.getByLabel('End (Belgian time)').fill(toBrusselsInput(now() - HOUR));
  await options.getByRole('button', { name: 'Add period' }).click();
  await expect(options.getByText(/the end must come after the start and not be past/)).toBeVisible();
});

test('a mailbox card whose space and reminders cannot be loaded says so in plain words, and still shows its budgets', async ({ sim, context, openApp, openPopup }) => {
  const box = sim.scenario.individual;
  await openApp({ box });
  // The background's answer to the card's health request arrives malformed (as after a failed update).
  await context.addInitScript(() => {
    const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => unknown } } }).chrome?.runtime;
    const send = runtime?.sendMessage?.bind(runtime);
    if (!runtime || !send || !location.pathname.endsWith('/popup/index.html')) return;
    runtime.sendMessage = (...args: unknown[]) => {
      if ((args[0] as { type?: string } | null)?.type !== 'ui/health') return send(...args);
      const reply = { reply: { quota: 'garbage' } };
      const callback = args.find((a): a is (r: unknown) => void => typeof a === 'function');
      if (callback) return void setTimeout(() => callback(reply), 0);
      return Promise.resolve(reply);
    };
  });
  const popup = await openPopup();
  const card = popup.locator(`section[data-mailbox="${box}"]`);
  await expect(card.getByText('Mailbox space and reminders cannot be shown: the extension did not answer; try again in a moment')).toBeVisible();
  await expect(card.getByText(/\d+ \/ \d+/).first()).toBeVisible();
});

test('the last 24 hours: a chart per method with the calls counted and the limit', async ({ sim, openApp, openOptions }) => {
  const box = sim.scenario.organization;
  const app = await openApp({ box, autoload: false });
  await ehbApp(app).burst('GetMailbox', 4);
  const options = await openOptions();
  const chart = options.locator('#history figure[data-method="GetMailbox"]');
  await expect(chart.getByRole('img')).toHaveAttribute('aria-label', 'Mailbox information: Calls in 24 hours: 4; most in one hour: 4. Limit per hour: 60.');
  await expect(chart.locator('rect.bar')).toHaveCount(1);
});

test('export all data as JSON, then delete it all after a confirmation (Escape cancels)', async ({ sim, openApp, openOptions, openPopup }) => {
  const box = sim.scenario.organization;
  await openApp({ box });
  const options = await openOptions();
  await options.getByLabel('Enforce', { exact: true }).check();
  await saved(options);

  const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export all data (JSON)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^companion-for-ehealthbox-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile(await download.path(), 'utf8')) as { format: string; settings: { mode: string }; tables: Record<string, { accessKey?: string }[]> };
  expect(file.format).toBe('companion-for-ehealthbox/export');
  expect(file.settings.mode).toBe('enforce');
  // Every table is checked by export.test.ts; here, those this session wrote to.
  expect(Object.keys(file.tables)).toEqual(expect.arrayContaining(['calls', 'hourly', 'mailboxes', 'snapshots', 'messages', 'absences']));
  expect(file.tables.mailboxes?.map((m) => m.accessKey)).toEqual([box]);
  expect(file.tables.calls?.length).toBeGreaterThan(0);
  await expect(options.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(/^Exported to companion-for-ehealthbox-/);

  const open = options.getByRole('button', { name: 'Delete all data…' });
  await open.click();
  const dialog = options.getByRole('dialog', { name: 'Delete all data?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await options.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  await open.click();
  await dialog.getByLabel(/Also restore the default settings/).check();
  await dialog.getByRole('button', { name: 'Delete', exact: true }).click();
  await saved(options, 'All data deleted.');
  await expect(options.locator('#mailboxes')).toContainText('No mailbox seen yet');
  await expect(options.getByLabel('Observe', { exact: true })).toBeChecked();
  const popup = await openPopup();
  await expect(popup.getByRole('heading', { name: 'No mailbox seen yet' })).toBeVisible();
});

test('keyboard only: every control of the popup and the options page takes the focus in turn, with a visible ring, and Tab moves on', async ({ sim, openApp, openOptions, openPopup }) => {
  await openApp({ box: sim.scenario.individual });
  const popup = await openPopup();
  await expect(popup.locator('section.card')).toHaveCount(1);
  const inPopup = await tabCycle(popup);
  expect(inPopup.map((s) => s.name)).toEqual(expect.arrayContaining([expect.stringMatching(/^summary:.*All limits/), expect.stringMatching(/^button:.*Settings/)]));
  expect(inPopup.filter((s) => !s.ring)).toEqual([]);

  const options = await openOptions();
  await expect(options.locator('#mailboxes fieldset')).toHaveCount(1);
  const inOptions = await tabCycle(options, 120);
  for (const id of ['mode-observe', 'activity', 'language', 'label-0', 'kind-0']) expect(inOptions.map((s) => s.name)).toContainEqual(expect.stringContaining(`:${id}:`));
  expect(inOptions.filter((s) => !s.ring)).toEqual([]);
});

test('axe-core: no serious or critical accessibility violation in the popup or the options page', async ({ sim, openApp, openOptions, openPopup }) => {
  await openApp({ box: sim.scenario.individual });
  await openApp({ box: sim.scenario.organization });
  const scan = async (page: Page): Promise<string[]> => {
    const { violations } = await new AxeBuilder({ page }).analyze();
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  };
  const popup = await openPopup();
  await expect(popup.locator('section.card')).toHaveCount(2);
  await expect(popup.getByTestId('ooo-compact')).toBeVisible();
  expect(await scan(popup)).toEqual([]);

  const options = await openOptions();
  await expect(options.locator('#history figure').first()).toBeVisible();
  await expect(options.getByTestId('ooo-planner')).toBeVisible();
  expect(await scan(options)).toEqual([]);
  await options.getByRole('button', { name: 'Delete all data…' }).click();
  expect(await scan(options)).toEqual([]);
});
