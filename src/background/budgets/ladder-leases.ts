// Ladder leases (issue 17): enforce mode lets a tab open a message or an attachment, move messages
// or delete them, on its lease without asking — one call per message (or attachment), for a while.
// Such a call goes at once (src/bridge/leases.ts) and is counted when the tab's next batch says so.
//
// Why it stays within the ladder (§5.4.2, §5.5.1: a message's first six calls are free): there is
// one live ladder lease per box and method at a time, and until it ends, each message it may still
// be used on counts one call more for every other decision (`reserved`). A message already at five
// calls or more when the lease is granted is named in it as excluded: the tab asks for those. So
// whatever the interleaving of tabs, a message's calls stay within its six free ones.
import { LADDER, type DirectiveMethod } from '../../directive/rules';
import { ladderKey } from '../../directive/ledger';
import { LADDER_EXCLUDED_MAX, ladderLeasable, type Lease } from '../../shared/messages';
import type { CallRow } from '../../store/schema';
import type { CountedCall } from './keeper';
import type { Journal } from './journal';
import { LEASE_MS } from './leases';

/**
 * Per-message ladders whose units the page knows before the call leaves: in the route, or in the
 * body of a move or a deletion, which the hook reads (src/directive/units.ts).
 */
export const LADDER_LEASED: ReadonlySet<DirectiveMethod> = new Set(['GetMessage', 'GetAttachment', 'MoveMessage', 'DeleteMessage']);
/** A lease's claims may still come this long after it ended (a batch delayed, a worker woken). */
const GRACE_MS = 30_000;
/** How long a ladder lease's row is read back by a woken worker: until its last claim may come. */
export const LADDER_LEASE_KEPT_MS = LEASE_MS.fixed + GRACE_MS;
/** A unit with this many calls is excluded (the tab asks): its last free call is never kept from the other tabs by a reservation. */
const NEAR = LADDER.free - 1;

/** A ladder lease: a calls row (`via: 'leased'`) whose `units` are those its tab used it on. */
type LadderRow = CallRow & { except: string[] };

export const isLadderRow = (row: CallRow | undefined): row is LadderRow => row?.via === 'leased' && Array.isArray(row.except);

/** A live lease's units as sets: a decision looks units up in lists of up to LADDER_EXCLUDED_MAX. */
interface Units {
  readonly except: ReadonlySet<string>;
  readonly used: Set<string>;
}

export class LadderLeases {
  private readonly live = new Map<string, LadderRow>();
  private readonly units = new Map<string, Units>();
  /** Per box, the ladder keys at NEAR calls or more, once read from storage (`near` is handed them). */
  private readonly near = new Map<string, Set<string>>();
  private readonly reading = new Map<string, Promise<void>>();

  constructor(
    private readonly journal: Journal,
    /** Every stored ladder entry of a box with NEAR calls or more. */
    private readonly readNear: (mailbox: string, atLeast: number) => Promise<string[]>,
    /** A lease went back: calls held only by its reservation look again. */
    private readonly released: () => void,
  ) {}

  /** A call a ladder lease can cover: its units named, each once. */
  static covers(call: CountedCall): boolean {
    return LADDER_LEASED.has(call.method) && ladderLeasable(call.units);
  }

  /** A lease row read back with its mailbox's window (a worker woken since it was granted). */
  loaded(row: CallRow): void {
    if (isLadderRow(row)) this.keep(row);
  }

  /** A live lease, as this worker knows it. */
  row(lease: string): LadderRow | undefined {
    return this.live.get(lease);
  }

  forget(): void {
    this.live.clear();
    this.units.clear();
    this.near.clear();
    this.reading.clear();
  }

  /** One more call was counted on a unit (the keeper's `count`): past NEAR, later leases exclude it. */
  counted(mailbox: string, key: string, count: number): void {
    if (count >= NEAR) this.near.get(mailbox)?.add(key);
  }

