import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CompanionDB } from '../store/db';
import { DEFAULT_SETTINGS } from '../store/settings';
import { EXPORT_FORMAT, exportAll } from './export';
import { putHourly } from '../store/packed';

describe('exportAll', () => {
  let d: CompanionDB | null = null;
  afterEach(async () => {
    d?.close();
    await d?.delete();
  });

  it('holds every table of the database, the settings and what produced it', async () => {
    const db = (d = new CompanionDB('export-test'));
    await db.mailboxes.put({ accessKey: 'box', firstSeen: 1, lastSeen: 2, detectedKind: null, idType: null, quality: null });
    await putHourly(db, [{ mailbox: 'box', method: 'GetMailbox', hour: 0, calls: 1, over: 0, held: 0, failOpen: 0 }]);
    const file = await exportAll(() => db, DEFAULT_SETTINGS, '1.2.3', Date.UTC(2026, 0, 2, 3, 4));
    expect(file).toMatchObject({ format: EXPORT_FORMAT, formatVersion: 1, extensionVersion: '1.2.3', exportedAt: '2026-01-02T03:04:00.000Z', settings: DEFAULT_SETTINGS });
    // The packed histories (schema version 3) are shown as they were stored before: one row per hour and per ladder entry.
    const shown = db.tables.map((t) => t.name).filter((n) => n !== 'ladderPacks' && n !== 'hourPacks');
    expect(Object.keys(file.tables).sort()).toEqual([...shown, 'hourly', 'ladders'].sort());
    expect(file.tables.hourly).toEqual([{ mailbox: 'box', method: 'GetMailbox', hour: 0, calls: 1, over: 0, held: 0, failOpen: 0 }]);
    expect(file.tables.ladders).toEqual([]);
    expect(file.tables.mailboxes).toHaveLength(1);
    expect(file.tables.calls).toEqual([]);
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
  });
});
