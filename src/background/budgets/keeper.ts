// Keeps each mailbox's ledger in memory (loaded once per service-worker life from IndexedDB) so
// that a decision and the count it implies happen in one synchronous step: concurrent calls from
// several tabs cannot both take the last slot. Writes go through the journal's group commit.
import Dexie from 'dexie';
import { type CallUnits, type Conditions, type Verdict, decide, record } from '../../directive/engine';
import { DELETED_LADDER_RETENTION_MS, type LadderEntry, type Ledger, addStamp, emptyLedger, keptMs, ladderKey, ladderUntil, LADDER_RETENTION_MS, prune, pruneLadders, removeStamp, withoutLeases } from '../../directive/ledger';
import { DIRECTIVE_METHODS, type DirectiveMethod, WINDOW_MS } from '../../directive/rules';
import type { CompanionDB } from '../../store/db';
import { bucketOf, ofMessage, unpackLadders } from '../../store/packed';
import type { CallRow } from '../../store/schema';
import type { Journal } from './journal';
import { FirstSight, KIND_WAIT_MS } from './first-sight';
import { isLadderRow, LADDER_LEASE_KEPT_MS, LADDER_LEASED, LadderLeases } from './ladder-leases';
import { LeaseBook } from './leases';
import type { Lease } from '../../shared/messages';

export interface CountedCall extends CallUnits {
  readonly id: string;
  readonly mailbox: string;
}

/** What a call that waits for its verdict asks besides the verdict. */
export interface Ask {
  /** Sent again by the bridge after no answer: a worker stopped since may have counted it already. */
  readonly resent?: boolean;
  /** Lease the caller's tab a share of the budget when the call is allowed (leases.ts). */
  readonly lease?: boolean;
  /**
   * The mailbox's kind is not known yet: the conditions read again, and whether the kind is known
   * now, once a first GetMailbox answer on its way was read (first-sight.ts).
   */
  readonly relearn?: () => Promise<{ conditions: Conditions; kindKnown: boolean }>;
}

export interface KeeperOptions {
  /** Asks every tab to give back its leased slots (services.ts: a new value in storage.local). */
  readonly pressure?: () => void;
  /** A monotonic clock in ms for the waits (never the wall clock, which may jump). */
  readonly monotonic?: () => number;
}

export interface Decision {
  readonly verdict: Verdict;
  /** The call goes to the server (allowed, or over budget in observe mode). */
  readonly sent: boolean;
  /** Slots leased to the caller's tab with it (`ask.lease`). */
  readonly lease?: Lease;
}

/**
 * How long a call that would be held waits for slots out with tabs to come back once they were
 * asked for (a storage event to each bridge, a batch back): well inside the hook's verdict
 * timeout and the background's storage wait.
 */
const SLOT_WAIT_MS = 400;
/** A call held only by slots or a ladder lease out with tabs may ask again this soon (they are asked back at once). */
export const SLOTS_RETRY_MS = 5_000;
/** Tabs are asked for their slots at most this often (a burst of calls at the limit asks once). */
const PRESSURE_GAP_MS = 250;

/** Ids of recent calls kept in memory to answer outcomes and releases without a read. */
const LIVE_LIMIT = 4096;
/** Readings this much earlier than the latest one mean the clock went back (not just messages handled out of order). */
const CLOCK_BACK_SLACK_MS = 2_000;

export class BudgetKeeper {
  private readonly ledgers = new Map<string, Promise<Ledger>>();
  private readonly live = new Map<string, CallRow>();
  private readonly inflight = new Map<string, Promise<unknown>>();
  /** Ladder keys known to have no stored entry (new messages): no read for them again. */
  private readonly absent = new Set<string>();
  private readonly leases: LeaseBook;
  private readonly ladderLeases: LadderLeases;
  private readonly firstSight = new FirstSight();
  private readonly pressure: () => void;
  private readonly monotonic: () => number;
  /** The latest clock reading seen, and what a reload waits for (the journal's queued writes). */
  private latest = -Infinity;
  private settled: Promise<void> = Promise.resolve();

