// The decision engine: given a call, the mailbox's ledger and the conditions of the moment, say
// whether the directive allows it, how much of which budget is used, and when it is allowed again.
// Pure: no browser API, the clock is a parameter.
import { brusselsInstant, brusselsParts, isPeak, nextPeakBoundary } from './brussels';
import { type Ledger, type Stamp, addStamp, bumpLadder, ladderKey, windowMs } from './ledger';
import { type Budget, type DirectiveMethod, LADDER, type MailboxKind, type Quota, RULES, WINDOW_MS } from './rules';
import { type SeatShare, seatLimit } from './share';

export interface Period {
  readonly start: number;
  readonly end: number;
}

export interface Conditions {
  readonly kind: MailboxKind;
  /** §5.1 as the project reads it: recent input in an eHealthBox tab and the system not idle. */
  readonly active: boolean;
  /** Declared on-call periods (§5.2.1, §5.4.1 exception). */
  readonly onCall: readonly Period[];
  /** §6.1: the organization declared a formal agreement for RecoverPublicationState. */
  readonly ackAgreement: boolean;
  /** This seat's share of the organization's limits, set by policy (share.ts); individual limits are not shared. */
  readonly share?: SeatShare;
}

export interface CallUnits {
  readonly method: DirectiveMethod;
  readonly folder?: string;
  /** Ladder units: message ids, or `${messageId}/${attachmentKey}`; empty when unknown. */
  readonly units: readonly string[];
}

export type VerdictScope = 'hour' | 'day' | 'folder' | 'message' | 'attachment' | 'forbidden';

export interface Verdict {
  readonly allowed: boolean;
  readonly method: DirectiveMethod;
  readonly section: string;
  /** The constraint that decided (the denying one, else the one closest to its limit). */
  readonly scope: VerdictScope;
  /** Calls already counted in that constraint, before this one. */
  readonly used: number;
  readonly limit: number;
  /** When this call is allowed: `now` if allowed; a later instant; null when never. */
  readonly retryAt: number | null;
}

const inPeriods = (periods: readonly Period[], t: number): boolean => periods.some((p) => t >= p.start && t < p.end);

/** The limit in force at instant t (activity is assumed to stay as it is now). */
function limitAt(quota: Quota, method: DirectiveMethod, c: Conditions, t: number): number {
  if (typeof quota === 'number') return c.kind === 'organization' && c.share ? seatLimit(quota, c.share, method) : quota;
  const peakLike = isPeak(t) || (RULES[method].onCallKeepsPeak && inPeriods(c.onCall, t));
  return c.active && peakLike ? quota.peakActive : quota.offPeakOrInactive;
}

/** Next instant after t where the limit may change: a peak boundary or an on-call edge. */
function nextChange(quota: Quota, c: Conditions, t: number): number {
  if (typeof quota === 'number') return Infinity;
  let next = nextPeakBoundary(t);
  for (const p of c.onCall) {
    if (p.start > t && p.start < next) next = p.start;
    if (p.end > t && p.end < next) next = p.end;
  }
  return next;
}

/** First index in sorted `times` strictly after `after`. */
function firstAfter(times: readonly number[], after: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] ?? 0) > after) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

interface WindowStanding {
  used: number;
  limit: number;
  retryAt: number | null;
}

/**
 * Trailing window: a call at t is allowed when fewer than limit(t) counted calls lie in (t − W, ∞)
 * — calls stamped later than t (a clock moved back) still count. The next allowed instant is
 * found by walking the moments where a call leaves the window or the limit changes.
 */
function windowStanding(times: readonly number[], w: number, quota: Quota, method: DirectiveMethod, c: Conditions, now: number): WindowStanding {
  const first = firstAfter(times, now - w);
  const used = times.length - first;
  const limit = limitAt(quota, method, c, now);
  if (used < limit) return { used, limit, retryAt: now };
  let t = now;
  for (let step = 0; step < 256; step++) {
    const lim = limitAt(quota, method, c, t);
    const start = firstAfter(times, t - w);
    const count = times.length - start;
    if (count < lim) return { used, limit, retryAt: t };
    const leaving = times[start + count - lim];
    const leave = leaving === undefined ? Infinity : leaving + w;
    const next = Math.min(leave, nextChange(quota, c, t));
    if (next === Infinity) break;
    t = next;
  }
  return { used, limit, retryAt: null };
}

