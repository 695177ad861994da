import { describe, expect, it } from 'vitest';
import type { ApiCall } from '../directive/routes';
import { LEASE_MAX } from '../shared/messages';
import { Leases, MARGIN_MS } from './leases';

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
    const full = Array.from({ length: LEASE_MAX }, (_, i) => `s${i}`);
    leases.add(box, { slots: full, ms: 2000 });
    expect(leases.take(inbox)).toBeNull();
    for (let i = 0; i < LEASE_MAX / 2; i++) expect(leases.take(box)).toEqual({ slot: `s${i}`, left: LEASE_MAX - 1 - i, low: false });
    // Below half a lease: said once, until more slots come.
    expect(leases.take(box)).toMatchObject({ left: LEASE_MAX / 2 - 1, low: true });
    expect(leases.take(box)).toMatchObject({ low: false });
    leases.add(box, { slots: full.map((s) => `${s}b`), ms: 2000 });
    expect(leases.take(box)).toMatchObject({ left: LEASE_MAX + LEASE_MAX / 2 - 3, low: false });
  });

  it('never says low for a short lease (the budget is nearly spent: the regular batch asks for more)', () => {
    const { leases } = setup();
    leases.add(box, { slots: ['s1', 's2'], ms: 2000 });
    expect(leases.take(box)).toEqual({ slot: 's1', left: 1, low: false });
    expect(leases.take(box)).toEqual({ slot: 's2', left: 0, low: false });
    expect(leases.take(box)).toBeNull();
  });

  it('stops using a lease MARGIN_MS before it ends and gives back what is left, even when its timer fires early', () => {
    const { leases, back, advance } = setup();
    leases.add(box, { slots: ['s1', 's2', 's3'], ms: 2000 });
    expect(leases.take(box)?.slot).toBe('s1');
    advance(2000 - MARGIN_MS - 50, 60);
    expect(back).toEqual([]);
    expect(leases.take(box)?.slot).toBe('s2');
    advance(50);
    expect(back).toEqual(['s3']);
    expect(leases.take(box)).toBeNull();
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

  it('a ladder lease covers one call per message it does not exclude, and goes back whole when it ends', () => {
    const { leases, back, advance } = setup();
    const message = (id: string): ApiCall => ({ method: 'GetMessage', accessKey: 'ak', folder: 'inbox', messageId: id });
    leases.add(message('m0'), { slots: ['L-0'], ms: 120_000, except: ['near'] });
    expect(leases.take(message('m1'))).toEqual({ slot: 'L-0', left: LEASE_MAX, low: false });
    expect(leases.take(message('m1'))).toBeNull();
    expect(leases.take(message('near'))).toBeNull();
    expect(leases.take(message('m2'))?.slot).toBe('L-0');
    // Another folder is another kind of call; an attachment another method.
    expect(leases.take({ ...message('m3'), folder: 'sent' })).toBeNull();
    expect(leases.take({ method: 'GetAttachment', accessKey: 'ak', folder: 'inbox', messageId: 'm3', attachmentKey: 'a' })).toBeNull();
    advance(120_000 - MARGIN_MS);
    expect(back).toEqual(['L-0']);
    expect(leases.take(message('m4'))).toBeNull();
  });

  it('a ladder lease covers a move to the bin for all the messages its body names, each once, none excluded', () => {
    const { leases } = setup();
    const trash: ApiCall = { method: 'MoveMessage', accessKey: 'ak', folder: 'inbox', move: 'trash', batch: true };
    leases.add(trash, { slots: ['L-0'], ms: 120_000, except: ['near'] });
    expect(leases.take(trash, ['m1', 'm2'])?.slot).toBe('L-0');
    for (const ids of [['m3', 'm1'], ['m3', 'near'], ['m3', 'm3']]) expect(leases.take(trash, ids)).toBeNull();
    expect(leases.take(trash, ['m3'])?.slot).toBe('L-0');
    // A body it could not read counts against its route's stand-in, like a message: once.
    expect(leases.take(trash)?.slot).toBe('L-0');
    expect(leases.take(trash)).toBeNull();
  });
});