  /** When the tabs were last asked for their slots back. */
  private askedAt = -Infinity;

  constructor(
    private readonly open: () => CompanionDB,
    private readonly journal: Journal,
    options: KeeperOptions = {},
  ) {
    this.leases = new LeaseBook(journal);
    this.ladderLeases = new LadderLeases(journal, (mailbox, atLeast) => this.ladderKeysFrom(mailbox, atLeast), () => this.leases.wake());
    this.pressure = options.pressure ?? (() => undefined);
    this.monotonic = options.monotonic ?? (() => performance.now());
  }

  ledger(mailbox: string, now: number): Promise<Ledger> {
    this.noteClock(now);
    let p = this.ledgers.get(mailbox);
    if (!p) {
      p = this.load(mailbox, now);
      this.ledgers.set(mailbox, p);
      p.catch(() => this.ledgers.delete(mailbox));
    }
    return p;
  }

  /**
   * The clock went back (issue 6, case 4): the ledgers in memory were pruned up to the later
   * reading and may miss calls that the window of the earlier one holds again; IndexedDB still has
   * them (25 hours). Each ledger is read again once the writes already queued are committed.
   * Without this, a clock set a day ahead and then corrected reset every budget until the worker
   * was next stopped.
   */
  private noteClock(now: number): void {
    if (now < this.latest - CLOCK_BACK_SLACK_MS) {
      this.ledgers.clear();
      this.absent.clear();
      this.settled = this.journal.commit().catch(() => undefined);
      this.latest = now;
    } else if (now > this.latest) {
      this.latest = now;
    }
  }

  /** Hourly: drops ladders of long-gone messages from the ledgers in memory. */
  async pruneMemory(now: number): Promise<void> {
    for (const p of this.ledgers.values()) pruneLadders(await p, now);
  }

  /** Forget everything in memory (after a reset of the stored data). */
  forget(): void {
    this.ledgers.clear();
    this.live.clear();
    this.absent.clear();
    this.leases.forget();
    this.ladderLeases.forget();
    this.firstSight.forget();
  }

  /** Ladder entries of a mailbox touched in the last day (a waiting message waits a day at most). */
  async recentLadders(mailbox: string, now: number): Promise<[string, LadderEntry][]> {
    const since = now - WINDOW_MS.day;
    const rows = await this.open().ladderPacks.where('touched').above(since).filter((r) => r.mailbox === mailbox).toArray();
    const ledger = await this.ledger(mailbox, now);
    return rows.flatMap((r) => [...unpackLadders(r).values()])
      .filter((e) => e.last > since)
      .map((e) => [e.key, ledger.ladders.get(e.key) ?? { count: e.count, last: e.last, until: e.until }]);
  }

  /**
   * Decide-and-wait (enforce mode): a call that waits for its verdict. Held when over its budget;
   * otherwise counted in the same synchronous step as the decision, and the reply waits for the
   * commit. Before holding, it waits (bounded) for what may still let it go: the kind a new box's
   * first GetMailbox answer will tell, slots leased to tabs coming back.
   */
  decideAndWait(call: CountedCall, c: Conditions, now: number, ask: Ask = {}): Promise<Decision> {
    return this.once(call, c, now, { resent: ask.resent === true, lease: ask.lease === true }, async (ledger) => {
      let conditions = c;
      let kindUnknown = ask.relearn !== undefined;
      const judge = (): Verdict => decide(call, this.withReserved(call, ledger, now), conditions, now);
      let verdict = judge();
      // First sight of a box: a GetMailbox of it is on its way and will tell its kind.
      for (const until = this.monotonic() + KIND_WAIT_MS; !verdict.allowed && kindUnknown && ask.relearn && this.firstSight.pending(call.mailbox) && this.monotonic() < until; ) {
        await this.firstSight.wait(call.mailbox, until - this.monotonic());
        const learnt = await ask.relearn();
        conditions = learnt.conditions;
        kindUnknown = !learnt.kindKnown;
        verdict = judge();
      }
      // Held perhaps only because slots or a ladder lease are out with tabs: the tabs are asked
      // for them, and the call waits for them a little.
      const onlyLeases = (): boolean => decide(call, withoutLeases(ledger), conditions, now).allowed;
      for (const until = this.monotonic() + SLOT_WAIT_MS; !verdict.allowed && onlyLeases() && this.monotonic() < until; ) {
        this.askSlotsBack();
        await this.leases.moved(until - this.monotonic());
        verdict = judge();
      }
      // Still held only by them: they come back in a moment, and the page (whose hook keeps a
      // hold until its time) is told to ask again then, not at the window's end.
      if (!verdict.allowed && onlyLeases()) verdict = { ...verdict, retryAt: now + SLOTS_RETRY_MS };
      const sent = verdict.allowed;
      if (sent) {
        this.count(call, ledger, now, 'decided', false);
        if (kindUnknown && call.method === 'GetMailbox') this.firstSight.expect(call.mailbox);
      } else this.journal.count(call.mailbox, call.method, now, 'held');
      const lease = !ask.lease || !sent ? null : LadderLeases.covers(call) ? this.ladderLeases.grant(call, now) : this.grant(call, ledger, conditions, now);
      await this.journal.commit();
      return lease ? { verdict, sent, lease } : { verdict, sent };
    });
  }

