// Group commit: writes of many concurrent decisions (several tabs, bursts) go to IndexedDB in one
// transaction, and each decision is answered only once the transaction holding it has committed
// (a worker stopped right after answering would otherwise lose the count).
import type { DirectiveMethod } from '../../directive/rules';
import type { CompanionDB } from '../../store/db';
import { bucketOf, dayOf, emptyDay, hourOf, ofMessage, packLadders, setHour, unpackLadders, type LadderEntryRow } from '../../store/packed';
import type { CallRow, HourPackRow } from '../../store/schema';

export type HourlyCounter = 'calls' | 'over' | 'held' | 'failOpen';

interface HourlyDelta {
  mailbox: string;
  method: DirectiveMethod;
  hour: number;
  delta: Record<HourlyCounter, number>;
}

/** A ladder entry to write, with its mailbox. */
export interface LadderPut extends LadderEntryRow {
  mailbox: string;
}

/** A message whose deletion was seen: its entries (every method and attachment) expire by `until`. */
interface Gone {
  mailbox: string;
  messageId: string;
  until: number;
}

interface Pending {
  calls: Map<string, CallRow>;
  deletedCalls: Set<string>;
  /** By `${mailbox}|${method}|${unit}`. */
  ladders: Map<string, LadderPut>;
  gone: Map<string, Gone>;
  hourly: Map<string, HourlyDelta>;
  waiters: { resolve: () => void; reject: (e: unknown) => void }[];
}

const HOUR = 3_600_000;
const fresh = (): Pending => ({ calls: new Map(), deletedCalls: new Set(), ladders: new Map(), gone: new Map(), hourly: new Map(), waiters: [] });
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
  /** Day rows of the hourly history as last committed, for the days being written to: no read before each write. */
  private readonly days = new Map<string, HourPackRow>();

  constructor(private readonly open: () => CompanionDB) {}

  putCall(row: CallRow): void {
    this.pending.deletedCalls.delete(row.id);
    this.pending.calls.set(row.id, row);
  }

  deleteCall(id: string): void {
    this.pending.calls.delete(id);
    this.pending.deletedCalls.add(id);
  }

  putLadder(row: LadderPut): void {
    this.pending.ladders.set(`${row.mailbox}|${row.key}`, { ...row });
  }

  /** A deletion was seen: the message's ladder entries are kept until `until`, then swept. */
  messageGone(mailbox: string, messageId: string, until: number): void {
    const key = `${mailbox}|${messageId}`;
    const was = this.pending.gone.get(key);
    this.pending.gone.set(key, { mailbox, messageId, until: Math.min(until, was?.until ?? Infinity) });
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
    for (const [key, g] of old.gone) if (!cur.gone.has(key)) cur.gone.set(key, g);
    for (const [key, entry] of old.hourly) {
      const now = cur.hourly.get(key);
      if (!now) cur.hourly.set(key, entry);
      else for (const c of COUNTERS) now.delta[c] += entry.delta[c];
    }
  }

  private async write(batch: Pending): Promise<void> {
    const d = this.open();
    let written: HourPackRow[] = [];
    await d.transaction('rw', [d.calls, d.ladderPacks, d.hourPacks], async () => {
      if (batch.calls.size > 0) await d.calls.bulkPut([...batch.calls.values()]);
      if (batch.deletedCalls.size > 0) await d.calls.bulkDelete([...batch.deletedCalls]);
      if (batch.ladders.size > 0 || batch.gone.size > 0) await writeLadders(d, batch);
      if (batch.hourly.size > 0) written = await this.writeHours(d, batch);
    });
    this.remember(written);
  }

  /** Adds the batch's deltas to the day rows of their hours (read once, then remembered). */
  private async writeHours(d: CompanionDB, batch: Pending): Promise<HourPackRow[]> {
    const ids = [...new Set([...batch.hourly.values()].map((e) => `${e.mailbox}|${dayOf(e.hour)}`))];
    const unknown = ids.filter((id) => !this.days.has(id));
    const read = await d.hourPacks.bulkGet(unknown.map((id) => splitDay(id)));
    const stored = new Map(unknown.map((id, i) => [id, read[i]]));
    // Copies: the remembered rows change only once the transaction has committed.
    const rows = new Map(ids.map((id) => {
      const row = this.days.get(id) ?? stored.get(id) ?? emptyDay(...splitDay(id));
      return [id, { ...row, methods: Object.fromEntries(Object.entries(row.methods).map(([m, a]) => [m, [...(a ?? [])]])) } as HourPackRow];
    }));
    for (const e of batch.hourly.values()) {
      const row = rows.get(`${e.mailbox}|${dayOf(e.hour)}`);
      if (!row) continue;
      const was = hourOf(row, e.method, e.hour);
      setHour(row, {
        ...was,
        calls: Math.max(0, was.calls + e.delta.calls),
        over: Math.max(0, was.over + e.delta.over),
        held: was.held + e.delta.held,
        failOpen: was.failOpen + e.delta.failOpen,
      });
    }
    const out = [...rows.values()];
    await d.hourPacks.bulkPut(out);
    return out;
  }

  /** Forget what was written (after a reset of the stored data). */
  forget(): void {
    this.days.clear();
  }

  private remember(rows: readonly HourPackRow[]): void {
    const latest = Math.max(0, ...rows.map((r) => r.day));
    for (const row of rows) this.days.set(`${row.mailbox}|${row.day}`, row);
    for (const [key, row] of this.days) if (row.day < latest - DAY) this.days.delete(key);
  }
}

const DAY = 24 * HOUR;

function splitDay(id: string): [string, number] {
  const bar = id.lastIndexOf('|');
  return [id.slice(0, bar), Number(id.slice(bar + 1))];
}

/** Puts the batch's ladder entries into their mailbox's bucket rows (one read and one write per row). */
async function writeLadders(d: CompanionDB, batch: Pending): Promise<void> {
  const touched = new Map<string, { mailbox: string; bucket: number; puts: LadderPut[]; gone: Gone[] }>();
  const at = (mailbox: string, unit: string) => {
    const bucket = bucketOf(unit);
    const id = `${mailbox}|${bucket}`;
    let t = touched.get(id);
    if (!t) touched.set(id, (t = { mailbox, bucket, puts: [], gone: [] }));
    return t;
  };
  for (const p of batch.ladders.values()) at(p.mailbox, p.key.slice(p.key.indexOf('|') + 1)).puts.push(p);
  for (const g of batch.gone.values()) at(g.mailbox, g.messageId).gone.push(g);
  const list = [...touched.values()];
  const rows = await d.ladderPacks.bulkGet(list.map((t): [string, number] => [t.mailbox, t.bucket]));
  await d.ladderPacks.bulkPut(list.map((t, i) => {
    const entries = unpackLadders(rows[i]);
    for (const { mailbox: _box, ...entry } of t.puts) entries.set(entry.key, entry);
    for (const g of t.gone) for (const e of entries.values()) if (ofMessage(e.key, g.messageId)) e.until = Math.min(e.until, g.until);
    return packLadders(t.mailbox, t.bucket, entries.values());
  }));
}
