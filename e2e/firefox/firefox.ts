// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi (../../../shared/notes: the recipe
// that works on these machines): the built dist/firefox installed as a temporary add-on, the
// production origin served by the simulator through a local proxy, Firefox's own log captured.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { Loopback } from '../sim/loopback';
import { APP_ORIGIN } from '../sim/playwright';
import type { Simulator } from '../sim/simulator';
import { Proxy } from './proxy';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const REPO_ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const FIREFOX_EXTENSION_PATH = process.env.FIREFOX_EXTENSION_PATH ?? path.join(REPO_ROOT, 'dist', 'firefox');

export interface AppParams {
  box?: string;
  transport?: 'fetch' | 'xhr';
  autoload?: boolean;
  hash?: string;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something other than undefined (or throws after `timeout` ms). */
export async function until<T>(probe: () => Promise<T | undefined>, what: string, timeout = 15_000): Promise<T> {
  const end = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await sleep(100);
  }
}

/** Polls `probe` until it returns `expected`; the error names the last value seen. */
export async function settles<T>(probe: () => Promise<T>, expected: T, what: string, timeout = 15_000): Promise<void> {
  let last: T | undefined;
  await until(async () => {
    last = await probe();
    return last === expected ? true : undefined;
  }, what, timeout).catch((e: Error) => {
    throw new Error(`${e.message}: expected ${String(expected)}, last ${String(last)}`);
  });
}

export class Firefox {
  /** Every line Firefox wrote on stdout and stderr. */
  readonly log: string[] = [];

  private constructor(
    readonly browser: Browser,
    readonly sim: Simulator,
    readonly origin: string,
    private readonly proxy: Proxy,
    private readonly loopback: Loopback,
    private readonly profile: string,
  ) {}

  /**
   * One Firefox with a fresh profile and the extension. `idleTimeoutMs`: how long the event page
   * may be idle before Firefox suspends it (Firefox's default is 30 s).
   */
  static async launch(sim: Simulator, { idleTimeoutMs = 30_000 } = {}): Promise<Firefox> {
    if (!existsSync(FIREFOX_PATH)) throw new Error(`${FIREFOX_PATH} not found: apt-get install firefox-esr, or set FIREFOX_PATH`);
    const manifest = JSON.parse(readFileSync(path.join(FIREFOX_EXTENSION_PATH, 'manifest.json'), 'utf8')) as {
      browser_specific_settings: { gecko: { id: string } };
    };
    const loopback = await Loopback.start(sim);
    if (!loopback) throw new Error('the loopback HTTPS server needs the openssl CLI');
    const proxy = await Proxy.start(loopback.port);
    const uuid = randomUUID();
    const profile = mkdtempSync(path.join(os.tmpdir(), 'ehb-firefox-'));
    const browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX_PATH,
      headless: true,
      acceptInsecureCerts: true,
      userDataDir: profile,
      // Extension pages can be opened in a tab only with system access (WebDriver BiDi refuses otherwise).
      args: ['--remote-allow-system-access'],
      protocolTimeout: 60_000,
      extraPrefsFirefox: {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxy.port,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxy.port,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
        'network.dns.disableIPv6': true,
        // A fixed address for the extension's pages: moz-extension://<uuid>/...
        'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: uuid }),
        'extensions.background.idle.timeout': idleTimeoutMs,
        'intl.locale.requested': 'en-US',
        'intl.accept_languages': 'en-US, en',
      },
    });
    const firefox = new Firefox(browser, sim, `moz-extension://${uuid}`, proxy, loopback, profile);
    for (const stream of [browser.process()?.stdout, browser.process()?.stderr]) {
      let rest = '';
      stream?.on('data', (chunk: Buffer) => {
        const lines = (rest + chunk.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        firefox.log.push(...lines);
      });
    }
    await browser.installExtension(FIREFOX_EXTENSION_PATH);
    return firefox;
  }

  /** Lines of Firefox's log that report an error of the extension (its pages, background or content scripts). */
  extensionErrors(): string[] {
    const ours = [this.origin, 'companion@ehealthbox-companion.be'];
    return this.log.filter((line) => ours.some((o) => line.includes(o)) && /error|exception|unhandled/i.test(line));
  }

  appUrl(params: AppParams = {}): string {
    const q = new URLSearchParams();
    q.set('box', params.box ?? this.sim.scenario.individual);
    if (params.transport === 'xhr') q.set('transport', 'xhr');
    if (params.autoload === false) q.set('autoload', '0');
    return `${APP_ORIGIN}/ehealthbox/?${q.toString()}${params.hash ?? ''}`;
  }

  /** The simulated web application in a new tab, once its first load is done. */
  async openApp(params: AppParams = {}): Promise<Page> {
    const page = await this.browser.newPage();
    await page.goto(this.appUrl(params));
    await page.waitForSelector('html[data-app-state="ready"]');
    return page;
  }

  /**
   * An extension page in a new tab. page.goto() does not resolve for moz-extension:// addresses (the
   * tab changes process), so the tab's BiDi browsing context navigates and the document is polled.
   */
  async openExtensionPage(relative: string, ready = 'body'): Promise<Page> {
    const page = await this.browser.newPage();
    const frame = page.mainFrame() as unknown as { browsingContext: { navigate(url: string, wait?: string): Promise<void> } };
    await frame.browsingContext.navigate(`${this.origin}/${relative}`, 'none').catch(() => undefined);
    await until(async () => (await page.evaluate((s) => location.protocol === 'moz-extension:' && !!document.querySelector(s), ready)) || undefined, `${relative} to load`);
    return page;
  }

  openPopup(): Promise<Page> {
    return this.openExtensionPage('src/ui/popup/index.html', 'main, section, h1');
  }

  openOptions(): Promise<Page> {
    return this.openExtensionPage('src/ui/options/index.html', 'main');
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await this.proxy.close();
    await this.loopback.close();
    rmSync(this.profile, { recursive: true, force: true });
  }
}
