// Messages to the background. Two classes of sender: the bridge content script (on behalf of an
// eHealthBox page, untrusted: it may only report calls and activity) and the extension's own
// pages (popup, options: privileged). The background checks which one sent a message before it
// looks at the verb (src/background/router.ts).
import type { ApiCall } from '../directive/routes';
import type { BridgeMessage, HookMessage, Notice } from './page-protocol';

export type PageRequest =
  /**
   * A hook message relayed as is; the background validates it again (page-schema.ts). `retry`: the
   * bridge sends it again because the first attempt got no answer (the service worker was stopped
   * while handling it), so a decide that was already counted must not be counted twice. `lease`:
   * the tab would take a lease of slots with the verdict (enforce mode): it asks only when no other
   * call of the kind is waiting, since a burst's calls are all on their way before a lease comes.
   */
  | {
      type: 'page/hook';
      message: HookMessage;
      retry?: true;
      lease?: true;
      /**
       * The user chose "load now anyway" in the bridge's banner (a trusted click in its closed
       * shadow root) for this kind of call: this one call goes although over its limit, counted, and
       * recorded as their exception. Set by the bridge only, never by the hook (the page).
       */
      exception?: true;
      /** When the answer the page holds a copy of (a read) reached it, as the bridge saw it: the banner says how old the data shown is. */
      copyAt?: number;
    }
  /**
   * Hook messages gathered by the bridge for BATCH_MS (bridge/relay.ts: observe mode's decides,
   * decides on leased slots named in `claims`, every outcome and release): one message and one
   * storage commit for many calls. A decide in a batch was already let go by the bridge: it is
   * counted, never held. Answered with BatchAck once committed; sent again, with `retry`, until then.
   */
  | { type: 'page/batch'; messages: HookMessage[]; claims?: Claim[]; retry?: true }
  /** Trusted user input (keyboard, pointer) in an eHealthBox tab: the user is active (§5.1). */
  | { type: 'page/activity' }
  /** Masked shapes of eHealth API-looking calls nothing recognised (bridge/unrecognised.ts), with counts. */
  | { type: 'page/unrecognised'; shapes: { shape: string; count: number }[] };

/**
 * Enforce mode: slots of a window budget leased to one tab, each letting one more call like the
 * one that got them go at once, for `ms` from their arrival (background/budgets/leases.ts).
 */
export interface Lease {
  readonly slots: string[];
  readonly ms: number;
  /**
   * A ladder lease (one slot, one call per message or attachment: background/budgets/ladder-leases.ts):
   * the units it does not cover.
   */
  readonly except?: string[];
}

/** A ladder lease names at most this many excluded units; a box with more is leased nothing. */
export const LADDER_EXCLUDED_MAX = 2_000;

/** Slots of one lease at most; a tab is leased more once it holds fewer than half of this. */
export const LEASE_MAX = 20;

/** A tab holding this few slots of a kind of call is leased more (with the batch that says so). */
export const leaseRunsLow = (left: number): boolean => left < LEASE_MAX / 2;

/**
 * Units a ladder lease may cover in one call (bridge and background alike): at least one, each
 * named once (a batch naming a message twice counts it twice, §5.4.3: that call asks).
 */
export const ladderLeasable = (units: readonly string[]): boolean => units.length > 0 && new Set(units).size === units.length;

/** The kind of call a lease is for: one mailbox, method and folder. */
export const leaseKind = (call: ApiCall): string => `${call.accessKey}|${call.method}|${call.folder ?? ''}`;

/** A decide in a batch that the bridge let go on a leased slot; `left`: slots it still has for such calls. */
export interface Claim {
  readonly id: string;
  readonly slot: string;
  readonly left: number;
}

/**
 * Reply to a relayed `decide` (the bridge passes verdict and notice on to the hook, keeps the lease,
 * and builds the hook's `copy` from `boxCopy`).
 */
export type DecideReply = Omit<BridgeMessage, 'type' | 'id' | 'copy'> & {
  lease?: Lease;
  /** A held call in enforce mode: what the banner in the page says (bridge/banner.ts). */
  banner?: BannerWords;
  /** A held GetMailbox the page has no copy of (a reload): the box information kept for the session. */
  boxCopy?: BoxCopy;
};

/**
 * The sizes and counts of a box's last GetMailbox answer, kept for the browser session
 * (background/box-copies.ts); `at`: when it reached the page. Nothing else of the answer.
 */
export interface BoxCopy {
  readonly currentSize: number | null;
  readonly maxSize: number | null;
  readonly standby: number | null;
  readonly unread: number | null;
  readonly at: number;
}

/** The banner's words, in the language chosen in the options (the bridge's browser.i18n only knows the browser's). */
export interface BannerWords {
  /** What was held, in the application's terms. */
  readonly headline: string;
  /** How old the information shown is, or that there is none to show. */
  readonly shown: string;
  /** When it may load again. */
  readonly again: string;
  /** The "load now anyway" button, its question, its two answers; absent when the call is never allowed. */
  readonly loadNow?: { readonly button: string; readonly question: string; readonly yes: string; readonly no: string; readonly done: string };
  readonly dismiss: string;
  /** The technical detail behind "why?" (rule and method). */
  readonly why: string;
  readonly detail: string;
}

/**
 * Reply to a relayed `outcome` or `release` once it is recorded (committed). A stopped service
 * worker answers nothing (webextension-polyfill resolves `undefined` when the channel closes), so
 * the bridge sends the report again until it gets this: no call that reached the server goes
 * uncounted. Recording is idempotent by call id.
 */
export const ACK = { ack: true } as const;
export type Ack = typeof ACK;

/**
 * Reply to `page/batch`: committed, with the warnings its decides earned (shown as toasts), and
 * more slots for the kinds of call whose lease ran low.
 */
export interface BatchAck {
  readonly ack: true;
  /** One per kind of warning (level, method, scope): the batch's last, and how many calls earned it. */
  readonly notices: (Notice & { times?: number })[];
  readonly leases: (Lease & { call: ApiCall })[];
}

/** Longest batch the bridge sends and the background reads. */
export const MAX_BATCH = 100;

/**
 * storage.local key mirroring the mode for the bridges (PageMode): in observe mode a bridge lets a
 * call go at once and reports it in a batch, instead of waiting for the background's verdict. A
 * new value (every settings change, a reset) also voids the leases the bridges hold.
 */
export const PAGE_MODE_KEY = 'pageMode';

export interface PageMode {
  readonly mode: 'observe' | 'enforce';
  /** When the settings last changed (a new value, so that every bridge hears of it). */
  readonly since: number;
}
