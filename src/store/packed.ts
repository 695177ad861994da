// The packed histories as the rest of the extension reads and writes them: the format is schema
// version 3's (migrations/v3-format.ts); here, the database-level readers and writers.
import type { CompanionDB } from './db';
import { dayOf, emptyDay, setHour, unpackHours, unpackLadders } from './migrations/v3-format';
import type { HourlyRow, LadderRow } from './schema';

export {
  bucketOf, DAY_MS, dayOf, emptyDay, hourOf, LADDER_BUCKETS, ofMessage, packLadders, setHour, unpackLadders, type LadderEntryRow,
} from './migrations/v3-format';

/** The hourly aggregates of hours `from`..`to` (inclusive), one row per mailbox, method and hour. */
export async function readHourly(d: CompanionDB, from: number, to: number, mailbox?: string): Promise<HourlyRow[]> {
  const rows = await d.hourPacks.where('day').between(dayOf(from), to, true, true).toArray();
  return rows
    .filter((r) => mailbox === undefined || r.mailbox === mailbox)
    .flatMap((r) => unpackHours(r) as HourlyRow[])
    .filter((h) => h.hour >= from && h.hour <= to);
}

/** Every hour kept (the export, tests). */
export const allHours = (d: CompanionDB): Promise<HourlyRow[]> => readHourly(d, 0, Number.MAX_SAFE_INTEGER);

/** Writes these hours as they are (tests, the bench): the journal adds deltas instead. */
export async function putHourly(d: CompanionDB, hours: readonly HourlyRow[]): Promise<void> {
  await d.transaction('rw', d.hourPacks, async () => {
    const keys = [...new Map(hours.map((h): [string, [string, number]] => [`${h.mailbox}|${dayOf(h.hour)}`, [h.mailbox, dayOf(h.hour)]])).values()];
    const stored = await d.hourPacks.bulkGet(keys);
    const rows = new Map(keys.map(([mailbox, day], i) => [`${mailbox}|${day}`, stored[i] ?? emptyDay(mailbox, day)]));
    for (const h of hours) {
      const row = rows.get(`${h.mailbox}|${dayOf(h.hour)}`);
      if (row) setHour(row, h);
    }
    await d.hourPacks.bulkPut([...rows.values()]);
  });
}

/** Every ladder entry, one row each, as versions 1–2 stored them (the export shows them so). */
export async function readLadderRows(d: CompanionDB): Promise<LadderRow[]> {
  const rows = await d.ladderPacks.toArray();
  return rows.flatMap((r) => [...unpackLadders(r).values()].map((e) => ({ key: `${r.mailbox}|${e.key}`, mailbox: r.mailbox, count: e.count, last: e.last, until: e.until })));
}
