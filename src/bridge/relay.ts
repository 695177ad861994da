// Relays validated hook messages to the background and verdicts back. Only the hook reaches the
// channel (page-protocol.ts), and it reports real calls only; still, every message is checked
// (page-schema.ts), and so is every reply of the background (runtime-schema.ts). Nothing is dropped for being many: every report of a call that went is a count
// (issue 11, point 1), and a burst is carried by batches of up to MAX_BATCH. A decide that cannot
// get a verdict from the background (our own failure) answers `no-verdict` at once, so the hook
// proceeds (fail open) instead of waiting VERDICT_TIMEOUT_MS; a dead extension context answers
// `bridge-down` once and the relay goes quiet.
// In observe mode nothing is ever held, so a decide is answered `allow` here at once and goes to
// the background in a batch with the outcomes and releases (one message and one commit for many
// calls): the page's call no longer waits for a round trip through the service worker. In enforce
// mode the same happens for a call of a kind the tab holds a leased slot for (leases.ts); any
// other decide goes alone, after the tab's waiting claims, and the call waits for its verdict.
// A service worker stopped while it handles a message answers nothing (the polyfill resolves
// `undefined`, or the send rejects while it restarts): a decide is sent again while the hook still
// waits, a batch until the background acknowledges it. Without that, a stop lost the counts of
// calls that reached the server, and in enforce mode let held calls fail open.
import { showsNothingNew } from '../directive/polling';
import type { ApiCall } from '../directive/routes';
import { type BannerWords, type Claim, type Lease, leaseKind, MAX_BATCH, type PageRequest } from '../shared/messages';
import type { HookMessage, Notice } from '../shared/page-protocol';
import { parseHookMessage } from '../shared/page-schema';
import { readBatchAck, readDecideReply } from '../shared/runtime-schema';
import type { HookPort } from './channel';
import { boxAnswer } from './box-answer';
import { Leases } from './leases';

/** Pauses before sending a decide again; together well inside VERDICT_TIMEOUT_MS (relay.test.ts checks). */
export const DECIDE_RETRY_MS = [50, 150, 300, 450] as const;
/** Pauses before sending an unacknowledged batch again (about 20 s in all). */
export const REPORT_RETRY_MS = [100, 400, 1_500, 4_000, 6_000, 8_000] as const;
/** Reports waiting to be sent again at most (a page flooding while the worker is down gets no more). */
export const MAX_RETRYING = 1000;
/**
 * How long a report waits for others to share its batch: each batch costs the machine a message and
 * a commit, whatever its size (bench/latency.ts: 30 ms batches added twice the latency of 100 ms
 * ones, 200 ms ones a fifth less). A batch goes at once when it is full, and sooner when the tab
 * needs more leased slots. The price: a browser killed in that time loses those calls' counts.
 */
export const BATCH_MS = 200;
/** How soon the batch goes once a leased kind of call runs low: the tab still holds half a lease. */
export const LOW_MS = 20;

/** Kinds of call whose answer time is remembered at most (a page lists a few folders of a few boxes). */
const MAX_KINDS = 500;
/** Decides whose order is remembered at most: far more than a page has waiting for answers. */
const MAX_DECIDES = 1000;

export interface RelayDeps {
  readonly port: HookPort;
  /** runtime.sendMessage */
  readonly send: (message: PageRequest) => Promise<unknown>;
  /** false once the extension context is invalidated (update, reload, uninstall). */
  readonly alive: () => boolean;
  /** Observe mode, as far as this tab knows: decides may be answered here. */
  readonly letGo: () => boolean;
  /** `times`: how many calls earned it (a batch sends one per kind of warning). */
  readonly onNotice: (notice: Notice, times?: number) => void;
  readonly onDown: () => void;
  /** A call held in enforce mode, with what the page's banner says (banner.ts). */
  readonly onHeld?: (call: ApiCall, words: BannerWords) => void;
  /** A call reached the server and was answered (2xx): the banner for its kind goes. */
  readonly onLoaded?: (call: ApiCall) => void;
  /** The wall clock, for the time a copy's answer reached the page (default Date.now). */
  readonly clock?: () => number;
  /** A monotonic clock (default performance.now): leases must not care about the wall clock. */
  readonly now?: () => number;
  /** Resolves after `ms` (tests pass their own). */
  readonly wait?: (ms: number) => Promise<void>;
  /** Runs `task` after `ms` (setTimeout; tests pass their own). */
  readonly later?: (task: () => void, ms: number) => void;
}

export interface Relay {
  /** A raw message from the hook's port. */
  handle(data: unknown): void;
  /** A message of the bridge's own (activity). */
  tell(message: PageRequest): void;
  /**
   * The leased slots go back and the waiting batch goes now: the page goes away, or the background
   * asks for the slots (another tab needs them, the settings changed).
   */
  handBack(): void;
  /**
   * The user chose "load now anyway" in the banner (a trusted click): the next call of this kind
   * goes to the background as their exception, once.
   */
  allowOnce(call: ApiCall): void;
}