  /**
   * Count-a-call-let-go: a call that went already (observe mode, or on a slot leased to its tab).
   * Counted, never held; an over-budget one is flagged. Committed by the caller (`commit()`), once
   * for a whole batch.
   */
  countLetGo(call: CountedCall, c: Conditions, now: number, resent = false, exception = false): Promise<Decision> {
    return this.once(call, c, now, { resent, lease: false }, async (ledger) => {
      const verdict = decide(call, ledger, c, now);
      this.count(call, ledger, now, 'decided', !verdict.allowed);
      // `exception`: the user let this one go from the page's banner (enforce mode, issue 12);
      // counted as theirs only when it was indeed over its limit.
      if (exception && !verdict.allowed) this.markException(call.id);
      return { verdict, sent: true };
    });
  }

  /** The answer of a GetMailbox was read (and its kind learnt, if it told one). */
  kindSettled(mailbox: string): void {
    this.firstSight.settled(mailbox);
  }

  /**
   * One decision per call id. A call already counted (sent again after a worker stop, or its
   * outcome came first) is let through again, never counted twice, with the lease its first
   * verdict brought if it asks for one (the tab never had that answer).
   */
  private once(call: CountedCall, c: Conditions, now: number, ask: { resent: boolean; lease: boolean }, decideNew: (ledger: Ledger) => Promise<Decision>): Promise<Decision> {
    const earlier = ask.resent ? this.inflight.get(call.id) : undefined;
    const work = (async (): Promise<Decision> => {
      if (ask.resent || this.live.has(call.id)) {
        await earlier?.catch(() => undefined);
        const known = this.live.get(call.id) ?? (await this.open().calls.get(call.id));
        if (known) {
          const ledger = await this.ledger(call.mailbox, now);
          const decision: Decision = { verdict: { ...decide(call, ledger, c, now), allowed: !known.over }, sent: true };
          const lease = ask.resent && ask.lease ? (this.ladderLeases.grantedWith(call.id, now) ?? this.leases.grantedWith(call.id, c, now)) : null;
          return lease ? { ...decision, lease } : decision;
        }
      }
      const ledger = await this.ledger(call.mailbox, now);
      await this.loadLadders(ledger, call);
      prune(ledger, now);
      return decideNew(ledger);
    })();
    this.track(call.id, work);
    return work;
  }

