// Enforce mode never empties the screen (issue 12): while a kind of call is held, a banner in the
// page says what was held, how old the information shown is and when it may load again, and stays
// while the copy is shown; after a reload with the budget spent, the box information kept for the
// session is shown and no call reaches the server; "load now anyway", confirmed, lets exactly one
// call through, which the popup and the 24-hour history show as the user's exception.
// At night an individual's box may ask for its information once an hour (§5.2.1).
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { DIRECTIVE_METHODS } from '../src/directive/rules';
import { expect, test } from './fixtures';
import { clickNode, type DomNode, kids, readBanners, readToasts, type ShownBanner, words } from './hook-fixtures/bridge';
import { figure, setMode } from './reliability-kit';

test.use({ clockSetting: 'night' });

async function banners(page: Page): Promise<ShownBanner[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await readBanners(cdp);
  } finally {
    await cdp.detach();
  }
}

/** A trusted click (the mouse, as a person) on a banner's button. */
async function press(page: Page, label: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const [banner] = await readBanners(cdp);
    const node = banner?.buttons.get(label);
    if (node === undefined) throw new Error(`no "${label}" in ${banner?.text ?? 'no banner'}`);
    await clickNode(page, cdp, node);
  } finally {
    await cdp.detach();
  }
}

async function toastCount(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return (await readToasts(cdp)).length;
  } finally {
    await cdp.detach();
  }
}

const boxInfo = async (page: Page): Promise<string[]> => [await page.getByTestId('current-size').innerText(), await page.getByTestId('unread-count').innerText()];

test('a held call shows a banner that stays while the copy is shown; after a reload the session\'s box information is shown and nothing reaches the server', async ({ sim, harness }, info) => {
  const box = sim.scenario.individual;
  await setMode(harness, 'Enforce');
  const app = await harness.openApp({ box });
  expect(sim.count('GetMailbox', box)).toBe(1);
  const shown = await boxInfo(app);
  expect(shown[0]).not.toBe('–');

  // Held: the application keeps its box information, and the banner says so in plain words.
  await app.getByTestId('refresh-box').click();
  await expect.poll(async () => (await banners(app)).length).toBe(1);
  const [first] = await banners(app);
  const words = first?.text ?? '';
  expect(words).toMatch(/^Mailbox information: updates paused to stay within the eHealthBox limits Shown: the information received at \d\d?:\d\d( [AP]M)?\. It may load again at \d\d?:\d\d( [AP]M)?\./);
  expect(words.split('Why?')[0]).not.toContain('§');
  // The limit in plain words behind "Why?", then the rule; no toast repeats the banner.
  expect(words.split('Why?')[1]).toMatch(/^ Mailbox information: paused to stay within the limit of \d per hour\. Possible again at .+ eHealthBox usage directive §5\.2\.1, method GetMailbox ×$/);
  expect(await toastCount(app)).toBe(0);
  expect(words).not.toContain(box);
  for (const m of DIRECTIVE_METHODS) expect(words.split('Why?')[0], `API name ${m}`).not.toMatch(new RegExp(`\\b${m}\\b`));
  expect(await boxInfo(app)).toEqual(shown);

  // It stays while the copy is shown; more held calls neither stack banners, nor bring a toast,
  // nor reach the server. No page script sees into it.
  for (let i = 0; i < 3; i++) await app.getByTestId('refresh-box').click();
  expect(await banners(app)).toHaveLength(1);
  expect(await toastCount(app)).toBe(0);
  expect(await app.evaluate(() => document.querySelector('ehealthbox-companion-banner')?.shadowRoot ?? 'closed')).toBe('closed');

  // A reload: the page's own copy is gone; the session's box information is shown, nothing reaches the server.
  await app.reload();
  await expect(app.locator('html[data-app-state="ready"]')).toHaveCount(1);
  expect(await boxInfo(app)).toEqual(shown);
  await expect.poll(async () => (await banners(app))[0]?.text ?? '').toMatch(/Shown: the information received at \d\d?:\d\d( [AP]M)?\./);
  expect(sim.count('GetMailbox', box)).toBe(1);
  figure(info, `held GetMailbox (night, 1 an hour): 4 held in the page, a reload shows the session's box information; server saw 1`);
});

