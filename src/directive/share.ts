// A seat's share of an organization's limits. Every §5 limit of an organization's mailbox is for
// the box, whatever the number of browsers using it (§5.2.1: "60 GetMailbox an hour" for the whole
// organization); an institution that runs N seats gives each seat a fraction of each limit by
// policy (docs/organizations.md, "Shares"). Individual limits are one person's: never shared.
import type { DirectiveMethod } from './rules';

export interface SeatShare {
  /** This seat's fraction of every organization limit, in (0, 1]. */
  readonly fraction: number;
  /** Per-method fractions in [0, 1] that replace `fraction`; 0: this seat never makes that call. */
  readonly methods?: Readonly<Partial<Record<DirectiveMethod, number>>>;
}

/**
 * The seat's limit for a box limit `limit`: floor(limit × fraction), and never below 1 per window
 * (docs/organizations.md, "The rounding rule"). Rounding down keeps the seats' sum at or under the
 * box's limit whenever every seat's exact share is at least 1; the floor of 1 keeps the web
 * application usable on every seat (one refresh per window, the in-memory copy between), which is
 * why it is not the individual limit (6 an hour at peak for GetMailbox): 20 seats × 6 would be
 * twice the box's 60. Only an explicit per-method 0 gives 0, for the rare calls (1 or 2 a day) that
 * IT reserves to one seat.
 */
export function seatLimit(limit: number, share: SeatShare, method: DirectiveMethod): number {
  const fraction = share.methods?.[method] ?? share.fraction;
  if (fraction <= 0) return 0;
  return Math.min(limit, Math.max(1, Math.floor(limit * fraction + 1e-9)));
}
