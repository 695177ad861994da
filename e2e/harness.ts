import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type CDPSession, type Page, type Request, type Worker } from '@playwright/test';
import type { BrowserClock } from './clock';
import type { Simulator } from './sim/simulator';
import { APP_ORIGIN, isFromExtension, routeSimulator } from './sim/playwright';
import { Loopback } from './sim/loopback';
import type { Transport } from './sim/types';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_EXTENSION_PATH = path.join(REPO_ROOT, 'dist', 'chrome');
export const PROFILES_DIR = path.join(REPO_ROOT, '.e2e-profiles');
export const APP_URL = `${APP_ORIGIN}/ehealthbox/`;
const SW_TIMEOUT_MS = 10_000;

export type LaunchOverrides = Omit<NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>, 'args' | 'executablePath' | 'headless'>;

export interface OpenAppParams {
  /** Access key; default: the simulator's individual box. */
  box?: string;
  transport?: Transport;
  /** false: the app makes no call until told (no GetMailbox / ListMessages on load). */
  autoload?: boolean;
  /** Start auto-refresh at this interval in seconds. */
  poll?: number;
  /** e.g. '#/sent', '#/ooo', '#/inbox/M000001'. */
  hash?: string;
  query?: Record<string, string>;
  /** Navigate this page instead of opening a new tab. */
  page?: Page;
  /** Wait until the app finished its initial load (default true). */
  waitForReady?: boolean;
}

export interface ExtensionRequest {
  method: string;
  url: string;
  resourceType: string;
  source: 'service-worker' | 'extension-page';
  time: number;
}

/** Chromium derives an unpacked extension's id from the manifest key, or else from its absolute path. */
export function extensionIdFor(extensionPath: string): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionPath, 'manifest.json'), 'utf8')) as { key?: string };
  const input = manifest.key ? Buffer.from(manifest.key, 'base64') : Buffer.from(realpathSync(extensionPath));
  const hex = createHash('sha256').update(input).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

interface ManifestLike {
  icons?: Record<string, string>;
  action?: { default_popup?: string; default_icon?: string | Record<string, string> };
  background?: { service_worker?: string };
  content_scripts?: { js?: string[]; css?: string[] }[];
  options_ui?: { page?: string };
  options_page?: string;
}

/**
 * Chromium refuses a broken unpacked extension silently (no error, just no service worker),
 * so the files the manifest names are checked here to fail with a readable message.
 */
export function checkExtension(extensionPath: string): void {
  const manifestPath = path.join(extensionPath, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No built extension at ${extensionPath}. Run \`npm run build\` first (or set EXTENSION_PATH).`);
  }
  const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as ManifestLike;
  const icon = m.action?.default_icon;
  const files = [
    ...Object.values(m.icons ?? {}),
    ...(typeof icon === 'string' ? [icon] : Object.values(icon ?? {})),
    m.background?.service_worker, m.action?.default_popup, m.options_ui?.page, m.options_page,
    ...(m.content_scripts ?? []).flatMap((c) => [...(c.js ?? []), ...(c.css ?? [])]),
  ].filter((f): f is string => typeof f === 'string');
  const missing = files.filter((f) => !existsSync(path.join(extensionPath, f)));
  if (missing.length > 0) {
    throw new Error(`The extension at ${extensionPath} names missing files (${missing.join(', ')}); Chromium would not load it. Rebuild with \`npm run build\`.`);
  }
}