test('"load now anyway" lets exactly one call through, and the popup and the history show the exception', async ({ sim, harness, openPopup, openOptions }) => {
  const box = sim.scenario.individual;
  await setMode(harness, 'Enforce');
  const app = await harness.openApp({ box });
  await app.getByTestId('refresh-box').click();
  await expect.poll(async () => (await banners(app)).length).toBe(1);
  expect(sim.count('GetMailbox', box)).toBe(1);

  // On the keyboard path before the application (its close button, "why?", then "load now anyway",
  // going back from the application's first control); the confirmation can be cancelled.
  await app.evaluate(() => document.body.querySelector<HTMLElement>('a[href], button, input, select, textarea')?.focus());
  await app.keyboard.press('Shift+Tab');
  expect(await app.evaluate(() => document.activeElement?.localName)).toBe('ehealthbox-companion-banner');
  await app.keyboard.press('Shift+Tab');
  await app.keyboard.press('Shift+Tab');
  await app.keyboard.press('Enter');
  await expect.poll(async () => (await banners(app))[0]?.text ?? '').toContain('Load once?');
  await press(app, 'Cancel');
  await expect.poll(async () => [...((await banners(app))[0]?.buttons.keys() ?? [])]).toContain('Load now anyway');

  // A synthetic click (not a person's) does nothing, even on the button itself.
  const cdp = await app.context().newCDPSession(app);
  const node = (await readBanners(cdp))[0]?.buttons.get('Load now anyway') ?? 0;
  const { object } = (await cdp.send('DOM.resolveNode', { nodeId: node })) as { object: { objectId: string } };
  await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { this.click(); }' });
  await cdp.detach();
  expect((await banners(app))[0]?.text).not.toContain('Load once?');

  await press(app, 'Load now anyway');
  await press(app, 'Load once');
  await expect.poll(async () => (await banners(app))[0]?.text ?? '').toContain('Allowed once');
  expect(sim.count('GetMailbox', box)).toBe(1);
  await app.getByTestId('refresh-box').click();
  await expect.poll(() => sim.count('GetMailbox', box)).toBe(2);
  await expect.poll(async () => (await banners(app)).length).toBe(0);

  // Once only: the next is held again, with its banner.
  await app.getByTestId('refresh-box').click();
  await expect.poll(async () => (await banners(app)).length).toBe(1);
  await app.getByTestId('refresh-box').click();
  expect(sim.count('GetMailbox', box)).toBe(2);

  const popup = await openPopup();
  await expect(popup.locator(`section[data-mailbox="${box}"]`)).toContainText('Loaded anyway at your request in the last 24 hours: 1');
  const options = await openOptions();
  await expect(options.locator('figure[data-method="GetMailbox"]')).toContainText('Loaded anyway at your request: 1.');
});

test('axe-core: no serious or critical accessibility violation in the banner', async ({ sim, harness, context }) => {
  await setMode(harness, 'Enforce');
  const app = await harness.openApp({ box: sim.scenario.individual });
  await app.getByTestId('refresh-box').click();
  await expect.poll(async () => (await banners(app)).length).toBe(1);
  await press(app, 'Load now anyway');
  // The banner's own markup and styles, taken from its closed shadow root, in a page of their own (axe
  // cannot enter a closed root).
  const cdp = await app.context().newCDPSession(app);
  const html: string[] = [];
  for (const b of await readBanners(cdp)) html.push(((await cdp.send('DOM.getOuterHTML', { nodeId: b.nodeId })) as { outerHTML: string }).outerHTML);
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  const styles: string[] = [];
  const walk = (n: DomNode, inBanner: boolean): void => {
    if (inBanner && n.nodeName === 'STYLE') styles.push(words(n));
    kids(n).forEach((k) => walk(k, inBanner || n.nodeName === 'EHEALTHBOX-COMPANION-BANNER'));
  };
  walk(root, false);
  await cdp.detach();
  expect(html).toHaveLength(1);
  const page = await context.newPage();
  await page.setContent(`<!doctype html><html lang="en"><head><title>Banner</title><style>${styles.join('\n')}</style></head><body><main><div class="stack" role="status" aria-live="polite">${html.join('')}</div></main></body></html>`);
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
