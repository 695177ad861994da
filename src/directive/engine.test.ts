// The decision engine against the directive (§5) as the project reads it: trailing windows (t−W, t],
// the limit in force at the moment of the call, Brussels peak hours, the on-call exception, ladders.
import { describe, expect, it } from 'vitest';
import { type CallUnits, type Conditions, type Verdict, decide, headroom, ladderStanding, record } from './engine';
import { type Ledger, emptyLedger, prune } from './ledger';
import { batchMessageIds, recognise } from './routes';
import { callUnits } from './units';
import type { DirectiveMethod } from './rules';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
/** Brussels wall-clock time on a winter day of January 2026 (UTC+1), built from an explicit UTC instant. */
const winter = (day: number, h: number, m = 0): number => Date.UTC(2026, 0, day, h, m) - HOUR;
/** Brussels wall-clock time on a summer day of July 2026 (UTC+2). */
const summer = (day: number, h: number, m = 0): number => Date.UTC(2026, 6, day, h, m) - 2 * HOUR;
const iso = (t: number | null): string | null => (t === null ? null : new Date(t).toISOString());

const IND: Conditions = { kind: 'individual', active: true, onCall: [], ackAgreement: false };
const IDLE: Conditions = { ...IND, active: false };
const ORG: Conditions = { kind: 'organization', active: true, onCall: [], ackAgreement: false };

const call = (method: DirectiveMethod, extra: Partial<CallUnits> = {}): CallUnits => ({ method, units: [], ...extra });
const GET_MAILBOX = call('GetMailbox');
const listing = (folder: string) => call('ListMessages', { folder });
const onUnits = (method: DirectiveMethod, ...units: string[]) => call(method, { units });

/** Asks, and records the call when it is allowed (what the hook does). */
function attempt(ledger: Ledger, c: CallUnits, cond: Conditions, t: number): Verdict {
  const v = decide(c, ledger, cond, t);
  if (v.allowed) record(c, ledger, t);
  return v;
}
/** Records calls that must all be allowed. */
function fill(ledger: Ledger, c: CallUnits, cond: Conditions, times: readonly number[]): void {
  for (const t of times) expect(attempt(ledger, c, cond, t), `call at ${iso(t)}`).toMatchObject({ allowed: true });
}
const every = (start: number, n: number, gap: number): number[] => Array.from({ length: n }, (_, i) => start + i * gap);

