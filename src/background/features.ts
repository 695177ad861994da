// Every feature that spans shells plugs into the background here, with one line each. A
// feature's `install` only registers (observers, advisors, alarms, start-up tasks): it must not
// await, so that all listeners stay registered synchronously.
import type { Services } from './services';

export function installFeatures(_s: Services): void {
  // Mailbox health (quota, retention, acknowledgements) and the out-of-office planner add their lines here.
}
