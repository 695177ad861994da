// What the `ui/health` verb answers (types only: the popup imports nothing else from here).
import type { PollingAdvice } from '../polling/memory';
import type { FreeStep } from '../quota/free-first';
import type { PurgeSoon, SentMessage } from '../retention/digest';

export interface QuotaView {
  /** When GetMailbox gave these numbers. */
  readonly at: number;
  readonly currentSize: number;
  readonly maxSize: number;
  /** No maximum from the server: the §4.2 default of the box's target group. */
  readonly maxAssumed: boolean;
  readonly percent: number;
  /** The highest notification threshold reached (0 for none), among the user's thresholds. */
  readonly level: number;
  readonly thresholds: readonly number[];
  readonly standby: number | null;
  readonly unread: number | null;
  readonly forecastDays: number | null;
}

export interface HealthView {
  readonly mailbox: string;
  readonly now: number;
  /** null until the web application asked GetMailbox for this box. */
  readonly quota: QuotaView | null;
  readonly freeFirst: readonly FreeStep[];
  /** Sent messages still in the box (SENT and BINSENT), oldest first. */
  readonly sent: readonly SentMessage[];
  readonly purgeSoon: PurgeSoon | null;
  readonly acks: number;
  readonly polling: PollingAdvice;
  /** Set once the box has not been consulted for 80 days (§7.2.1). */
  readonly unused: { readonly lastSeen: number; readonly deletedAt: number } | null;
}

declare module '../../shared/ui-verbs' {
  interface UiVerbs {
    /** One box's health for the popup and options (features/health/install.ts). */
    'ui/health': { request: { mailbox: string }; reply: HealthView };
    /** After the reminder time changed: the daily alarm follows at once. */
    'ui/health/schedule': { request: object; reply: void };
  }
}
