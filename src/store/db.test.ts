import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CompanionDB } from './db';
import { V1_SCHEMA } from './migrations/v1';
import { V2_SCHEMA } from './migrations/v2';

// Every schema version ever shipped, oldest first. A new version is appended here, and this test
// then upgrades a database of each earlier version and checks that nothing was lost.
const VERSIONS: Record<string, string>[] = [V1_SCHEMA, V2_SCHEMA];

const SAMPLE: Record<string, object> = {
  calls: { id: 'c1', mailbox: 'box', method: 'GetMailbox', at: 1, units: [], via: 'decided', over: false },
  ladders: { key: 'box|GetMessage|m1', mailbox: 'box', count: 3, last: 2 },
  hourly: { mailbox: 'box', method: 'GetMailbox', hour: 0, calls: 1, over: 0, held: 0, failOpen: 0 },
  mailboxes: { accessKey: 'box', firstSeen: 1, lastSeen: 2, detectedKind: 'organization', idType: 'CBE', quality: null },
  snapshots: { mailbox: 'box', at: 1, currentSize: 10, maxSize: 100, standby: 0, unread: 1 },
  messages: { mailbox: 'box', folder: 'sent', id: 'm1', publishedAt: 1, size: 5, ack: null, firstSeen: 1, lastSeen: 1 },
  alerts: { key: 'quota|box|80', state: 'crossed', at: 1 },
  absences: { id: 'a1', mailbox: 'box', start: '2026-12-01', end: '2026-12-03', substitutes: [], note: '', registeredId: null, withdrawn: false, createdAt: 1, updatedAt: 1 },
  registered: { mailbox: 'box', id: 'r1', start: '2026-12-01', end: '2026-12-03', substitutes: 0, seenAt: 1, goneAt: null },
};

describe('database upgrades', () => {
  VERSIONS.forEach((_, index) => {
    const version = index + 1;
    it(`upgrades a version ${version} database to the current one without losing data`, async () => {
      const name = `upgrade-from-${version}`;
      const old = new Dexie(name);
      VERSIONS.slice(0, version).forEach((schema, i) => old.version(i + 1).stores(schema));
      await old.open();
      const tables = Object.keys(VERSIONS[index] ?? {});
      for (const table of tables) await old.table(table).add(SAMPLE[table]);
      old.close();

      const current = new CompanionDB(name);
      await current.open();
      expect(current.verno).toBe(VERSIONS.length);
      for (const table of tables) expect(await current.table(table).toArray()).toEqual([expect.objectContaining(SAMPLE[table])]);
      for (const table of Object.keys(VERSIONS.at(-1) ?? {})) expect(current.tables.map((t) => t.name)).toContain(table);
      current.close();
      await current.delete();
    });
  });

  it('has a sample row for every table, so a new table cannot skip this test', () => {
    expect(Object.keys(SAMPLE).sort()).toEqual(Object.keys(VERSIONS.at(-1) ?? {}).sort());
  });
});
