// Group commit: writes of many concurrent decisions (several tabs, bursts) go to IndexedDB in one
// transaction, and each decision is answered only once the transaction holding it has committed
// (a worker stopped right after answering would otherwise lose the count).
import type { DirectiveMethod } from '../../directive/rules';
import type { CompanionDB } from '../../store/db';
import type { CallRow, HourlyRow, LadderRow } from '../../store/schema';

export type HourlyCounter = 'calls' | 'over' | 'held' | 'failOpen';

interface Pending {
  calls: Map<string, CallRow>;
  deletedCalls: Set<string>;
  ladders: Map<string, LadderRow>;
  hourly: Map<string, { mailbox: string; method: DirectiveMethod; hour: number; delta: Record<HourlyCounter, number> }>;
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

const HOUR = 3_600_000;
const fresh = (): Pending => ({ calls: new Map(), deletedCalls: new Set(), ladders: new Map(), hourly: new Map(), waiters: [] });

export class Journal {
  private pending = fresh();
  private flushing: Promise<void> | null = null;

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
        for (const w of batch.waiters) w.reject(e);
      }
    }
    this.flushing = null;
  }

  private async write(batch: Pending): Promise<void> {
    const d = this.open();
    await d.transaction('rw', [d.calls, d.ladders, d.hourly], async () => {
      if (batch.calls.size > 0) await d.calls.bulkPut([...batch.calls.values()]);
      if (batch.deletedCalls.size > 0) await d.calls.bulkDelete([...batch.deletedCalls]);
      if (batch.ladders.size > 0) await d.ladders.bulkPut([...batch.ladders.values()]);
      if (batch.hourly.size === 0) return;
      const entries = [...batch.hourly.values()];
      const existing = await d.hourly.bulkGet(entries.map((e) => [e.mailbox, e.method, e.hour] as [string, string, number]));
      const rows: HourlyRow[] = entries.map((e, i) => {
        const row = existing[i] ?? { mailbox: e.mailbox, method: e.method, hour: e.hour, calls: 0, over: 0, held: 0, failOpen: 0 };
        return {
          ...row,
          calls: Math.max(0, row.calls + e.delta.calls),
          over: Math.max(0, row.over + e.delta.over),
          held: row.held + e.delta.held,
          failOpen: row.failOpen + e.delta.failOpen,
        };
      });
      await d.hourly.bulkPut(rows);
    });
  }
}
