import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { CompanionDB } from './db';
import { V1_SCHEMA } from './migrations/v1';
import { V2_SCHEMA } from './migrations/v2';
import { V3_SCHEMA } from './migrations/v3';
import { allHours, LADDER_BUCKETS, readLadderRows } from './packed';

// Every schema version ever shipped, oldest first. A new version is appended here, and this test
// then upgrades a database of each earlier version and checks that nothing was lost. A table set
// to null was deleted by that version (its rows moved to another table).
const VERSIONS: Record<string, string | null>[] = [V1_SCHEMA, V2_SCHEMA, V3_SCHEMA];
const tablesOf = (schema: Record<string, string | null> | undefined): string[] => Object.entries(schema ?? {}).flatMap(([t, spec]) => (spec === null ? [] : [t]));

/** How the current version shows a table an earlier one had: the packed ones unpacked (as the export does). */
const READ: Record<string, (d: CompanionDB) => Promise<unknown[]>> = {
  ladders: readLadderRows,
  hourly: allHours,
};

const SAMPLE: Record<string, object> = {
  calls: { id: 'c1', mailbox: 'box', method: 'GetMailbox', at: 1, units: [], via: 'decided', over: false },
  ladders: { key: 'box|GetMessage|m1', mailbox: 'box', count: 3, last: 2 },
  hourly: { mailbox: 'box', method: 'GetMailbox', hour: 0, calls: 1, over: 0, held: 0, failOpen: 0 },
  ladderPacks: { mailbox: 'box', bucket: 7, entries: ['g|m2', 1, 5, 10], sweepAt: 10, touched: 5 },
  hourPacks: { mailbox: 'box', day: 86_400_000, methods: { ListMessages: Array.from({ length: 96 }, (_, i) => (i === 4 ? 2 : 0)) } },
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
      const tables = tablesOf(VERSIONS[index]);
      for (const table of tables) await old.table(table).add(SAMPLE[table]);
      old.close();

      const current = new CompanionDB(name);
      await current.open();
      expect(current.verno).toBe(VERSIONS.length);
      for (const table of tables) {
        const rows = await (READ[table] ?? ((d: CompanionDB) => d.table(table).toArray()))(current);
        expect(rows, table).toEqual([expect.objectContaining(SAMPLE[table])]);
      }
      for (const table of tablesOf(VERSIONS.at(-1))) expect(current.tables.map((t) => t.name)).toContain(table);
      current.close();
      await current.delete();
    });
  });

  it('has a sample row for every table, so a new table cannot skip this test', () => {
    expect(Object.keys(SAMPLE).sort()).toEqual([...new Set(VERSIONS.flatMap((v) => Object.keys(v)))].sort());
  });

  it('version 3 packs a year of ladders into one row per bucket and keeps every entry and hour', async () => {
    const name = 'upgrade-many';
    const old = new Dexie(name);
    VERSIONS.slice(0, 2).forEach((schema, i) => old.version(i + 1).stores(schema));
    await old.open();
    const ladders = Array.from({ length: 3000 }, (_, i) => ({ key: `box|${i % 2 ? 'GetMessage' : 'GetAttachment'}|m${i}${i % 2 ? '' : '/a1'}`, mailbox: 'box', count: 1 + (i % 13), last: 1_000 + i }));
    const hourly = Array.from({ length: 24 * 40 }, (_, i) => ({ mailbox: i % 2 ? 'a' : 'b', method: 'GetMailbox', hour: i * 3_600_000, calls: i, over: 0, held: i % 3, failOpen: 0 }));
    await old.table('ladders').bulkAdd(ladders);
    await old.table('hourly').bulkAdd(hourly);
    old.close();
    const current = new CompanionDB(name);
    await current.open();
    expect(await current.ladderPacks.count()).toBeLessThanOrEqual(LADDER_BUCKETS);
    expect((await readLadderRows(current)).sort((a, b) => a.last - b.last)).toEqual(ladders.map((l) => ({ ...l, until: l.last + 182 * 86_400_000 })));
    expect(await current.hourPacks.count()).toBe(80);
    const zero = (h: { calls: number; held: number }) => h.calls === 0 && h.held === 0;
    expect((await allHours(current)).sort((x, y) => x.hour - y.hour)).toEqual(hourly.filter((h) => !zero(h)));
    current.close();
    await current.delete();
  });
});