  /** For the decisions of other calls: how many calls a live lease may still make on each unit. */
  reserved(call: CountedCall, now: number): (unit: string) => number {
    const row = this.current(call.mailbox, call.method, now);
    const units = row && this.units.get(row.id);
    if (!units) return () => 0;
    return (unit) => (units.except.has(unit) || units.used.has(unit) ? 0 : 1);
  }

  /** A lease for the tab of a call just allowed, when none is live for its box and method. */
  grant(call: CountedCall, now: number): Lease | null {
    if (!LadderLeases.covers(call) || this.current(call.mailbox, call.method, now)) return null;
    const near = this.near.get(call.mailbox);
    if (!near) {
      // Read once per box and worker, off this call's path: the next call may be leased.
      this.near.set(call.mailbox, new Set());
      this.reading.set(call.mailbox, this.read(call.mailbox));
      return null;
    }
    if (this.reading.has(call.mailbox)) return null;
    const prefix = ladderKey(call.method, '');
    const except = [...near].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
    if (except.length > LADDER_EXCLUDED_MAX) return null;
    const row: LadderRow = { id: crypto.randomUUID(), mailbox: call.mailbox, method: call.method, at: now, units: [], via: 'leased', over: false, free: [0], except, grantedWith: call.id };
    this.keep(row);
    this.journal.putCall(row);
    return { slots: [`${row.id}-0`], ms: LEASE_MS.fixed, except };
  }

  /** The lease granted with this call's verdict, for its decide sent again (leases.ts, `grantedWith`). */
  grantedWith(callId: string, now: number): Lease | null {
    for (const row of this.live.values()) {
      if (row.grantedWith !== callId) continue;
      const ms = row.at + LEASE_MS.fixed - now;
      return ms > 0 ? { slots: [`${row.id}-0`], ms, except: row.except } : null;
    }
    return null;
  }

  /** A call went on the lease: true when the lease covers it, and then its units are used up. */
  claim(slot: string, call: CountedCall, now: number): boolean {
    const row = this.live.get(leaseOf(slot));
    const units = row && this.units.get(row.id);
    if (!row || !units || !LadderLeases.covers(call) || now > ended(row)) return false;
    if (row.mailbox !== call.mailbox || row.method !== call.method || call.units.some((u) => units.except.has(u) || units.used.has(u))) return false;
    for (const u of call.units) units.used.add(u);
    const next = { ...row, units: [...row.units, ...call.units] };
    this.live.set(row.id, next);
    this.journal.putCall(next);
    return true;
  }

  /** The tab gave the lease back (it ended, or the background asked): it reserves nothing more. */
  release(row: CallRow): void {
    this.live.delete(row.id);
    this.units.delete(row.id);
    this.journal.deleteCall(row.id);
    this.released();
  }

  /** Whether a slot id belongs to a live ladder lease. */
  owns(slot: string): boolean {
    return this.live.has(leaseOf(slot));
  }

  private keep(row: LadderRow): void {
    this.live.set(row.id, row);
    this.units.set(row.id, { except: new Set(row.except), used: new Set(row.units) });
  }

  private current(mailbox: string, method: DirectiveMethod, now: number): LadderRow | undefined {
    for (const row of this.live.values()) {
      if (now > ended(row)) this.release(row);
      else if (row.mailbox === mailbox && row.method === method) return row;
    }
    return undefined;
  }

  /** Counts made while reading are noted in the set already there (`counted`). */
  private async read(mailbox: string): Promise<void> {
    try {
      const keys = await this.readNear(mailbox, NEAR);
      const near = this.near.get(mailbox);
      for (const key of keys) near?.add(key);
    } catch {
      this.near.delete(mailbox);
    } finally {
      this.reading.delete(mailbox);
    }
  }
}

const ended = (row: CallRow): number => row.at + LADDER_LEASE_KEPT_MS;
const leaseOf = (slot: string): string => slot.slice(0, Math.max(0, slot.lastIndexOf('-')));
