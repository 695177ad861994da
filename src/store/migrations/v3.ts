// Schema version 3 (issue 17): the ladders and the hourly aggregates packed (v3-format.ts), so
// that a year of an organization's traffic fits in a few megabytes. `ladders` (one row per message
// and method) becomes `ladderPacks` (one row per mailbox and bucket of message ids); `hourly` (one
// row per mailbox, method and hour) becomes `hourPacks` (one row per mailbox and UTC day). The
// upgrade moves every row across, then Dexie deletes the old tables. v3-format.ts is this
// version's format: a change to it needs a version 4.
import type { Transaction } from 'dexie';
import { V2_SCHEMA } from './v2';
import { bucketOf, dayOf, emptyDay, packLadders, setHour, type HourCounts, type HourPackRow, type LadderEntryRow } from './v3-format';

/** A row of version 1–2's `ladders` table. */
interface LadderRow {
  /** `${mailbox}|${method}|${unit}` */
  key: string;
  mailbox: string;
  count: number;
  last: number;
  until?: number;
}

/** Versions 1–2 kept a ladder until 182 days after its last call (§7.2.1, the longest a message stays). */
const OLD_LADDER_KEEP_MS = 182 * 24 * 3_600_000;

export const V3_SCHEMA = {
  ...V2_SCHEMA,
  ladders: null,
  hourly: null,
  ladderPacks: '&[mailbox+bucket], sweepAt, touched',
  hourPacks: '&[mailbox+day], day',
} as const;

export async function upgradeToV3(tx: Transaction): Promise<void> {
  const buckets = new Map<string, { mailbox: string; bucket: number; entries: LadderEntryRow[] }>();
  await tx.table<LadderRow>('ladders').each((row) => {
    const key = row.key.slice(row.mailbox.length + 1);
    const unit = key.slice(key.indexOf('|') + 1);
    const bucket = bucketOf(unit);
    const id = `${row.mailbox}|${bucket}`;
    let b = buckets.get(id);
    if (!b) buckets.set(id, (b = { mailbox: row.mailbox, bucket, entries: [] }));
    b.entries.push({ key, count: row.count, last: row.last, until: row.until ?? row.last + OLD_LADDER_KEEP_MS });
  });
  await tx.table('ladderPacks').bulkPut([...buckets.values()].map((b) => packLadders(b.mailbox, b.bucket, b.entries)));

  const days = new Map<string, HourPackRow>();
  await tx.table<HourCounts>('hourly').each((row) => {
    const day = dayOf(row.hour);
    const id = `${row.mailbox}|${day}`;
    let d = days.get(id);
    if (!d) days.set(id, (d = emptyDay(row.mailbox, day)));
    setHour(d, row);
  });
  await tx.table('hourPacks').bulkPut([...days.values()]);
}
