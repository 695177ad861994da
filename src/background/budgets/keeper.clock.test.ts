// Issue 6, case 4 at the level where the clock is a parameter: the budget keeper (its in-memory
// ledgers, the journal's group commit, IndexedDB through fake-indexeddb, and a "worker restart" =
// a new keeper on the same database) while the clock moves back an hour, forward a day, and across
// both 2026 daylight-saving nights. `npm test` runs this file under Europe/Brussels,
// America/New_York and Asia/Tokyo. The browser-level counterpart (a real Chromium whose clock is
// moved with libfaketime, machine zone Asia/Tokyo) is e2e/reliability-clock.spec.ts.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { brusselsInstant } from '../../directive/brussels';
import { type Conditions, decide } from '../../directive/engine';
import { CompanionDB } from '../../store/db';
import { Journal } from './journal';
import { BudgetKeeper, type CountedCall } from './keeper';
import { windowStandings } from './standing';
import { allHours } from '../../store/packed';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const ORG: Conditions = { kind: 'organization', active: true, onCall: [], ackAgreement: false };
const IND: Conditions = { kind: 'individual', active: true, onCall: [], ackAgreement: false };

let n = 0;
const dbs: CompanionDB[] = [];
function world() {
  const d = new CompanionDB(`clock-${++n}`);
  dbs.push(d);
  let keeper = new BudgetKeeper(() => d, new Journal(() => d));
  return {
    d,
    get keeper() {
      return keeper;
    },
    /** The service worker is stopped and started again: memory gone, IndexedDB kept. */
    restart() {
      keeper = new BudgetKeeper(() => d, new Journal(() => d));
    },
  };
}

afterEach(async () => {
  for (const d of dbs.splice(0)) {
    d.close();
    await d.delete();
  }
});

let seq = 0;
const getMailbox = (mailbox = 'box'): CountedCall => ({ id: `c${++seq}`, mailbox, method: 'GetMailbox', units: [] });
const ooo = (mailbox = 'box'): CountedCall => ({ id: `o${++seq}`, mailbox, method: 'CreateOutOfOffice', units: [] });

/**
 * What the user sees stays true whatever the clock did: no budget counts more calls than were
 * stored (a count is a length, never negative, but a reload after a restart could count a call
 * twice), no next-allowed instant in the past, no hourly aggregate below zero.
 */
async function neverNegative(w: ReturnType<typeof world>, mailbox: string, c: Conditions, now: number): Promise<void> {
  const stored = (await w.d.calls.toArray()).filter((r) => r.mailbox === mailbox);
  for (const s of windowStandings(await w.keeper.ledger(mailbox, now), c, now)) {
    const made = stored.filter((r) => r.method === s.method && (s.folder === undefined || r.folder === s.folder)).length;
    expect(s.used).toBeLessThanOrEqual(made);
    if (s.retryAt !== null) expect(s.retryAt).toBeGreaterThanOrEqual(now);
  }
  for (const r of await allHours(w.d)) {
    expect(Math.min(r.calls, r.over, r.held, r.failOpen)).toBeGreaterThanOrEqual(0);
  }
}

describe('the clock moves between calls (keeper, IndexedDB, restarts)', () => {
  const T0 = Date.UTC(2026, 10, 23, 10, 0); // 11:00 Brussels, an ordinary Monday

  it('back an hour: nothing resets, not even after a restart; the next-allowed instant stays the same instant', async () => {
    const w = world();
    for (let i = 0; i < 60; i++) expect((await w.keeper.decideAndWait(getMailbox(), ORG, T0 + i * MIN / 2)).sent).toBe(true);
    const held = await w.keeper.decideAndWait(getMailbox(), ORG, T0 + 40 * MIN);
    expect(held).toMatchObject({ sent: false, verdict: { retryAt: T0 + HOUR } });

    const back = T0 + 41 * MIN - HOUR; // the clock now reads 10:41 Brussels
    const again = await w.keeper.decideAndWait(getMailbox(), ORG, back);
    expect(again).toMatchObject({ sent: false, verdict: { used: 60, retryAt: T0 + HOUR } });
    await neverNegative(w, 'box', ORG, back);
    w.restart();
    const afterRestart = await w.keeper.decideAndWait(getMailbox(), ORG, back + MIN);
    expect(afterRestart).toMatchObject({ sent: false, verdict: { used: 60, retryAt: T0 + HOUR } });
    expect(await w.d.calls.count()).toBe(60);
  });

  it('forward a day: the window has passed, counting goes on; back again: the calls made "tomorrow" still count', async () => {
    const w = world();
    for (let i = 0; i < 60; i++) await w.keeper.decideAndWait(getMailbox(), ORG, T0 + i * 1000);
    const tomorrow = T0 + DAY + 5 * MIN;
    for (let i = 0; i < 60; i++) expect((await w.keeper.decideAndWait(getMailbox(), ORG, tomorrow + i * 1000)).sent).toBe(true);
    const held = await w.keeper.decideAndWait(getMailbox(), ORG, tomorrow + 2 * MIN);
    expect(held).toMatchObject({ sent: false, verdict: { used: 60, retryAt: tomorrow + HOUR } });
    await neverNegative(w, 'box', ORG, tomorrow + 2 * MIN);

    // The clock is set back to today (it was a day ahead by mistake): both batches are in the window.
    const today = T0 + 10 * MIN;
    const back = await w.keeper.decideAndWait(getMailbox(), ORG, today);
    expect(back.sent).toBe(false);
    expect(back.verdict.used).toBe(120);
    await neverNegative(w, 'box', ORG, today);
    w.restart();
    expect((await w.keeper.decideAndWait(getMailbox(), ORG, today + 1000)).verdict.used).toBe(120);
    expect(await w.d.calls.count()).toBe(120);
  });
});

