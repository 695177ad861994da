// Hourly clean-up: counted calls are kept 25 hours (the longest window plus a margin), ladders
// while their message may still exist (182 days, §7.2.1), hourly aggregates 31 days. This is
// what keeps storage bounded after a year of organization-level traffic.
import { LADDER_RETENTION_MS } from '../directive/ledger';
import type { CompanionDB } from '../store/db';

const HOUR = 3_600_000;
export const CALL_RETENTION_MS = 25 * HOUR;
export const HOURLY_RETENTION_MS = 31 * 24 * HOUR;

export async function prune(d: CompanionDB, now: number): Promise<void> {
  await d.transaction('rw', [d.calls, d.ladders, d.hourly], async () => {
    await d.calls.where('at').below(now - CALL_RETENTION_MS).delete();
    await d.ladders.where('last').below(now - LADDER_RETENTION_MS).delete();
    await d.hourly.where('hour').below(now - HOURLY_RETENTION_MS).delete();
  });
}
