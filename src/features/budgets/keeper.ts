// Keeps each mailbox's ledger in memory (loaded once per service-worker life from IndexedDB) so
// that a decision and the count it implies happen in one synchronous step: concurrent calls from
// several tabs cannot both take the last slot. Writes go through the journal's group commit.
import Dexie from 'dexie';
import { type CallUnits, type Conditions, type Verdict, decide, record } from '../../directive/engine';
import { type Ledger, addStamp, emptyLedger, ladderKey, prune, removeStamp } from '../../directive/ledger';
import { WINDOW_MS } from '../../directive/rules';
import type { CompanionDB } from '../../store/db';
import type { CallRow } from '../../store/schema';
import type { Journal } from './journal';

export interface CountedCall extends CallUnits {
  readonly id: string;
  readonly mailbox: string;
}

export interface Decision {
  readonly verdict: Verdict;
  /** The call goes to the server (allowed, or over budget in observe mode). */
  readonly sent: boolean;
}

/** Ids of recent calls kept in memory to answer outcomes and releases without a read. */
const LIVE_LIMIT = 4096;

export class BudgetKeeper {
  private readonly ledgers = new Map<string, Promise<Ledger>>();
  private readonly live = new Map<string, CallRow>();
  private readonly inflight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly open: () => CompanionDB,
    private readonly journal: Journal,
  ) {}

  ledger(mailbox: string, now: number): Promise<Ledger> {
    let p = this.ledgers.get(mailbox);
    if (!p) {
      p = this.load(mailbox, now);
      this.ledgers.set(mailbox, p);
      p.catch(() => this.ledgers.delete(mailbox));
    }
    return p;
  }

  /** Forget everything in memory (after a reset of the stored data). */
  forget(): void {
    this.ledgers.clear();
    this.live.clear();
  }

  /** Decides a call and, when it will be sent, counts it in the same synchronous step. */
  decide(call: CountedCall, c: Conditions, enforce: boolean, now: number): Promise<Decision> {
    const work = (async (): Promise<Decision> => {
      const ledger = await this.ledger(call.mailbox, now);
      prune(ledger, now);
      const verdict = decide(call, ledger, c, now);
      const sent = verdict.allowed || !enforce;
      if (sent) this.count(call, ledger, now, 'decided', !verdict.allowed);
      else this.journal.count(call.mailbox, call.method, now, 'held');
      await this.journal.commit();
      return { verdict, sent };
    })();
    this.track(call.id, work);
    return work;
  }

  /**
   * A call reached the server. Counted already when it was decided first; otherwise (it failed
   * open, or was a synchronous XHR) counted now — once, whatever the number of reports.
   */
  async outcome(call: CountedCall, via: 'decided' | 'fail-open' | 'sync', status: number, c: Conditions, now: number): Promise<void> {
    await this.inflight.get(call.id)?.catch(() => undefined);
    const known = this.live.get(call.id) ?? (await this.open().calls.get(call.id));
    if (known) {
      if (known.status !== status) this.journal.putCall({ ...known, status });
      this.live.set(call.id, { ...known, status });
      await this.journal.commit();
      return;
    }
    const work = (async () => {
      const ledger = await this.ledger(call.mailbox, now);
      prune(ledger, now);
      const over = !decide(call, ledger, c, now).allowed;
      this.count(call, ledger, now, via === 'decided' ? 'fail-open' : via, over, status);
      await this.journal.commit();
    })();
    this.track(call.id, work);
    await work;
  }

  /** The page gave up the call before it left: give its slot back. */
  async release(id: string, now: number): Promise<void> {
    await this.inflight.get(id)?.catch(() => undefined);
    const row = this.live.get(id) ?? (await this.open().calls.get(id));
    if (!row || row.status !== undefined) return;
    const ledger = await this.ledger(row.mailbox, now);
    removeStamp(ledger, row.method, row.at, row.folder);
    for (const unit of row.units) {
      const key = ladderKey(row.method, unit);
      const entry = ledger.ladders.get(key);
      if (!entry) continue;
      entry.count = Math.max(0, entry.count - 1);
      this.journal.putLadder({ key: `${row.mailbox}|${key}`, mailbox: row.mailbox, count: entry.count, last: entry.last });
    }
    this.live.delete(id);
    this.journal.deleteCall(id);
    this.journal.count(row.mailbox, row.method, row.at, 'calls', -1);
    if (row.over) this.journal.count(row.mailbox, row.method, row.at, 'over', -1);
    await this.journal.commit();
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
      if (entry) this.journal.putLadder({ key: `${call.mailbox}|${key}`, mailbox: call.mailbox, count: entry.count, last: entry.last });
    }
    this.journal.count(call.mailbox, call.method, now, 'calls');
    if (over) this.journal.count(call.mailbox, call.method, now, 'over');
    if (via === 'fail-open') this.journal.count(call.mailbox, call.method, now, 'failOpen');
  }

  private remember(row: CallRow): void {
    this.live.set(row.id, row);
    if (this.live.size > LIVE_LIMIT) {
      const oldest = this.live.keys().next().value;
      if (oldest !== undefined) this.live.delete(oldest);
    }
  }

  private async load(mailbox: string, now: number): Promise<Ledger> {
    const d = this.open();
    const ledger = emptyLedger();
    const [calls, ladders] = await d.transaction('r', [d.calls, d.ladders], () =>
      Promise.all([
        d.calls.where('[mailbox+at]').between([mailbox, now - WINDOW_MS.day], [mailbox, Dexie.maxKey]).toArray(),
        d.ladders.where('mailbox').equals(mailbox).toArray(),
      ]),
    );
    for (const row of calls) addStamp(ledger, row.method, row.folder === undefined ? { at: row.at } : { at: row.at, folder: row.folder });
    for (const row of ladders) ledger.ladders.set(row.key.slice(mailbox.length + 1), { count: row.count, last: row.last });
    return ledger;
  }
}