describe('GetMailbox §5.2.1', () => {
  it('individual, peak, active: 6 an hour; the 7th is denied until the first call is an hour old', () => {
    const l = emptyLedger();
    const first = winter(14, 10, 0);
    fill(l, GET_MAILBOX, IND, every(first, 6, 5 * MIN));
    const v = decide(GET_MAILBOX, l, IND, winter(14, 10, 30));
    expect(v).toEqual({
      allowed: false, method: 'GetMailbox', section: '§5.2.1', scope: 'hour', used: 6, limit: 6, retryAt: first + HOUR,
    });
  });

  it('the window is (t−60 min, t]: at exactly t−60 min the old call has left', () => {
    const l = emptyLedger();
    const first = winter(14, 10, 0);
    fill(l, GET_MAILBOX, IND, every(first, 6, 5 * MIN));
    expect(decide(GET_MAILBOX, l, IND, first + HOUR - 1)).toMatchObject({ allowed: false, used: 6 });
    expect(decide(GET_MAILBOX, l, IND, first + HOUR)).toMatchObject({ allowed: true, used: 5, retryAt: first + HOUR });
  });

  it('six calls at the same instant are fine; the seventh is not', () => {
    const l = emptyLedger();
    const t = winter(14, 12);
    fill(l, GET_MAILBOX, IND, every(t, 6, 0));
    expect(decide(GET_MAILBOX, l, IND, t)).toMatchObject({ allowed: false, retryAt: t + HOUR });
  });

  it('an allowed verdict says how much is used: calls before this one, and the limit in force', () => {
    const l = emptyLedger();
    fill(l, GET_MAILBOX, IND, every(winter(14, 10), 2, MIN));
    expect(decide(GET_MAILBOX, l, IND, winter(14, 10, 5))).toEqual({
      allowed: true, method: 'GetMailbox', section: '§5.2.1', scope: 'hour', used: 2, limit: 6, retryAt: winter(14, 10, 5),
    });
  });

  it('organization: 60 an hour, the 61st denied until the first is an hour old', () => {
    const l = emptyLedger();
    const first = winter(14, 10);
    fill(l, GET_MAILBOX, ORG, every(first, 60, MIN / 2));
    expect(decide(GET_MAILBOX, l, ORG, first + 40 * MIN)).toMatchObject({ allowed: false, used: 60, limit: 60, retryAt: first + HOUR });
    expect(decide(GET_MAILBOX, l, ORG, first + HOUR)).toMatchObject({ allowed: true });
  });

  it('organization: 60 an hour at night and when inactive too', () => {
    const l = emptyLedger();
    fill(l, GET_MAILBOX, { ...ORG, active: false }, every(winter(14, 2), 60, MIN / 2));
    expect(decide(GET_MAILBOX, l, { ...ORG, active: false }, winter(14, 2, 45))).toMatchObject({ allowed: false, limit: 60 });
  });

  it.each([
    ['off-peak (03:00), active', IND, winter(14, 3)],
    ['off-peak (00:00), active', IND, winter(15, 0)],
    ['peak (10:00), inactive', IDLE, winter(14, 10)],
    ['off-peak (03:00), inactive', IDLE, winter(14, 3)],
    ['summer off-peak (05:00 CEST), active', IND, summer(15, 5)],
  ])('individual, %s: 1 an hour', (_label, cond, t) => {
    const l = emptyLedger();
    fill(l, GET_MAILBOX, cond, [t]);
    expect(decide(GET_MAILBOX, l, cond, t + 20 * MIN)).toMatchObject({ allowed: false, used: 1, limit: 1, retryAt: t + HOUR });
    expect(decide(GET_MAILBOX, l, cond, t + HOUR - 1)).toMatchObject({ allowed: false });
    expect(decide(GET_MAILBOX, l, cond, t + HOUR)).toMatchObject({ allowed: true, used: 0 });
  });

  it('the limit in force is the one at the moment of the call: 3 calls before midnight block one just after', () => {
    const l = emptyLedger();
    fill(l, GET_MAILBOX, IND, [winter(14, 23, 30), winter(14, 23, 40), winter(14, 23, 50)]);
    expect(decide(GET_MAILBOX, l, IND, winter(14, 23, 55))).toMatchObject({ allowed: true, used: 3, limit: 6 });
    expect(decide(GET_MAILBOX, l, IND, winter(15, 0, 10))).toMatchObject({ allowed: false, used: 3, limit: 1, retryAt: winter(15, 0, 50) });
  });

  it('crossing 06:00 Brussels, winter: denied at 05:30 under 1/h, retryAt 06:00 because the limit rises to 6', () => {
    const l = emptyLedger();
    fill(l, GET_MAILBOX, IND, [winter(14, 5, 10)]);
    const v = decide(GET_MAILBOX, l, IND, winter(14, 5, 30));
    expect(v).toMatchObject({ allowed: false, limit: 1 });
    expect(iso(v.retryAt)).toBe(iso(winter(14, 6, 0))); // not 06:10
    expect(decide(GET_MAILBOX, l, IND, winter(14, 6, 0))).toMatchObject({ allowed: true, limit: 6 });
    expect(decide(GET_MAILBOX, l, IND, winter(14, 6, 0) - 1)).toMatchObject({ allowed: false });
  });

  it('crossing 06:00 Brussels, summer: retryAt is 06:00 CEST (04:00 UTC)', () => {
    const l = emptyLedger();
    fill(l, GET_MAILBOX, IND, [summer(15, 5, 10)]);
    expect(iso(decide(GET_MAILBOX, l, IND, summer(15, 5, 30)).retryAt)).toBe('2026-07-15T04:00:00.000Z');
  });

  it('crossing 06:00 while inactive: still 1/h, so no early retry', () => {
    const l = emptyLedger();
    fill(l, GET_MAILBOX, IDLE, [winter(14, 5, 10)]);
    expect(iso(decide(GET_MAILBOX, l, IDLE, winter(14, 5, 30)).retryAt)).toBe(iso(winter(14, 6, 10)));
  });

  it('crossing midnight from peak to off-peak: retryAt later than the naive answer because the limit drops', () => {
    const l = emptyLedger();
    const first = winter(14, 23, 0);
    fill(l, GET_MAILBOX, IND, every(first, 6, 5 * MIN)); // 23:00 … 23:25
    const v = decide(GET_MAILBOX, l, IND, winter(14, 23, 40));
    expect(v).toMatchObject({ allowed: false, used: 6, limit: 6 });
    // naive: 00:00 (the first call leaves); but from 00:00 the limit is 1, so all six must leave
    expect(iso(v.retryAt)).toBe(iso(winter(15, 0, 25)));
    expect(v.retryAt!).toBeGreaterThan(first + HOUR);
    expect(decide(GET_MAILBOX, l, IND, winter(15, 0, 25) - 1)).toMatchObject({ allowed: false });
    expect(decide(GET_MAILBOX, l, IND, winter(15, 0, 25))).toMatchObject({ allowed: true, limit: 1 });
  });

  it('crossing midnight on the October daylight-saving night (00:00 CEST = 22:00 UTC)', () => {
    const l = emptyLedger();
    const first = Date.UTC(2026, 9, 24, 21, 0); // 23:00 CEST, 24 October
    fill(l, GET_MAILBOX, IND, every(first, 6, 5 * MIN));
    expect(iso(decide(GET_MAILBOX, l, IND, first + 40 * MIN).retryAt)).toBe(iso(first + 25 * MIN + HOUR));
  });

  describe('on-call doctors (§5.2.1 exception)', () => {
    const period = { start: winter(14, 22), end: winter(15, 7) };
    const ON_CALL: Conditions = { ...IND, onCall: [period] };

    it('keep 6/h at night while active and inside their period', () => {
      const l = emptyLedger();
      const first = winter(15, 2);
      fill(l, GET_MAILBOX, ON_CALL, every(first, 6, 5 * MIN));
      expect(decide(GET_MAILBOX, l, ON_CALL, winter(15, 2, 30))).toMatchObject({ allowed: false, limit: 6, retryAt: first + HOUR });
    });

    it('not when inactive', () => {
      const l = emptyLedger();
      fill(l, GET_MAILBOX, { ...ON_CALL, active: false }, [winter(15, 2)]);
      expect(decide(GET_MAILBOX, l, { ...ON_CALL, active: false }, winter(15, 2, 5))).toMatchObject({ allowed: false, limit: 1 });
    });

    it('not outside the period', () => {
      const early: Conditions = { ...IND, onCall: [{ start: winter(14, 20), end: winter(15, 1) }] };
      const l = emptyLedger();
      fill(l, GET_MAILBOX, early, every(winter(15, 0, 30), 2, 5 * MIN)); // inside
      expect(decide(GET_MAILBOX, l, early, winter(15, 1, 0))).toMatchObject({ allowed: false, limit: 1 }); // end is excluded
      expect(decide(GET_MAILBOX, l, early, winter(15, 1, 0) - 1)).toMatchObject({ allowed: true, limit: 6 });
    });

    it('a period starting later in the night brings retryAt forward to its start', () => {
      const later: Conditions = { ...IND, onCall: [{ start: winter(15, 1), end: winter(15, 5) }] };
      const l = emptyLedger();
      fill(l, GET_MAILBOX, later, [winter(15, 0, 20)]);
      expect(iso(decide(GET_MAILBOX, l, later, winter(15, 0, 30)).retryAt)).toBe(iso(winter(15, 1)));
    });

    it('a period ending pushes retryAt back: the limit falls to 1 when it ends', () => {
      const ending: Conditions = { ...IND, onCall: [{ start: winter(15, 1), end: winter(15, 2, 30) }] };
      const l = emptyLedger();
      fill(l, GET_MAILBOX, ending, every(winter(15, 2), 6, 2 * MIN)); // 02:00 … 02:10
      expect(iso(decide(GET_MAILBOX, l, ending, winter(15, 2, 20)).retryAt)).toBe(iso(winter(15, 3, 10)));
    });

    it('does not apply to the per-hour rules without the exception (ListMailBoxFolder is 6/h at any hour anyway)', () => {
      const l = emptyLedger();
      fill(l, call('ListMailBoxFolder'), IDLE, every(winter(15, 2), 6, MIN));
      expect(decide(call('ListMailBoxFolder'), l, IDLE, winter(15, 2, 10))).toMatchObject({ allowed: false, limit: 6 });
    });
  });
});

