// Rules that are not call budgets but still decide a call before it leaves: the §5.7 polling
// rule (ListMessages after a GetMailbox that showed nothing new) and the 10 MB publication limit.
// An advisor returns null to stay silent, or a reply: `deny` holds the call in enforce mode only.
import type { ApiCall } from '../directive/routes';
import type { DecideReply } from '../shared/messages';
import type { Services } from './services';

export interface AdvisedCall {
  readonly mailbox: string;
  readonly call: ApiCall;
  readonly hasCopy: boolean;
  /** The call may still be held: enforce mode, and not let go by the bridge already. */
  readonly enforce: boolean;
  readonly bodyBytes?: number;
  readonly now: number;
}

export type Advisor = (s: Services, call: AdvisedCall) => Promise<DecideReply | null> | DecideReply | null;

/** The first advisor with something to say wins; a failing advisor is skipped, never fatal. */
export async function advise(s: Services, call: AdvisedCall): Promise<DecideReply | null> {
  for (const advisor of s.advisors) {
    try {
      const reply = await advisor(s, call);
      if (reply) return reply;
    } catch {
      // An advisor's error must not change what happens to the call.
    }
  }
  return null;
}
