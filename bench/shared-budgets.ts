// Static shares against a shared budget for an organization's box (docs/shared-budgets.md): 20
// seats with bursty use share one box limit (60 GetMailbox an hour, §5.2.1). Pure Node, seeded,
// no browser. What a strategy must never do: let more than the limit reach the server in any
// trailing window. What it should do: hold as few calls as possible while the box has room.
//   static : each seat keeps floor(limit / seats) in its own trailing window (directive/share.ts).
//   shared : each seat keeps a small floor of its own; the rest of the limit is a pool on a relay,
//            from which seats lease slots (the way tabs lease them from the background today).
//            A leased slot must be used within `leaseMs`; the relay counts it for W + leaseMs from
//            the grant, so a slot used late still leaves the relay's count after the call leaves the
//            server's window; a slot never used is given back at the end of its lease. Relay down:
//            seats keep their floor and the slots already in hand, nothing more.
//   none   : no limit at all (the control: it must show calls over the limit).

export interface SimOptions {
  readonly seats: number;
  /** The box's limit per trailing window. */
  readonly limit: number;
  readonly windowMs: number;
  readonly hours: number;
  readonly seed: number;
  readonly strategy: 'static' | 'shared' | 'none';
  /** shared: calls per window each seat may make without the relay. */
  readonly floor?: number;
  /** shared: slots asked for at once, and how long they may be used. */
  readonly leaseSize?: number;
  readonly leaseMs?: number;
  /** shared: the relay cannot be reached in these [start, end) offsets from the start, ms. */
  readonly outages?: readonly (readonly [number, number])[];
}

export interface SimResult {
  readonly demanded: number;
  readonly sent: number;
  readonly held: number;
  /** Calls that reached the server while the calls of the trailing window were already at the limit. */
  readonly overLimit: number;
  readonly maxInWindow: number;
  /** Waste: calls held although the box had room for them at that moment (the server would have taken them). */
  readonly heldWithRoom: number;
  /** shared: requests to the relay (each a network round trip from a seat). */
  readonly relayRequests: number;
}

const MIN = 60_000;

/** mulberry32: a small seeded generator, so that every run gives the same figures. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Bursty demand: each seat has work sessions (a Poisson stream), and refreshes the box every so
 * often while one lasts. A fifth of the seats (a front desk, the secretariat) work in long, dense
 * sessions; the others now and then, briefly.
 */
export function demand(o: Pick<SimOptions, 'seats' | 'hours' | 'seed'>): { seat: number; at: number }[] {
  const rnd = random(o.seed);
  const span = o.hours * 60 * MIN;
  const out: { seat: number; at: number }[] = [];
  const between = (lo: number, hi: number): number => lo + rnd() * (hi - lo);
  for (let seat = 0; seat < o.seats; seat++) {
    const heavy = seat < Math.ceil(o.seats / 5);
    const meanGap = heavy ? 60 * MIN : 120 * MIN;
    let t = -Math.log(1 - rnd()) * meanGap;
    while (t < span) {
      const end = t + (heavy ? between(3, 15) : between(1, 4)) * MIN;
      for (let c = t; c < end && c < span; c += (heavy ? between(30, 90) : between(45, 120)) * 1000) out.push({ seat, at: Math.floor(c) });
      t = end - Math.log(1 - rnd()) * meanGap;
    }
  }
  return out.sort((a, b) => a.at - b.at || a.seat - b.seat);
}

/** Calls in (t − w, t] of sorted `times`, counting from the front kept in `from` (times only grow). */
class Window {
  private readonly times: number[] = [];
  private first = 0;
  constructor(private readonly w: number) {}
  count(t: number): number {
    while (this.first < this.times.length && (this.times[this.first] ?? 0) <= t - this.w) this.first++;
    return this.times.length - this.first;
  }
  add(t: number): void {
    this.times.push(t);
  }
}

interface Grant {
  readonly at: number;
  used: boolean;
}

