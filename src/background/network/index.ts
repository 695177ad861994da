// The network-layer backstop (issue 11). The page hook sees only the `fetch`/XHR it wrapped; the
// browser's network layer sees every request to the eHealth hosts. Here:
//  - `webRequest` (observational, both browsers) counts each request to a recognised route that no
//    hook reported, once (reconcile.ts pairs the two), through the keeper like a call let go;
//  - in enforce mode, while a budget is spent, a `declarativeNetRequest` session rule blocks its
//    route pattern (blocker.ts, patterns.ts) until the budget allows again, and is removed before
//    the keeper lets a call of that pattern go.
// The router tells this layer what the hooks reported (`fromHook`, `fromBatch`) and each verdict
// before the page hears it (`afterDecide`).
import browser from 'webextension-polyfill';
import { type CallUnits, type Conditions, decide } from '../../directive/engine';
import type { Ledger } from '../../directive/ledger';
import { MAX_BATCH_BODY, type ApiCall, batchMessageIds, recognise } from '../../directive/routes';
import type { DirectiveMethod } from '../../directive/rules';
import { callUnits, mailboxOf } from '../../directive/units';
import { type Ack, type DecideReply, PAGE_MODE_KEY, type PageMode } from '../../shared/messages';
import type { HookMessage } from '../../shared/page-protocol';
import { Blocker, type Held, type SessionRules } from './blocker';
import { blockPattern, keysCovering } from './patterns';
import { HOLD_MS, type SeenRequest, type Settled, Reconciler } from './reconcile';

export const EHEALTH_URLS = ['https://*.ehealth.fgov.be/*'];
const UNBLOCK_ALARM = 'network-unblock';
const HELD_KEY = 'networkBlocks';
/** A rule for a call that is never allowed (§5.4.5) is looked at again after a day. */
const NEVER_MS = 86_400_000;
/** Chrome request ids start again with the browser: a counted call's id must not. */
const SESSION = Math.random().toString(36).slice(2, 10);

/** What the layer uses of the background (background/host.ts builds it from the services): no more. */
export interface NetworkHost {
  ready(): Promise<void>;
  clock(): number;
  enforce(): boolean;
  conditions(mailbox: string, now: number): Promise<Conditions>;
  /** The keeper's ledger of a box. */
  ledger(mailbox: string, now: number): Promise<Ledger>;
  /** Counts a request no hook reported, like a call let go, and commits it (the keeper, via 'network'). */
  countUnreported(call: CallUnits & { readonly id: string; readonly mailbox: string }, status: number, c: Conditions, now: number): Promise<void>;
  /** Takes back a count made by countUnreported, committed: a hook's late report showed the call its own. */
  withdrawUnreported(id: string, now: number): Promise<void>;
  /** Slots of a budget the keeper leased to tabs and not yet used or given back. */
  leasedOut(mailbox: string, method: DirectiveMethod): number;
  /** The badge: counts changed, or the database failed. */
  counted(): void;
  storageTrouble(): void;
  onAlarm(name: string, run: (now: number) => Promise<void>): void;
  onStartup(run: (now: number) => Promise<void>): void;
}

interface Sender {
  readonly tab?: { readonly id?: number };
  readonly frameId?: number;
}

