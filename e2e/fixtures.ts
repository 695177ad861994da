// Playwright fixtures: a Chromium with the built extension, routed to the eHealthBox simulator.
// Usage: import { test, expect } from './fixtures';
import { test as base, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { BrowserClock, type ClockSetting } from './clock';
import { Simulator } from './sim/simulator';
import type { EhbAppApi } from './sim/types';
import {
  DEFAULT_EXTENSION_PATH, Harness, profileDir, type ExtensionRequest, type LaunchOverrides, type OpenAppParams,
} from './harness';

export interface E2EOptions {
  /** Built extension to load; default $EXTENSION_PATH or dist/chrome. */
  extensionPath: string;
  /** false: launch without the extension (the simulated world as it is); default true. */
  extension: boolean;
  /** Reuse the profile .e2e-profiles/<name> (kept between tests of a run; wiped by global setup). Default: a fresh temporary profile. */
  profileName: string | undefined;
  /** Extra launchPersistentContext options (locale, timezoneId, viewport...). */
  launchOverrides: LaunchOverrides;
  /** Keep the welcome tab the extension opens on install (default: closed as it appears). */
  welcome: boolean;
  /**
   * The browser's and the simulator's wall clock: 'peak', 'night', a Brussels 'HH:MM' today, or 'now'
   * (real time, movable with `clock.set`). Default: $E2E_CLOCK, else the real clock, not faked.
   */
  clockSetting: ClockSetting | undefined;
}

export interface E2EFixtures {
  sim: Simulator;
  /** The controlled clock, when `clockSetting` asked for one. */
  clock: BrowserClock | undefined;
  /** The time the browser and the simulator see: the controlled clock's, else the machine's. */
  now: () => number;
  harness: Harness;
  context: BrowserContext;
  page: Page;
  serviceWorker: Worker;
  extensionId: string;
  openApp: (params?: OpenAppParams) => Promise<Page>;
  openPopup: () => Promise<Page>;
  openOptions: () => Promise<Page>;
  stopServiceWorker: () => Promise<void>;
  wakeServiceWorker: () => Promise<Worker>;
  /** Closes the browser and starts it again on the same profile; use the returned context afterwards. */
  relaunch: () => Promise<BrowserContext>;
  networkFromExtension: ExtensionRequest[];
}

export const test = base.extend<E2EOptions & E2EFixtures>({
  extensionPath: [process.env.EXTENSION_PATH ?? DEFAULT_EXTENSION_PATH, { option: true }],
  extension: [true, { option: true }],
  profileName: [undefined, { option: true }],
  launchOverrides: [{}, { option: true }],
  welcome: [false, { option: true }],
  clockSetting: [(process.env.E2E_CLOCK as ClockSetting | undefined) || undefined, { option: true }],

  // Playwright reads a fixture's dependencies from this pattern: an empty one is how "none" is said.
  // eslint-disable-next-line no-empty-pattern
  sim: async ({}, use) => {
    await use(new Simulator());
  },

  clock: async ({ clockSetting }, use) => {
    const clock = clockSetting ? new BrowserClock(clockSetting) : undefined;
    await use(clock);
    clock?.dispose();
  },

  now: async ({ clock }, use) => {
    await use(() => clock?.now() ?? Date.now());
  },

  harness: async ({ sim, extensionPath, extension, profileName, launchOverrides, clock, welcome }, use, testInfo) => {
    const { dir, temporary } = profileDir(profileName);
    const harness = await Harness.launch({ extensionPath: extension ? extensionPath : null, userDataDir: dir, temporary, sim, launchOverrides, clock, welcome });
    await use(harness);
    if (testInfo.status !== testInfo.expectedStatus) {
      for (const [i, page] of harness.context.pages().slice(0, 3).entries()) {
        const shot = await page.screenshot({ timeout: 5_000 }).catch(() => undefined);
        if (shot) await testInfo.attach(`page-${i}.png`, { body: shot, contentType: 'image/png' });
      }
      await testInfo.attach('sim-requests.json', { body: JSON.stringify(sim.requests, null, 1), contentType: 'application/json' });
    }
    await harness.close();
  },

  context: async ({ harness }, use) => use(harness.context),
  page: async ({ harness }, use) => use(harness.context.pages()[0] ?? (await harness.context.newPage())),
  serviceWorker: async ({ harness }, use) => use(await harness.serviceWorker()),
  extensionId: async ({ harness }, use) => use(harness.extensionId),
  openApp: async ({ harness }, use) => use((params) => harness.openApp(params)),
  openPopup: async ({ harness }, use) => use(() => harness.openPopup()),
  openOptions: async ({ harness }, use) => use(() => harness.openOptions()),
  stopServiceWorker: async ({ harness }, use) => use(() => harness.stopServiceWorker()),
  wakeServiceWorker: async ({ harness }, use) => use(() => harness.wakeServiceWorker()),
  relaunch: async ({ harness }, use) => use(() => harness.relaunch()),
  networkFromExtension: async ({ harness }, use) => use(harness.networkFromExtension),
});

type AppMethods = {
  [K in keyof EhbAppApi as EhbAppApi[K] extends (...args: never[]) => Promise<unknown> ? K : never]:
  EhbAppApi[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never;
};

/** Calls `window.ehbApp` of an app page from the test: `await ehbApp(page).listMessages('inbox')`. Args must be serialisable. */
export function ehbApp(page: Page): AppMethods {
  return new Proxy({} as AppMethods, {
    get: (_target, name) => (...args: unknown[]) => page.evaluate(([method, a]) => {
      const app = (window as unknown as { ehbApp: Record<string, (...x: unknown[]) => Promise<unknown>> }).ehbApp;
      const fn = app[method];
      if (!fn) throw new Error(`ehbApp.${method} does not exist`);
      return fn(...a);
    }, [String(name), args] as const),
  });
}

export { expect };
export type { ExtensionRequest, OpenAppParams };
