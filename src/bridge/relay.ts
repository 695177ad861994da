// Relays validated hook messages to the background and verdicts back. The page can reach the
// port, so every message is checked (page-schema.ts) and floods are cut by a token bucket. Anything
// that stops a decide from getting a verdict answers `no-verdict` at once, so the hook proceeds
// (fail open) instead of waiting VERDICT_TIMEOUT_MS; a dead extension context answers `bridge-down`
// once and the relay goes quiet.
import type { DecideReply, PageRequest } from '../shared/messages';
import type { Notice } from '../shared/page-protocol';
import { parseHookMessage } from '../shared/page-schema';
import type { HookPort } from './channel';

/** Hook messages accepted per document: a burst of BUCKET, refilled over BUCKET_MS. */
export const BUCKET = 300;
export const BUCKET_MS = 10_000;

export interface RelayDeps {
  readonly port: HookPort;
  /** runtime.sendMessage */
  readonly send: (message: PageRequest) => Promise<unknown>;
  /** false once the extension context is invalidated (update, reload, uninstall). */
  readonly alive: () => boolean;
  readonly onNotice: (notice: Notice) => void;
  readonly onDown: () => void;
  readonly now?: () => number;
}

export interface Relay {
  /** A raw message from the hook's port. */
  handle(data: unknown): void;
  /** A message of the bridge's own (activity). */
  tell(message: PageRequest): void;
}

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
  const now = deps.now ?? Date.now;
  let tokens = BUCKET;
  let filled = now();
  let down = false;

  const take = (): boolean => {
    const t = now();
    tokens = Math.min(BUCKET, tokens + ((t - filled) * BUCKET) / BUCKET_MS);
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

  return {
    handle(data) {
      if (down) return;
      if (!take()) return noVerdict(decideId(data));
      const message = parseHookMessage(data);
      if (message === null) return noVerdict(decideId(data));
      if (message.type !== 'decide') {
        deliver({ type: 'page/hook', message }).catch(failed);
        return;
      }
      deliver({ type: 'page/hook', message }).then(
        (raw) => {
          const reply = readReply(raw);
          if (reply === null) return noVerdict(message.id);
          deps.port.post({ type: 'verdict', id: message.id, ...reply });
          if (reply.notice) deps.onNotice(reply.notice);
        },
        () => {
          noVerdict(message.id);
          failed();
        },
      );
    },
    tell(message) {
      if (!down) deliver(message).catch(failed);
    },
  };
}
