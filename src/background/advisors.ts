// Rules that are not call budgets but still decide a call before it leaves: the §5.7 polling
// rule (ListMessages after a GetMailbox that showed nothing new) and the 10 MB publication limit.
// An advisor returns null to stay silent, or a reply: `deny` holds the call in enforce mode only.
import type { AdvisedCall, Advisor } from '../features/kit/host';
import type { DecideReply } from '../shared/messages';

export type { AdvisedCall, Advisor };

/** The first advisor with something to say wins; a failing advisor is skipped, never fatal. */
export async function advise(advisors: readonly Advisor[], call: AdvisedCall): Promise<DecideReply | null> {
  for (const advisor of advisors) {
    try {
      const reply = await advisor(call);
      if (reply) return reply;
    } catch {
      // An advisor's error must not change what happens to the call.
    }
  }
  return null;
}
