// Row types of the IndexedDB database. Privacy: ids, dates, sizes, folder names and counts only.
import type { DirectiveMethod } from '../directive/rules';
import type { MailboxKind } from '../directive/rules';
import type { BoxSnapshot, SeenMessage } from '../directive/responses';

/** One call counted against a budget, kept for 24 hours (the longest window). */
export interface CallRow {
  /** The page hook's id for the call: recording is idempotent by id. */
  id: string;
  mailbox: string;
  method: DirectiveMethod;
  at: number;
  folder?: string;
  /** Ladder units (message ids, `${messageId}/${attachmentKey}`). */
  units: string[];
  /**
   * How the call was counted: decided before it left, failed open, synchronous XHR; or, for a row
   * that is a lease of slots to a tab, counted before any call uses them (background/budgets/leases.ts).
   */
  /** `network`: seen only by the browser's network layer, no page hook reported it (background/network). */
  via: 'decided' | 'fail-open' | 'sync' | 'leased' | 'network';
  /** Sent although over budget (observe mode, or counted after failing open). */
  over: boolean;
  /** HTTP status once known; 0 for a network error. */
  status?: number;
  /** Let go by the user from the page's banner although over its limit ("load now anyway", enforce mode). */
  exception?: true;
  /** A lease (`via: 'leased'`): the indices of its slots not yet used nor given back, one stamp each. */
  free?: number[];
  /** A ladder lease (background/budgets/ladder-leases.ts): the units its tab must ask for; its `units` are those used. */
  except?: string[];
  /** A lease: the call whose verdict brought it (that call's decide sent again gets it again). */
  grantedWith?: string;
}

/**
 * One ladder entry (§5.4.2–§5.5.1) as versions 1–2 stored it, one row each, and as "Export my data"
 * shows it; version 3 keeps them packed (LadderPackRow).
 */
export interface LadderRow {
  /** `${mailbox}|${method}|${unit}` */
  key: string;
  mailbox: string;
  count: number;
  last: number;
  /** When the platform will have purged the message (§7.2.1) or a day after its deletion was seen. */
  until?: number;
}

export type { HourPackRow, LadderPackRow } from './migrations/v3-format';

/** Per mailbox, method and Brussels-agnostic UTC hour: the history kept after calls are pruned. */
export interface HourlyRow {
  mailbox: string;
  method: DirectiveMethod;
  /** Start of the hour, epoch ms. */
  hour: number;
  calls: number;
  over: number;
  held: number;
  failOpen: number;
}

export interface MailboxRow {
  accessKey: string;
  firstSeen: number;
  lastSeen: number;
  /** Read from GetMailbox's box identifier type and quality (§5 "Who the limits apply to"). */
  detectedKind: MailboxKind | null;
  idType: string | null;
  quality: string | null;
}

/** The quota history's rows: the domain's snapshots (directive/responses.ts), numbered. */
export interface SnapshotRow extends BoxSnapshot {
  seq?: number;
}

/** A listed message's row: the domain's record as it is (directive/responses.ts). */
export type ListedMessageRow = SeenMessage;

/** Notification state, so one crossing gives one notification: key like `quota|<box>|95`. */
export interface AlertRow {
  key: string;
  state: string;
  at: number;
  /** Until when the user snoozed it, if they did. */
  snoozedUntil?: number;
}

/** A planned absence (out-of-office planner, §5.6; the planner's `Absence`, copied field by field). The note and substitutes stay on this computer. */
export interface AbsenceRow {
  id: string;
  mailbox: string;
  /** Brussels calendar dates, inclusive, YYYY-MM-DD. */
  start: string;
  end: string;
  substitutes: { type: 'NIHII' | 'NISS' | 'CBE' | 'EHP'; id: string }[];
  note: string;
  /** Id of the matching out-of-office entry on the platform once its insert was seen. */
  registeredId: string | null;
  /** Taken out of the plan while the platform still holds it (registeredId): one delete to go. */
  withdrawn: boolean;
  createdAt: number;
  updatedAt: number;
}

/** An out-of-office entry seen in the platform's listing or created by an observed insert (the planner's `PlatformEntry`). */
export interface RegisteredAbsenceRow {
  mailbox: string;
  id: string;
  start: string;
  end: string;
  substitutes: number;
  seenAt: number;
  /** When a later listing no longer held it, or its deletion was observed. */
  goneAt: number | null;
}
