// The cap in the planner: how many inserts and deletes the mailbox has left (the budget engine
// on the keeper's ledger, the same numbers enforce mode uses), and a plan that needs more is laid
// out over the coming days: each change at the first moment the trailing 24-hour window of
// §5.6.1 / §5.6.2 allows it, assuming the user makes each one as soon as allowed.
import { brusselsMidnight } from '../../../directive/brussels';
import { type Conditions, decide, record } from '../../../directive/engine';
import { type Ledger, emptyLedger } from '../../../directive/ledger';
import { type Change, type ChangeKind, METHOD_OF } from './model';

export interface Allowance {
  readonly used: number;
  readonly limit: number;
  readonly left: number;
  /** When the next change of this kind is allowed: now, later, or never (null). */
  readonly retryAt: number | null;
}

export interface ScheduledChange extends Change {
  /** When the budget allows it; null when it never does. */
  readonly at: number | null;
  /** Allowed only once the absence has started: it cannot be registered (or removed) in time. */
  readonly late: boolean;
}

export function allowance(kind: ChangeKind, ledger: Ledger, c: Conditions, now: number): Allowance {
  const v = decide({ method: METHOD_OF[kind], units: [] }, ledger, c, now);
  return { used: v.used, limit: v.limit, left: Math.max(0, v.limit - v.used), retryAt: v.retryAt };
}

/** A copy holding only the out-of-office windows: the simulation must not touch the keeper's ledger. */
function outOfOfficeCopy(ledger: Ledger): Ledger {
  const copy = emptyLedger();
  for (const method of Object.values(METHOD_OF)) {
    const stamps = ledger.windows[method];
    if (stamps) copy.windows[method] = [...stamps];
  }
  return copy;
}

export function spread(changes: readonly Change[], ledger: Ledger, c: Conditions, now: number): ScheduledChange[] {
  const sim = outOfOfficeCopy(ledger);
  return changes.map((change) => {
    const call = { method: METHOD_OF[change.kind], units: [] };
    const v = decide(call, sim, c, now);
    const at = v.retryAt === null ? null : Math.max(now, v.retryAt);
    if (at !== null) record(call, sim, at);
    const late = !change.cleanup && at !== null && at >= brusselsMidnight(change.start);
    return { ...change, at, late };
  });
}

/** The first moment after `now` when a change held back by the cap becomes allowed. */
export function nextStepAt(scheduled: readonly ScheduledChange[], now: number): number | null {
  let next: number | null = null;
  for (const s of scheduled) if (s.at !== null && s.at > now && (next === null || s.at < next)) next = s.at;
  return next;
}