  /**
   * A call reached the server. Counted already when it was decided first; otherwise (it failed
   * open, or was a synchronous XHR) counted now — once, whatever the number of reports. Committed
   * by the caller (`commit()`).
   */
  async outcome(call: CountedCall, via: 'decided' | 'fail-open' | 'sync' | 'network', status: number, c: Conditions, now: number): Promise<void> {
    await this.inflight.get(call.id)?.catch(() => undefined);
    const known = this.live.get(call.id) ?? (await this.open().calls.get(call.id));
    if (known) {
      if (known.status !== status) this.journal.putCall({ ...known, status });
      this.live.set(call.id, { ...known, status });
    } else {
      const work = (async () => {
        const ledger = await this.ledger(call.mailbox, now);
        await this.loadLadders(ledger, call);
        prune(ledger, now);
        const over = !decide(call, ledger, c, now).allowed;
        this.count(call, ledger, now, via === 'decided' ? 'fail-open' : via, over, status);
      })();
      this.track(call.id, work);
      await work;
    }
    if (call.method === 'DeleteMessage' && status >= 200 && status < 300) await this.deleted(call, now);
  }

  /** The page gave up the call before it left: give its slot back. Committed by the caller. */
  async release(id: string, now: number): Promise<void> {
    // A leased slot given back (never a call: the hourly history never had it). Its lease is read
    // with its mailbox's window, perhaps by a worker started since it was leased.
    const lease = this.leases.leaseOf(id);
    const leaseRow = lease === undefined ? undefined : (this.ladderLeases.row(lease) ?? this.leases.row(lease) ?? (await this.open().calls.get(lease)));
    if (isLadderRow(leaseRow)) {
      this.ladderLeases.release(leaseRow);
      return;
    }
    if (leaseRow?.via === 'leased') {
      this.leases.take(id, await this.ledger(leaseRow.mailbox, now));
      return;
    }
    await this.uncount(id, now, (row) => row.status === undefined);
  }

  /**
   * A call the network layer counted that a hook's late report showed to be the hook's own
   * (network/reconcile.ts): it was counted twice, and this count goes. Committed by the caller.
   */
  withdraw(id: string, now: number): Promise<void> {
    return this.uncount(id, now, (row) => row.via === 'network');
  }

  private async uncount(id: string, now: number, may: (row: CallRow) => boolean): Promise<void> {
    await this.inflight.get(id)?.catch(() => undefined);
    const row = this.live.get(id) ?? (await this.open().calls.get(id));
    if (!row || !may(row)) return;
    const ledger = await this.ledger(row.mailbox, now);
    await this.loadLadders(ledger, row);
    removeStamp(ledger, row.method, row.at, row.folder);
    for (const unit of row.units) {
      const key = ladderKey(row.method, unit);
      const entry = ledger.ladders.get(key);
      if (!entry) continue;
      entry.count = Math.max(0, entry.count - 1);
      this.journal.putLadder({ mailbox: row.mailbox, key, count: entry.count, last: entry.last, until: untilOf(entry) });
    }
    this.live.delete(id);
    this.journal.deleteCall(id);
    this.journal.count(row.mailbox, row.method, row.at, 'calls', -1);
    if (row.over) this.journal.count(row.mailbox, row.method, row.at, 'over', -1);
  }

  /** Top-up: more slots for a tab that used most of its lease (committed with the caller's batch). */
  async topUp(call: CountedCall, c: Conditions, now: number): Promise<Lease | null> {
    const ledger = await this.ledger(call.mailbox, now);
    prune(ledger, now);
    return this.grant(call, ledger, c, now);
  }

  /**
   * A call used a leased slot: it takes the slot's place, at its own time. False when the slot is
   * not free (freed after its grace, or the data was reset): the call is then counted as a new one.
   * A call counted already (its outcome reached a new worker before the batch with its claim was
   * sent again) uses its slot up and is not counted again. Storage is read for that only when the
   * batch was sent again (`resent`): this worker counted anything else it knows of (`live`).
   */
  async claim(slot: string, call: CountedCall, now: number, resent = false): Promise<boolean> {
    await this.inflight.get(call.id)?.catch(() => undefined);
    const ledger = await this.ledger(call.mailbox, now);
    const ladder = this.ladderLeases.owns(slot);
    if (ladder) await this.loadLadders(ledger, call);
    const counted = this.live.has(call.id) || (resent && (await this.open().calls.get(call.id)) !== undefined);
    if (!(ladder ? this.ladderLeases.claim(slot, call, now) : this.leases.take(slot, ledger, call))) return false;
    if (counted) return true;
    prune(ledger, now);
    this.count(call, ledger, now, 'decided', false);
    return true;
  }

