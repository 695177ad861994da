import { describe, expect, it } from 'vitest';
import type { ApiCall } from '../directive/routes';
import { IDLE_MS, Leases, MARGIN_MS } from './leases';

const box: ApiCall = { method: 'GetMailbox', accessKey: 'ak' };
const inbox: ApiCall = { method: 'ListMessages', accessKey: 'ak', folder: 'inbox' };
const sent: ApiCall = { method: 'ListMessages', accessKey: 'ak', folder: 'sent' };

function setup() {
  const clock = { now: 0 };
  const timers: { task: () => void; at: number }[] = [];
  const back: string[] = [];
  const leases = new Leases(
    () => clock.now,
    (task, ms) => void timers.push({ task, at: clock.now + ms }),
    (slots) => void back.push(...slots),
  );
  /** Moves the clock and fires the timers that are due (as setTimeout would, perhaps early by `early` ms). */
  const advance = (ms: number, early = 0) => {
    clock.now += ms;
    for (const t of timers.splice(0).sort((a, b) => a.at - b.at)) {
      if (t.at - early <= clock.now) t.task();
      else timers.push(t);
    }
  };
  return { leases, back, advance, timers };
}

describe('leased slots in the bridge', () => {
  it('hands out the slots of a kind of call one by one, saying how many are left', () => {
    const { leases } = setup();
    leases.add(box, { slots: ['s1', 's2'], ms: 2000 });
    expect(leases.take(inbox)).toBeNull();
    // Below half a lease: said once, until more slots come.
    expect(leases.take(box)).toEqual({ slot: 's1', left: 1, low: true });
    leases.add(box, { slots: ['s3'], ms: 2000 });
    expect(leases.take(box)).toEqual({ slot: 's2', left: 1, low: true });
    expect(leases.take(box)).toEqual({ slot: 's3', left: 0, low: false });
    expect(leases.take(box)).toBeNull();
  });

  it('stops using a lease MARGIN_MS before it ends and gives back what is left', () => {
    const { leases, back, advance } = setup();
    const slots = Array.from({ length: 40 }, (_, i) => `s${i}`);
    leases.add(box, { slots, ms: 2000 });
    // A call every 100 ms keeps the kind busy; the lease ends 2000 − MARGIN_MS after it came.
    let t = 0;
    while (t + 100 < 2000 - MARGIN_MS) {
      expect(leases.take(box)).not.toBeNull();
      advance(100);
      t += 100;
    }
    expect(back).toEqual([]);
    advance(2000 - MARGIN_MS - t);
    expect(back).toHaveLength(40 - 17);
    expect(leases.take(box)).toBeNull();
  });

  it('gives back the slots of a kind of call left alone for IDLE_MS', () => {
    const { leases, back, advance } = setup();
    leases.add(box, { slots: ['s1', 's2', 's3'], ms: 2000 });
    leases.add(inbox, { slots: ['i1'], ms: 2000 });
    advance(IDLE_MS - 50);
    expect(leases.take(box)?.slot).toBe('s1');
    advance(50);
    expect(back).toEqual(['i1']);
    advance(IDLE_MS - 51);
    expect(back).toEqual(['i1']);
    advance(1);
    expect(back).toEqual(['i1', 's2', 's3']);
  });

  it('gives back the kinds asked for, or all', () => {
    const { leases, back } = setup();
    leases.add(box, { slots: ['b1'], ms: 2000 });
    leases.add(inbox, { slots: ['i1'], ms: 2000 });
    leases.add(sent, { slots: ['x1'], ms: 2000 });
    leases.drop((kind) => kind.startsWith('ak|ListMessages|'));
    expect(back.sort()).toEqual(['i1', 'x1']);
    expect(leases.take(box)?.slot).toBe('b1');
    leases.add(box, { slots: ['b2'], ms: 2000 });
    leases.drop();
    expect(back).toContain('b2');
    expect(leases.take(box)).toBeNull();
  });
});