describe('ListMailBoxFolder §5.3.1', () => {
  it('individual 6/h, organization 60/h', () => {
    const l = emptyLedger();
    fill(l, call('ListMailBoxFolder'), IND, every(winter(14, 10), 6, MIN));
    expect(decide(call('ListMailBoxFolder'), l, IND, winter(14, 10, 10))).toMatchObject({ allowed: false, section: '§5.3.1', limit: 6 });
    expect(decide(call('ListMailBoxFolder'), l, ORG, winter(14, 10, 10))).toMatchObject({ allowed: true, limit: 60, used: 6 });
  });
});

describe('ListMessages §5.4.1', () => {
  it('individual, peak, active: 6 an hour per folder', () => {
    const l = emptyLedger();
    const first = winter(14, 10);
    fill(l, listing('inbox'), IND, every(first, 6, MIN));
    expect(decide(listing('inbox'), l, IND, winter(14, 10, 10))).toMatchObject({
      allowed: false, section: '§5.4.1', scope: 'folder', used: 6, limit: 6, retryAt: first + HOUR,
    });
    expect(decide(listing('sentbox'), l, IND, winter(14, 10, 10))).toMatchObject({ allowed: true });
  });

  it('individual, peak, active: 24 an hour in all', () => {
    const l = emptyLedger();
    const first = winter(14, 10);
    ['inbox', 'sentbox', 'bininbox', 'binsentbox'].forEach((f, i) => fill(l, listing(f), IND, every(first + i * 6 * MIN, 6, MIN)));
    expect(decide(listing('other'), l, IND, winter(14, 10, 30))).toMatchObject({
      allowed: false, scope: 'hour', used: 24, limit: 24, retryAt: first + HOUR,
    });
  });

  it('individual, off-peak or inactive: 1 an hour per folder, 4 in all', () => {
    for (const [cond, t] of [[IND, winter(14, 3)], [IDLE, winter(14, 15)]] as const) {
      const l = emptyLedger();
      fill(l, listing('inbox'), cond, [t]);
      expect(decide(listing('inbox'), l, cond, t + MIN)).toMatchObject({ allowed: false, scope: 'folder', limit: 1 });
      fill(l, listing('sentbox'), cond, [t + MIN]);
      fill(l, listing('bininbox'), cond, [t + 2 * MIN]);
      fill(l, listing('binsentbox'), cond, [t + 3 * MIN]);
      expect(decide(listing('other'), l, cond, t + 4 * MIN)).toMatchObject({ allowed: false, scope: 'hour', used: 4, limit: 4, retryAt: t + HOUR });
    }
  });

  it('on-call and active: 24 / 6 at night inside the period', () => {
    const cond: Conditions = { ...IND, onCall: [{ start: winter(14, 22), end: winter(15, 7) }] };
    const l = emptyLedger();
    fill(l, listing('inbox'), cond, every(winter(15, 3), 6, MIN));
    expect(decide(listing('inbox'), l, cond, winter(15, 3, 10))).toMatchObject({ allowed: false, scope: 'folder', limit: 6 });
  });

  it('organization: 60 an hour per folder, 240 in all', () => {
    const l = emptyLedger();
    const first = winter(14, 10);
    fill(l, listing('inbox'), ORG, every(first, 60, 10_000));
    expect(decide(listing('inbox'), l, ORG, first + 20 * MIN)).toMatchObject({ allowed: false, scope: 'folder', limit: 60 });
    ['sentbox', 'bininbox', 'binsentbox'].forEach((f) => fill(l, listing(f), ORG, every(first + 11 * MIN, 60, 10_000)));
    expect(decide(listing('x'), l, ORG, first + 30 * MIN)).toMatchObject({ allowed: false, scope: 'hour', used: 240, limit: 240 });
  });

  it('folder names are matched case-insensitively (lower-cased by routes)', () => {
    const l = emptyLedger();
    const base = 'https://www.ehealth.fgov.be/ehealthbox/api/v3/mailboxes/k/folders';
    const t = winter(14, 10);
    ['INBOX', 'Inbox', 'inbox', 'iNbOx', 'INBOX', 'inBOX'].forEach((f, i) => {
      const r = recognise('GET', `${base}/${f}/messages`)!;
      fill(l, call('ListMessages', { folder: r.folder! }), IND, [t + i * MIN]);
    });
    const r = recognise('GET', `${base}/InBox/messages`)!;
    expect(decide(call('ListMessages', { folder: r.folder! }), l, IND, t + 10 * MIN)).toMatchObject({ allowed: false, scope: 'folder', used: 6 });
  });

  it('folder and total must both allow the call at retryAt, across midnight', () => {
    const l = emptyLedger();
    fill(l, listing('inbox'), IND, every(winter(14, 23, 0), 6, MIN)); // 23:00 … 23:05
    fill(l, listing('sentbox'), IND, every(winter(14, 23, 40), 6, MIN)); // 23:40 … 23:45
    fill(l, listing('bininbox'), IND, every(winter(14, 23, 46), 4, MIN)); // 23:46 … 23:49
    const v = decide(listing('inbox'), l, IND, winter(14, 23, 50));
    expect(v).toMatchObject({ allowed: false, scope: 'folder', used: 6, limit: 6 });
    // the folder alone would be free at 00:05 (limit 1 from midnight, all six gone), but then 10 calls
    // of the last hour are still over the off-peak total of 4: seven must leave, the 7th at 23:46
    expect(iso(v.retryAt)).toBe(iso(winter(15, 0, 46)));
    expect(decide(listing('inbox'), l, IND, winter(15, 0, 5))).toMatchObject({ allowed: false, scope: 'hour' });
    expect(decide(listing('inbox'), l, IND, winter(15, 0, 46) - 1)).toMatchObject({ allowed: false });
    expect(decide(listing('inbox'), l, IND, winter(15, 0, 46))).toMatchObject({ allowed: true });
  });

  it('an allowed verdict reports the tighter of folder and total', () => {
    const l = emptyLedger();
    fill(l, listing('inbox'), IND, every(winter(14, 10), 5, MIN));
    expect(decide(listing('inbox'), l, IND, winter(14, 10, 10))).toMatchObject({ allowed: true, scope: 'folder', used: 5, limit: 6 });
  });
});

