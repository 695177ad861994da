// Hourly clean-up: counted calls are kept 25 hours (the longest window plus a margin), ladders
// until the platform has purged their message (§7.2.1: 182 days after the last call, two weeks for
// sent messages, a day after a deletion was seen), hourly aggregates 31 days. This is what keeps
// storage bounded after a year of organization-level traffic.
import type { CompanionDB } from '../store/db';
import { DAY_MS, packLadders, unpackLadders } from '../store/packed';

const HOUR = 3_600_000;
export const CALL_RETENTION_MS = 25 * HOUR;
export const HOURLY_RETENTION_MS = 31 * 24 * HOUR;

export async function prune(d: CompanionDB, now: number): Promise<void> {
  await d.transaction('rw', [d.calls, d.ladderPacks, d.hourPacks], async () => {
    await d.calls.where('at').below(now - CALL_RETENTION_MS).delete();
    // Only rows holding an expired entry are read (`sweepAt`, their earliest `until`).
    const due = await d.ladderPacks.where('sweepAt').below(now).toArray();
    const kept = due.map((row) => packLadders(row.mailbox, row.bucket, [...unpackLadders(row).values()].filter((e) => e.until >= now)));
    await d.ladderPacks.bulkPut(kept.filter((row) => row.entries.length > 0));
    await d.ladderPacks.bulkDelete(kept.filter((row) => row.entries.length === 0).map((row): [string, number] => [row.mailbox, row.bucket]));
    // A day row goes once its last hour is older than the retention.
    await d.hourPacks.where('day').below(now - HOURLY_RETENTION_MS - DAY_MS + HOUR).delete();
  });
}