  /** Slots of a mailbox's method still leased to tabs (calls that may leave without asking). */
  leasedOut(mailbox: string, method: DirectiveMethod): number {
    return this.leases.outstanding(mailbox, method);
  }

  /** Resolves once every count made so far is in IndexedDB (a batch's single wait). */
  commit(): Promise<void> {
    return this.journal.commit();
  }

  private askSlotsBack(): void {
    const t = this.monotonic();
    if (t - this.askedAt < PRESSURE_GAP_MS) return;
    this.askedAt = t;
    this.pressure();
  }

  private grant(call: CountedCall, ledger: Ledger, c: Conditions, now: number): Lease | null {
    // Slots of tabs that went away without giving them back are freed first.
    for (const id of this.leases.abandoned(now)) this.leases.take(id, ledger);
    return this.leases.grant(call, ledger, c, now);
  }

  /**
   * The ledger a decision reads: each unit a live ladder lease may still use counts one call more
   * (ladder-leases.ts), so that no interleaving of tabs passes a message's free calls.
   */
  private withReserved(call: CountedCall, ledger: Ledger, now: number): Ledger {
    if (!LADDER_LEASED.has(call.method)) return ledger;
    const reserved = this.ladderLeases.reserved(call, now);
    if (call.units.every((u) => reserved(u) === 0)) return ledger;
    // `decide` reads the ladders of the call's own units only: those alone, raised.
    const ladders = new Map<string, LadderEntry>();
    for (const unit of call.units) {
      const key = ladderKey(call.method, unit);
      const entry = ledger.ladders.get(key);
      const extra = reserved(unit);
      if (extra > 0) ladders.set(key, { count: (entry?.count ?? 0) + extra, last: entry?.last ?? now, until: entry?.until });
      else if (entry) ladders.set(key, entry);
    }
    return { windows: ledger.windows, ladders };
  }

  /** Ladder keys of a box with at least this many calls: stored ones and those in memory (newer). */
  private async ladderKeysFrom(mailbox: string, atLeast: number): Promise<string[]> {
    const rows = await this.open().ladderPacks.where('[mailbox+bucket]').between([mailbox, Dexie.minKey], [mailbox, Dexie.maxKey]).toArray();
    const keys = new Set(rows.flatMap((r) => [...unpackLadders(r).values()]).filter((e) => e.count >= atLeast).map((e) => e.key));
    for (const [key, entry] of (await this.ledger(mailbox, this.latest)).ladders) if (entry.count >= atLeast) keys.add(key);
    return [...keys];
  }

  private track(id: string, work: Promise<unknown>): void {
    this.inflight.set(id, work);
    const done = () => {
      if (this.inflight.get(id) === work) this.inflight.delete(id);
    };
    work.then(done, done);
  }

  private count(call: CountedCall, ledger: Ledger, now: number, via: CallRow['via'], over: boolean, status?: number): void {
    record(call, ledger, now);
    const row: CallRow = { id: call.id, mailbox: call.mailbox, method: call.method, at: now, units: [...call.units], via, over };
    if (call.folder !== undefined) row.folder = call.folder;
    if (status !== undefined) row.status = status;
    this.remember(row);
    this.journal.putCall(row);
    for (const unit of call.units) {
      const key = ladderKey(call.method, unit);
      const entry = ledger.ladders.get(key);
      if (!entry) continue;
      // Kept until the platform has purged the message (§7.2.1), from this call's folder.
      entry.until = Math.max(entry.until ?? 0, ladderUntil(call.folder, now));
      this.journal.putLadder({ mailbox: call.mailbox, key, count: entry.count, last: entry.last, until: entry.until });
      this.ladderLeases.counted(call.mailbox, key, entry.count);
    }
    this.journal.count(call.mailbox, call.method, now, 'calls');
    if (over) this.journal.count(call.mailbox, call.method, now, 'over');
    if (via === 'fail-open') this.journal.count(call.mailbox, call.method, now, 'failOpen');
  }

