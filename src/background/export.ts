// "Export my data": every table of the local database and the settings, as one JSON object that
// the options page saves as a file. Nothing is sent anywhere; the user gets exactly what is kept.
import type { ExportFile } from '../shared/ui-messages';
import type { CompanionDB } from '../store/db';
import { allHours, readLadderRows } from '../store/packed';
import type { Settings } from '../store/settings';

export const EXPORT_FORMAT = 'companion-for-ehealthbox/export';

export async function exportAll(open: () => CompanionDB, settings: Settings, version: string, now: number): Promise<ExportFile> {
  const d = open();
  // One read transaction: the tables are a consistent picture even while calls are being counted.
  // The packed histories are shown unpacked, one row per ladder entry and per hour, as they were
  // stored before schema version 3.
  const packed = new Set<string>([d.ladderPacks.name, d.hourPacks.name]);
  const entries = await d.transaction('r', d.tables, () =>
    Promise.all([
      ...d.tables.filter((t) => !packed.has(t.name)).map(async (table) => [table.name, await table.toArray()] as const),
      (async () => ['ladders', await readLadderRows(d)] as const)(),
      (async () => ['hourly', await allHours(d)] as const)(),
    ]),
  );
  return {
    format: EXPORT_FORMAT,
    formatVersion: 1,
    extensionVersion: version,
    databaseVersion: d.verno,
    exportedAt: new Date(now).toISOString(),
    settings,
    tables: Object.fromEntries(entries),
  };
}
