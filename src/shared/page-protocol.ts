// The contract between the page hook (MAIN world, untrusted neighbourhood) and the bridge content
// script (ISOLATED world). Types only plus constants: the hook stays dependency-free. Everything
// received by the bridge is validated again (src/shared/page-schema.ts) because the page can forge it.
import type { ApiCall } from '../directive/routes';
import type { ListedMessage, MailboxInfo, OutOfOfficeEntry, RawDate } from '../directive/responses';
import type { DirectiveMethod } from '../directive/rules';

export const CHANNEL = 'ehealthbox-companion/v1';

/** How long a recognised call waits for a verdict before it proceeds untouched (fail open). */
export const VERDICT_TIMEOUT_MS = 1500;

/** Response header marking an answer served from the page's in-memory copy. */
export const LOCAL_COPY_HEADER = 'X-eHealthBox-Companion';

/**
 * The private channel (hook/channel.ts, bridge/channel.ts). Both scripts run at document_start,
 * before any page script, and meet through one synchronous event on `window` whose
 * `relatedTarget` is a DOM node the hook made and never inserted (DOM nodes are shared by the two
 * worlds, JavaScript objects are not). Every later message is a CustomEvent dispatched on that
 * node: it is in no document, so no page listener sees it, and no page script holds it.
 * `HELLO_HOOK`: the hook's announcement (MouseEvent, relatedTarget = the node), sent at start and
 * once more if the bridge says `HELLO_BRIDGE` (it started later). `TO_BRIDGE` / `TO_HOOK`: the
 * messages, the event's `detail` (structured-cloned between the worlds).
 */
export const HELLO_HOOK = `${CHANNEL}:hook`;
export const HELLO_BRIDGE = `${CHANNEL}:bridge`;
export const TO_BRIDGE = `${CHANNEL}:to-bridge`;
export const TO_HOOK = `${CHANNEL}:to-hook`;

/** Longest list of an answer a hook message carries (listed messages, out-of-office entries): the
 * hook truncates to it, the schema rejects longer. A batch's ids are never cut (routes.ts, MAX_BATCH_IDS). */
export const MAX_LIST = 1000;

/** `D`: dates as the page sends them (raw), or as the background has read them (epoch ms, `readInfo`). */
export type ResponseInfo<D extends RawDate = RawDate> =
  | { kind: 'mailbox'; info: MailboxInfo }
  | { kind: 'messages'; messages: ListedMessage<D>[] }
  | { kind: 'outOfOffices'; entries: OutOfOfficeEntry[] }
  /** An insert's answer; `start`/`end` are the absence's days read from its request body (the
   * out-of-office planner matches its plan entry by them). */
  | { kind: 'created'; id: string; start?: string; end?: string };

export interface CallRequest {
  readonly call: ApiCall;
  /** Ids named by a batch body (recover, trash, delete multiple), when it was small JSON. */
  readonly messageIds?: string[];
  /** Size of the request body in bytes, when known (publications, §3.1). */
  readonly bodyBytes?: number;
}

export type HookMessage =
  /**
   * Before a call leaves. `gone`: the hook was told observe mode and let it go at once; the decide
   * is only a report, and no verdict is sent back.
   */
  | ({ type: 'decide'; id: string; transport: 'fetch' | 'xhr'; hasCopy: boolean; gone?: true } & CallRequest)
  /** The page aborted before the call left: give back its reserved slot. */
  | { type: 'release'; id: string }
  /**
   * What happened to a call that went to the server. `via` says why it was not decided first:
   * `decided` (normal), `fail-open` (no verdict in time, or the bridge failed), `sync` (synchronous
   * XHR cannot wait), `info` (routes read for information only). Counting is idempotent by id.
   */
  | ({
      type: 'outcome';
      id: string;
      via: 'decided' | 'fail-open' | 'sync' | 'info';
      status: number;
      failure?: 'timeout' | 'bridge-error' | 'no-bridge';
      info?: ResponseInfo;
    } & CallRequest);

export type Scope = 'hour' | 'day' | 'folder' | 'message' | 'attachment' | 'forbidden' | 'polling' | 'size';

/** Why a call is over budget, in the user's language, with when it is allowed again. */
export interface Notice {
  readonly level: 'warn' | 'held';
  readonly method: DirectiveMethod | 'Publish';
  readonly section: string;
  readonly scope: Scope;
  readonly limit: number;
  readonly used: number;
  /** Epoch ms; null when the call is never allowed (e.g. §5.4.5 for individuals). */
  readonly retryAt: number | null;
  readonly message: string;
  /**
   * The toast's own words, in the language chosen in the options (the bridge's browser.i18n
   * only knows the browser's): its title, the "why?" summary and detail, the close button.
   */
  readonly chrome?: { readonly title: string; readonly why: string; readonly detail: string; readonly dismiss: string };
}

export type BridgeMessage = {
  type: 'verdict';
  id: string;
  /** deny: serve the in-memory copy when the hook has one, else a synthetic 429. */
  verdict: 'allow' | 'deny';
  notice?: Notice;
  /**
   * deny of a GetMailbox the page has no copy of (after a reload): the box information kept for
   * the session, as the answer's JSON body, and when it reached the page; the hook keeps it as its copy.
   */
  copy?: { body: string; time: number };
};

/**
 * Bridge → hook signals besides verdicts, so the hook never waits out VERDICT_TIMEOUT_MS for an
 * answer that cannot come. `no-verdict`: the background gave no usable reply (or the decide was
 * invalid: our own bug): proceed now (fail open). `bridge-down`: the extension context is gone
 * (update, reload): fail open at once for every call from now on. `mode`: the mode as the bridge
 * knows it, sent once known and at every settings change (the hook then forgets what it was told
 * was held: the limits or the mode may have changed).
 */
export type BridgeSignal = { type: 'no-verdict'; id: string } | { type: 'bridge-down' } | { type: 'mode'; mode: 'observe' | 'enforce' | null };
