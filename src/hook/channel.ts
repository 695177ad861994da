// The hook's side of the bridge: a private channel no page script can see or reach
// (page-protocol.ts, HELLO_HOOK). Both scripts run at document_start, before any page script, so
// the handshake is over before a page listener exists; afterwards messages are events on a node
// that is in no document. The bridge may also be missing (tabs open before install) or die
// (extension update): every path ends in a decision within VERDICT_TIMEOUT_MS, and fails open
// rather than hold the page's call, unless the call is known to be held (holds.ts).
import { HELLO_BRIDGE, HELLO_HOOK, TO_BRIDGE, TO_HOOK, VERDICT_TIMEOUT_MS, type HookMessage, type Notice } from '../shared/page-protocol';
import { keepHandedCopy } from './copies';
import { forgetHolds, rememberHold } from './holds';
import { clearTimer, dispatch, eventDetail, listen, NativeCustomEvent, NativeMouseEvent, NativeText, setTimer, unlisten, whenIdle } from './natives';

export type Failure = 'timeout' | 'bridge-error' | 'no-bridge';
export type Decision =
  | { kind: 'allow' }
  | { kind: 'deny'; notice: Notice | undefined }
  | { kind: 'fail'; failure: Failure }
  | { kind: 'aborted' };

type DecideMessage = Extract<HookMessage, { type: 'decide' }>;

/** connecting: no bridge yet, messages queue; absent: no bridge answered in time; down: context gone. */
let state: 'connecting' | 'up' | 'absent' | 'down' = 'connecting';
/** The bridge's mode: local holds apply in enforce mode only. */
let mode: 'observe' | 'enforce' | null = null;
export const enforcing = (): boolean => mode === 'enforce';
/** Told observe mode by a bridge that is there: nothing is held, no call waits. */
export const observing = (): boolean => mode === 'observe' && state === 'up';
const node = new NativeText('');
interface Waiting {
  readonly message: DecideMessage;
  readonly resolve: (d: Decision) => void;
}
const pending = new Map<string, Waiting>();
// Outcomes posted before the bridge answers (early calls, late bridge) still get counted; bounded.
// Decides do not queue: the ones still waiting are in `pending` and go out when the bridge comes.
const queue: HookMessage[] = [];
const MAX_QUEUE = 1000;
/**
 * Work of ours that can wait for the page's own (reports of calls let go in observe mode, outcomes,
 * releases, reading an answer): it runs once the page is idle, at the latest IDLE_MS later, so
 * that the events and the bridge's handling run while the page waits for the network, not before
 * its call leaves or before it reads its answer (bench/latency.ts: −0.4 ms p50 a call in observe
 * mode). In order, and all of it before any decide (catchUp). The page going away runs it too.
 */
const IDLE_MS = 50;
const later: (() => void)[] = [];
let laterDue = false;
let running = false;

/**
 * Runs now what waits for the page to be idle: before a call is decided or answered in the page,
 * the answers before it must count (its copy, the box's kind, a held call's banner).
 */
export function catchUp(): void {
  if (running) return;
  running = true;
  laterDue = false;
  // An index loop (the page may replace array methods); a task may add more, run in this pass.
  for (let i = 0; i < later.length; i++) {
    try {
      (later[i] as () => void)();
    } catch {
      // our own bug: the rest still runs
    }
  }
  later.length = 0;
  running = false;
}

/** Runs `task` once the page is idle (IDLE_MS at the latest), or before the next decide. */
export function afterPage(task: () => void): void {
  if (later.length >= MAX_QUEUE) catchUp();
  later[later.length] = task;
  if (laterDue || running) return;
  laterDue = true;
  whenIdle(IDLE_MS, catchUp);
}

export function startChannel(): void {
  listen.call(node, TO_HOOK, onBridgeMessage as EventListener);
  listen.call(window, HELLO_BRIDGE, onBridgeHello);
  listen.call(window, 'pagehide', catchUp);
  announce();
  setTimer(() => {
    if (state !== 'connecting') return;
    state = 'absent';
    settleAll({ kind: 'fail', failure: 'no-bridge' });
  }, VERDICT_TIMEOUT_MS);
}

function announce(): void {
  dispatch.call(window, new NativeMouseEvent(HELLO_HOOK, { relatedTarget: node }));
}

