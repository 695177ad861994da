// `npm run bench reliability` (issue 6, case 6 at full scale): an organization mailbox at its §5
// hourly limits with 50 new messages an hour, for a year, written into IndexedDB (fake-indexeddb)
// with the real clean-ups on the simulated clock (bench/long-use.ts). Reports the rows and JSON
// bytes kept against the stated bound, and the keeper's decision times on day one and after the year.
import 'fake-indexeddb/auto';
import { CompanionDB } from '../src/store/db';
import { countRows, decisionTimes, fill, jsonBytes, ladderEntries, ladderEntryBound, ORGANIZATION_AT_LIMITS, storageBound, TABLES, type Counts, type DecisionTimes } from './long-use';

export interface ReliabilityBench {
  days: number;
  callsWritten: number;
  bound: Counts;
  dayOne: { counts: Counts; bytes: number; times: DecisionTimes };
  afterYear: { counts: Counts; bytes: number; times: DecisionTimes; ladderEntries: number };
  ladderEntryBound: number;
  /** The largest count seen at the end of a sampled day (every 10th), per table. */
  peak: Counts;
  seconds: number;
}

export async function runReliabilityBench(days = Number(process.env.BENCH_DAYS ?? 365)): Promise<ReliabilityBench> {
  const t0 = performance.now();
  const d = new CompanionDB(`bench-long-use-${Date.now()}`);
  const start = Date.UTC(2026, 0, 1);
  const bound = storageBound(ORGANIZATION_AT_LIMITS);
  const peak = Object.fromEntries(TABLES.map((t) => [t, 0])) as Counts;
  let dayOne: ReliabilityBench['dayOne'] | undefined;
  const { now, calls } = await fill(d, ORGANIZATION_AT_LIMITS, days, start, {
    onDay: async (day, at) => {
      // Counting a table walks it in fake-indexeddb: sampled every 10 days (the bound holds between, see long-use.test.ts).
      if (day !== 1 && day % 10 !== 0) return;
      const counts = await countRows(d);
      for (const t of TABLES) peak[t] = Math.max(peak[t], counts[t]);
      if (day === 1) dayOne = { counts, bytes: await jsonBytes(d), times: await decisionTimes(d, at) };
      if (day % 30 === 0) process.stdout.write(`  … day ${day}: ${TABLES.map((t) => `${t} ${counts[t]}`).join(', ')}\n`);
    },
  });
  const afterYear = { counts: await countRows(d), bytes: await jsonBytes(d), times: await decisionTimes(d, now), ladderEntries: await ladderEntries(d) };
  for (const t of TABLES) peak[t] = Math.max(peak[t], afterYear.counts[t]);
  d.close();
  await d.delete();
  if (!dayOne) throw new Error('no day one');
  return { days, callsWritten: calls, bound, dayOne, afterYear, ladderEntryBound: ladderEntryBound(ORGANIZATION_AT_LIMITS), peak, seconds: (performance.now() - t0) / 1000 };
}