describe('per-day rules: trailing 24 hours', () => {
  it.each([
    ['CreateMailboxIfNotExists', '§5.2.2', 1],
    ['UpdateMailbox', '§5.2.3', 1],
    ['CreateOutOfOffice', '§5.6.1', 10],
    ['DeleteOutOfOffice', '§5.6.2', 10],
  ] as const)('%s (%s): %i a day, for individuals and organizations', (method, section, max) => {
    for (const cond of [IND, ORG, IDLE]) {
      const l = emptyLedger();
      const first = winter(14, 23, 30);
      fill(l, call(method), cond, every(first, max, 10 * MIN));
      // a new calendar day does not reset the budget: the window is 24 hours
      const v = decide(call(method), l, cond, winter(15, 9));
      expect(v).toEqual({ allowed: false, method, section, scope: 'day', used: max, limit: max, retryAt: first + DAY });
      expect(decide(call(method), l, cond, first + DAY - 1)).toMatchObject({ allowed: false });
      expect(decide(call(method), l, cond, first + DAY)).toMatchObject({ allowed: true });
    }
  });

  it('methods have separate budgets', () => {
    const l = emptyLedger();
    fill(l, call('CreateMailboxIfNotExists'), IND, [winter(14, 10)]);
    expect(decide(call('UpdateMailbox'), l, IND, winter(14, 10, 1))).toMatchObject({ allowed: true });
  });
});

