// Pairs what the browser's network layer saw with what the page hooks reported, so that each
// request to a recognised route is counted exactly once: by the hook's path when a hook saw it, here
// ("not seen by the page") when none did — a worker, a beacon, an image, a form, an EventSource, a
// frame the hook could not reach. Pure: no browser API; the clock and the count are injected.
//
// Timing (ARCHITECTURE.md, "The path of one API call"): in enforce mode a decide reaches the
// background before its request leaves; in observe mode, or on a leased slot, the hook's report
// comes in its tab's next batch (200 ms, later when the worker was stopped or the tab closed). So a
// request the network saw waits `holdMs` for a report before it is counted, and a report waits
// `holdMs` for its request. On a loaded machine either may come later still: for `lateMs` more, a
// late report withdraws the count its request got meanwhile, and a late request pairs with the
// report it came after. Pairing never loses a count: the keeper counts every report once.
import type { ApiCall } from '../../directive/routes';
import { keysCovering } from './patterns';

export interface SeenRequest {
  readonly requestId: string;
  /** −1 for a request of no tab (a service worker, some workers). */
  readonly tabId: number;
  readonly frameId: number;
  readonly call: ApiCall;
  /** Ids a batch body names (recover, trash, delete multiple), when it could be read. */
  readonly messageIds?: string[];
}

/** What became of a request: its HTTP status, `error` (may have reached the server), `blocked` (never left). */
export type Settled = number | 'error' | 'blocked';

export interface ReconcilerOptions {
  /** Monotonic milliseconds. */
  readonly now: () => number;
  /** A request no hook reported, counted once (status 0: none known). */
  readonly count: (request: SeenRequest, status: number) => void;
  /** A request counted here whose hook's report came late: the hook's count stands, this one goes. */
  readonly withdraw: (request: SeenRequest) => void;
  /** A hook's call met its request: it left (enforce mode may now block what follows). */
  readonly paired?: (call: ApiCall) => void;
  /** How long a request waits for a hook's report, and a report for its request. */
  readonly holdMs?: number;
  /** A request still in flight after this long (a stream) is counted without its status. */
  readonly maxWaitMs?: number;
  /** How long after its hold a request or report may still pair, late. */
  readonly lateMs?: number;
  /** Requests and reports kept at most, each; beyond, the oldest goes first (counted, or dropped). */
  readonly limit?: number;
}

interface Pending extends SeenRequest {
  readonly key: string;
  readonly at: number;
  settled?: Settled;
}

interface Report {
  readonly hookId: string;
  readonly call: ApiCall;
  readonly frameId: number;
  readonly at: number;
}

export const HOLD_MS = 3_000;
export const LATE_MS = 60_000;
const MAX_WAIT_MS = 60_000;
const LIMIT = 4_000;

/**
 * The canonical call a hook and the network both name: tab, method, box, folder and unit. A batch
 * is keyed without its ids (the hook and the network may read its body differently).
 */
export function callKey(tabId: number, call: ApiCall): string {
  const unit = call.batch ? '' : [call.messageId, call.attachmentKey, call.outOfOfficeId].map((x) => x ?? '').join('/');
  return [tabId, call.method, call.accessKey ?? '', call.folder ?? '', unit].join('|');
}

export class Reconciler {
  private readonly pending = new Map<string, Pending>();
  private readonly reports = new Map<string, Report[]>();
  /** Past their hold: requests counted here and reports that met no request, by key, oldest first. */
  private readonly countedLate = new Map<string, Pending[]>();
  private readonly reportedLate = new Map<string, Report[]>();
  /** Hook call ids already taken in (a decide and its outcome are one call): id → key. */
  private readonly known = new Map<string, string>();
  private readonly holdMs: number;
  private readonly lateMs: number;
  private readonly maxWaitMs: number;
  private readonly limit: number;

  constructor(private readonly o: ReconcilerOptions) {
    this.holdMs = o.holdMs ?? HOLD_MS;
    this.lateMs = o.lateMs ?? LATE_MS;
    this.maxWaitMs = o.maxWaitMs ?? MAX_WAIT_MS;
    this.limit = o.limit ?? LIMIT;
  }

  /**
   * A hook reported a call that went (or goes) to the server; a call id is taken once. `before`: a
   * decide waiting for its verdict, whose request can only come after it — a request counted
   * already is then another one (a worker's) and keeps its count.
   */
  hookReported(tabId: number, frameId: number, hookId: string, call: ApiCall, before = false): void {
    if (this.known.has(hookId)) return;
    const key = callKey(tabId, call);
    this.remember(hookId, key);
    const match = this.pick([...this.pending.values()].filter((p) => p.key === key), frameId);
    if (match) {
      this.pending.delete(match.requestId);
      this.o.paired?.(call);
      return;
    }
    const counted = before ? undefined : this.takeFrom(this.countedLate, key, frameId);
    if (counted) {
      const { key: _key, at: _at, settled: _settled, ...request } = counted;
      this.o.withdraw(request);
      this.o.paired?.(call);
      return;
    }
    const list = this.reports.get(key) ?? [];
    list.push({ hookId, call, frameId, at: this.o.now() });
    this.reports.set(key, list);
    if (this.reportCount() > this.limit) this.dropOldestReport();
  }

