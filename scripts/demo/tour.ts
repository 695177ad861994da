// The scripted tour of `npm run demo` without a display: the four things the extension is for,
// played on the simulated web application, each ending in a screenshot in the output folder.
// Selectors are ids and test ids, so the tour runs in every language.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Harness } from '../../e2e/harness';
import { readBanners } from '../../e2e/hook-fixtures/bridge';

interface Note {
  id: string;
  title: string;
  message: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until<T>(what: string, probe: () => Promise<T | null | undefined>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

/** The notifications Chromium shows, with the text the extension gave them (health.spec.ts reads them the same way). */
async function notes(h: Harness): Promise<Note[]> {
  const sw = await h.serviceWorker();
  return sw.evaluate(async () => {
    interface Api {
      notifications: { getAll(): Promise<Record<string, boolean>> };
      storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
    }
    const c = (globalThis as unknown as { chrome: Api }).chrome;
    const ids = Object.keys(await c.notifications.getAll());
    const shown = ((await c.storage.session.get('shownNotes')).shownNotes ?? {}) as Record<string, Note>;
    return ids.map((id) => ({ id, title: shown[id]?.title ?? '', message: shown[id]?.message ?? '' }));
  });
}

const note = (h: Harness, prefix: string, timeoutMs?: number): Promise<Note> =>
  until(`a notification ${prefix}…`, async () => (await notes(h)).find((n) => n.id.startsWith(prefix)), timeoutMs);

/** HH:MM in Brussels, `minutes` from now. */
const brusselsTime = (minutes: number): string =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Brussels' }).format(Date.now() + minutes * 60_000);
const brusselsDay = (days: number): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels' }).format(Date.now() + days * 86_400_000);

/** The user's own name for a mailbox, typed in the options page. */
async function name(options: Page, accessKey: string, label: string): Promise<void> {
  const field = options.locator(`fieldset[data-mailbox="${accessKey}"] input[type="text"]`);
  await field.fill(label);
  await field.press('Tab');
  await options.locator(`fieldset[data-mailbox="${accessKey}"] legend`).filter({ hasText: label }).waitFor();
}

export async function tour(h: Harness, outDir: string, lang: 'en' | 'fr' | 'nl' | 'de' = 'en', log: (line: string) => void = console.log): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const shots: string[] = [];
  const shoot = async (target: Page | ReturnType<Page['locator']>, name: string, fullPage = false): Promise<void> => {
    const path = join(outDir, name);
    await ('goto' in target ? target.screenshot({ path, fullPage }) : target.screenshot({ path }));
    shots.push(path);
    log(`  screenshot: ${path}`);
  };
  const step = (text: string): void => log(`\n▶ ${text}`);
  const { individual: doctor, organization: hospital } = h.sim.scenario;

  step(`1/5 Settings: enforce mode${lang === 'en' ? '' : `, language ${lang}`}`);
  const options = await h.openOptions();
  await options.locator('#mode-enforce').check();
  await options.getByRole('status').filter({ hasText: /\S/ }).waitFor();
  // The extension's own language setting: dates and numbers follow it too, not only the words.
  if (lang !== 'en') {
    await options.locator('#language').selectOption(lang);
    await options.locator(`html[lang="${lang}"]`).waitFor();
  }
  // The welcome page a new user meets on install (pin the icon, the two modes, naming, privacy).
  const welcome = await h.openExtensionPage('src/ui/welcome/index.html');
  await welcome.locator(`html[lang="${lang}"] h1`).waitFor();
  await shoot(welcome, '0-welcome.png', true);
  await welcome.close();

  step('2/5 The web application polls every second; the extension holds back what the directive does not allow (§5.2.1)');
  const app = await h.openApp({ box: doctor });
  await app.getByTestId('refresh-box').click(); // a trusted click: the user is active (§5.1), so 6 refreshes an hour
  await app.getByTestId('autopoll-interval').fill('1');
  await app.getByTestId('autopoll').check();
  const cdp = await app.context().newCDPSession(app);
  const banner = await until('the banner', async () => (await readBanners(cdp))[0]);
  log(`  banner: ${banner.text}`);
  await app.getByTestId('autopoll').uncheck();
  await shoot(app, '1-web-app-banner.png');
  await cdp.detach();

  step('3/5 Quota: the hospital box crosses 95 % (§4)');
  h.sim.fillTo(hospital, 0.96);
  const org = await h.openApp({ box: hospital });
  const quota = await note(h, `quota|${hospital}|`);
  log(`  notification: ${quota.title} — ${quota.message}`);

  step('4/5 Sent messages still in the box: the daily digest (§7.2.1)');
  await org.getByTestId('folder-sent').click();
  await org.getByTestId('message-row').first().waitFor();
  await options.bringToFront();
  await options.reload(); // the page was opened before any mailbox was seen
  await name(options, hospital, 'Hôpital Sainte-Gudule');
  await name(options, doctor, 'Dr Marie Peeters');
  await options.locator('input[name="digestTime"]').fill(brusselsTime(-1));
  // Just after midnight "a minute ago" is yesterday and the digest waits for tonight: the tour goes on.
  const digest = await note(h, 'digest|', 15_000).catch(() => null);
  log(digest ? `  notification: ${digest.title} — ${digest.message}` : '  (the digest is due later today; the popup lists the sent messages)');

  step('5/5 Out-of-office planner: an absence planned within the 10 changes a day (§5.6)');
  await options.reload();
  const planner = options.getByTestId('ooo-planner');
  await planner.scrollIntoViewIfNeeded();
  await planner.getByTestId('ooo-start').fill(brusselsDay(14));
  await planner.getByTestId('ooo-end').fill(brusselsDay(18));
  await planner.getByTestId('ooo-save').click();
  await planner.getByTestId('ooo-absence').first().waitFor();
  await shoot(planner, '4-planner.png');

  const popup = await h.openPopup();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.locator('section.card').first().waitFor();
  await sleep(500); // the feature sections answer a moment after the cards
  await shoot(popup, '2-popup.png', true);
  // The doctor's last 24 hours show the polling held back: bars over the limit line.
  await options.locator('#history select').selectOption(doctor);
  await options.locator('#history figure[data-method="GetMailbox"] rect.held').first().waitFor();
  await options.evaluate(() => window.scrollTo(0, 0));
  await shoot(options, '3-options.png', true);
  return shots.sort();
}