/** Start of the Brussels calendar day holding t, and of the next one (23, 24 or 25 hours later). */
function brusselsDay(t: number): { start: number; end: number } {
  const p = brusselsParts(t);
  return { start: brusselsInstant(p.year, p.month, p.day), end: brusselsInstant(p.year, p.month, p.day + 1) };
}

/**
 * "Per day" is also a Brussels calendar day (directive README, "Per day"): a call at t is allowed
 * when fewer than `limit` counted calls fall on t's date. On a 25-hour day a trailing 24 hours
 * alone would let two "once a day" calls fall on one date.
 */
function calendarStanding(times: readonly number[], limit: number, now: number): WindowStanding {
  const dayCount = (d: { start: number; end: number }): number => firstAfter(times, d.end - 1) - firstAfter(times, d.start - 1);
  let day = brusselsDay(now);
  const used = dayCount(day);
  // Stamps on later dates exist only after the clock went back: walk to the first date with room.
  for (let step = 0; step < 64; step++) {
    if (dayCount(day) < limit) return { used, limit, retryAt: step === 0 ? now : day.start };
    day = brusselsDay(day.end);
  }
  return { used, limit, retryAt: null };
}

/** A window budget's standing; a day window also keeps its calendar day (both must allow). */
function budgetStanding(times: readonly number[], w: number, quota: Quota, method: DirectiveMethod, c: Conditions, now: number): WindowStanding {
  const trailing = windowStanding(times, w, quota, method, c, now);
  if (w !== WINDOW_MS.day || typeof quota !== 'number') return trailing;
  const limit = limitAt(quota, method, c, now); // a fixed number (a seat's share of it, perhaps)
  const calendar = calendarStanding(times, limit, now);
  const binding = pick({ s: trailing, scope: 'day' }, { s: calendar, scope: 'day' }).s;
  const retryAt = jointRetry(now, [(t) => windowStanding(times, w, quota, method, c, t).retryAt, (t) => calendarStanding(times, limit, t).retryAt]);
  return { ...binding, retryAt };
}

const times = (stamps: readonly Stamp[] | undefined, folder?: string): number[] => {
  const out: number[] = [];
  if (stamps) for (const s of stamps) if (folder === undefined || s.folder === folder) out.push(s.at);
  return out;
};

/** §5.4.2–5.5.1 ladder for one unit: 6 free, then 6 at least an hour apart, then one a day. */
export function ladderStanding(count: number, last: number, now: number): WindowStanding {
  const limit = LADDER.free;
  if (count < LADDER.free) return { used: count, limit, retryAt: now };
  const gap = count < LADDER.free + LADDER.hourly ? LADDER.hourlyGapMs : LADDER.dailyGapMs;
  return { used: count, limit, retryAt: Math.max(now, last + gap) };
}

/** The first instant from `now` on where every constraint allows a call (each gives its own first instant from t). */
function jointRetry(now: number, firstFrom: ReadonlyArray<(t: number) => number | null>): number | null {
  let t = now;
  for (let step = 0; step < 256; step++) {
    let next = t;
    for (const f of firstFrom) {
      const r = f(t);
      if (r === null) return null;
      if (r > next) next = r;
    }
    if (next === t) return t;
    t = next;
  }
  return null;
}

function pick(a: { s: WindowStanding; scope: VerdictScope }, b: { s: WindowStanding; scope: VerdictScope }) {
  const late = (x: WindowStanding) => (x.retryAt === null ? Infinity : x.retryAt);
  if (late(a.s) !== late(b.s)) return late(a.s) > late(b.s) ? a : b;
  return a.s.limit - a.s.used <= b.s.limit - b.s.used ? a : b;
}