/**
 * A GetMailbox answer that may show nothing new (§5.7): the background may now hold this box's
 * listings, which a leased slot would let go; those slots go back. (A change to the box only ever
 * makes the next listing necessary.)
 */
function mayHoldListings(m: Extract<HookMessage, { type: 'outcome' }>): boolean {
  if (m.call.method !== 'GetMailbox') return false;
  return m.info?.kind !== 'mailbox' || showsNothingNew(m.info.info);
}

/** The id of something shaped like a decide, so even a rejected one gets its `no-verdict`. */
function decideId(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as { type?: unknown; id?: unknown };
  return d.type === 'decide' && typeof d.id === 'string' && d.id.length <= 64 ? d.id : null;
}

export function createRelay(deps: RelayDeps): Relay {
  const now = deps.now ?? (() => performance.now());
  const wait = deps.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let down = false;
  let retrying = 0;
  const later = deps.later ?? ((task: () => void, ms: number) => void setTimeout(task, ms));
  let batch: HookMessage[] = [];
  let claims: Claim[] = [];
  /** The pending batch timer's number (an older one fires for nothing), and when it fires. */
  let timer = 0;
  let dueAt = Infinity;
  const clock = deps.clock ?? Date.now;
  /** Per kind of call, when its last good answer reached the page: what a copy of it shows is that old. */
  const answeredAt = new Map<string, number>();
  /** Kinds of call the user let go once from the banner (allowOnce). */
  const allowedOnce = new Set<string>();
  /** The order in which decides came, by call id (the last MAX_DECIDES). */
  const decided = new Map<string, number>();
  let decides = 0;
  /** Per kind of call shown held in a banner, the order of the held decide. */
  const heldSince = new Map<string, number>();
  const leases = new Leases(now, later, (slots) => {
    for (const id of slots) queue({ type: 'release', id });
  });

  const goDown = (): void => {
    if (down) return;
    down = true;
    deps.port.post({ type: 'bridge-down' });
    deps.onDown();
  };

  // Chrome throws synchronously or rejects with "Extension context invalidated"; either way the
  // runtime id is gone. Other errors (background busy or restarting) are transient.
  const failed = (): void => {
    if (!deps.alive()) goDown();
  };

  const deliver = (message: PageRequest): Promise<unknown> => {
    try {
      return deps.send(message);
    } catch (e) {
      return Promise.reject(e);
    }
  };

  const noVerdict = (id: string | null): void => {
    if (id !== null) deps.port.post({ type: 'no-verdict', id });
  };

  /** One send; a rejection from a live context (worker restarting) is an empty answer. */
  const attempt = async (request: PageRequest): Promise<unknown> => {
    try {
      return await deliver(request);
    } catch {
      failed();
      return undefined;
    }
  };

  /** Per kind of call, the decides on their way to the background. */
  const waiting = new Map<string, number>();

  const decideWithRetries = async (message: Extract<HookMessage, { type: 'decide' }>, exception: boolean): Promise<void> => {
    const kind = leaseKind(message.call);
    const others = waiting.get(kind) ?? 0;
    waiting.set(kind, others + 1);
    try {
      await decideAlone(message, others === 0, exception);
    } finally {
      const left = (waiting.get(kind) ?? 1) - 1;
      if (left > 0) waiting.set(kind, left);
      else waiting.delete(kind);
    }
  };

  /** `lease`: ask for a lease with the verdict (no other call of the kind is on its way). */
  const decideAlone = async (message: Extract<HookMessage, { type: 'decide' }>, lease: boolean, exception: boolean): Promise<void> => {
    const kind = leaseKind(message.call);
    const copyAt = message.hasCopy ? answeredAt.get(kind) : undefined;
    const extra = { ...(lease ? { lease: true as const } : {}), ...(exception ? { exception: true as const } : {}), ...(copyAt !== undefined ? { copyAt } : {}) };
    let reply = readDecideReply(await attempt({ type: 'page/hook', message, ...extra }));
    for (const pause of DECIDE_RETRY_MS) {
      if (reply !== null || down) break;
      await wait(pause);
      if (down) break;
      reply = readDecideReply(await attempt({ type: 'page/hook', message, retry: true, ...extra }));
    }
    if (reply === null) return noVerdict(message.id);
    const { verdict, notice } = reply;
    // After a reload the page has no copy of its box information: the session's is handed over.
    const boxCopy = verdict === 'deny' ? reply.boxCopy : undefined;
    if (boxCopy) answeredAt.set(kind, boxCopy.at);
    // Verdict and notice only go on to the hook; a lease stays here.
    deps.port.post({ type: 'verdict', id: message.id, verdict, ...(notice ? { notice } : {}), ...(boxCopy ? { copy: boxAnswer(boxCopy) } : {}) });
    // A held call's banner says it all: a toast beside it would say the same thing twice.
    if (verdict === 'deny' && reply.banner && deps.onHeld) {
      heldSince.set(kind, decided.get(message.id) ?? decides);
      deps.onHeld(message.call, reply.banner);
    } else if (notice) deps.onNotice(notice);
    leaseFrom(message.call, reply.lease);
  };

  const leaseFrom = (call: ApiCall, lease: Lease | undefined): void => {
    if (lease && !down) leases.add(call, lease);
  };

  const sendBatch = async (messages: HookMessage[], used: Claim[]): Promise<void> => {
    const request = (retry: boolean): PageRequest => ({ type: 'page/batch', messages, ...(used.length > 0 ? { claims: used } : {}), ...(retry ? { retry: true as const } : {}) });
    const acknowledged = (raw: unknown): boolean => {
      const ack = readBatchAck(raw);
      if (ack === null) return false;
      for (const { times, ...notice } of ack.notices) deps.onNotice(notice, times ?? 1);
      for (const { call, ...lease } of ack.leases) leaseFrom(call, lease);
      return true;
    };
    if (acknowledged(await attempt(request(false))) || retrying + messages.length > MAX_RETRYING) return;
    retrying += messages.length;
    try {
      for (const pause of REPORT_RETRY_MS) {
        await wait(pause);
        if (down || acknowledged(await attempt(request(true)))) return;
      }
    } finally {
      retrying -= messages.length;
    }
  };

  const flush = (): void => {
    // A timer set for a batch that went early is left to fire for nothing.
    timer++;
    dueAt = Infinity;
    if (batch.length === 0 || down) return;
    void sendBatch(batch, claims);
    batch = [];
    claims = [];
  };

  /** The batch goes in `ms`, or sooner if it was already due sooner. */
  const sendIn = (ms: number): void => {
    if (now() + ms >= dueAt) return;
    dueAt = now() + ms;
    const mine = ++timer;
    later(() => {
      if (mine === timer) flush();
    }, ms);
  };

  /**
   * A call of this kind went and was answered: a copy of it would be that old now, and its banner
   * goes, unless that call was decided before the held one (its answer can come after the hold:
   * the hook reads answers when the page is idle).
   */
  const loaded = (call: ApiCall, id: string): void => {
    const kind = leaseKind(call);
    answeredAt.delete(kind);
    if (answeredAt.size >= MAX_KINDS) answeredAt.clear();
    answeredAt.set(kind, clock());
    const held = heldSince.get(kind);
    const order = decided.get(id);
    if (held !== undefined && order !== undefined && order < held) return;
    heldSince.delete(kind);
    deps.onLoaded?.(call);
  };

  const remember = (id: string): void => {
    decided.set(id, ++decides);
    if (decided.size > MAX_DECIDES) decided.delete(decided.keys().next().value ?? '');
  };

  const queue = (message: HookMessage): void => {
    batch.push(message);
    if (batch.length >= MAX_BATCH) flush();
    else sendIn(BATCH_MS);
  };

  return {
    handle(data) {
      if (down) return;
      const message = parseHookMessage(data);
      if (message === null) return noVerdict(decideId(data));
      if (message.type === 'outcome' && mayHoldListings(message)) {
        const listings = leaseKind({ method: 'ListMessages', accessKey: message.call.accessKey });
        leases.drop((kind) => kind.startsWith(listings));
      }
      if (message.type === 'outcome' && message.status >= 200 && message.status < 300) loaded(message.call, message.id);
      if (message.type !== 'decide') return queue(message);
      remember(message.id);
      const letGo = deps.letGo();
      const slot = letGo ? null : leases.take(message.call, message.messageIds);
      if (!message.gone && !letGo && slot === null) {
        // Slots spent or given back, their claims and releases still waiting: they go first. Else
        // the background finds those slots out with this tab and holds this call a while for them.
        if (claims.length > 0 || batch.some((m) => m.type === 'release')) flush();
        return void decideWithRetries(message, allowedOnce.delete(leaseKind(message.call)));
      }
      // A call the hook let go in observe mode (`gone`) is on its way and waits for no verdict:
      // counted, never held, even if the mode changed meanwhile.
      if (!message.gone) deps.port.post({ type: 'verdict', id: message.id, verdict: 'allow' });
      if (slot) claims.push({ id: message.id, slot: slot.slot, left: slot.left });
      queue(message);
      // The background leases more with the batch once few slots are left: it goes soon (the
      // kinds of a polling round run low together and share it).
      if (slot?.low) sendIn(LOW_MS);
    },
    tell(message) {
      if (!down) deliver(message).catch(failed);
    },
    handBack() {
      leases.drop();
      flush();
    },
    allowOnce(call) {
      allowedOnce.add(leaseKind(call));
    },
  };
}
