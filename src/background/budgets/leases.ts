// Enforce mode leases a tab a share of a window budget in advance, so that its next calls of the
// same kind (mailbox, method, folder) need not wait for a round trip to the background: the tab's
// bridge lets such a call go at once on a slot, and reports it (src/bridge/leases.ts).
// Every slot is counted the moment it is leased, like a call, in one row of the calls table: a
// stopped worker, a killed browser or another tab can never make the total pass the limit. The
// call that uses a slot takes its place at its own time; a slot given back frees its room. A call
// that only slots out with tabs keep from going makes the background ask every tab for its slots
// back (the keeper's `pressure`), and waits for them a moment.
import { type Conditions, headroom } from '../../directive/engine';
import { type Ledger, addStamp, removeStamp } from '../../directive/ledger';
import { RULES } from '../../directive/rules';
import { type Lease, LEASE_MAX } from '../../shared/messages';
import type { CallRow } from '../../store/schema';
import type { CountedCall } from './keeper';
import type { Journal } from './journal';

/**
 * How long a lease lasts: long for a fixed limit (an organization's), so that the next polling round
 * finds its slots; short for a limit that changes with peak hours or the user's activity (§5.2.1,
 * §5.4.1), which may fall meanwhile. Slots go back sooner when another tab needs them.
 */
export const LEASE_MS = { fixed: 120_000, varying: 2_000 } as const;
/** Slots neither used nor given back (their tab went away) are freed this long after their lease ended. */
const GRACE_MS = 30_000;

function leaseMs(method: CallRow['method'], c: Conditions): number {
  const budget = RULES[method][c.kind];
  const varies = budget.type === 'window' && (typeof budget.max !== 'number' || (budget.perFolder !== undefined && typeof budget.perFolder !== 'number'));
  return varies ? LEASE_MS.varying : LEASE_MS.fixed;
}

/** A slot's id: its lease's id and its index (the page schema's id alphabet has no other separator). */
const slotId = (lease: string, index: number): string => `${lease}-${index}`;

function parseSlot(id: string): { lease: string; index: number } | null {
  const cut = id.lastIndexOf('-');
  const index = Number(id.slice(cut + 1));
  return cut > 0 && Number.isInteger(index) && index >= 0 ? { lease: id.slice(0, cut), index } : null;
}

export class LeaseBook {
  /** Leases with slots still out, by id: rows of the calls table (`via: 'leased'`, `free`). */
  private readonly leases = new Map<string, CallRow>();
  private waiters: (() => void)[] = [];

  constructor(private readonly journal: Journal) {}

  /** A lease row read back with its mailbox's window (its free slots are stamps already). */
  loaded(row: CallRow): void {
    if (row.via === 'leased') this.leases.set(row.id, row);
  }

  forget(): void {
    this.leases.clear();
  }

  /** Up to half of what the call's budget has left, LEASE_MAX at most, counted now as slots. */
  grant(call: CountedCall, ledger: Ledger, c: Conditions, now: number): Lease | null {
    const ms = leaseMs(call.method, c);
    const n = Math.min(LEASE_MAX, Math.floor(headroom(call, ledger, c, now, ms) / 2));
    if (n <= 0) return null;
    const id = crypto.randomUUID();
    const row: CallRow = { id, mailbox: call.mailbox, method: call.method, at: now, units: [], via: 'leased', over: false, free: [], grantedWith: call.id };
    if (call.folder !== undefined) row.folder = call.folder;
    const stamp = call.folder === undefined ? { at: now, leased: true as const } : { at: now, folder: call.folder, leased: true as const };
    for (let i = 0; i < n; i++) {
      addStamp(ledger, call.method, stamp);
      row.free?.push(i);
    }
    this.leases.set(id, row);
    this.journal.putCall(row);
    return { slots: (row.free ?? []).map((i) => slotId(id, i)), ms };
  }

  /**
   * Takes a free slot out of its lease (used by `call`, or given back when `call` is absent) and
   * its stamp out of the ledger; false when the slot is not free (used, given back, freed, or
   * not a slot of this kind of call).
   */
  take(id: string, ledger: Ledger, call?: CountedCall): boolean {
    const slot = parseSlot(id);
    const row = slot ? this.leases.get(slot.lease) : undefined;
    if (!slot || !row || !row.free?.includes(slot.index)) return false;
    if (call && (row.mailbox !== call.mailbox || row.method !== call.method || row.folder !== call.folder)) return false;
    removeStamp(ledger, row.method, row.at, row.folder, true);
    const free = row.free.filter((i) => i !== slot.index);
    if (free.length === 0) {
      this.leases.delete(row.id);
      this.journal.deleteCall(row.id);
    } else {
      const next = { ...row, free };
      this.leases.set(row.id, next);
      this.journal.putCall(next);
    }
    this.wake();
    return true;
  }

  /**
   * The lease granted with this call's verdict, with its slots still free and the time it has
   * left: its decide came again because the answer was lost (a worker stopped), so its tab never
   * had it. Without this, its slots would be nobody's and keep their room until they are freed.
   */
  grantedWith(callId: string, c: Conditions, now: number): Lease | null {
    for (const row of this.leases.values()) {
      if (row.grantedWith !== callId) continue;
      const ms = row.at + leaseMs(row.method, c) - now;
      return ms > 0 && row.free?.length ? { slots: row.free.map((i) => slotId(row.id, i)), ms } : null;
    }
    return null;
  }

  /** A slot, or a ladder lease, came back: the calls waiting for room look again. */
  wake(): void {
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** The id of the lease a slot belongs to, when `id` is shaped like a slot's. */
  leaseOf(id: string): string | undefined {
    return parseSlot(id)?.lease;
  }

  /** A lease with slots still out, as this worker knows it. */
  row(lease: string): CallRow | undefined {
    return this.leases.get(lease);
  }

  /** Slots of this mailbox and method still out with tabs. */
  outstanding(mailbox: string, method: CallRow['method']): number {
    let n = 0;
    for (const row of this.leases.values()) if (row.mailbox === mailbox && row.method === method) n += row.free?.length ?? 0;
    return n;
  }

  /** Free slots of leases whose tab went away without giving them back. */
  abandoned(now: number): string[] {
    const old = [...this.leases.values()].filter((row) => row.at < now - LEASE_MS.fixed - GRACE_MS);
    return old.flatMap((row) => (row.free ?? []).map((i) => slotId(row.id, i)));
  }

  /** Resolves when a slot is used or given back (or a ladder lease: `wake`), or after `ms`. */
  moved(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, Math.max(0, ms));
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}