export class NetworkLayer {
  readonly reconciler: Reconciler;
  readonly blocker: Blocker;
  private sweepTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the armed sweep runs (performance.now()); Infinity: none armed. */
  private sweepAt = Infinity;
  private unblockTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly s: NetworkHost, rules: SessionRules) {
    this.reconciler = new Reconciler({
      now: () => performance.now(),
      count: (r, status) => void this.count(r, status),
      withdraw: (r) => void this.withdraw(r),
      paired: (call) => void this.blockIfSpent(call).catch(() => undefined),
    });
    const memo = {
      read: async () => ((await browser.storage.session.get(HELD_KEY))[HELD_KEY] as Held | undefined) ?? {},
      write: (held: Held) => browser.storage.session.set({ [HELD_KEY]: held }),
    };
    this.blocker = new Blocker(rules, memo, (when) => this.wakeAt(when));
  }

  /** Registered synchronously at the background's start, so the event that woke it is not lost. */
  listen(): void {
    // A build without the permission (bench/latency.ts measures what this layer costs that way)
    // still counts and holds what the hooks report.
    if (!browser.webRequest) return;
    const filter = { urls: EHEALTH_URLS };
    browser.webRequest.onBeforeRequest.addListener((d) => this.onRequest(d), filter, ['requestBody']);
    // Two events after it, not three: each is a message to this worker for every eHealth request,
    // and the page waits on none of them but shares the machine with them (onResponseStarted would
    // only settle a long download sooner; one still streaming is counted after a minute anyway).
    browser.webRequest.onCompleted.addListener((d) => this.settle(d.requestId, d.statusCode), filter);
    browser.webRequest.onErrorOccurred.addListener((d) => this.settle(d.requestId, /BLOCKED_BY_CLIENT|NS_ERROR_ABORT.*block/i.test(d.error) ? 'blocked' : 'error'), filter);
    // Observe mode (and each new telling of the mode, e.g. after a reset of the data) lifts every block.
    browser.storage.onChanged.addListener((changes, area) => {
      const mode = area === 'local' ? (changes[PAGE_MODE_KEY]?.newValue as PageMode | undefined) : undefined;
      if (mode && mode.mode !== 'enforce') void this.blocker.clear().catch(() => undefined);
    });
    this.s.onAlarm(UNBLOCK_ALARM, (now) => this.blocker.expire(now));
    this.s.onStartup((now) => (this.s.enforce() ? this.blocker.expire(now) : this.blocker.clear()));
  }

  /**
   * A hook's message, before the background reads it: a decide is taken in as reported at once,
   * since an allowed call leaves as soon as it hears its verdict.
   */
  fromHook(sender: Sender, m: HookMessage): void {
    this.fromBatch(sender, [m], true);
  }

  /**
   * The verdict, before the call hears it: a held call did not leave (and its budget is spent:
   * block); an allowed one must not meet a rule.
   */
  async afterDecide(m: HookMessage, reply: DecideReply | Ack): Promise<void> {
    if (m.type !== 'decide' || !('verdict' in reply)) return;
    if (reply.verdict === 'deny') {
      this.reconciler.hookReleased(m.id);
      if (reply.notice && reply.notice.scope !== 'polling' && reply.notice.scope !== 'size') {
        await this.block(m.call, reply.notice.scope, reply.notice.retryAt).catch(() => undefined);
      }
      return;
    }
    await this.blocker.allow(keysCovering(m.call)).catch(() => undefined);
  }

  /** A bridge's batch: the calls its page let go, their outcomes, the calls given up. `waiting`: a decide that waits for its verdict. */
  fromBatch(sender: Sender, messages: readonly HookMessage[], waiting = false): void {
    const tab = sender.tab?.id;
    if (tab === undefined) return;
    for (const m of messages) {
      if (m.type === 'release') this.reconciler.hookReleased(m.id);
      // Only what the keeper counts pairs: a page must not hide a worker's call behind an
      // uncounted report (`info`: routes read for information only).
      else if (m.type === 'decide' || m.via !== 'info') this.reconciler.hookReported(tab, sender.frameId ?? 0, m.id, m.call, waiting && m.type === 'decide');
    }
    this.armSweep();
  }

  private onRequest(d: { requestId: string; method: string; url: string; tabId: number; frameId: number; requestBody?: RequestBody | null }): void {
    const call = recognise(d.method, d.url);
    if (!call || !callUnits(call)) return;
    const ids = call.batch ? readIds(d.requestBody) : null;
    this.reconciler.seen({ requestId: d.requestId, tabId: d.tabId, frameId: d.frameId, call, ...(ids ? { messageIds: ids } : {}) });
    this.armSweep();
  }

  private settle(requestId: string, how: Settled): void {
    this.reconciler.settled(requestId, how);
    this.armSweep();
  }

  /**
   * One timer. A new request or report waits HOLD_MS at most, so a sweep armed sooner covers it:
   * the common case costs a comparison, not a walk over every call of the last seconds.
   */
  private armSweep(): void {
    this.wakeBy(HOLD_MS);
  }

  private wakeBy(delayMs: number): void {
    const at = performance.now() + delayMs + 5;
    if (this.sweepAt <= at) return;
    if (this.sweepTimer !== null) clearTimeout(this.sweepTimer);
    this.sweepAt = at;
    this.sweepTimer = setTimeout(() => this.sweep(), delayMs + 5);
  }

  private sweep(): void {
    this.sweepTimer = null;
    this.sweepAt = Infinity;
    const next = this.reconciler.sweep();
    if (next !== null) this.wakeBy(next);
  }

  /** A request no hook reported reached the server: counted once, like a call let go. */
  private async count(r: SeenRequest, status: number): Promise<void> {
    const s = this.s;
    await s.ready();
    const units = callUnits(r.call, r.messageIds);
    if (!units) return;
    const mailbox = mailboxOf(r.call);
    try {
      const now = s.clock();
      await s.countUnreported({ ...units, id: netId(r), mailbox }, status, await s.conditions(mailbox, now), now);
      s.counted();
      await this.blockIfSpent(r.call, r.messageIds);
    } catch {
      s.storageTrouble();
    }
  }

  /** A hook's late report showed a request counted here to be its own: counted once, not twice. */
  private async withdraw(r: SeenRequest): Promise<void> {
    const s = this.s;
    await s.ready();
    try {
      const now = s.clock();
      await s.withdrawUnreported(netId(r), now);
      s.counted();
      // The count withdrawn may have blocked the route: lifted when the budget allows again.
      const units = callUnits(r.call, r.messageIds);
      const mailbox = mailboxOf(r.call);
      if (units && decide(units, await s.ledger(mailbox, now), await s.conditions(mailbox, now), now).allowed) {
        await this.blocker.allow(keysCovering(r.call));
      }
    } catch {
      s.storageTrouble();
    }
  }

  /** Enforce mode: when the next call like this one would be held, its pattern is blocked. */
  private async blockIfSpent(call: ApiCall, messageIds?: string[]): Promise<void> {
    const units = callUnits(call, messageIds);
    if (!this.s.enforce() || !units) return;
    const mailbox = mailboxOf(call);
    const now = this.s.clock();
    const verdict = decide(units, await this.s.ledger(mailbox, now), await this.s.conditions(mailbox, now), now);
    if (!verdict.allowed) await this.block(call, verdict.scope, verdict.retryAt);
  }

  private async block(call: ApiCall, scope: Parameters<typeof blockPattern>[1], retryAt: number | null): Promise<void> {
    const units = callUnits(call);
    const pattern = blockPattern(call, scope);
    if (!this.s.enforce() || !units || !pattern) return;
    // Slots leased to tabs, or calls a hook was just allowed, may still leave: they must not fail.
    if (this.s.leasedOut(mailboxOf(call), units.method) > 0 || this.reconciler.awaits(pattern.key)) return;
    const now = this.s.clock();
    await this.blocker.block(pattern, retryAt ?? now + NEVER_MS, now);
  }

  private wakeAt(when: number): void {
    if (this.unblockTimer !== null) clearTimeout(this.unblockTimer);
    const delay = Math.max(0, when - this.s.clock());
    this.unblockTimer = setTimeout(() => {
      this.unblockTimer = null;
      void this.blocker.expire(this.s.clock()).catch(() => undefined);
    }, delay + 10);
    // A stopped worker has no timers: the alarm wakes it (Chrome fires it 30 s late at most).
    void browser.alarms.create(UNBLOCK_ALARM, { when: when + 10 });
  }
}

const netId = (r: SeenRequest): string => `net:${SESSION}:${r.requestId}`;

interface RequestBody {
  formData?: Record<string, unknown>;
  raw?: { bytes?: unknown }[];
}

/** Ids named by a batch body, read like the hook reads them (small JSON, or a form's fields). */
function readIds(body: RequestBody | null | undefined): string[] | null {
  if (!body) return null;
  if (body.formData) return batchMessageIds(body.formData);
  const bytes = body.raw?.[0]?.bytes;
  if (!(bytes instanceof ArrayBuffer) || bytes.byteLength > MAX_BATCH_BODY) return null;
  try {
    return batchMessageIds(JSON.parse(new TextDecoder().decode(bytes)));
  } catch {
    return null;
  }
}

let installed: NetworkLayer | null = null;

/** Wires the layer into the background (index.ts, synchronously at the top). */
export function installNetwork(s: NetworkHost): NetworkLayer {
  const dnr = (browser as unknown as { declarativeNetRequest: SessionRules }).declarativeNetRequest;
  installed = new NetworkLayer(s, dnr);
  installed.listen();
  return installed;
}

/** The router's view: a no-op before install (unit tests of the router). */
export function network(): NetworkLayer | null {
  return installed;
}
