// Issue 6, case 6 at a reduced scale: 200 days of an organization mailbox's traffic (ten calls and
// one new message an hour) written into IndexedDB (fake-indexeddb), with the real clean-ups run on
// the simulated clock (bench/long-use.ts). Every table stays under the bound its retention implies,
// and reaches a steady state: storage does not grow with the age of the installation. Ladders are
// packed (schema version 3) and go a day after the message's deletion was seen. Full scale
// (an organization at its limits for a year, and decision times on day one vs after the year):
// `npm run bench reliability`.
import 'fake-indexeddb/auto';
import { afterAll, describe, expect, it } from 'vitest';
import { countRows, fill, ladderEntryBound, storageBound, TABLES, type Counts, type Traffic } from '../../bench/long-use';
import { DELETED_LADDER_RETENTION_MS } from '../directive/ledger';
import { allHours, readLadderRows } from '../store/packed';
import { CompanionDB } from '../store/db';
import { CALL_RETENTION_MS, HOURLY_RETENTION_MS } from './maintenance';

const TRAFFIC: Traffic = { getMailbox: 2, listFolders: 1, listMessages: 4, newMessages: 1 };
const DAYS = 200;
const PRUNE_EVERY_HOURS = 6;
const d = new CompanionDB('long-use');

afterAll(async () => {
  d.close();
  await d.delete();
});

describe('long use (reduced scale)', () => {
  it(`${DAYS} days: every table stays under its bound and stops growing`, async () => {
    const bound = storageBound(TRAFFIC, PRUNE_EVERY_HOURS);
    const byDay = new Map<number, Counts>();
    const start = Date.UTC(2026, 0, 1);
    const { now } = await fill(d, TRAFFIC, DAYS, start, {
      pruneEveryHours: PRUNE_EVERY_HOURS,
      onDay: async (day) => {
        if (day % 10 !== 0 && day < DAYS - 1) return;
        const counts = await countRows(d);
        for (const t of TABLES) expect(counts[t], `${t} on day ${day}`).toBeLessThanOrEqual(bound[t]);
        byDay.set(day, counts);
      },
    });
    const last = byDay.get(DAYS);
    const before = byDay.get(DAYS - 10);
    expect(last).toBeDefined();
    // Steady state: the last ten days added nothing to any table.
    expect(last).toEqual(before);
    // What is left is exactly what the retention keeps.
    const oldestCall = ((await d.calls.orderBy('at').first()) as { at: number }).at;
    expect(oldestCall).toBeGreaterThanOrEqual(now - CALL_RETENTION_MS);
    expect(Math.min(...(await allHours(d)).map((h) => h.hour))).toBeGreaterThanOrEqual(now - HOURLY_RETENTION_MS - 24 * 3_600_000);
    // Every message was deleted through the keeper: its ladders go a day later (§7.2.1: it is gone).
    const ladders = await readLadderRows(d);
    expect(ladders.length).toBeGreaterThan(0);
    expect(ladders.length).toBeLessThanOrEqual(ladderEntryBound(TRAFFIC, PRUNE_EVERY_HOURS));
    expect(Math.min(...ladders.map((l) => l.last))).toBeGreaterThanOrEqual(now - DELETED_LADDER_RETENTION_MS - PRUNE_EVERY_HOURS * 3_600_000);
  }, 300_000); // about 10 s alone; 60 s seen with seven other agents on the machine's 2 cores
});