export function decide(call: CallUnits, ledger: Ledger, c: Conditions, now: number): Verdict {
  const rule = RULES[call.method];
  const budget: Budget = rule[c.kind];
  const base = { method: call.method, section: rule.section };
  const finish = (x: { s: WindowStanding; scope: VerdictScope }): Verdict => ({
    ...base,
    scope: x.scope,
    used: x.s.used,
    limit: x.s.limit,
    retryAt: x.s.retryAt,
    allowed: x.s.retryAt !== null && x.s.retryAt <= now,
  });
  const forbidden = (): Verdict => finish({ s: { used: 0, limit: 0, retryAt: null }, scope: 'forbidden' });

  switch (budget.type) {
    case 'forbidden':
      return forbidden();
    case 'agreement':
      if (!c.ackAgreement) return forbidden();
      return finish({ s: budgetStanding(times(ledger.windows[call.method]), windowMs(call.method), budget.max, call.method, c, now), scope: budget.window });
    case 'window': {
      const w = windowMs(call.method);
      const stamps = ledger.windows[call.method];
      let best: { s: WindowStanding; scope: VerdictScope } = { s: budgetStanding(times(stamps), w, budget.max, call.method, c, now), scope: budget.window };
      if (budget.perFolder !== undefined && call.folder !== undefined) {
        const all = times(stamps);
        const inFolder = times(stamps, call.folder);
        const perFolder = budget.perFolder;
        best = pick(best, { s: windowStanding(inFolder, w, perFolder, call.method, c, now), scope: 'folder' });
        // §5.4.1: both limits must hold at the same instant. The later of the two retryAt is not
        // enough: the total may be over its limit again by then, once the limit drops at midnight.
        const retryAt = jointRetry(now, [
          (t) => windowStanding(all, w, budget.max, call.method, c, t).retryAt,
          (t) => windowStanding(inFolder, w, perFolder, call.method, c, t).retryAt,
        ]);
        best = { ...best, s: { ...best.s, retryAt } };
      }
      return finish(best);
    }
    case 'ladder': {
      const scope: VerdictScope = budget.per;
      let best: { s: WindowStanding; scope: VerdictScope } = { s: { used: 0, limit: LADDER.free, retryAt: now }, scope };
      for (const unit of call.units) {
        const entry = ledger.ladders.get(ladderKey(call.method, unit));
        const s = entry ? ladderStanding(entry.count, entry.last, now) : { used: 0, limit: LADDER.free, retryAt: now };
        best = pick(best, { s, scope });
      }
      return finish(best);
    }
  }
}

/** Counts a call that goes to the server. */
export function record(call: CallUnits, ledger: Ledger, now: number): void {
  const budget = RULES[call.method].individual;
  if (budget.type === 'ladder') {
    for (const unit of call.units) bumpLadder(ledger, ladderKey(call.method, unit), now);
  }
  addStamp(ledger, call.method, call.folder === undefined ? { at: now } : { at: now, folder: call.folder });
}

/**
 * How many more calls like this one its budget takes from now until `now + horizon`, used to lease
 * a share to a tab in advance: the least room of its window constraints. Calls only leave a window
 * as time goes on, so the room now is the least over the horizon unless a limit falls in it (a peak
 * or on-call edge): the limits at those instants count too. 0 for a ladder, a forbidden or an
 * agreement-bound method: those are decided call by call.
 */
export function headroom(call: CallUnits, ledger: Ledger, c: Conditions, now: number, horizon: number): number {
  const budget = RULES[call.method][c.kind];
  if (budget.type !== 'window' || call.units.length > 0) return 0;
  const w = windowMs(call.method);
  const stamps = ledger.windows[call.method];
  const room = (ts: readonly number[], quota: Quota): number => {
    const used = ts.length - firstAfter(ts, now - w);
    const change = nextChange(quota, c, now);
    const instants = change < now + horizon ? [now, change, now + horizon] : [now, now + horizon];
    const trailing = Math.min(...instants.map((t) => limitAt(quota, call.method, c, t))) - used;
    // A day window keeps its calendar day too; a later date only has more room.
    if (w !== WINDOW_MS.day || typeof quota !== 'number') return trailing;
    const limit = limitAt(quota, call.method, c, now);
    return Math.min(trailing, limit - calendarStanding(ts, limit, now).used);
  };
  let r = room(times(stamps), budget.max);
  if (budget.perFolder !== undefined && call.folder !== undefined) r = Math.min(r, room(times(stamps, call.folder), budget.perFolder));
  return Math.max(0, r);
}
