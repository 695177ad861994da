// Databases of earlier schema versions, written from an extension page (the same origin as the
// background), for the storage tests of both drivers: Playwright in Chromium
// (reliability-storage.spec.ts) and puppeteer in Firefox (firefox/scenarios.test.ts).
import { V1_SCHEMA } from '../src/store/migrations/v1';
import { V2_SCHEMA } from '../src/store/migrations/v2';
import { V3_SCHEMA } from '../src/store/migrations/v3';

/** What both drivers' pages offer: Playwright's and puppeteer's `evaluate(fn, arg)`. */
export interface Evaluates {
  evaluate<A>(fn: (arg: A) => Promise<void>, arg: A): Promise<void>;
}

export const DB_NAME = 'ehealthbox-companion';
export const SETTINGS_DB = 'ehealthbox-companion-settings';
/** Every schema version ever shipped, oldest first (as src/store/db.test.ts lists them); null: a table that version deleted. */
export const VERSIONS: Record<string, string | null>[] = [V1_SCHEMA, V2_SCHEMA, V3_SCHEMA];

export interface StoreSpec {
  name: string;
  keyPath: string | string[] | null;
  autoIncrement: boolean;
  indexes: { name: string; keyPath: string | string[]; unique: boolean; multiEntry: boolean }[];
}

/** Dexie's schema syntax ('&id, [mailbox+at], at', '++seq', ...) as IndexedDB object stores. */
export function storesOf(schema: Record<string, string | null>): StoreSpec[] {
  const keyPath = (s: string): string | string[] => (s.startsWith('[') ? s.slice(1, -1).split('+') : s);
  return Object.entries(schema).flatMap(([name, spec]) => (spec === null ? [] : [[name, spec] as const])).map(([name, spec]) => {
    const [primary = '', ...rest] = spec.split(',').map((x) => x.trim());
    const autoIncrement = primary.startsWith('++');
    const pk = primary.replace(/^(\+\+|&)/, '');
    return {
      name,
      keyPath: pk === '' ? null : keyPath(pk),
      autoIncrement,
      indexes: rest.filter(Boolean).map((ix) => {
        const bare = ix.replace(/^[&*]/, '');
        return { name: bare, keyPath: keyPath(bare), unique: ix.startsWith('&'), multiEntry: ix.startsWith('*') };
      }),
    };
  });
}

/**
 * From an extension page (same origin as the service worker): deletes the database, creates it at
 * IndexedDB version `idbVersion` with these stores and rows, and keeps the connection open unless
 * `close`. A versionchange event is ignored (that is what blocks an upgrade).
 */
export function createDatabase(page: Evaluates, idbVersion: number, stores: StoreSpec[], rows: Record<string, unknown[]>, close: boolean): Promise<void> {
  return page.evaluate(async ({ name, idbVersion, stores, rows, close }: { name: string; idbVersion: number; stores: StoreSpec[]; rows: Record<string, unknown[]>; close: boolean }) => {
    const done = <T>(r: IDBRequest<T>): Promise<T> => new Promise((resolve, reject) => {
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    await new Promise<void>((resolve, reject) => {
      const del = indexedDB.deleteDatabase(name);
      del.onsuccess = () => resolve();
      del.onerror = () => reject(del.error);
      del.onblocked = () => reject(new Error('delete blocked: a connection is still open'));
    });
    const open = indexedDB.open(name, idbVersion);
    open.onupgradeneeded = () => {
      for (const s of stores) {
        const store = open.result.createObjectStore(s.name, { keyPath: s.keyPath, autoIncrement: s.autoIncrement });
        for (const ix of s.indexes) store.createIndex(ix.name, ix.keyPath, { unique: ix.unique, multiEntry: ix.multiEntry });
      }
    };
    const db = await done(open);
    for (const [table, list] of Object.entries(rows)) {
      const tx = db.transaction(table, 'readwrite');
      for (const row of list) tx.objectStore(table).put(row);
      await new Promise<void>((resolve, reject) => {
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    }
    db.onversionchange = () => undefined; // never close: the upgrade waits ("blocked")
    if (close) db.close();
    else (window as unknown as { heldOpen: IDBDatabase }).heldOpen = db;
  }, { name: DB_NAME, idbVersion, stores, rows, close });
}

/** Rows of an earlier version's tables: a day of use by an organization box (what must survive an upgrade). */
export function oldRows(box: string, now: number, tables: string[]): Record<string, unknown[]> {
  const rows: Record<string, unknown[]> = {
    calls: Array.from({ length: 30 }, (_, i) => ({ id: `old-call-${String(i).padStart(4, '0')}`, mailbox: box, method: 'GetMailbox', at: now - 30 * 60_000 + i * 1000, units: [], via: 'decided', over: false, status: 200 })),
    ladders: [{ key: `${box}|GetMessage|M-old`, mailbox: box, count: 9, last: now - 10 * 60_000 }],
    hourly: [{ mailbox: box, method: 'GetMailbox', hour: Math.floor(now / 3_600_000) * 3_600_000 - 3_600_000, calls: 30, over: 0, held: 0, failOpen: 0 }],
    mailboxes: [{ accessKey: box, firstSeen: now - 86_400_000, lastSeen: now - 60_000, detectedKind: 'organization', idType: 'CBE', quality: 'HOSPITAL' }],
    snapshots: [{ mailbox: box, at: now - 60_000, currentSize: 1000, maxSize: 100 * 1024 * 1024, standby: 0, unread: 2 }],
    messages: [{ mailbox: box, folder: 'sent', id: 'M-old-sent', publishedAt: now - 86_400_000, size: 5000, ack: null, firstSeen: now - 86_400_000, lastSeen: now - 60_000 }],
    alerts: [{ key: `quota|${box}|80`, state: 'crossed', at: now - 60_000 }],
    absences: [{ id: 'a-old', mailbox: box, start: '2027-01-04', end: '2027-01-08', substitutes: [], note: '', registeredId: null, withdrawn: false, createdAt: now, updatedAt: now }],
    registered: [{ mailbox: box, id: 'r-old', start: '2027-01-04', end: '2027-01-08', substitutes: 0, seenAt: now, goneAt: null }],
  };
  return Object.fromEntries(tables.map((t) => [t, rows[t] ?? []]));
}