describe('daylight-saving days (Brussels), whatever the machine zone', () => {
  for (const [name, [y, m, d], utcSix] of [
    ['spring forward, 29 March 2026', [2026, 3, 29], Date.UTC(2026, 2, 29, 4)],
    ['fall back, 25 October 2026', [2026, 10, 25], Date.UTC(2026, 9, 25, 5)],
  ] as const) {
    it(`${name}: an individual's off-peak GetMailbox is next allowed at 06:00 Brussels, exactly`, async () => {
      const w = world();
      const at0530 = brusselsInstant(y, m, d, 5, 30);
      expect(brusselsInstant(y, m, d, 6)).toBe(utcSix);
      expect((await w.keeper.decideAndWait(getMailbox(), IND, at0530)).sent).toBe(true);
      const held = await w.keeper.decideAndWait(getMailbox(), IND, at0530 + 10 * MIN);
      expect(held).toMatchObject({ sent: false, verdict: { limit: 1, used: 1, retryAt: utcSix } });
      w.restart();
      const ledger = await w.keeper.ledger('box', utcSix - 1);
      expect(decide(getMailbox(), ledger, IND, utcSix - 1).allowed).toBe(false);
      expect(decide(getMailbox(), ledger, IND, utcSix).allowed).toBe(true);
      expect((await w.keeper.decideAndWait(getMailbox(), IND, utcSix)).sent).toBe(true);
      await neverNegative(w, 'box', IND, utcSix);
    });
  }

  it('spring forward: a per-day budget frees exactly 24 hours after the first call, not at midnight and not 23 hours later', async () => {
    const w = world();
    const first = brusselsInstant(2026, 3, 28, 12); // Saturday 12:00 CET
    for (let i = 0; i < 10; i++) expect((await w.keeper.decideAndWait(ooo(), IND, first + i * MIN)).sent).toBe(true);
    const sunday = brusselsInstant(2026, 3, 29, 11, 30); // 22.5 hours later on the clock, the next calendar day
    const held = await w.keeper.decideAndWait(ooo(), IND, sunday);
    expect(held).toMatchObject({ sent: false, verdict: { limit: 10, used: 10, retryAt: first + DAY } });
    expect(first + DAY).toBe(brusselsInstant(2026, 3, 29, 13)); // 13:00 CEST: the day had 23 hours
  });

  it('fall back: the repeated hour does not give an individual a second off-peak call', async () => {
    const w = world();
    const first = Date.UTC(2026, 9, 25, 0, 30); // 02:30 CEST, the first 02:30 of the night
    expect((await w.keeper.decideAndWait(getMailbox(), IND, first)).sent).toBe(true);
    const repeated = first + HOUR - MIN; // 02:29 CET, the clock shows 02:29 a second time
    expect((await w.keeper.decideAndWait(getMailbox(), IND, repeated)).sent).toBe(false);
    expect((await w.keeper.decideAndWait(getMailbox(), IND, first + HOUR)).sent).toBe(true);
  });
});

describe('random clock moves between calls, restarts included (property-based)', () => {
  const move = fc.oneof(
    { arbitrary: fc.constantFrom(0, 1000, MIN, 10 * MIN), weight: 6 },
    { arbitrary: fc.constantFrom(-HOUR, DAY, -DAY, HOUR + 1), weight: 2 },
  );
  const scenario = fc.array(
    fc.record({ move, burst: fc.integer({ min: 1, max: 70 }), restart: fc.boolean(), kind: fc.constantFrom('organization', 'individual') }),
    { minLength: 2, maxLength: 8 },
  );

  it('never negative; a held call names an instant from which it is allowed; a restarted worker decides as the live one', async () => {
    await fc.assert(
      fc.asyncProperty(scenario, async (steps) => {
        const w = world();
        let t = Date.UTC(2026, 2, 28, 22); // the night before the spring change
        for (const s of steps) {
          t += s.move;
          const c: Conditions = s.kind === 'organization' ? ORG : IND;
          const mailbox = s.kind;
          if (s.restart) w.restart();
          for (let i = 0; i < s.burst; i++) {
            const now = t + i * 500;
            const { verdict, sent } = await w.keeper.decideAndWait(getMailbox(mailbox), c, now);
            if (!sent) {
              expect(verdict.retryAt === null || verdict.retryAt > now).toBe(true);
              const ledger = await w.keeper.ledger(mailbox, now);
              if (verdict.retryAt !== null) expect(decide(getMailbox(mailbox), ledger, c, verdict.retryAt).allowed).toBe(true);
            }
          }
          t += s.burst * 500;
          const live = decide(getMailbox(mailbox), await w.keeper.ledger(mailbox, t), c, t);
          const fresh = new BudgetKeeper(() => w.d, new Journal(() => w.d));
          expect(decide(getMailbox(mailbox), await fresh.ledger(mailbox, t), c, t)).toEqual(live);
          await neverNegative(w, mailbox, c, t);
        }
        const rows = await w.d.calls.count();
        const hourly = (await allHours(w.d)).reduce((a, r) => a + r.calls, 0);
        expect(hourly).toBe(rows);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
