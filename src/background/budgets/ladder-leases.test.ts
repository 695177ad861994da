import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import type { Conditions } from '../../directive/engine';
import { LADDER } from '../../directive/rules';
import { CompanionDB } from '../../store/db';
import { Journal } from './journal';
import { BudgetKeeper, type CountedCall, SLOTS_RETRY_MS } from './keeper';
import { LADDER_LEASE_KEPT_MS } from './ladder-leases';
import { LEASE_MS } from './leases';

const ORG: Conditions = { kind: 'organization', active: true, onCall: [], ackAgreement: false };
const T0 = Date.UTC(2026, 10, 23, 10, 0);

let n = 0;
const dbs: CompanionDB[] = [];
function fresh(d = new CompanionDB(`ladder-${++n}`)) {
  dbs.push(d);
  return { d, keeper: new BudgetKeeper(() => d, new Journal(() => d)) };
}
let ids = 0;
const open = (message: string, id = `g${++ids}`): CountedCall => ({ id, mailbox: 'box-A', method: 'GetMessage', folder: 'inbox', units: [message] });
/** Moving messages to the bin: a batch naming its messages in its body (§5.4.3). */
const trash = (...messages: string[]): CountedCall => ({ id: `t${++ids}`, mailbox: 'box-A', method: 'MoveMessage', folder: 'inbox', units: messages });

afterEach(async () => {
  for (const d of dbs.splice(0)) {
    d.close();
    await d.delete();
  }
});

