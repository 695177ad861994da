// Issue 6, case 5: storage trouble in a real Chromium. IndexedDB blocked (an extension page holds
// the database open at an older version and never lets go), the disk full (the profile on a small
// tmpfs, filled to the last block), holding a database of each earlier schema version, or of a
// newer one. The web application keeps working (every call goes through: fail open), the user sees one
// clear warning (the toolbar badge "!" and its title), and an upgrade keeps all data.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, statfsSync, symlinkSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { ehbApp, expect, test } from './fixtures';
import { PROFILES_DIR, type Harness } from './harness';
import { countedIn, exported, figure, popupUsed, sleep } from './reliability-kit';
import { DB_NAME, SETTINGS_DB, VERSIONS, createDatabase, oldRows, storesOf } from './storage-kit';

/**
 * A page of the extension's origin that does not talk to the background (an icon, shown as an image
 * document): it reaches the extension's IndexedDB without waking the service worker.
 */
function quietExtensionPage(harness: Harness): Promise<Page> {
  return harness.openExtensionPage('icons/icon-16.png');
}

interface BadgeState {
  text: string;
  title: string;
}

/** The toolbar badge as the user sees it: its text and its tooltip. */
async function badge(harness: Harness): Promise<BadgeState> {
  const page = await harness.openOptions();
  try {
    return await page.evaluate(async () => {
      const c = (globalThis as unknown as { chrome: { action: { getBadgeText(d: object): Promise<string>; getTitle(d: object): Promise<string> } } }).chrome;
      return { text: await c.action.getBadgeText({}), title: await c.action.getTitle({}) };
    });
  } finally {
    await page.close();
  }
}

/** The browser's wall clock, which a test may have moved (e2e/clock.ts). */
function browserNow(page: Page): Promise<number> {
  return page.evaluate(() => Date.now());
}

const STORAGE_WARNING = /local storage is not available/i;