export function chromiumArgs(extensionPath: string | null, loopback?: Loopback, headless = true, lang?: string): string[] {
  // eHealth hosts resolve to the loopback server (what Playwright does not route still reaches the
  // simulator); any other host resolves to nothing, even a request sent before routes are installed.
  const resolver = loopback
    ? `MAP *.ehealth.fgov.be 127.0.0.1:${loopback.port}, MAP ehealth.fgov.be 127.0.0.1:${loopback.port}, MAP * ~NOTFOUND`
    : 'MAP * ~NOTFOUND';
  return [
    ...(headless ? ['--headless=new'] : []),
    ...(lang ? [`--lang=${lang}`] : []),
    ...(extensionPath ? [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`] : ['--disable-extensions']),
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--disable-quic',
    `--host-resolver-rules=${resolver}`,
    // Trust the loopback server's self-signed certificate, and nothing else.
    ...(loopback ? [`--ignore-certificate-errors-spki-list=${loopback.spki}`] : []),
  ];
}

async function closeWelcome(page: Page): Promise<void> {
  if (!page.url().startsWith('chrome-extension://')) await page.waitForLoadState('domcontentloaded').catch(() => undefined);
  if (!page.url().startsWith('chrome-extension://') || !page.url().includes(WELCOME_PATH)) return;
  // Never the browser's last tab: closing it ends a headless browser (seen as "context closed" right
  // after a launch or relaunch).
  if (page.context().pages().length > 1) await page.close().catch(() => undefined);
  else await page.goto('about:blank').catch(() => undefined);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface HarnessOptions {
  /** null: a plain browser, to see the simulated world as it is without the extension. */
  extensionPath: string | null;
  userDataDir: string;
  /** Removed on close (temporary profiles); named profiles are kept. */
  temporary: boolean;
  sim: Simulator;
  launchOverrides?: LaunchOverrides;
  /** false: a visible window (`npm run demo` on a desktop); default true. */
  headless?: boolean;
  /** Chromium's UI language (--lang): the one chrome.i18n gives the extension. Default: the system's. */
  lang?: string;
  /**
   * true: leave the welcome tab the extension opens on install. Default false: it is closed as soon
   * as it appears, so that no test meets a tab it did not open.
   */
  welcome?: boolean;
  /** A controlled wall clock for the browser and the simulator (e2e/clock.ts); default: the real one. */
  clock?: BrowserClock;
}

/** The extension's welcome page (src/shared/ui-messages.ts WELCOME_PAGE). */
export const WELCOME_PATH = '/src/ui/welcome/index.html';

/** One browser with the extension loaded, wired to a simulator; survives relaunches on the same profile. */
export class Harness {
  context!: BrowserContext;
  readonly extensionId: string;
  readonly networkFromExtension: ExtensionRequest[] = [];
  private browserCdp?: CDPSession;

  private constructor(readonly options: HarnessOptions, private readonly loopback: Loopback | undefined) {
    this.extensionId = options.extensionPath ? extensionIdFor(options.extensionPath) : '';
  }

  static async launch(options: HarnessOptions): Promise<Harness> {
    let loopback: Loopback | undefined;
    try {
      if (options.extensionPath) checkExtension(options.extensionPath);
      loopback = await Loopback.start(options.sim);
      const harness = new Harness(options, loopback);
      await harness.startAgainIfItEnds();
      return harness;
    } catch (error) {
      await loopback?.close();
      // A browser that failed to start may still be writing its profile: never hide its error behind ours.
      if (options.temporary) try { rmSync(options.userDataDir, { recursive: true, force: true, maxRetries: 3 }); } catch { /* its own error is thrown below */ }
      throw error;
    }
  }

  get sim(): Simulator {
    return this.options.sim;
  }

  get extensionOrigin(): string {
    return `chrome-extension://${this.extensionId}`;
  }

  /**
   * A new browser has been seen to end right after starting ("context closed" in the first
   * set-up step): after a SIGKILL (reliability-crash) while the killed one's processes were still
   * going away, and on a heavily loaded machine (twice in a row at a load of 15 on 2 cores). That
   * is no finding of any test: up to two more starts, a little later each, on the same profile.
   */
  private async startAgainIfItEnds(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.start();
      } catch (error) {
        await this.context?.close().catch(() => undefined);
        if (attempt === 3) throw error;
        await sleep(1_000 * attempt);
      }
    }
  }

  private async start(): Promise<void> {
    mkdirSync(this.options.userDataDir, { recursive: true });
    const { clock, launchOverrides } = this.options;
    if (clock) this.sim.now = () => new Date(clock.now());
    this.context = await chromium.launchPersistentContext(this.options.userDataDir, {
      viewport: { width: 1280, height: 800 },
      ...launchOverrides,
      ...(clock ? { env: clock.env(launchOverrides?.env ?? process.env) } : {}),
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: false,
      // Playwright passes --disable-extensions by default; --disable-extensions-except wins anyway, but be explicit.
      ignoreDefaultArgs: ['--disable-extensions'],
      args: [
        ...chromiumArgs(this.options.extensionPath, this.loopback, this.options.headless ?? true, this.options.lang),
        ...(clock?.args ?? []),
      ],
    });
    this.browserCdp = undefined;
    if (!this.options.welcome) this.context.on('page', (p) => void closeWelcome(p));
    this.context.on('request', (r: Request) => this.recordExtensionRequest(r));
    await routeSimulator(this.context, this.sim, this.loopback);
  }

  private recordExtensionRequest(r: Request): void {
    if (!isFromExtension(r) || r.url().startsWith('chrome-extension://')) return;
    this.networkFromExtension.push({
      method: r.method(), url: r.url(), resourceType: r.resourceType(),
      source: r.serviceWorker() ? 'service-worker' : 'extension-page', time: Date.now(),
    });
  }

  private async cdp(): Promise<CDPSession> {
    const browser = this.context.browser();
    if (!browser) throw new Error('No browser object for the persistent context');
    this.browserCdp ??= await browser.newBrowserCDPSession();
    return this.browserCdp;
  }

  private async workerTargets(): Promise<string[]> {
    const { targetInfos } = await (await this.cdp()).send('Target.getTargets');
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.startsWith(`${this.extensionOrigin}/`)).map((t) => t.targetId);
  }

  async isServiceWorkerRunning(): Promise<boolean> {
    return (await this.workerTargets()).length > 0;
  }

  /** The extension's service worker; waits for it to register on a fresh profile. */
  async serviceWorker(timeout = SW_TIMEOUT_MS): Promise<Worker> {
    if (!this.options.extensionPath) throw new Error('This test runs without the extension (extension: false)');
    const mine = (w: Worker): boolean => w.url().startsWith(`${this.extensionOrigin}/`);
    const known = this.context.serviceWorkers().find(mine);
    if (known) return known;
    try {
      return await this.context.waitForEvent('serviceworker', { predicate: mine, timeout });
    } catch {
      throw new Error(`The extension's service worker did not start within ${timeout} ms (extension ${this.extensionId} at `
        + `${this.options.extensionPath}). Chromium gives no error for an extension it refuses: open chrome://extensions-internals to see why.`);
    }
  }

  /**
   * Stops the extension's service worker as Chromium does when it idles. Target.closeTarget on the
   * worker target is what works from the browser session (ServiceWorker.stopAllWorkers exists only
   * on page sessions, after ServiceWorker.enable; kept as the fallback).
   */
  async stopServiceWorker(): Promise<void> {
    // A worker stopped while still installing (right after the browser started) leaves the
    // extension with no worker at all until the browser restarts: let it become active first.
    if (await this.isServiceWorkerRunning()) await this.activated(await this.serviceWorker());
    const cdp = await this.cdp();
    for (const targetId of await this.workerTargets()) await cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
    if (await this.waitWorker(false, 3_000)) return;
    await this.withPageSession(async (s) => {
      await s.send('ServiceWorker.enable');
      await s.send('ServiceWorker.stopAllWorkers');
    });
    if (!(await this.waitWorker(false, 3_000))) throw new Error('The extension service worker is still running after stop');
  }

  /**
   * Starts the stopped worker without sending the extension any event. Playwright keeps the same
   * Worker object across a stop/start (same target id), so the returned handle works again.
   */
  async wakeServiceWorker(): Promise<Worker> {
    if (!(await this.isServiceWorkerRunning())) {
      await this.withPageSession(async (s) => {
        await s.send('ServiceWorker.enable');
        await s.send('ServiceWorker.startWorker', { scopeURL: `${this.extensionOrigin}/` });
      });
      if (!(await this.waitWorker(true, 5_000))) throw new Error('The extension service worker did not restart');
    }
    return this.serviceWorker();
  }

  private async activated(worker: Worker): Promise<void> {
    await worker.evaluate(() => new Promise<void>((resolve) => {
      const scope = globalThis as unknown as ServiceWorkerGlobalScope;
      const check = (): void => {
        if (scope.registration.active?.state === 'activated') resolve();
        else setTimeout(check, 20);
      };
      check();
    }));
  }

  private async waitWorker(running: boolean, timeout: number): Promise<boolean> {
    const end = Date.now() + timeout;
    while (Date.now() < end) {
      if ((await this.isServiceWorkerRunning()) === running) return true;
      await sleep(25);
    }
    return false;
  }

  /** ServiceWorker.* commands only exist on page sessions; any page of the profile will do. */
  private async withPageSession(fn: (s: CDPSession) => Promise<void>): Promise<void> {
    const existing = this.context.pages()[0];
    const page = existing ?? (await this.context.newPage());
    const session = await this.context.newCDPSession(page);
    try {
      await fn(session);
    } finally {
      await session.detach().catch(() => undefined);
      if (!existing) await page.close();
    }
  }

  /** The tab Chromium opens with a persistent profile is reused once, to save a renderer. */
  private async freshPage(): Promise<Page> {
    const blank = this.context.pages().find((p) => p.url() === 'about:blank' && !p.isClosed());
    return blank ?? this.context.newPage();
  }

  appUrl(params: Omit<OpenAppParams, 'page' | 'waitForReady'> = {}): string {
    const q = new URLSearchParams(params.query);
    q.set('box', params.box ?? this.sim.scenario.individual);
    if (params.transport === 'xhr') q.set('transport', 'xhr');
    if (params.autoload === false) q.set('autoload', '0');
    if (params.poll) q.set('poll', String(params.poll));
    return `${APP_URL}?${q.toString()}${params.hash ?? ''}`;
  }

  async openApp(params: OpenAppParams = {}): Promise<Page> {
    const page = params.page ?? (await this.freshPage());
    await page.goto(this.appUrl(params));
    if (params.waitForReady !== false) await page.locator('html[data-app-state="ready"]').waitFor({ state: 'attached' });
    return page;
  }

  async openExtensionPage(relative: string): Promise<Page> {
    if (!this.options.extensionPath) throw new Error('This test runs without the extension (extension: false)');
    const page = await this.freshPage();
    await page.goto(`${this.extensionOrigin}/${relative}`);
    return page;
  }

  openPopup(): Promise<Page> {
    return this.openExtensionPage('src/ui/popup/index.html');
  }

  openOptions(): Promise<Page> {
    return this.openExtensionPage('src/ui/options/index.html');
  }

  /** Closes the browser (profile flushed to disk) and starts it again on the same profile. */
  async relaunch(): Promise<BrowserContext> {
    await this.context.close();
    await this.startAgainIfItEnds();
    if (this.options.extensionPath) await this.serviceWorker();
    return this.context;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    await this.loopback?.close();
    if (this.options.temporary) rmSync(this.options.userDataDir, { recursive: true, force: true, maxRetries: 3 });
  }
}

export function profileDir(name: string | undefined): { dir: string; temporary: boolean } {
  if (name) {
    if (!/^[\w.-]+$/.test(name)) throw new Error(`Profile name must be a simple file name: ${name}`);
    return { dir: path.join(PROFILES_DIR, name), temporary: false };
  }
  return { dir: mkdtempSync(path.join(os.tmpdir(), 'ehb-e2e-')), temporary: true };
}
