import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CompanionDB } from '../store/db';
import { DEFAULT_SETTINGS } from '../store/settings';
import { EXPORT_FORMAT, exportAll } from './export';

describe('exportAll', () => {
  let d: CompanionDB | null = null;
  afterEach(async () => {
    d?.close();
    await d?.delete();
  });

  it('holds every table of the database, the settings and what produced it', async () => {
    const db = (d = new CompanionDB('export-test'));
    await db.mailboxes.put({ accessKey: 'box', firstSeen: 1, lastSeen: 2, detectedKind: null, idType: null, quality: null });
    await db.hourly.put({ mailbox: 'box', method: 'GetMailbox', hour: 0, calls: 1, over: 0, held: 0, failOpen: 0 });
    const file = await exportAll(() => db, DEFAULT_SETTINGS, '1.2.3', Date.UTC(2026, 0, 2, 3, 4));
    expect(file).toMatchObject({ format: EXPORT_FORMAT, formatVersion: 1, extensionVersion: '1.2.3', exportedAt: '2026-01-02T03:04:00.000Z', settings: DEFAULT_SETTINGS });
    expect(Object.keys(file.tables).sort()).toEqual(db.tables.map((t) => t.name).sort());
    expect(file.tables.mailboxes).toHaveLength(1);
    expect(file.tables.calls).toEqual([]);
    expect(JSON.parse(JSON.stringify(file))).toEqual(file);
  });
});