/** The bridge started after us: announce once more, then never again (a page script saying hello later gets nothing). */
function onBridgeHello(): void {
  unlisten.call(window, HELLO_BRIDGE, onBridgeHello);
  announce();
}

function connected(): void {
  unlisten.call(window, HELLO_BRIDGE, onBridgeHello);
  state = 'up';
  for (const w of pending.values()) send(w.message);
  for (const m of queue.splice(0)) send(m);
}

function onBridgeMessage(event: CustomEvent): void {
  try {
    const d: unknown = eventDetail.call(event);
    if (typeof d !== 'object' || d === null) return;
    const m = d as Record<string, unknown>;
    // The bridge's first word is its mode (null while it reads it).
    if (state === 'connecting' || state === 'absent') connected();
    if (m.type === 'mode') {
      mode = m.mode === 'observe' || m.mode === 'enforce' ? m.mode : null;
      forgetHolds();
      return;
    }
    if (m.type === 'bridge-down') {
      state = 'down';
      queue.length = 0;
      settleAll({ kind: 'fail', failure: 'bridge-error' });
      return;
    }
    if (typeof m.id !== 'string') return;
    const waiting = pending.get(m.id);
    if (!waiting) return;
    if (m.type === 'verdict' && m.verdict === 'allow') waiting.resolve({ kind: 'allow' });
    else if (m.type === 'verdict' && m.verdict === 'deny') {
      const notice = readNotice(m.notice);
      keepHandedCopy(waiting.message.call, m.copy);
      // Held in enforce mode: later calls of the same unit are answered here until then.
      if (notice?.level === 'held') rememberHold(waiting.message.call, notice);
      waiting.resolve({ kind: 'deny', notice });
    } else if (m.type === 'no-verdict') waiting.resolve({ kind: 'fail', failure: 'bridge-error' });
  } catch {
    // garbage on the channel: the call's own timeout still settles it
  }
}

function send(message: HookMessage): void {
  try {
    dispatch.call(node, new NativeCustomEvent(TO_BRIDGE, { detail: message }));
  } catch {
    // an unclonable value would be our bug; never the page's problem
  }
}

function sendNow(message: HookMessage): void {
  if (state === 'up') send(message);
  else if (state !== 'down' && queue.length < MAX_QUEUE) queue.push(message);
}

/** Fire-and-forget report to the bridge, sent once the page is idle (afterPage). */
export function post(message: HookMessage): void {
  afterPage(() => sendNow(message));
}

/** Asks for a verdict (after catchUp: earlier answers and reports go first); always settles, at the latest after VERDICT_TIMEOUT_MS. */
export function decide(message: DecideMessage): Promise<Decision> {
  if (state === 'down') return Promise.resolve({ kind: 'fail', failure: 'bridge-error' });
  if (state === 'absent') return Promise.resolve({ kind: 'fail', failure: 'no-bridge' });
  return new Promise<Decision>((resolve) => {
    const timer = setTimer(() => {
      settle(message.id, { kind: 'fail', failure: state === 'up' ? 'timeout' : 'no-bridge' });
    }, VERDICT_TIMEOUT_MS);
    pending.set(message.id, {
      message,
      resolve: (d) => {
        clearTimer(timer);
        pending.delete(message.id);
        resolve(d);
      },
    });
    // The bridge may answer at once (a leased slot): inside this dispatch.
    if (state === 'up') send(message);
  });
}

function settle(id: string, d: Decision): void {
  pending.get(id)?.resolve(d);
}

function settleAll(d: Decision): void {
  for (const w of [...pending.values()]) w.resolve(d);
}

/** The page gave up on a call still waiting: settle it as aborted and give its slot back. */
export function cancel(id: string): void {
  if (!pending.has(id)) return;
  settle(id, { kind: 'aborted' });
  post({ type: 'release', id });
}

/** The notice only shapes the 429 body and the hold; take its fields only when they have the expected types. */
function readNotice(n: unknown): Notice | undefined {
  if (typeof n !== 'object' || n === null) return undefined;
  const o = n as Record<string, unknown>;
  const ok =
    (o.level === 'warn' || o.level === 'held') &&
    typeof o.method === 'string' &&
    typeof o.section === 'string' &&
    typeof o.scope === 'string' &&
    typeof o.limit === 'number' &&
    typeof o.used === 'number' &&
    (o.retryAt === null || typeof o.retryAt === 'number') &&
    typeof o.message === 'string';
  return ok ? (o as unknown as Notice) : undefined;
}