// Directive README, "Per day": no trailing 24 hours AND no Brussels calendar day holds more than the limit.
describe('per-day rules: also a Brussels calendar day (23- and 25-hour days)', () => {
  /** Brussels wall-clock time on 2026-10-25, the 25-hour day: CEST (UTC+2) until 03:00, CET (UTC+1) after. */
  const oct25 = (h: number, m: number): number => Date.UTC(2026, 9, 25, h, m) - (h < 3 ? 2 : 1) * HOUR;
  /** 2026-03-29, the 23-hour day: CET until 02:00, CEST after. */
  const mar29 = (h: number, m: number): number => Date.UTC(2026, 2, 29, h, m) - (h < 2 ? 1 : 2) * HOUR;

  it('UpdateMailbox at 00:10 and at 23:20 of the 25-hour day 2026-10-25: the second is refused until midnight', () => {
    const l = emptyLedger();
    fill(l, call('UpdateMailbox'), IND, [oct25(0, 10)]);
    expect(oct25(23, 20) - oct25(0, 10)).toBe(24 * HOUR + 10 * MIN); // a trailing 24 hours alone would allow it
    const v = decide(call('UpdateMailbox'), l, IND, oct25(23, 20));
    expect(v).toMatchObject({ allowed: false, scope: 'day', used: 1, limit: 1, section: '§5.2.3' });
    expect(iso(v.retryAt)).toBe('2026-10-25T23:00:00.000Z'); // 2026-10-26 00:00 CET
    expect(decide(call('UpdateMailbox'), l, IND, Date.UTC(2026, 9, 25, 23, 0))).toMatchObject({ allowed: true });
  });

  it('20 out-of-office inserts on the 25-hour day: only 10 pass', () => {
    for (const method of ['CreateOutOfOffice', 'DeleteOutOfOffice'] as const) {
      const l = emptyLedger();
      const times = [...every(oct25(0, 1), 10, MIN), ...every(oct25(23, 11), 10, MIN)];
      const allowed = times.filter((t) => attempt(l, call(method), ORG, t).allowed);
      expect(allowed, method).toHaveLength(10);
    }
  });

  it('on the 23-hour day 2026-03-29 both rules hold: retryAt is the later of midnight and 24 hours', () => {
    const l = emptyLedger();
    fill(l, call('CreateMailboxIfNotExists'), IND, [mar29(0, 10)]);
    const v = decide(call('CreateMailboxIfNotExists'), l, IND, mar29(23, 50));
    expect(v).toMatchObject({ allowed: false, used: 1 });
    expect(iso(v.retryAt)).toBe(iso(mar29(0, 10) + DAY)); // 2026-03-30 01:10 CEST, after midnight (22:00 UTC)
  });

  it('a new calendar day alone is not enough: the trailing 24 hours still hold', () => {
    const l = emptyLedger();
    fill(l, call('UpdateMailbox'), IND, [winter(14, 23, 50)]);
    expect(decide(call('UpdateMailbox'), l, IND, winter(15, 0, 10))).toMatchObject({ allowed: false, retryAt: winter(15, 23, 50) });
  });

  it('the calendar rule survives pruning (stamps of the whole day are kept)', () => {
    const l = emptyLedger();
    fill(l, call('UpdateMailbox'), IND, [oct25(0, 10)]);
    prune(l, oct25(23, 20));
    expect(decide(call('UpdateMailbox'), l, IND, oct25(23, 20)).allowed).toBe(false);
  });

  it('headroom leases no more than the calendar day has left', () => {
    const l = emptyLedger();
    fill(l, call('CreateOutOfOffice'), ORG, every(oct25(0, 5), 6, MIN));
    expect(headroom(call('CreateOutOfOffice'), l, ORG, oct25(23, 30), 2 * MIN)).toBe(4);
  });
});

