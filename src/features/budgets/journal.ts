// Group commit: writes of many concurrent decisions (several tabs, bursts) go to IndexedDB in one
// transaction, and each decision is answered only once the transaction holding it has committed
// (a worker stopped right after answering would otherwise lose the count).
import type { DirectiveMethod } from '../../directive/rules';
import type { CompanionDB } from '../../store/db';
import type { CallRow, HourlyRow, LadderRow } from '../../store/schema';

export type HourlyCounter = 'calls' | 'over' | 'held' | 'failOpen';

interface HourlyDelta {
  mailbox: string;
  method: DirectiveMethod;
  hour: number;
  delta: Record<HourlyCounter, number>;
}

interface Pending {
  calls: Map<string, CallRow>;
  deletedCalls: Set<string>;
  ladders: Map<string, LadderRow>;
  hourly: Map<string, HourlyDelta>;
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

const HOUR = 3_600_000;
const fresh = (): Pending => ({ calls: new Map(), deletedCalls: new Set(), ladders: new Map(), hourly: new Map(), waiters: [] });
const COUNTERS: readonly HourlyCounter[] = ['calls', 'over', 'held', 'failOpen'];
/** A batch whose write failed for want of storage is kept for the next one, up to this many calls. */
export const MAX_KEPT_CALLS = 20_000;
/** Failures of storage itself (full, blocked, closed, aborted): worth writing again later. A bad row (DataError...) is not. */
const TRANSIENT = /Quota|Abort|Unknown|Timeout|DatabaseClosed|OpenFailed|VersionChange|InvalidState|Missing/i;

function isTransient(e: unknown): boolean {
  const names: string[] = [];
  for (let x: unknown = e, depth = 0; x && typeof x === 'object' && depth < 4; x = (x as { inner?: unknown }).inner, depth++) {
    names.push(String((x as { name?: unknown }).name ?? ''), String((x as { message?: unknown }).message ?? ''));
  }
  return names.some((n) => TRANSIENT.test(n));
}

export class Journal {
  private pending = fresh();
  private flushing: Promise<void> | null = null;
  /** Hourly rows as last committed, for the hours being written to: no read before each write. */
  private readonly hours = new Map<string, HourlyRow>();

  constructor(private readonly open: () => CompanionDB) {}

  putCall(row: CallRow): void {
    this.pending.deletedCalls.delete(row.id);
    this.pending.calls.set(row.id, row);
  }

  deleteCall(id: string): void {
    this.pending.calls.delete(id);
    this.pending.deletedCalls.add(id);
  }

  putLadder(row: LadderRow): void {
    this.pending.ladders.set(row.key, { ...row });
  }

  count(mailbox: string, method: DirectiveMethod, at: number, counter: HourlyCounter, delta = 1): void {
    const hour = Math.floor(at / HOUR) * HOUR;
    const key = `${mailbox}|${method}|${hour}`;
    let entry = this.pending.hourly.get(key);
    if (!entry) {
      entry = { mailbox, method, hour, delta: { calls: 0, over: 0, held: 0, failOpen: 0 } };
      this.pending.hourly.set(key, entry);
    }
    entry.delta[counter] += delta;
  }

  /** Resolves once everything queued so far is committed. */
  commit(): Promise<void> {
    const done = new Promise<void>((resolve, reject) => this.pending.waiters.push({ resolve, reject }));
    this.flushing ??= Promise.resolve().then(() => this.flushLoop());
    return done;
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.waiters.length > 0) {
      const batch = this.pending;
      this.pending = fresh();
      try {
        await this.write(batch);
        for (const w of batch.waiters) w.resolve();
      } catch (e) {
        // Storage full or unavailable: the decisions are answered (they fail open) but their counts
        // are not dropped; they go with the next batch, once storage is back (issue 6, case 5).
        if (isTransient(e)) this.keep(batch);
        for (const w of batch.waiters) w.reject(e);
      }
    }
    this.flushing = null;
  }

  /** Puts a failed (older) batch back under what was queued since (newer rows win, hourly deltas add up). */
  private keep(old: Pending): void {
    const cur = this.pending;
    if (cur.calls.size + old.calls.size > MAX_KEPT_CALLS) return;
    for (const [id, row] of old.calls) if (!cur.calls.has(id) && !cur.deletedCalls.has(id)) cur.calls.set(id, row);
    for (const id of old.deletedCalls) if (!cur.calls.has(id)) cur.deletedCalls.add(id);
    for (const [key, row] of old.ladders) if (!cur.ladders.has(key)) cur.ladders.set(key, row);
    for (const [key, entry] of old.hourly) {
      const now = cur.hourly.get(key);
      if (!now) cur.hourly.set(key, entry);
      else for (const c of COUNTERS) now.delta[c] += entry.delta[c];
    }
  }

  private async write(batch: Pending): Promise<void> {
    const d = this.open();
    let written: HourlyRow[] = [];
    await d.transaction('rw', [d.calls, d.ladders, d.hourly], async () => {
      if (batch.calls.size > 0) await d.calls.bulkPut([...batch.calls.values()]);
      if (batch.deletedCalls.size > 0) await d.calls.bulkDelete([...batch.deletedCalls]);
      if (batch.ladders.size > 0) await d.ladders.bulkPut([...batch.ladders.values()]);
      if (batch.hourly.size === 0) return;
      const entries = [...batch.hourly.entries()];
      const unknown = entries.filter(([k]) => !this.hours.has(k));
      const read = await d.hourly.bulkGet(unknown.map(([, e]) => [e.mailbox, e.method, e.hour] as [string, string, number]));
      const stored = new Map(unknown.map(([k], i) => [k, read[i]]));
      const rows: HourlyRow[] = entries.map(([k, e]) => {
        const row = this.hours.get(k) ?? stored.get(k) ?? { mailbox: e.mailbox, method: e.method, hour: e.hour, calls: 0, over: 0, held: 0, failOpen: 0 };
        return {
          ...row,
          calls: Math.max(0, row.calls + e.delta.calls),
          over: Math.max(0, row.over + e.delta.over),
          held: row.held + e.delta.held,
          failOpen: row.failOpen + e.delta.failOpen,
        };
      });
      await d.hourly.bulkPut(rows);
      written = rows;
    });
    this.remember(written);
  }

  /** Forget what was written (after a reset of the stored data). */
  forget(): void {
    this.hours.clear();
  }

  private remember(rows: readonly HourlyRow[]): void {
    const latest = Math.max(0, ...rows.map((r) => r.hour));
    for (const row of rows) this.hours.set(`${row.mailbox}|${row.method}|${row.hour}`, row);
    for (const [key, row] of this.hours) if (row.hour < latest - 2 * HOUR) this.hours.delete(key);
  }
}