  /** The call just counted is the user's exception: its row says so (the popup and the history count them). */
  private markException(id: string): void {
    const row = this.live.get(id);
    if (!row) return;
    const marked: CallRow = { ...row, exception: true };
    this.remember(marked);
    this.journal.putCall(marked);
  }

  private remember(row: CallRow): void {
    this.live.set(row.id, row);
    if (this.live.size > LIVE_LIMIT) {
      const oldest = this.live.keys().next().value;
      if (oldest !== undefined) this.live.delete(oldest);
    }
  }

  /**
   * A waking worker reads each method's own window only (an hour for most), so start-up costs
   * the same after a year of traffic as on day one. Ladders are read per message, on demand.
   */
  private async load(mailbox: string, now: number): Promise<Ledger> {
    await this.settled;
    const d = this.open();
    const ledger = emptyLedger();
    const windowed = DIRECTIVE_METHODS.filter((m) => keptMs(m) > 0);
    const since = (m: DirectiveMethod): number => (LADDER_LEASED.has(m) ? now - LADDER_LEASE_KEPT_MS : now - keptMs(m));
    const lists = await d.transaction('r', d.calls, () =>
      Promise.all([...windowed, ...LADDER_LEASED].map((m) => d.calls.where('[mailbox+method+at]').between([mailbox, m, since(m)], [mailbox, m, Dexie.maxKey], false, true).toArray())),
    );
    for (const row of lists.flat()) {
      if (LADDER_LEASED.has(row.method)) {
        if (row.via === 'leased') this.ladderLeases.loaded(row);
        continue;
      }
      const leased = row.via === 'leased';
      const stamp = { at: row.at, ...(row.folder === undefined ? {} : { folder: row.folder }), ...(leased ? { leased: true as const } : {}) };
      // A lease row holds one stamp per slot still free.
      for (let i = 0, n = leased ? (row.free?.length ?? 0) : 1; i < n; i++) addStamp(ledger, row.method, stamp);
      this.leases.loaded(row);
    }
    return ledger;
  }

  /** Brings the ladder entries a call needs into memory (entries already there are newer): one row per message's bucket. */
  private async loadLadders(ledger: Ledger, call: { mailbox: string; method: DirectiveMethod; units: readonly string[] }): Promise<void> {
    const missing = call.units.filter((u) => {
      const k = ladderKey(call.method, u);
      return !ledger.ladders.has(k) && !this.absent.has(`${call.mailbox}|${k}`);
    });
    if (missing.length === 0) return;
    const buckets = [...new Set(missing.map(bucketOf))];
    const rows = await this.open().ladderPacks.bulkGet(buckets.map((b): [string, number] => [call.mailbox, b]));
    const stored = new Map(buckets.map((b, i) => [b, unpackLadders(rows[i])]));
    for (const unit of missing) {
      const key = ladderKey(call.method, unit);
      const row = stored.get(bucketOf(unit))?.get(key);
      if (ledger.ladders.has(key)) continue;
      if (row) ledger.ladders.set(key, { count: row.count, last: row.last, until: row.until });
      else this.absent.add(`${call.mailbox}|${key}`);
    }
  }

  /**
   * A deletion the server accepted (§5.4.4): the messages are gone, so their ladders (every method,
   * every attachment) are kept one more day only, in memory and in storage.
   */
  private async deleted(call: CountedCall, now: number): Promise<void> {
    const until = now + DELETED_LADDER_RETENTION_MS;
    const ledger = await this.ledger(call.mailbox, now);
    for (const id of call.units) {
      for (const [key, entry] of ledger.ladders) if (ofMessage(key, id)) entry.until = Math.min(untilOf(entry), until);
      this.journal.messageGone(call.mailbox, id, until);
    }
  }
}

const untilOf = (e: LadderEntry): number => e.until ?? e.last + LADDER_RETENTION_MS;