/** Opens messages until the keeper grants a ladder lease (it reads the box's ladders first, once). */
async function leased(keeper: BudgetKeeper, t = T0, call: (unit: string) => CountedCall = open): Promise<{ slot: string; except: string[] }> {
  for (let i = 0; i < 20; i++) {
    const reply = await keeper.decideAndWait(call(`warm-${i}`), ORG, t, { lease: true });
    if (reply.lease) return { slot: reply.lease.slots[0] ?? '', except: reply.lease.except ?? [] };
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('no ladder lease');
}

describe('ladder leases (§5.4.2: a message\'s first six calls are free)', () => {
  it('lease one call per message, excluding the messages at five calls or more, one live lease per box and method', async () => {
    const { keeper } = fresh();
    for (let i = 0; i < 5; i++) await keeper.decideAndWait(open('near'), ORG, T0);
    for (let i = 0; i < 6; i++) await keeper.decideAndWait(open('spent'), ORG, T0);
    const { slot, except } = await leased(keeper);
    expect(except.sort()).toEqual(['near', 'spent']);
    // Another tab asks: no second lease while this one lives.
    expect((await keeper.decideAndWait(open('other'), ORG, T0 + 1, { lease: true })).lease).toBeUndefined();
    expect(await keeper.claim(slot, open('new'), T0 + 2)).toBe(true);
    expect(await keeper.claim(slot, open('new'), T0 + 3)).toBe(false);
    expect(await keeper.claim(slot, open('near'), T0 + 3)).toBe(false);
    expect(await keeper.claim(slot, { ...open('x'), method: 'GetAttachment', units: ['x/a'] }, T0 + 3)).toBe(false);
  });

  it('a decide sent again after its answer was lost gets its ladder lease again, by a worker started since', async () => {
    const { d, keeper } = fresh();
    const { slot, except } = await leased(keeper);
    const call = open('warm-again', 'lost');
    // The lease went with the last warm-up's verdict; that answer never reached its tab.
    const granted = (await d.calls.toArray()).find((r) => r.via === 'leased');
    expect(granted?.grantedWith).toBeDefined();
    const again = new BudgetKeeper(() => d, new Journal(() => d));
    const resent = await again.decideAndWait({ ...call, id: granted?.grantedWith ?? '', units: ['warm-0'] }, ORG, T0 + 500, { resent: true, lease: true });
    expect(resent.lease).toEqual({ slots: [slot], ms: LEASE_MS.fixed - 500, except });
    expect((await again.decideAndWait(call, ORG, T0 + 600, { resent: true, lease: true })).lease).toBeUndefined();
  });

  it('until the lease ends, every message it may still open counts one call more for the other tabs', async () => {
    const { keeper } = fresh();
    for (let i = 0; i < 4; i++) await keeper.decideAndWait(open('m'), ORG, T0);
    const { slot } = await leased(keeper);
    expect((await keeper.decideAndWait(open('m'), ORG, T0 + 1)).sent).toBe(true); // 5th
    // The 6th is the lease's while it lives: held, and told to ask again in a moment, not in an hour.
    const held = await keeper.decideAndWait(open('m'), ORG, T0 + 2);
    expect(held).toMatchObject({ sent: false, verdict: { retryAt: T0 + 2 + SLOTS_RETRY_MS } });
    expect(await keeper.claim(slot, open('m'), T0 + 3)).toBe(true); // 6th
    expect((await keeper.decideAndWait(open('m'), ORG, T0 + 4)).verdict.retryAt).toBeGreaterThan(T0 + 3_600_000);
    // Given back: it reserves nothing more.
    const { keeper: other } = fresh();
    for (let i = 0; i < 4; i++) await other.decideAndWait(open('k'), ORG, T0);
    const lease = await leased(other);
    expect((await other.decideAndWait(open('k'), ORG, T0 + 1)).sent).toBe(true);
    // The tabs are asked for their leases; the one given back lets the waiting call go.
    const waiting = other.decideAndWait(open('k'), ORG, T0 + 2);
    await new Promise((r) => setTimeout(r, 50));
    await other.release(lease.slot, T0 + 2);
    expect(await waiting).toMatchObject({ sent: true });
  });

  it('a worker started again reads the live lease back and keeps its reservation; an ended one reserves nothing', async () => {
    const first = fresh();
    for (let i = 0; i < 5; i++) await first.keeper.decideAndWait(open('m'), ORG, T0);
    const { slot } = await leased(first.keeper);
    await first.keeper.decideAndWait(open('n'), ORG, T0); // n: 1 call
    await first.keeper.commit();
    const again = new BudgetKeeper(() => first.d, new Journal(() => first.d));
    for (let i = 0; i < 4; i++) expect((await again.decideAndWait(open('n'), ORG, T0 + 10)).sent).toBe(true);
    expect((await again.decideAndWait(open('n'), ORG, T0 + 10)).sent).toBe(false);
    expect(await again.claim(slot, open('n'), T0 + 20)).toBe(true);
    const later = new BudgetKeeper(() => first.d, new Journal(() => first.d));
    expect((await later.decideAndWait(open('fresh'), ORG, T0 + LADDER_LEASE_KEPT_MS + 1)).sent).toBe(true);
    expect(await later.claim(slot, open('other'), T0 + LADDER_LEASE_KEPT_MS + 2)).toBe(false);
  });

  it('a move to the bin goes on the lease for all the messages it names, each once, none excluded', async () => {
    const { keeper } = fresh();
    for (let i = 0; i < 5; i++) await keeper.decideAndWait(trash('near'), ORG, T0);
    const { slot, except } = await leased(keeper, T0, (unit) => trash(unit));
    expect(except).toEqual(['near']);
    expect(await keeper.claim(slot, trash('a', 'b'), T0 + 1)).toBe(true);
    expect(await keeper.claim(slot, trash('c', 'a'), T0 + 2)).toBe(false);
    expect(await keeper.claim(slot, trash('c', 'near'), T0 + 2)).toBe(false);
    expect(await keeper.claim(slot, trash('c', 'c'), T0 + 2)).toBe(false);
    expect(await keeper.claim(slot, open('c'), T0 + 2)).toBe(false);
    expect(await keeper.claim(slot, trash('c'), T0 + 3)).toBe(true);
  });

  // One property per shape of call: an opening names one message, a move one or several.
  it.each([
    { shape: 'openings', call: (ms: string[]) => open(ms[0] ?? ''), pick: fc.nat(2).map((m) => [m]) },
    { shape: 'moves of one to three messages', call: (ms: string[]) => trash(...ms), pick: fc.subarray([0, 1, 2], { minLength: 1 }) },
  ])('any interleaving of the lease\'s $shape and other tabs\' decisions keeps each message within its free calls', async ({ call, pick }) => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(LADDER.free), { minLength: 3, maxLength: 3 }),
        fc.array(fc.record({ leased: fc.boolean(), messages: pick }), { maxLength: 30 }),
        async (before, steps) => {
          const { keeper } = fresh();
          const sent = before.map(() => 0);
          for (const [m, count] of before.entries()) for (let i = 0; i < count; i++) await keeper.decideAndWait(call([`m${m}`]), ORG, T0);
          const { slot, except } = await leased(keeper, T0, (unit) => call([unit]));
          const used = new Set<string>();
          let t = T0 + 1;
          for (const step of steps) {
            const messages = step.messages.map((m) => `m${m}`);
            t++;
            let went = false;
            // The bridge uses the lease once per message it does not exclude; the keeper agrees.
            if (step.leased && messages.every((m) => !except.includes(m) && !used.has(m))) {
              for (const m of messages) used.add(m);
              expect(await keeper.claim(slot, call(messages), t)).toBe(true);
              went = true;
            } else if (!step.leased) went = (await keeper.decideAndWait(call(messages), ORG, t)).sent;
            if (went) for (const m of step.messages) sent[m] = (sent[m] ?? 0) + 1;
          }
          for (const [m, count] of before.entries()) expect(count + (sent[m] ?? 0)).toBeLessThanOrEqual(Math.max(count, LADDER.free));
        },
      ),
      { numRuns: 40 },
    );
    // A call held only by the lease waits for it a moment (400 ms, real time): some runs take seconds.
  }, 60_000);
});
