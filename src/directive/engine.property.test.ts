// Property-based checks of the engine against an oracle written from the directive README (the limits
// re-stated here, Brussels time read through Intl, not through the code under test).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CallUnits, type Conditions, type Period, decide, record } from './engine';
import { type Ledger, emptyLedger, prune } from './ledger';
import type { DirectiveMethod, MailboxKind } from './rules';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const RUNS = 200;
/** Generous: other suites may share the machine. */
const TIMEOUT = 120_000;

// ---- oracle -------------------------------------------------------------------------------------
const hourFmt = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', hour: '2-digit', hourCycle: 'h23' });
const brusselsHour = (t: number): number => Number(hourFmt.format(new Date(t)));
const dateFmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });
/** "Per day" is also a Brussels calendar day (README "Per day"): calls of `method` on t's date. */
const sameDate = (made: readonly { method: string; at: number }[], method: string, t: number): number =>
  made.filter((x) => x.method === method && dateFmt.format(new Date(x.at)) === dateFmt.format(new Date(t))).length;
const inPeriod = (ps: readonly Period[], t: number) => ps.some((p) => p.start <= t && t < p.end);

type WindowMethod = Exclude<DirectiveMethod, 'GetMessage' | 'MoveMessage' | 'DeleteMessage' | 'GetAttachment'>;
interface Limits { window: number; total: number; perFolder: number | null }

/** The directive's limits for a call at t (README "Call limits"). */
function oracle(method: WindowMethod, c: Conditions, t: number): Limits {
  const ind = c.kind === 'individual';
  const high = c.active && (brusselsHour(t) >= 6 || inPeriod(c.onCall, t)); // peak and active, or on call and active
  switch (method) {
    case 'GetMailbox': return { window: HOUR, total: ind ? (high ? 6 : 1) : 60, perFolder: null };
    case 'ListMailBoxFolder': return { window: HOUR, total: ind ? 6 : 60, perFolder: null };
    case 'ListMessages': return { window: HOUR, total: ind ? (high ? 24 : 4) : 240, perFolder: ind ? (high ? 6 : 1) : 60 };
    case 'CreateMailboxIfNotExists':
    case 'UpdateMailbox': return { window: DAY, total: 1, perFolder: null };
    case 'CreateOutOfOffice':
    case 'DeleteOutOfOffice': return { window: DAY, total: 10, perFolder: null };
    case 'RecoverPublicationState': return { window: DAY, total: !ind && c.ackAgreement ? 2 : 0, perFolder: null };
  }
}

// ---- generators ---------------------------------------------------------------------------------
const WINDOW_METHODS: WindowMethod[] = ['GetMailbox', 'ListMailBoxFolder', 'ListMessages', 'CreateMailboxIfNotExists', 'UpdateMailbox',
  'CreateOutOfOffice', 'DeleteOutOfOffice', 'RecoverPublicationState'];
const LADDER_METHODS = ['GetMessage', 'MoveMessage', 'DeleteMessage', 'GetAttachment'] as const;

/** Starts near the interesting instants: both 2026 daylight-saving nights, ordinary midnights and 06:00s. */
const start = fc.oneof(
  fc.constantFrom(Date.UTC(2026, 2, 28, 20), Date.UTC(2026, 9, 24, 20), Date.UTC(2026, 0, 14, 21), Date.UTC(2026, 6, 15, 1)),
  fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 0, 1) }),
);
const gap = fc.oneof(
  { arbitrary: fc.constantFrom(0, 1, MIN, 5 * MIN, 10 * MIN, HOUR - 1, HOUR, HOUR + 1, 6 * HOUR, DAY - 1, DAY), weight: 3 },
  { arbitrary: fc.integer({ min: 0, max: 2 * HOUR }), weight: 1 },
);
const kind = fc.constantFrom<MailboxKind>('individual', 'organization');
const period = (t0: number) =>
  fc.record({ from: fc.integer({ min: -2 * DAY, max: 3 * DAY }), length: fc.integer({ min: 1, max: 14 * HOUR }) })
    .map(({ from, length }) => ({ start: t0 + from, end: t0 + from + length }));

