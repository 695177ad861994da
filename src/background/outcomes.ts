// What features learn from a call that reached the server: the route, its status and the small
// summary the page hook read from the answer (sizes, counts, ids, dates). Each feature registers
// one observer; one failing never stops the others.
import type { ApiCall } from '../directive/routes';
import type { ResponseInfo } from '../shared/page-protocol';

export interface OutcomeEvent {
  readonly mailbox: string;
  readonly call: ApiCall;
  readonly messageIds?: readonly string[];
  readonly bodyBytes?: number;
  readonly status: number;
  readonly info?: ResponseInfo;
  readonly at: number;
}

export type OutcomeObserver = (event: OutcomeEvent) => Promise<void> | void;

export async function notifyObservers(observers: readonly OutcomeObserver[], event: OutcomeEvent): Promise<void> {
  await Promise.all(observers.map(async (observe) => {
    try {
      await observe(event);
    } catch {
      // A feature's bookkeeping must never cost the count or the other features.
    }
  }));
}
