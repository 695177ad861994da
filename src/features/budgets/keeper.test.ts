import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Conditions } from '../../directive/engine';
import { CompanionDB } from '../../store/db';
import { Journal } from './journal';
import { BudgetKeeper, type CountedCall } from './keeper';

const ORG: Conditions = { kind: 'organization', active: true, onCall: [], ackAgreement: false };
const T0 = Date.UTC(2026, 10, 23, 10, 0); // 11:00 Brussels, peak

let n = 0;
const dbs: CompanionDB[] = [];
function fresh(name = `test-${++n}`) {
  const d = new CompanionDB(name);
  dbs.push(d);
  const journal = new Journal(() => d);
  return { d, keeper: new BudgetKeeper(() => d, journal), name };
}
const getMailbox = (id: string, mailbox = 'box-A'): CountedCall => ({ id, mailbox, method: 'GetMailbox', units: [] });

afterEach(async () => {
  for (const d of dbs.splice(0)) {
    d.close();
    await d.delete();
  }
});

describe('BudgetKeeper', () => {
  it('lets exactly the limit through when many calls race in enforce mode', async () => {
    const { keeper, d } = fresh();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => keeper.decide(getMailbox(`c${i}`), ORG, true, T0 + i)));
    expect(results.filter((r) => r.sent)).toHaveLength(60);
    expect(await d.calls.count()).toBe(60);
    const hourly = await d.hourly.toArray();
    expect(hourly.reduce((a, r) => a + r.calls, 0)).toBe(60);
    expect(hourly.reduce((a, r) => a + r.held, 0)).toBe(40);
  });

  it('counts everything in observe mode and flags what was over', async () => {
    const { keeper, d } = fresh();
    const results = await Promise.all(Array.from({ length: 65 }, (_, i) => keeper.decide(getMailbox(`c${i}`), ORG, false, T0 + i)));
    expect(results.every((r) => r.sent)).toBe(true);
    expect(results.filter((r) => !r.verdict.allowed)).toHaveLength(5);
    expect(await d.calls.where('id').anyOf(['c60', 'c64']).toArray()).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'c60', over: true })]));
  });

  it('survives a restart: a new keeper on the same database remembers the window', async () => {
    const first = fresh();
    for (let i = 0; i < 60; i++) await first.keeper.decide(getMailbox(`c${i}`), ORG, true, T0 + i);
    const again = new BudgetKeeper(() => first.d, new Journal(() => first.d));
    const late = await again.decide(getMailbox('late'), ORG, true, T0 + 1000);
    expect(late.sent).toBe(false);
    expect(late.verdict.retryAt).toBe(T0 + 3_600_000);
  });

  it('counts an outcome once, whether or not its decision was seen', async () => {
    const { keeper, d } = fresh();
    await keeper.decide(getMailbox('a'), ORG, true, T0);
    await keeper.outcome(getMailbox('a'), 'decided', 200, ORG, T0 + 5);
    await keeper.outcome(getMailbox('a'), 'decided', 200, ORG, T0 + 6);
    await keeper.outcome(getMailbox('b'), 'fail-open', 200, ORG, T0 + 7);
    await keeper.outcome(getMailbox('b'), 'fail-open', 200, ORG, T0 + 8);
    expect((await d.calls.toArray()).map((r) => [r.id, r.via, r.status])).toEqual([
      ['a', 'decided', 200],
      ['b', 'fail-open', 200],
    ]);
  });

  it('does not count twice when an outcome races its own decision', async () => {
    const { keeper, d } = fresh();
    const decided = keeper.decide(getMailbox('x'), ORG, true, T0);
    const reported = keeper.outcome(getMailbox('x'), 'fail-open', 200, ORG, T0 + 1);
    await Promise.all([decided, reported]);
    expect(await d.calls.count()).toBe(1);
  });

  it('gives the slot back when the page aborts before the call leaves', async () => {
    const { keeper, d } = fresh();
    for (let i = 0; i < 60; i++) await keeper.decide(getMailbox(`c${i}`), ORG, true, T0 + i);
    await keeper.release('c59', T0 + 100);
    expect(await d.calls.count()).toBe(59);
    expect((await keeper.decide(getMailbox('again'), ORG, true, T0 + 200)).sent).toBe(true);
  });

  it('keeps ladders per message across restarts', async () => {
    const { keeper, d } = fresh();
    const getMessage = (id: string): CountedCall => ({ id, mailbox: 'box-A', method: 'GetMessage', folder: 'inbox', units: ['m1'] });
    for (let i = 0; i < 6; i++) expect((await keeper.decide(getMessage(`g${i}`), ORG, true, T0 + i)).sent).toBe(true);
    const again = new BudgetKeeper(() => d, new Journal(() => d));
    const seventh = await again.decide(getMessage('g6'), ORG, true, T0 + 10);
    expect(seventh.sent).toBe(false);
    expect(seventh.verdict.retryAt).toBe(T0 + 5 + 3_600_000);
  });

  it('does not count a retried decide twice when a stopped worker had committed the first attempt', async () => {
    const first = fresh();
    for (let i = 0; i < 59; i++) await first.keeper.decide(getMailbox(`c${i}`), ORG, true, T0 + i);
    expect((await first.keeper.decide(getMailbox('last'), ORG, true, T0 + 100)).sent).toBe(true);
    // The worker is stopped before its answer left; the bridge sends the same decide to a new one.
    const again = new BudgetKeeper(() => first.d, new Journal(() => first.d));
    const retried = await again.decide(getMailbox('last'), ORG, true, T0 + 200, true);
    expect(retried.sent).toBe(true);
    expect(await first.d.calls.count()).toBe(60);
    expect((await first.d.hourly.toArray()).reduce((a, r) => a + r.calls, 0)).toBe(60);
    // ...while a new call is still held back.
    expect((await again.decide(getMailbox('next'), ORG, true, T0 + 300)).sent).toBe(false);
  });

  it('decides a retried decide afresh when the first attempt was never committed', async () => {
    const { keeper, d } = fresh();
    const retried = await keeper.decide(getMailbox('lost'), ORG, true, T0, true);
    expect(retried.sent).toBe(true);
    expect(await d.calls.count()).toBe(1);
  });
});