  /** The page gave the call up before it left: its report pairs with nothing. */
  hookReleased(hookId: string): void {
    const key = this.known.get(hookId);
    if (key === undefined) return;
    for (const map of [this.reports, this.reportedLate]) {
      const rest = map.get(key)?.filter((r) => r.hookId !== hookId) ?? [];
      if (rest.length > 0) map.set(key, rest);
      else map.delete(key);
    }
  }

  /** The network layer saw a request to a recognised route leave. */
  seen(request: SeenRequest): void {
    if (this.pending.has(request.requestId)) return;
    const key = callKey(request.tabId, request.call);
    const report = this.takeFrom(this.reports, key, request.frameId) ?? this.takeFrom(this.reportedLate, key, request.frameId);
    if (report) {
      this.o.paired?.(report.call);
      return;
    }
    this.pending.set(request.requestId, { ...request, key, at: this.o.now() });
    if (this.pending.size > this.limit) {
      const oldest = this.pending.values().next().value;
      if (oldest) this.finish(oldest);
    }
  }

  /** The request was answered or failed. A request the browser blocked never reached the server. */
  settled(requestId: string, how: Settled): void {
    const p = this.pending.get(requestId);
    if (!p) return;
    if (how === 'blocked') this.pending.delete(requestId);
    else p.settled = how;
  }

  /** Counts the requests whose wait is over; returns the ms until the next one is due (null: none). */
  sweep(): number | null {
    const now = this.o.now();
    let next: number | null = null;
    for (const p of [...this.pending.values()]) {
      const due = p.settled === undefined ? p.at + this.maxWaitMs : p.at + this.holdMs;
      if (due <= now) this.finish(p);
      else next = Math.min(next ?? Infinity, due - now);
    }
    for (const [key, list] of this.reports) {
      const rest = list.filter((r) => r.at + this.holdMs > now);
      this.keep(this.reports, key, rest);
      for (const r of list) if (!rest.includes(r)) this.addTo(this.reportedLate, key, r);
      for (const r of rest) next = Math.min(next ?? Infinity, r.at + this.holdMs - now);
    }
    for (const map of [this.countedLate, this.reportedLate] as Map<string, { at: number }[]>[]) {
      for (const [key, list] of map) this.keep(map, key, list.filter((x) => x.at + this.holdMs + this.lateMs > now));
      if (map.size > 0) next = Math.min(next ?? Infinity, this.lateMs);
    }
    return next;
  }

  /** A hook's call that a rule of this pattern key would block is still on its way out. */
  awaits(patternKey: string): boolean {
    for (const list of this.reports.values()) if (list.some((r) => keysCovering(r.call).includes(patternKey))) return true;
    return false;
  }

  /** Requests waiting for a report (for tests and the bound). */
  get waiting(): number {
    return this.pending.size;
  }

  private finish(p: Pending): void {
    this.pending.delete(p.requestId);
    const { key: _key, at: _at, settled, ...request } = p;
    this.o.count(request, typeof settled === 'number' ? settled : 0);
    this.addTo(this.countedLate, p.key, p);
  }

  /** Takes out the entry of this key the frame's call pairs with (`pick`). */
  private takeFrom<T extends { frameId: number }>(map: Map<string, T[]>, key: string, frameId: number): T | undefined {
    const list = map.get(key);
    const found = list ? this.pick(list, frameId) : undefined;
    if (list && found) this.keep(map, key, list.filter((x) => x !== found));
    return found;
  }

  /** Adds a late entry; beyond the limit the oldest late entries of all go. */
  private addTo<T>(map: Map<string, T[]>, key: string, entry: T): void {
    map.set(key, [...(map.get(key) ?? []), entry].slice(-this.limit));
    if (map.size > this.limit) {
      const oldest = map.keys().next().value;
      if (oldest !== undefined) map.delete(oldest);
    }
  }

  private keep<T>(map: Map<string, T[]>, key: string, list: T[]): void {
    if (list.length > 0) map.set(key, list);
    else map.delete(key);
  }

  /** The same frame's first, else the oldest (a page may call through another frame's `fetch`). */
  private pick<T extends { frameId: number }>(list: readonly T[], frameId: number): T | undefined {
    return list.find((x) => x.frameId === frameId) ?? list[0];
  }

  private remember(hookId: string, key: string): void {
    this.known.set(hookId, key);
    if (this.known.size > this.limit * 2) {
      const oldest = this.known.keys().next().value;
      if (oldest !== undefined) this.known.delete(oldest);
    }
  }

  private reportCount(): number {
    let n = 0;
    for (const list of this.reports.values()) n += list.length;
    return n;
  }

  private dropOldestReport(): void {
    let oldest: [string, Report] | undefined;
    for (const [key, list] of this.reports) {
      const first = list[0];
      if (first && (!oldest || first.at < oldest[1].at)) oldest = [key, first];
    }
    if (oldest) this.hookReleased(oldest[1].hookId);
  }
}
