// Slots of window budgets leased to this tab in enforce mode (background/budgets/leases.ts): while
// the tab holds one for a kind of call (mailbox, method, folder), such a call goes at once, and the
// background counts it in the slot's place. Until they go back the slots count against the budget
// for every tab: a lease about to end gives back what is left; every lease goes back when the
// background asks (another tab needs the room, the settings changed) and when the page goes away.
// A ladder lease (`except`) is one slot that covers one call per message or attachment, except
// those it names (background/budgets/ladder-leases.ts): an opening, a move or a deletion.
import type { ApiCall } from '../directive/routes';
import { callUnits } from '../directive/units';
import { type Lease, LEASE_MAX, ladderLeasable, leaseKind, leaseRunsLow } from '../shared/messages';

/** Stop using a lease this long before the background's end of it: a slot is never used late. */
export const MARGIN_MS = 200;

interface Held {
  readonly slots: string[];
  readonly until: number;
  /** A ladder lease: the units it does not cover, and those it was used on. */
  readonly ladder?: { readonly except: ReadonlySet<string>; readonly used: Set<string> };
}

export class Leases {
  private readonly held = new Map<string, Held[]>();
  /** Kinds that ran low since their last lease came (more are asked for early once), or whose last lease was short. */
  private readonly low = new Set<string>();

  constructor(
    /** A monotonic clock. */
    private readonly now: () => number,
    private readonly later: (task: () => void, ms: number) => void,
    private readonly giveBack: (slots: string[]) => void,
  ) {}

  add(call: ApiCall, lease: Lease): void {
    const kind = leaseKind(call);
    const ms = Math.max(0, lease.ms - MARGIN_MS);
    const list = this.held.get(kind) ?? [];
    const ladder = lease.except ? { except: new Set(lease.except), used: new Set<string>() } : undefined;
    list.push({ slots: [...lease.slots], until: this.now() + ms, ...(ladder ? { ladder } : {}) });
    this.held.set(kind, list);
    this.later(() => this.expire(kind, true), ms);
    if (ladder) return;
    // A short lease says the budget is nearly spent: asking early for more, call after call, would
    // send a batch per call for a slot or two. The next regular batch asks instead.
    if (lease.slots.length < LEASE_MAX / 2) this.low.add(kind);
    else this.low.delete(kind);
  }

  /**
   * A slot for this call, how many the tab still holds for its kind, and whether that just fell
   * below half a lease (the background leases more on seeing it); null when it holds none.
   */
  take(call: ApiCall, messageIds?: readonly string[]): { slot: string; left: number; low: boolean } | null {
    const kind = leaseKind(call);
    this.expire(kind);
    const list = this.held.get(kind);
    const ladder = list?.find((h) => h.ladder);
    if (ladder) return this.takeLadder(ladder, call, messageIds);
    const slot = list?.find((h) => h.slots.length > 0)?.slots.shift();
    if (slot === undefined || !list) return null;
    const left = list.reduce((n, h) => n + h.slots.length, 0);
    const low = leaseRunsLow(left) && !this.low.has(kind);
    if (low) this.low.add(kind);
    return { slot, left, low };
  }

  /**
   * The ladder lease's slot, once per unit it covers (a move or a deletion names several: each
   * once, none excluded); never low (it is leased again when it ends).
   */
  private takeLadder(held: Held, call: ApiCall, messageIds?: readonly string[]): { slot: string; left: number; low: boolean } | null {
    const units = callUnits(call, messageIds)?.units ?? [];
    const slot = held.slots[0];
    if (!held.ladder || slot === undefined || !ladderLeasable(units)) return null;
    const { except, used } = held.ladder;
    if (units.some((u) => except.has(u) || used.has(u))) return null;
    for (const u of units) used.add(u);
    return { slot, left: LEASE_MAX, low: false };
  }

  /** Gives back every slot of the kinds `which` accepts (all by default). */
  drop(which: (kind: string) => boolean = () => true): void {
    for (const [kind, list] of this.held) {
      if (!which(kind)) continue;
      this.held.delete(kind);
      this.giveBackAll(list);
    }
  }

  private expire(kind: string, timer = false): void {
    const list = this.held.get(kind);
    if (!list) return;
    const t = this.now();
    const [ended, current] = [list.filter((h) => h.until <= t), list.filter((h) => h.until > t)];
    this.giveBackAll(ended);
    if (current.length > 0) this.held.set(kind, current);
    else this.held.delete(kind);
    // A timer that fired a little early: look again when the next lease ends.
    const next = Math.min(...current.map((h) => h.until));
    if (timer && ended.length === 0 && Number.isFinite(next)) this.later(() => this.expire(kind, true), next - t);
  }

  private giveBackAll(list: readonly Held[]): void {
    const slots = list.flatMap((h) => h.slots);
    if (slots.length > 0) this.giveBack(slots);
  }
}