describe('RecoverPublicationState §5.4.5, §6.1', () => {
  const ACK = call('RecoverPublicationState', { units: ['m1'] });
  it('forbidden for individuals: never, even with an agreement', () => {
    for (const cond of [IND, { ...IND, ackAgreement: true }]) {
      expect(decide(ACK, emptyLedger(), cond, winter(14, 10))).toEqual({
        allowed: false, method: 'RecoverPublicationState', section: '§5.4.5', scope: 'forbidden', used: 0, limit: 0, retryAt: null,
      });
    }
  });
  it('off for organizations without a formal agreement', () => {
    expect(decide(ACK, emptyLedger(), ORG, winter(14, 10))).toMatchObject({ allowed: false, scope: 'forbidden', retryAt: null });
  });
  it('2 a day for organizations with the agreement, in a trailing 24 hours', () => {
    const cond = { ...ORG, ackAgreement: true };
    const l = emptyLedger();
    const first = winter(14, 10);
    fill(l, ACK, cond, [first, first + HOUR]);
    expect(decide(ACK, l, cond, first + 2 * HOUR)).toMatchObject({ allowed: false, scope: 'day', used: 2, limit: 2, retryAt: first + DAY });
    expect(decide(ACK, l, cond, first + DAY)).toMatchObject({ allowed: true, used: 1 });
  });
  it('the agreement budget survives pruning', () => {
    const cond = { ...ORG, ackAgreement: true };
    const l = emptyLedger();
    const first = winter(14, 10);
    fill(l, ACK, cond, [first, first + HOUR]);
    prune(l, first + 3 * HOUR);
    expect(decide(ACK, l, cond, first + 3 * HOUR)).toMatchObject({ allowed: false, used: 2 });
  });
});

