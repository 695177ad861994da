// What the §5.7 rule needs to know about each box, kept in session storage: it lives as long as
// the web application's in-memory copies do (the browser session), survives service-worker stops,
// and holds only times, counts and folder names. Also counts the listings of the last 24 hours,
// and the unnecessary ones, for the popup's advice.
import { type MailboxCheck, type PollingFacts, listingUnnecessary } from '../../directive/polling';
import { type OutcomeEvent, type SessionValue, isOk } from '../kit/host';

interface BoxPolling {
  check: MailboxCheck | null;
  listed: Record<string, number>;
  changedAt: number | null;
  /** Times of the listings, and of the unnecessary ones, in the last 24 hours. */
  listings: number[];
  unnecessary: number[];
}

export type PollingState = Record<string, BoxPolling>;

export interface PollingAdvice {
  readonly listings: number;
  readonly unnecessary: number;
}

const DAY_MS = 86_400_000;
const CHANGES = new Set(['MoveMessage', 'DeleteMessage', 'Publish']);
/** Calls whose answer may make the next listing necessary: a new GetMailbox, or a change. */
const MAY_CHANGE = new Set(['GetMailbox', 'MoveMessage', 'DeleteMessage', 'Publish']);
/**
 * How long a call let go may still be on its way. Its outcome reaches the background after the app
 * already has the answer, and the app may list at once: until then the facts are not known.
 */
const IN_FLIGHT_MS = 30_000;
/**
 * An unchanged GetMailbox answer, and listings, are written at most this often per mailbox (an
 * organization may ask 60 times an hour, §5.2.1, and list 240 times, §5.4.1). A change is written at once.
 */
const WRITE_MS = 60_000;
const empty = (): BoxPolling => ({ check: null, listed: {}, changedAt: null, listings: [], unnecessary: [] });
const recent = (times: number[], now: number): number[] => times.filter((at) => at > now - DAY_MS);
const factsOf = (box: BoxPolling, folder: string): PollingFacts => ({ check: box.check, listedAt: box.listed[folder] ?? null, changedAt: box.changedAt });

export class PollingMemory {
  private state: Promise<PollingState> | null = null;
  /** Per mailbox, when the last call of MAY_CHANGE was let go and its outcome not yet read. */
  private readonly inFlight = new Map<string, number>();
  /** Per mailbox, when an unchanged GetMailbox check, or a listing, was last written. */
  private readonly checkWritten = new Map<string, number>();
  private readonly listingsWritten = new Map<string, number>();
  /** Updates run one after the other: two outcomes must not both read the old state. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: SessionValue<PollingState>) {}

  /** A call is about to leave: one that may change the facts makes them unknown until its outcome. */
  leaving(mailbox: string, method: string, now: number): void {
    if (MAY_CHANGE.has(method)) this.inFlight.set(mailbox, now);
  }

  async facts(mailbox: string, folder: string, now: number): Promise<PollingFacts> {
    await this.queue;
    const box = (await this.load())[mailbox] ?? empty();
    const leftAt = this.inFlight.get(mailbox);
    return leftAt !== undefined && now - leftAt < IN_FLIGHT_MS ? { ...factsOf(box, folder), check: null } : factsOf(box, folder);
  }

  async advice(mailbox: string, now: number): Promise<PollingAdvice> {
    const box = (await this.load())[mailbox] ?? empty();
    return { listings: recent(box.listings, now).length, unnecessary: recent(box.unnecessary, now).length };
  }

  readonly observe = (e: OutcomeEvent): Promise<void> => {
    const { method, folder } = e.call;
    if (MAY_CHANGE.has(method)) this.inFlight.delete(e.mailbox);
    if (!isOk(e.status)) return Promise.resolve();
    if (method === 'GetMailbox' && e.info?.kind === 'mailbox') {
      const { currentSize, unread } = e.info.info;
      return this.update(e.mailbox, (box) => {
        const same = box.check !== null && box.check.currentSize === currentSize && box.check.unread === unread;
        box.check = { at: e.at, currentSize, unread };
        // The same answer again only moves the check's time: kept in memory, written once a
        // minute. A restarted worker then sees an older check, which only expires sooner.
        return this.written(this.checkWritten, e.mailbox, e.at, !same);
      });
    }
    if (method === 'ListMessages' && folder !== undefined) {
      return this.update(e.mailbox, (box) => {
        if (listingUnnecessary(factsOf(box, folder), e.at)) {
          box.unnecessary = [...recent(box.unnecessary, e.at), e.at];
        }
        box.listings = [...recent(box.listings, e.at), e.at];
        box.listed[folder] = e.at;
        // Written once a minute at most: a restarted worker that misses a listing sees an older
        // (or no) listing of the folder, which can only keep a listing from being judged unnecessary.
        return this.written(this.listingsWritten, e.mailbox, e.at);
      });
    }
    if (!CHANGES.has(method)) return Promise.resolve();
    return this.update(e.mailbox, (box) => {
      box.changedAt = e.at;
    });
  };

  private load(): Promise<PollingState> {
    this.state ??= this.store.get().then((s) => s ?? {}, () => ({}));
    return this.state;
  }

  /** Whether to write now: at once when `urgent`, else once a minute per mailbox (WRITE_MS). */
  private written(last: Map<string, number>, mailbox: string, at: number, urgent = false): boolean {
    const before = last.get(mailbox) ?? -Infinity;
    if (!urgent && at >= before && at - before < WRITE_MS) return false;
    last.set(mailbox, at);
    return true;
  }

  /** `change` returns false when its change need not be written now (memory is enough). */
  private update(mailbox: string, change: (box: BoxPolling) => boolean | void): Promise<void> {
    const work = this.queue.then(async () => {
      const state = await this.load();
      const box = state[mailbox] ?? empty();
      const write = change(box) !== false;
      state[mailbox] = box;
      if (write) await this.store.set(state);
    });
    this.queue = work.catch(() => undefined);
    return work;
  }
}