interface Step { method: WindowMethod; folder: string; gap: number; repeat: number; active: boolean }
const step = fc.record({
  method: fc.constantFrom(...WINDOW_METHODS),
  folder: fc.constantFrom('inbox', 'sentbox', 'bininbox', 'binsentbox', 'x'),
  gap,
  // bursts of the same call at 1-second spacing, long enough to reach the organization's 60
  repeat: fc.oneof(
    { arbitrary: fc.constant(1), weight: 4 },
    { arbitrary: fc.integer({ min: 2, max: 12 }), weight: 3 },
    { arbitrary: fc.integer({ min: 55, max: 65 }), weight: 1 },
  ),
  active: fc.boolean(),
});

const scenario = (maxSteps: number, clockBack: boolean) =>
  fc.record({ t0: start, kind, ackAgreement: fc.boolean(), steps: fc.array(step, { minLength: 1, maxLength: maxSteps, size: 'max' }) }).chain((s) =>
    fc.record({
      t0: fc.constant(s.t0), kind: fc.constant(s.kind), ackAgreement: fc.constant(s.ackAgreement), steps: fc.constant(s.steps),
      onCall: fc.array(period(s.t0), { maxLength: 2 }),
      // a negative jump now and then: the clock moved back
      jumps: fc.array(clockBack ? fc.oneof(fc.constant(0), fc.constant(0), fc.constantFrom(-HOUR, -DAY, -MIN, -2 * HOUR)) : fc.constant(0), {
        minLength: s.steps.length, maxLength: s.steps.length,
      }),
    }),
  );

interface Made { method: WindowMethod; folder?: string; at: number; limits: Limits }

const toCall = (s: Step): CallUnits => (s.method === 'ListMessages' ? { method: s.method, folder: s.folder, units: [] } : { method: s.method, units: [] });

/** Plays a scenario, recording only allowed calls; calls `check` before each decision. */
function play(
  sc: { t0: number; kind: MailboxKind; ackAgreement: boolean; steps: Step[]; onCall: Period[]; jumps: number[] },
  check: (ledger: Ledger, call: CallUnits, cond: Conditions, t: number, made: readonly Made[]) => void,
): Made[] {
  const ledger = emptyLedger();
  const made: Made[] = [];
  let t = sc.t0;
  sc.steps.forEach((s, i) => {
    const cond: Conditions = { kind: sc.kind, active: s.active, onCall: sc.onCall, ackAgreement: sc.ackAgreement };
    t += s.gap + (sc.jumps[i] ?? 0);
    const c = toCall(s);
    for (let r = 0; r < s.repeat; r++) {
      const now = t + r * 1000;
      check(ledger, c, cond, now, made);
      const v = decide(c, ledger, cond, now);
      if (v.allowed) {
        record(c, ledger, now);
        made.push({ method: s.method, ...(c.folder === undefined ? {} : { folder: c.folder }), at: now, limits: oracle(s.method, cond, now) });
      }
    }
    t += (s.repeat - 1) * 1000;
  });
  return made;
}

