// The options page's chart: a mailbox's calls per hour over the last 24 hours, each method beside
// the limit in force in that hour. Read from the hourly aggregates (kept 31 days), never from the
// counted calls, so the chart costs the same after a year of traffic.
import { isPeak } from '../directive/brussels';
import type { Period } from '../directive/engine';
import { DIRECTIVE_METHODS, type DirectiveMethod, type MailboxKind, RULES } from '../directive/rules';
import type { HistorySeries, HistoryView } from '../shared/ui-messages';
import type { CompanionDB } from '../store/db';
import { readHourly } from '../store/packed';
import type { CallRow, HourlyRow } from '../store/schema';

const HOUR = 3_600_000;
export const HISTORY_HOURS = 24;
/** Shown even without a call: the two polling calls are what a secretary's web application repeats. */
const ALWAYS: readonly DirectiveMethod[] = ['GetMailbox', 'ListMessages'];

export interface HistoryConditions {
  readonly kind: MailboxKind;
  readonly onCall: readonly Period[];
  readonly ackAgreement: boolean;
}

/** Start of each of the last 24 hours, oldest first; the last one holds `now`. */
export function historyHours(now: number): number[] {
  const last = Math.floor(now / HOUR) * HOUR;
  return Array.from({ length: HISTORY_HOURS }, (_, i) => last - (HISTORY_HOURS - 1 - i) * HOUR);
}

/**
 * The per-hour limit at the start of `hour`, for an active user (the higher of the two a peak
 * quota has: the chart shows what could be sent, §5.2.1, §5.4.1); null for a rule that is not
 * counted per hour. Brussels hours start on UTC hours, so one value holds for the whole hour.
 */
function hourLimit(method: DirectiveMethod, c: HistoryConditions, hour: number): number | null {
  const budget = RULES[method][c.kind];
  if (budget.type !== 'window' || budget.window !== 'hour') return null;
  if (typeof budget.max === 'number') return budget.max;
  const onCall = RULES[method].onCallKeepsPeak && c.onCall.some((p) => hour < p.end && hour + HOUR > p.start);
  return isPeak(hour) || onCall ? budget.max.peakActive : budget.max.offPeakOrInactive;
}

/** The daily limit of a per-day rule (0: not allowed), null otherwise. */
function dayLimit(method: DirectiveMethod, c: HistoryConditions): number | null {
  const budget = RULES[method][c.kind];
  if (budget.type === 'forbidden') return 0;
  if (budget.type === 'agreement') return c.ackAgreement ? budget.max : 0;
  // Per-day maxima are plain numbers in the rules table (only per-hour ones depend on the hour).
  return budget.type === 'window' && budget.window === 'day' && typeof budget.max === 'number' ? budget.max : null;
}

export function historySeries(rows: readonly HourlyRow[], c: HistoryConditions, now: number): HistorySeries[] {
  const hours = historyHours(now);
  const index = new Map(hours.map((h, i) => [h, i]));
  const byMethod = new Map<DirectiveMethod, HistorySeries>();
  const series = (method: DirectiveMethod): HistorySeries => {
    let s = byMethod.get(method);
    if (!s) {
      s = {
        method,
        section: RULES[method].section,
        counts: hours.map(() => 0),
        held: hours.map(() => 0),
        exceptions: hours.map(() => 0),
        hourLimits: hours.map((h) => hourLimit(method, c, h)),
        dayLimit: dayLimit(method, c),
      };
      byMethod.set(method, s);
    }
    return s;
  };
  for (const method of ALWAYS) series(method);
  for (const row of rows) {
    const i = index.get(row.hour);
    if (i === undefined) continue;
    const s = series(row.method);
    s.counts[i] = (s.counts[i] ?? 0) + row.calls;
    s.held[i] = (s.held[i] ?? 0) + row.held;
  }
  return DIRECTIVE_METHODS.flatMap((m) => byMethod.get(m) ?? []);
}

export async function historyView(open: () => CompanionDB, mailbox: string, c: HistoryConditions, now: number): Promise<HistoryView> {
  const hours = historyHours(now);
  const from = hours[0] ?? now;
  const rows = await readHourly(open(), from, now, mailbox);
  const series = historySeries(rows, c, now);
  addExceptions(series, hours, await exceptionsSince(open, mailbox, from, now));
  return { mailbox, kind: c.kind, now, hours, series };
}

/**
 * The calls the user let go from the page's banner ("load now anyway") since `from`: read from the
 * counted calls (kept 25 hours, enough for the chart's 24), where each is flagged.
 */
export async function exceptionsSince(open: () => CompanionDB, mailbox: string, from: number, now: number): Promise<CallRow[]> {
  return open().calls.where('[mailbox+at]').between([mailbox, from], [mailbox, now], true, true).filter((r) => r.exception === true).toArray();
}

/** Each exception in its method's hour. */
export function addExceptions(series: readonly HistorySeries[], hours: readonly number[], calls: readonly CallRow[]): void {
  const index = new Map(hours.map((h, i) => [h, i]));
  for (const call of calls) {
    const i = index.get(Math.floor(call.at / HOUR) * HOUR);
    const s = series.find((x) => x.method === call.method);
    if (i !== undefined && s) s.exceptions[i] = (s.exceptions[i] ?? 0) + 1;
  }
}
