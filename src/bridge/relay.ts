// Relays validated hook messages to the background and verdicts back. The page can reach the
// port, so every message is checked (page-schema.ts) and floods are cut by a token bucket. Anything
// that stops a decide from getting a verdict answers `no-verdict` at once, so the hook proceeds
// (fail open) instead of waiting VERDICT_TIMEOUT_MS; a dead extension context answers `bridge-down`
// once and the relay goes quiet.
// A service worker stopped while it handles a message answers nothing (the polyfill resolves
// `undefined`, or the send rejects while it restarts): a decide is sent again while the hook still
// waits, an outcome or release until the background acknowledges it. Without that, a stop lost
// the counts of calls that reached the server, and in enforce mode let held calls fail open.
import type { DecideReply, PageRequest } from '../shared/messages';
import type { HookMessage, Notice } from '../shared/page-protocol';
import { parseHookMessage } from '../shared/page-schema';
import type { HookPort } from './channel';

/** Hook messages accepted per document: a burst of BUCKET, refilled over BUCKET_MS. */
export const BUCKET = 300;
export const BUCKET_MS = 10_000;

/** Pauses before sending a decide again; together well inside VERDICT_TIMEOUT_MS (relay.test.ts checks). */
export const DECIDE_RETRY_MS = [50, 150, 300, 450] as const;
/** Pauses before sending an unacknowledged outcome or release again (about 20 s in all). */
export const REPORT_RETRY_MS = [100, 400, 1_500, 4_000, 6_000, 8_000] as const;
/** Reports waiting to be sent again at most (a page flooding while the worker is down gets no more). */
export const MAX_RETRYING = 1000;

export interface RelayDeps {
  readonly port: HookPort;
  /** runtime.sendMessage */
  readonly send: (message: PageRequest) => Promise<unknown>;
  /** false once the extension context is invalidated (update, reload, uninstall). */
  readonly alive: () => boolean;
  readonly onNotice: (notice: Notice) => void;
  readonly onDown: () => void;
  /** A monotonic clock (default performance.now): the flood limit must not care about the wall clock. */
  readonly now?: () => number;
  /** Resolves after `ms` (tests pass their own). */
  readonly wait?: (ms: number) => Promise<void>;
}

export interface Relay {
  /** A raw message from the hook's port. */
  handle(data: unknown): void;
  /** A message of the bridge's own (activity). */
  tell(message: PageRequest): void;
}

const isAck = (reply: unknown): boolean => typeof reply === 'object' && reply !== null && (reply as { ack?: unknown }).ack === true;

function readReply(reply: unknown): DecideReply | null {
  if (typeof reply !== 'object' || reply === null) return null;
  const r = reply as { verdict?: unknown; notice?: unknown };
  if (r.verdict !== 'allow' && r.verdict !== 'deny') return null;
  const n = r.notice as Partial<Notice> | undefined;
  const notice = n && (n.level === 'warn' || n.level === 'held') && typeof n.message === 'string' ? (n as Notice) : undefined;
  return notice ? { verdict: r.verdict, notice } : { verdict: r.verdict };
}

/** The id of something shaped like a decide, so even a rejected one gets its `no-verdict`. */
function decideId(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return null;
  const d = data as { type?: unknown; id?: unknown };
  return d.type === 'decide' && typeof d.id === 'string' && d.id.length <= 64 ? d.id : null;
}

export function createRelay(deps: RelayDeps): Relay {
  // Monotonic: with the wall clock, a clock set back an hour drained the bucket for an hour, and
  // every decide and outcome of the tab was dropped (calls failed open, went uncounted).
  const now = deps.now ?? (() => performance.now());
  const wait = deps.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  let tokens = BUCKET;
  let filled = now();
  let down = false;
  let retrying = 0;

  const take = (): boolean => {
    const t = now();
    tokens = Math.min(BUCKET, tokens + (Math.max(0, t - filled) * BUCKET) / BUCKET_MS);
    filled = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };

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
  const attempt = async (message: HookMessage, retry: boolean): Promise<unknown> => {
    try {
      return await deliver(retry ? { type: 'page/hook', message, retry: true } : { type: 'page/hook', message });
    } catch {
      failed();
      return undefined;
    }
  };

  const decideWithRetries = async (message: Extract<HookMessage, { type: 'decide' }>): Promise<void> => {
    let reply = readReply(await attempt(message, false));
    for (const pause of DECIDE_RETRY_MS) {
      if (reply !== null || down) break;
      await wait(pause);
      if (down) break;
      reply = readReply(await attempt(message, true));
    }
    if (reply === null) return noVerdict(message.id);
    deps.port.post({ type: 'verdict', id: message.id, ...reply });
    if (reply.notice) deps.onNotice(reply.notice);
  };

  const reportWithRetries = async (message: HookMessage): Promise<void> => {
    if (isAck(await attempt(message, false)) || retrying >= MAX_RETRYING) return;
    retrying++;
    try {
      for (const pause of REPORT_RETRY_MS) {
        await wait(pause);
        if (down || isAck(await attempt(message, true))) return;
      }
    } finally {
      retrying--;
    }
  };

  return {
    handle(data) {
      if (down) return;
      if (!take()) return noVerdict(decideId(data));
      const message = parseHookMessage(data);
      if (message === null) return noVerdict(decideId(data));
      void (message.type === 'decide' ? decideWithRetries(message) : reportWithRetries(message));
    },
    tell(message) {
      if (!down) deliver(message).catch(failed);
    },
  };
}
