// What features learn from a call that reached the server: the route, its status and the small
// summary the page hook read from the answer (sizes, counts, ids, dates). Each feature registers
// one observer; one failing never stops the others.
import { withInstants } from '../directive/instants';
import type { OutcomeEvent, OutcomeObserver } from '../features/kit/host';
import type { ResponseInfo } from '../shared/page-protocol';

export type { OutcomeEvent, OutcomeObserver };

/** The page sends dates as the answer wrote them (it has no time-zone rules): read them here. */
export function readInfo(info: ResponseInfo): ResponseInfo<number> {
  return info.kind === 'messages' ? { kind: 'messages', messages: withInstants(info.messages) } : info;
}

export async function notifyObservers(observers: readonly OutcomeObserver[], event: OutcomeEvent): Promise<void> {
  await Promise.all(observers.map(async (observe) => {
    try {
      await observe(event);
    } catch {
      // A feature's bookkeeping must never cost the count or the other features.
    }
  }));
}