test.describe('storage trouble: the web application keeps working', () => {
  test('IndexedDB blocked by an old connection that never closes: calls go through, one warning, counts recorded once unblocked', async ({ sim, harness, stopServiceWorker }, info) => {
    const box = sim.scenario.organization;
    await stopServiceWorker();
    const holder = await quietExtensionPage(harness);
    const v1 = storesOf(VERSIONS[0] ?? {});
    await createDatabase(holder, 10, v1, oldRows(box, await browserNow(holder), Object.keys(VERSIONS[0] ?? {})), false);

    const app = await harness.openApp({ box, autoload: false });
    const started = Date.now();
    const results = await ehbApp(app).burst('GetMailbox', 10);
    const took = Date.now() - started;
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(sim.count('GetMailbox', box)).toBe(10);
    await expect.poll(() => badge(harness)).toMatchObject({ text: '!', title: expect.stringMatching(STORAGE_WARNING) });

    // The old connection goes away: the upgrade runs, the old data and the calls made meanwhile are there.
    await holder.close();
    await expect.poll(async () => (await countedIn(harness, box, 'GetMailbox')).calls, { timeout: 15_000 }).toBe(40);
    figure(info, `storage blocked: 10 calls while blocked took ${took} ms in all, all 10 reached the server, badge "!" with the storage warning; after unblocking 30 old + 10 counted`);
  });

  test.describe('disk full', () => {
    // Chromium does not enforce quota on extension origins: Storage.overrideQuotaForOrigin is accepted
    // for chrome-extension://… (overrideActive: true) but writes still succeed, while the same
    // override makes an https origin's write abort with QuotaExceededError. So the disk itself is
    // filled: the profile lives on a small tmpfs (root needed: .ci/run runs as root) and a file takes
    // every free byte, as another program would.
    const mountPoint = mkdtempSync(path.join(os.tmpdir(), 'ehb-disk-'));
    const PROFILE = 'reliability-disk-full';
    test.use({ profileName: PROFILE });

    test.beforeAll(() => {
      if (process.getuid?.() !== 0) throw new Error('the disk-full case mounts a tmpfs: run as root (as .ci/run does)');
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=160m', 'tmpfs', mountPoint]);
      mkdirSync(PROFILES_DIR, { recursive: true });
      rmSync(path.join(PROFILES_DIR, PROFILE), { recursive: true, force: true });
      symlinkSync(mountPoint, path.join(PROFILES_DIR, PROFILE));
    });

    test.afterAll(() => {
      rmSync(path.join(PROFILES_DIR, PROFILE), { force: true });
      try {
        execFileSync('umount', [mountPoint]);
      } catch {
        execFileSync('umount', ['-l', mountPoint]);
      }
      rmSync(mountPoint, { recursive: true, force: true });
    });

    test('the disk fills up: calls go through, one warning; space back: storage recovers and nothing is lost', async ({ sim, harness }, info) => {
      const box = sim.scenario.organization;
      const app = await harness.openApp({ box, autoload: false });
      await ehbApp(app).burst('GetMailbox', 5);
      await expect.poll(async () => (await countedIn(harness, box, 'GetMailbox')).calls).toBe(5);

      const filler = path.join(mountPoint, 'filler');
      const fd = openSync(filler, 'w');
      try {
        for (;;) writeSync(fd, Buffer.alloc(1 << 20));
      } catch {
        // ENOSPC: the last megabyte did not fit
      }
      try {
        for (;;) writeSync(fd, Buffer.alloc(4096));
      } catch {
        // ENOSPC: not a block left
      }
      closeSync(fd);
      expect(statfsSync(mountPoint).bavail).toBe(0);

      const started = Date.now();
      const results = await ehbApp(app).burst('GetMailbox', 10);
      const took = Date.now() - started;
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect(sim.count('GetMailbox', box)).toBe(15);
      await expect.poll(() => badge(harness)).toMatchObject({ text: '!', title: expect.stringMatching(STORAGE_WARNING) });

      rmSync(filler);
      await ehbApp(app).burst('GetMailbox', 1);
      await expect.poll(async () => (await countedIn(harness, box, 'GetMailbox')).calls, { timeout: 10_000 }).toBe(16);
      // (A "!" may stay for another reason: the box's first calls went over an individual's limit
      // before its answer said it is an organization's. The storage warning itself is gone.)
      await expect.poll(async () => (await badge(harness)).title).not.toMatch(STORAGE_WARNING);
      expect(await popupUsed(harness, box, 60)).toBe(16);
      figure(info, `disk full: 10 calls on a full disk (${took} ms in all) all reached the server, badge "!"; space freed: 16 of 16 counted, warning gone`);
    });
  });

  test('a database of a newer schema (the extension was downgraded): calls go through and are counted, the newer data is left alone', async ({ sim, harness, stopServiceWorker }, info) => {
    const box = sim.scenario.organization;
    await stopServiceWorker();
    const page = await quietExtensionPage(harness);
    await createDatabase(page, 990, [{ name: 'future', keyPath: 'id', autoIncrement: false, indexes: [] }], { future: [{ id: 'kept' }] }, true);
    const app = await harness.openApp({ box, autoload: false });
    const results = await ehbApp(app).burst('GetMailbox', 5);
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(sim.count('GetMailbox', box)).toBe(5);
    await expect.poll(async () => (await countedIn(harness, box, 'GetMailbox')).calls).toBe(5);
    // Dexie opens the newer database as it is and adds the tables it needs beside the unknown one.
    const future = await page.evaluate(async (name) => {
      const open = indexedDB.open(name);
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const get = db.transaction('future').objectStore('future').getAll();
      const rows = await new Promise<unknown[]>((resolve) => (get.onsuccess = () => resolve(get.result)));
      const version = db.version;
      db.close();
      return { rows, version };
    }, DB_NAME);
    await page.close();
    expect(future.rows).toEqual([{ id: 'kept' }]);
    expect(future.version).toBeGreaterThanOrEqual(990);
    expect((await badge(harness)).title).not.toMatch(STORAGE_WARNING);
    figure(info, `newer schema (IndexedDB version 990): 5 of 5 calls through and counted; the unknown table kept (database now version ${future.version})`);
  });

  for (const [index, schema] of VERSIONS.slice(0, -1).entries()) {
    const version = index + 1;
    test(`a database of schema version ${version} is upgraded with all its data, and its counts are in force at once`, async ({ sim, harness, stopServiceWorker }, info) => {
      const box = sim.scenario.organization;
      await stopServiceWorker();
      const page = await quietExtensionPage(harness);
      const tables = Object.keys(schema);
      // The browser's clock (it may be set for the test), not this process's.
      const rows = oldRows(box, await browserNow(page), tables);
      await createDatabase(page, version * 10, storesOf(schema), rows, true);
      // Settings saved by that version: enforce mode, a field since removed, newer fields missing.
      await page.evaluate(async (name) => {
        const open = indexedDB.open(name);
        open.onupgradeneeded = () => open.result.createObjectStore('settings');
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const tx = db.transaction('settings', 'readwrite');
        tx.objectStore('settings').put({ mode: 'enforce', activityMinutes: 20, retiredOption: true }, 'settings');
        await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
        db.close();
        // Nor had that version told the bridges its mode (storage.local): they ask until told.
        await (globalThis as unknown as { chrome: { storage: { local: { remove(key: string): Promise<void> } } } }).chrome.storage.local.remove('pageMode');
      }, SETTINGS_DB);
      await page.close();
      // A worker woken meanwhile (an alarm, on a loaded machine) read the settings before they were
      // written and would keep observe mode: the next start must find the old version's state.
      await stopServiceWorker();

      // Enforce mode, 30 GetMailbox in the last half hour: of 35 more, 30 reach the server.
      const app = await harness.openApp({ box, autoload: false });
      const results = await ehbApp(app).burst('GetMailbox', 35);
      expect(results.every((r) => r.status === 200)).toBe(true);
      expect(sim.count('GetMailbox', box)).toBe(30);
      await sleep(300);
      const file = await exported(harness);
      expect(file.databaseVersion).toBe(VERSIONS.length);
      for (const table of tables) {
        const stored = file.tables[table] ?? [];
        for (const old of rows[table] ?? []) {
          // "last seen" moves on with the new calls; everything else is as the old version left it.
          const { lastSeen: _moves, ...fixed } = old as { lastSeen?: number };
          expect(stored, `${table} kept its rows`).toContainEqual(expect.objectContaining(table === 'mailboxes' ? fixed : (old as object)));
        }
      }
      expect(file.tables.calls.filter((r) => r.mailbox === box && r.method === 'GetMailbox')).toHaveLength(60);
      expect(file.settings).toMatchObject({ mode: 'enforce', activityMinutes: 20 });
      expect(file.settings).not.toHaveProperty('retiredOption');
      expect(await popupUsed(harness, box, 60)).toBe(60);
      figure(info, `upgrade from schema v${version}: every row of ${tables.length} tables kept, 30 old calls in force (30 of 35 new ones sent), settings kept`);
    });
  }
});