describe('trailing windows (property-based)', () => {
  it('recording only allowed calls, no 60-minute / 24-hour span ending at a call (nor a Brussels date, for a day) holds more than the limit then in force', () => {
    fc.assert(
      fc.property(scenario(16, false), (sc) => {
        const made = play(sc, () => {});
        made.forEach((m, i) => {
          const span = made.slice(0, i + 1).filter((x) => x.method === m.method && x.at > m.at - m.limits.window);
          expect(span.length).toBeLessThanOrEqual(m.limits.total);
          if (m.limits.perFolder !== null) {
            expect(span.filter((x) => x.folder === m.folder).length).toBeLessThanOrEqual(m.limits.perFolder);
          }
          if (m.limits.window === DAY) expect(sameDate(made.slice(0, i + 1), m.method, m.at)).toBeLessThanOrEqual(m.limits.total);
        });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('allowed exactly when the calls counted in (t − W, ∞) are fewer than the limit in force (clock moves back too)', () => {
    fc.assert(
      fc.property(scenario(16, true), (sc) => {
        play(sc, (ledger, c, cond, t, made) => {
          const lim = oracle(c.method as WindowMethod, cond, t);
          const inWindow = made.filter((x) => x.method === c.method && x.at > t - lim.window);
          const folderCount = inWindow.filter((x) => x.folder === c.folder).length;
          const ok = inWindow.length < lim.total && (lim.perFolder === null || c.folder === undefined || folderCount < lim.perFolder)
            && (lim.window !== DAY || sameDate(made, c.method, t) < lim.total);
          const v = decide(c, ledger, cond, t);
          expect(v.allowed).toBe(ok);
          expect(v.used).toBeLessThanOrEqual(made.filter((x) => x.method === c.method).length);
        });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('retryAt ≥ now; a call at retryAt is allowed; at retryAt − 1 ms it is denied', () => {
    fc.assert(
      fc.property(scenario(16, true), (sc) => {
        play(sc, (ledger, c, cond, t) => {
          const v = decide(c, ledger, cond, t);
          if (v.retryAt === null) {
            expect(v.allowed).toBe(false);
            expect(oracle(c.method as WindowMethod, cond, t).total).toBe(0); // only "never" is null
            return;
          }
          expect(v.retryAt).toBeGreaterThanOrEqual(t);
          expect(v.allowed).toBe(v.retryAt === t);
          expect(decide(c, ledger, cond, v.retryAt).allowed).toBe(true);
          if (v.retryAt > t) expect(decide(c, ledger, cond, v.retryAt - 1).allowed).toBe(false);
        });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);

  it('pruning (what keeps decisions independent of old history) never changes a decision', () => {
    fc.assert(
      fc.property(scenario(16, false), (sc) => {
        const pruned = emptyLedger();
        play(sc, (ledger, c, cond, t) => {
          prune(pruned, t);
          // the pruned ledger holds nothing older than the method's window (a day window: 25 hours, its calendar day)
          for (const [method, stamps] of Object.entries(pruned.windows)) {
            const w = method === 'GetMailbox' || method === 'ListMailBoxFolder' || method === 'ListMessages' ? HOUR : 25 * HOUR;
            for (const s of stamps ?? []) expect(s.at).toBeGreaterThan(t - w);
          }
          const full = decide(c, ledger, cond, t);
          expect(decide(c, pruned, cond, t)).toEqual(full);
          if (full.allowed) record(c, pruned, t);
        });
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});

describe('ladders (property-based)', () => {
  const ladderStep = fc.record({
    method: fc.constantFrom(...LADDER_METHODS),
    units: fc.uniqueArray(fc.constantFrom('m1', 'm2', 'm1/a1'), { minLength: 1, maxLength: 3 }),
    gap: fc.oneof(fc.constantFrom(0, 1, HOUR - 1, HOUR, HOUR + 1, DAY - 1, DAY), fc.integer({ min: 0, max: 30 * HOUR })),
    back: fc.oneof(fc.constant(0), fc.constant(0), fc.constant(0), fc.constantFrom(-HOUR, -DAY)),
  });
  const cond: Conditions = { kind: 'individual', active: true, onCall: [], ackAgreement: false };

  it('allowed exactly as the ladder says; retryAt is exact; batches wait for their slowest message', () => {
    fc.assert(
      fc.property(start, fc.constantFrom(...LADDER_METHODS), fc.array(ladderStep, { minLength: 1, maxLength: 80, size: 'max' }), (t0, method, raw) => {
        // mostly one method, so that units climb past the 13th call; sometimes the others, which must not interfere
        const steps = raw.map((s, i) => (i % 4 === 3 ? s : { ...s, method }));
        const ledger = emptyLedger();
        const history = new Map<string, number[]>(); // per method|unit: the instants of counted calls
        let t = t0;
        for (const s of steps) {
          t += s.gap + s.back;
          const c: CallUnits = { method: s.method, units: s.units };
          // oracle: per unit, the earliest instant the next call may go
          let ready = t;
          for (const u of s.units) {
            const h = history.get(`${s.method}|${u}`) ?? [];
            if (h.length < 6) continue;
            const last = Math.max(...h);
            ready = Math.max(ready, last + (h.length < 12 ? HOUR : DAY));
          }
          const v = decide(c, ledger, cond, t);
          expect(v.allowed).toBe(ready === t);
          expect(v.retryAt).toBe(ready);
          if (ready > t) expect(decide(c, ledger, cond, ready - 1).allowed).toBe(false);
          expect(decide(c, ledger, cond, ready).allowed).toBe(true);
          if (v.allowed) {
            record(c, ledger, t);
            for (const u of s.units) history.set(`${s.method}|${u}`, [...(history.get(`${s.method}|${u}`) ?? []), t]);
          }
        }
        // with a forward-only clock, the recorded calls of every unit respect the gaps
        if (steps.every((s) => s.back === 0)) {
          for (const h of history.values()) {
            for (let i = 6; i < h.length; i++) expect(h[i]! - h[i - 1]!).toBeGreaterThanOrEqual(i < 12 ? HOUR : DAY);
          }
        }
      }),
      { numRuns: RUNS },
    );
  }, TIMEOUT);
});