export function simulate(o: SimOptions): SimResult {
  const calls = demand(o);
  const W = o.windowMs;
  const box = new Window(W);
  const own = Array.from({ length: o.seats }, () => new Window(W));
  const staticShare = Math.max(1, Math.floor(o.limit / o.seats));
  const floor = o.floor ?? 1;
  const pool = o.limit - floor * o.seats;
  const leaseSize = o.leaseSize ?? 2;
  const leaseMs = o.leaseMs ?? 2 * MIN;
  const relayUp = (t: number): boolean => !(o.outages ?? []).some(([s, e]) => t >= s && t < e);
  /** Grants the relay counts: each for W + leaseMs from its grant, or until given back unused. */
  let grants: Grant[] = [];
  const pockets: Grant[][] = Array.from({ length: o.seats }, () => []);
  let sent = 0;
  let held = 0;
  let overLimit = 0;
  let maxInWindow = 0;
  let heldWithRoom = 0;
  let relayRequests = 0;

  const relayCount = (t: number): number => {
    grants = grants.filter((g) => t < g.at + W + leaseMs && (g.used || t < g.at + leaseMs || !relayUp(g.at + leaseMs)));
    return grants.length;
  };

  function allowed(seat: number, t: number): boolean {
    const mine = own[seat] as Window;
    if (o.strategy === 'none') return true;
    if (o.strategy === 'static') return mine.count(t) < staticShare;
    if (mine.count(t) < floor) return true; // the seat's own floor, without the relay
    const pocket = (pockets[seat] as Grant[]).filter((g) => !g.used && t < g.at + leaseMs);
    pockets[seat] = pocket;
    const slot = pocket[0];
    if (slot) {
      slot.used = true;
      return true;
    }
    if (!relayUp(t)) return false;
    relayRequests++;
    const room = pool - relayCount(t);
    if (room <= 0) return false;
    const leased = Array.from({ length: Math.min(leaseSize, room) }, () => ({ at: t, used: false }));
    grants.push(...leased);
    (leased[0] as Grant).used = true;
    pockets[seat] = leased.slice(1);
    return true;
  }

  for (const { seat, at } of calls) {
    const inWindow = box.count(at);
    if (allowed(seat, at)) {
      if (inWindow >= o.limit) overLimit++;
      box.add(at);
      if (o.strategy !== 'shared' || (own[seat] as Window).count(at) < floor) (own[seat] as Window).add(at);
      sent++;
      maxInWindow = Math.max(maxInWindow, inWindow + 1);
    } else {
      held++;
      if (inWindow < o.limit) heldWithRoom++;
    }
  }
  return { demanded: calls.length, sent, held, overLimit, maxInWindow, heldWithRoom, relayRequests };
}

/** The figures of docs/shared-budgets.md: 20 seats, 60 an hour, a ten-hour day, ten seeds. */
export function runSharedBudgetsBench(): { name: string; total: SimResult }[] {
  const base = { seats: 20, limit: 60, windowMs: 60 * MIN, hours: 10 } as const;
  const cases: [string, Omit<SimOptions, 'seed' | keyof typeof base>][] = [
    ['static shares (3 an hour each)', { strategy: 'static' }],
    ['shared budget (floor 1 each, pool 40, leases of 2 for 2 min)', { strategy: 'shared', floor: 1, leaseSize: 2, leaseMs: 2 * MIN }],
    ['shared budget, leases of 1 (one relay request per call beyond the floor)', { strategy: 'shared', floor: 1, leaseSize: 1, leaseMs: 2 * MIN }],
    ['shared budget, relay down 11:00–12:30 every day', { strategy: 'shared', floor: 1, leaseSize: 2, leaseMs: 2 * MIN, outages: [[3 * 60 * MIN, 4.5 * 60 * MIN]] }],
    ['no limit (control)', { strategy: 'none' }],
  ];
  return cases.map(([name, c]) => {
    const runs = Array.from({ length: 10 }, (_, seed) => simulate({ ...base, ...c, seed: seed + 1 }));
    const sum = (k: keyof SimResult): number => runs.reduce((a, r) => a + r[k], 0);
    return {
      name,
      total: {
        demanded: sum('demanded'), sent: sum('sent'), held: sum('held'), overLimit: sum('overLimit'),
        maxInWindow: Math.max(...runs.map((r) => r.maxInWindow)), heldWithRoom: sum('heldWithRoom'), relayRequests: sum('relayRequests'),
      },
    };
  });
}
