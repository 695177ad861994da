// The hook's side of the bridge: window.postMessage handshake, then a private MessagePort.
// The bridge may start before or after us, or never (tabs open before install, Firefox late
// injection), or die (extension update): every path ends in a decision within VERDICT_TIMEOUT_MS,
// and fails open rather than hold the page's call.
import { CHANNEL, VERDICT_TIMEOUT_MS, type HookMessage, type Notice } from '../shared/page-protocol';
import { clearTimer, listen, portPost, portStart, postToWindow, setTimer, unlisten } from './natives';

export type Failure = 'timeout' | 'bridge-error' | 'no-bridge';
export type Decision =
  | { kind: 'allow' }
  | { kind: 'deny'; notice: Notice | undefined }
  | { kind: 'fail'; failure: Failure }
  | { kind: 'aborted' };

type DecideMessage = Extract<HookMessage, { type: 'decide' }>;

/** connecting: no port yet, messages queue; absent: no bridge answered in time; down: context gone. */
let state: 'connecting' | 'up' | 'absent' | 'down' = 'connecting';
let port: MessagePort | null = null;
interface Waiting {
  readonly message: DecideMessage;
  readonly resolve: (d: Decision) => void;
}
const pending = new Map<string, Waiting>();
// Outcomes posted before the port arrives (early calls, late bridge) still get counted; bounded.
// Decides do not queue: the ones still waiting are in `pending` and go out when the port comes.
const queue: HookMessage[] = [];
const MAX_QUEUE = 100;

export function startChannel(): void {
  listen.call(window, 'message', onWindowMessage as EventListener);
  sayHello();
  setTimer(() => {
    if (state !== 'connecting') return;
    state = 'absent';
    settleAll({ kind: 'fail', failure: 'no-bridge' });
  }, VERDICT_TIMEOUT_MS);
}

function sayHello(): void {
  // A sandboxed frame's origin is "null", which postMessage does not take as a target.
  postToWindow({ channel: CHANNEL, type: 'hook-hello' }, location.origin === 'null' ? '*' : location.origin);
}

function onWindowMessage(event: MessageEvent): void {
  try {
    if (event.source !== window || port !== null) return;
    const data: unknown = event.data;
    if (typeof data !== 'object' || data === null || (data as { channel?: unknown }).channel !== CHANNEL) return;
    const type = (data as { type?: unknown }).type;
    if (type === 'bridge-hello') sayHello();
    else if (type === 'bridge-port' && event.ports[0]) accept(event.ports[0]);
  } catch {
    // a hostile or odd message must not break the page's message handling
  }
}

function accept(p: MessagePort): void {
  port = p;
  unlisten.call(window, 'message', onWindowMessage as EventListener);
  // addEventListener, not onmessage: a page script holding the same port cannot unset ours.
  listen.call(p, 'message', onPortMessage as EventListener);
  portStart.call(p);
  state = 'up';
  for (const w of pending.values()) send(w.message);
  for (const m of queue.splice(0)) send(m);
}

function onPortMessage(event: MessageEvent): void {
  try {
    const d: unknown = event.data;
    if (typeof d !== 'object' || d === null) return;
    const m = d as Record<string, unknown>;
    if (m.type === 'bridge-down') {
      state = 'down';
      queue.length = 0;
      settleAll({ kind: 'fail', failure: 'bridge-error' });
      return;
    }
    if (typeof m.id !== 'string') return;
    const resolve = pending.get(m.id)?.resolve;
    if (!resolve) return;
    if (m.type === 'verdict' && m.verdict === 'allow') resolve({ kind: 'allow' });
    else if (m.type === 'verdict' && m.verdict === 'deny') resolve({ kind: 'deny', notice: readNotice(m.notice) });
    else if (m.type === 'no-verdict') resolve({ kind: 'fail', failure: 'bridge-error' });
  } catch {
    // garbage on the port: the call's own timeout still settles it
  }
}

function send(message: HookMessage): void {
  try {
    if (port) portPost.call(port, message);
  } catch {
    // an unclonable value would be our bug; never the page's problem
  }
}

/** Fire-and-forget report to the bridge. */
export function post(message: HookMessage): void {
  if (state === 'up') send(message);
  else if (state !== 'down' && queue.length < MAX_QUEUE) queue.push(message);
}

/** Asks for a verdict; always settles, at the latest after VERDICT_TIMEOUT_MS. */
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

/** The notice only shapes the 429 body; take its fields only when they have the expected types. */
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