describe('ladders §5.4.2–§5.5.1: 6 free, then 6 an hour apart, then a day apart', () => {
  const GET = onUnits('GetMessage', 'm1');

  it('calls 1–6 are free, the 7th waits an hour after the 6th', () => {
    const l = emptyLedger();
    const t = winter(14, 10);
    fill(l, GET, IND, every(t, 6, 0));
    expect(decide(GET, l, IND, t + MIN)).toEqual({
      allowed: false, method: 'GetMessage', section: '§5.4.2', scope: 'message', used: 6, limit: 6, retryAt: t + HOUR,
    });
  });

  it('the full ladder: 7–12 each an hour after the previous, 13+ each a day after', () => {
    const l = emptyLedger();
    let t = winter(14, 10);
    fill(l, GET, IND, every(t, 6, 7 * MIN));
    t += 5 * 7 * MIN; // the 6th call
    for (let n = 7; n <= 15; n++) {
      const gap = n <= 12 ? HOUR : DAY;
      expect(decide(GET, l, IND, t + gap - 1), `call ${n} just early`).toMatchObject({ allowed: false, retryAt: t + gap });
      t += gap;
      expect(attempt(l, GET, IND, t), `call ${n}`).toMatchObject({ allowed: true, used: n - 1 });
    }
    expect(l.ladders.get('GetMessage|m1')?.count).toBe(15);
  });

  it('later calls may come any time after the gap', () => {
    const l = emptyLedger();
    const t = winter(14, 10);
    fill(l, GET, IND, every(t, 6, 0));
    fill(l, GET, IND, [t + 3 * HOUR]); // 7th, well after
    expect(decide(GET, l, IND, t + 3 * HOUR + 30 * MIN)).toMatchObject({ allowed: false, retryAt: t + 4 * HOUR });
  });

  it('the same for organizations, at any hour, active or not', () => {
    for (const cond of [ORG, IDLE]) {
      const l = emptyLedger();
      fill(l, GET, cond, every(winter(14, 3), 6, 0));
      expect(decide(GET, l, cond, winter(14, 3, 1))).toMatchObject({ allowed: false, retryAt: winter(14, 4) });
    }
  });

  it('per message: another message is untouched', () => {
    const l = emptyLedger();
    fill(l, GET, IND, every(winter(14, 10), 6, 0));
    expect(decide(onUnits('GetMessage', 'm2'), l, IND, winter(14, 10))).toMatchObject({ allowed: true, used: 0 });
  });

  it('per method: getting, moving and deleting one message have separate ladders', () => {
    const l = emptyLedger();
    fill(l, GET, IND, every(winter(14, 10), 6, 0));
    for (const m of ['MoveMessage', 'DeleteMessage'] as const) {
      expect(decide(onUnits(m, 'm1'), l, IND, winter(14, 10))).toMatchObject({ allowed: true, used: 0 });
    }
    expect(decide(onUnits('MoveMessage', 'm1'), l, IND, winter(14, 10)).section).toBe('§5.4.3');
    expect(decide(onUnits('DeleteMessage', 'm1'), l, IND, winter(14, 10)).section).toBe('§5.4.4');
  });

  it('per attachment (§5.5.1)', () => {
    const l = emptyLedger();
    const a1 = onUnits('GetAttachment', 'm1/a1');
    fill(l, a1, IND, every(winter(14, 10), 6, 0));
    expect(decide(a1, l, IND, winter(14, 10, 1))).toMatchObject({ allowed: false, scope: 'attachment', section: '§5.5.1' });
    expect(decide(onUnits('GetAttachment', 'm1/a2'), l, IND, winter(14, 10, 1))).toMatchObject({ allowed: true, scope: 'attachment' });
  });

  it('a batch counts once for each message it names', () => {
    const l = emptyLedger();
    const batch = onUnits('DeleteMessage', 'm1', 'm2', 'm3');
    fill(l, batch, IND, every(winter(14, 10), 6, 0));
    for (const id of ['m1', 'm2', 'm3']) expect(l.ladders.get(`DeleteMessage|${id}`)?.count).toBe(6);
    expect(decide(onUnits('DeleteMessage', 'm2'), l, IND, winter(14, 10, 1))).toMatchObject({ allowed: false });
  });

  it('a batch is denied if any message is, retryAt the latest', () => {
    const l = emptyLedger();
    const t = winter(14, 10);
    fill(l, onUnits('MoveMessage', 'a'), IND, every(t, 6, 0)); // a: next at t+1h
    fill(l, onUnits('MoveMessage', 'b'), IND, every(t, 6, 0));
    fill(l, onUnits('MoveMessage', 'b'), IND, every(t + HOUR, 6, HOUR)); // b: 12 calls, last at t+6h, next a day later
    const v = decide(onUnits('MoveMessage', 'c', 'a', 'b', 'd'), l, IND, t + 6 * HOUR + MIN);
    expect(v).toMatchObject({ allowed: false, scope: 'message', used: 12, retryAt: t + 6 * HOUR + DAY });
    expect(decide(onUnits('MoveMessage', 'c', 'a'), l, IND, t + 30 * MIN)).toMatchObject({ allowed: false, retryAt: t + HOUR });
    expect(decide(onUnits('MoveMessage', 'c', 'd'), l, IND, t + 30 * MIN)).toMatchObject({ allowed: true });
  });

  it('a denied batch records nothing (the hook does not send it)', () => {
    const l = emptyLedger();
    fill(l, onUnits('MoveMessage', 'a'), IND, every(winter(14, 10), 6, 0));
    expect(attempt(l, onUnits('MoveMessage', 'a', 'b'), IND, winter(14, 10, 1)).allowed).toBe(false);
    expect(l.ladders.get('MoveMessage|b')).toBeUndefined();
  });

  it('a batch never loses ids: after 6 batches naming 600 messages, the 501st and 600th are held too', () => {
    const l = emptyLedger();
    const ids = batchMessageIds({ messageIds: Array.from({ length: 600 }, (_, i) => `m${i + 1}`) }) ?? [];
    const move = recognise('POST', 'https://www.ehealth.fgov.be/api/mailboxes/k/folders/inbox/messages/trash')!;
    fill(l, callUnits(move, ids)!, IND, every(winter(14, 10), 6, 0));
    for (const id of ['m1', 'm501', 'm600']) {
      expect(decide(callUnits(move, [id])!, l, IND, winter(14, 10, 1)), id).toMatchObject({ allowed: false, scope: 'message' });
    }
  });

  // Directive README, "Batches the client cannot read".
  it('a recover, trash or delete batch whose body cannot be read counts against one stand-in unit per route and box', () => {
    const l = emptyLedger();
    const url = (tail: string) => `https://www.ehealth.fgov.be/api/mailboxes/k/folders/inbox/messages/${tail}`;
    const recover = callUnits(recognise('POST', url('recover'))!)!;
    const trash = callUnits(recognise('POST', url('trash'))!)!;
    const deleteBatch = callUnits(recognise('POST', url('delete'))!)!;
    for (const unread of [recover, trash, deleteBatch]) {
      expect(unread.units).toHaveLength(1);
      const verdicts = every(winter(14, 10), 8, MIN).map((t) => attempt(l, unread, IND, t).allowed);
      expect(verdicts, unread.units[0]).toEqual([true, true, true, true, true, true, false, false]); // the ladder, met on repeats
    }
    // per route: recover, trash and delete have stand-ins of their own; another folder's is untouched
    expect(new Set([recover.units[0], trash.units[0], deleteBatch.units[0]]).size).toBe(3);
    const sentbox = callUnits(recognise('POST', 'https://www.ehealth.fgov.be/api/mailboxes/k/folders/sentbox/messages/recover')!)!;
    expect(decide(sentbox, l, IND, winter(14, 11)).allowed).toBe(true);
  });

  it('ladderStanding: the stages as numbers', () => {
    const t = winter(14, 10);
    expect(ladderStanding(0, 0, t)).toEqual({ used: 0, limit: 6, retryAt: t });
    expect(ladderStanding(5, t, t)).toEqual({ used: 5, limit: 6, retryAt: t });
    expect(ladderStanding(6, t, t).retryAt).toBe(t + HOUR);
    expect(ladderStanding(11, t, t).retryAt).toBe(t + HOUR);
    expect(ladderStanding(12, t, t).retryAt).toBe(t + DAY);
    expect(ladderStanding(40, t, t).retryAt).toBe(t + DAY);
    expect(ladderStanding(6, t, t + 2 * HOUR).retryAt).toBe(t + 2 * HOUR);
  });
});

