// The simulation's invariant (docs/shared-budgets.md): whatever the seats, leases, outages and
// demand, no strategy lets more than the box's limit reach the server in any trailing window.
import { describe, expect, it } from 'vitest';
import { type SimOptions, demand, simulate } from './shared-budgets';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('shared budgets simulation', () => {
  it('the demand is bursty and about the box limit: the control without limits goes over it', () => {
    const r = simulate({ seats: 20, limit: 60, windowMs: HOUR, hours: 10, seed: 1, strategy: 'none' });
    expect(r.demanded).toBe(demand({ seats: 20, hours: 10, seed: 1 }).length);
    expect(r.overLimit).toBeGreaterThan(0);
    expect(r.maxInWindow).toBeGreaterThan(60);
  });

  it.each(Array.from({ length: 40 }, (_, i) => i + 1))('seed %i: never over the limit, static or shared, relay up or down', (seed) => {
    // Parameters drawn from the seed: seats 5–50, floors 0–2, leases of 1–5 slots for 10 s to 10 min, outages.
    const seats = 5 + ((seed * 7) % 46);
    const limit = 60;
    const floor = Math.min(seed % 3, Math.floor(limit / seats));
    const common = { seats, limit, windowMs: HOUR, hours: 8, seed };
    const shared: SimOptions = {
      ...common, strategy: 'shared', floor, leaseSize: 1 + (seed % 5), leaseMs: (10 + ((seed * 53) % 590)) * 1000,
      outages: seed % 2 === 0 ? [[(seed % 5) * HOUR, (seed % 5) * HOUR + 37 * MIN], [6 * HOUR, 6 * HOUR + 5 * MIN]] : [],
    };
    for (const r of [simulate({ ...common, strategy: 'static' }), simulate(shared)]) {
      expect(r.overLimit).toBe(0);
      expect(r.maxInWindow).toBeLessThanOrEqual(limit);
      expect(r.sent + r.held).toBe(r.demanded);
    }
  });

  it('a shared budget holds fewer calls than static shares for the same demand', () => {
    const o = { seats: 20, limit: 60, windowMs: HOUR, hours: 10, seed: 3 } as const;
    expect(simulate({ ...o, strategy: 'shared' }).held).toBeLessThan(simulate({ ...o, strategy: 'static' }).held);
  });
});
