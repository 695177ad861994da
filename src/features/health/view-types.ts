// What the `ui/health` verb answers (types only; its schema is verbs.ts).
import type { PollingAdvice } from '../polling/memory';
import type { FreeStep } from '../quota/free-first';
import type { QuotaView } from '../quota/view-types';
import type { PurgeSoon, SentMessage } from '../retention/digest';

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