describe('the clock moves', () => {
  it('back an hour between calls: the budget never resets early, used never negative', () => {
    const l = emptyLedger();
    const first = winter(14, 10);
    fill(l, GET_MAILBOX, IND, every(first, 6, 5 * MIN)); // 10:00 … 10:25
    const back = winter(14, 9, 30); // the clock now reads 09:30
    prune(l, back);
    const v = decide(GET_MAILBOX, l, IND, back);
    expect(v).toMatchObject({ allowed: false, used: 6, limit: 6 });
    expect(v.retryAt!).toBeGreaterThanOrEqual(first + HOUR); // the calls stamped in the "future" still count
    expect(decide(GET_MAILBOX, l, IND, first + HOUR)).toMatchObject({ allowed: true });
    // Used is what the hour before `t` holds, the calls stamped "later" than `t` included: never less.
    const stamps = every(first, 6, 5 * MIN);
    for (let t = back - 3 * HOUR; t < back + 3 * HOUR; t += 7 * MIN) {
      expect(decide(GET_MAILBOX, l, IND, t).used, String(iso(t))).toBe(stamps.filter((s) => s > t - HOUR).length);
    }
  });

  it('back: a per-day budget is not reset by a clock set a day back', () => {
    const l = emptyLedger();
    fill(l, call('UpdateMailbox'), IND, [winter(14, 10)]);
    expect(decide(call('UpdateMailbox'), l, IND, winter(13, 10))).toMatchObject({ allowed: false, used: 1 });
  });

  it('back: a ladder still waits for an hour after the latest call', () => {
    const l = emptyLedger();
    const GET = onUnits('GetMessage', 'm1');
    fill(l, GET, IND, every(winter(14, 10), 6, 0));
    expect(decide(GET, l, IND, winter(14, 9))).toMatchObject({ allowed: false, retryAt: winter(14, 11) });
  });

  it('forward a day: calls expire', () => {
    const l = emptyLedger();
    fill(l, GET_MAILBOX, IND, every(winter(14, 10), 6, 5 * MIN));
    fill(l, call('CreateOutOfOffice'), IND, every(winter(14, 10), 10, MIN));
    const later = winter(15, 10, 30);
    prune(l, later);
    expect(decide(GET_MAILBOX, l, IND, later)).toMatchObject({ allowed: true, used: 0 });
    expect(decide(call('CreateOutOfOffice'), l, IND, later)).toMatchObject({ allowed: true, used: 0 });
  });
});

describe('unknown units', () => {
  it('a ladder call naming no unit is allowed (nothing to count against)', () => {
    expect(decide(call('GetMessage'), emptyLedger(), IND, winter(14, 10))).toMatchObject({ allowed: true, used: 0, limit: 6 });
  });
  it('a listing without a folder is held to the total only', () => {
    const l = emptyLedger();
    fill(l, call('ListMessages'), IND, every(winter(14, 10), 24, MIN));
    expect(decide(call('ListMessages'), l, IND, winter(14, 10, 30))).toMatchObject({ allowed: false, scope: 'hour', limit: 24 });
  });
});

describe('headroom: what a tab may be leased in advance', () => {
  const SEC = 1000;

  it('is the room left in the tightest window constraint', () => {
    const l = emptyLedger();
    fill(l, GET_MAILBOX, ORG, every(winter(14, 10), 10, MIN));
    expect(headroom(GET_MAILBOX, l, ORG, winter(14, 10, 30), 10 * SEC)).toBe(50);
    // ListMessages: 240 in all and 60 per folder for an organization (§5.4.1).
    fill(l, listing('inbox'), ORG, every(winter(14, 11), 55, 10 * SEC));
    expect(headroom(listing('inbox'), l, ORG, winter(14, 11, 30), 10 * SEC)).toBe(5);
    expect(headroom(listing('sent'), l, ORG, winter(14, 11, 30), 10 * SEC)).toBe(60);
    // An hour later the calls have left the window.
    expect(headroom(listing('inbox'), l, ORG, winter(14, 12, 20), 10 * SEC)).toBe(60);
  });

  it('counts the lower limit that starts within the horizon (midnight in Brussels, whatever the machine zone)', () => {
    const l = emptyLedger();
    const before = winter(14, 23, 59) + 55 * SEC;
    fill(l, GET_MAILBOX, IND, [winter(14, 23, 30)]);
    expect(headroom(GET_MAILBOX, l, IND, before - MIN, 10 * SEC)).toBe(5);
    expect(headroom(GET_MAILBOX, l, IND, before, 10 * SEC)).toBe(0);
  });

  it('is 0 for what is decided call by call: ladders, forbidden and agreement-bound methods', () => {
    const l = emptyLedger();
    expect(headroom(onUnits('GetMessage', 'm1'), l, ORG, winter(14, 10), 10 * SEC)).toBe(0);
    expect(headroom(call('RecoverPublicationState'), l, IND, winter(14, 10), 10 * SEC)).toBe(0);
    expect(headroom(call('RecoverPublicationState'), l, { ...ORG, ackAgreement: true }, winter(14, 10), 10 * SEC)).toBe(0);
  });
});
