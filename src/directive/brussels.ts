// Belgian legal time. Peak hours are 06:00–24:00 in Europe/Brussels (§5.2.1 v1.1), whatever the
// computer's own time zone. The offset is computed from the EU's rule, not read from the runtime's
// time-zone data through Intl: a woken service worker's first Intl date format costs 40–130 ms on
// this project's machines (the ICU data is loaded then), and the first verdict after a stop needs
// the hour in Brussels (issue 17: a cold start answers within 50 ms). The unit tests compare every
// result with the runtime's time-zone data (Intl), so a change of the rule makes them fail.

const PEAK_START_HOUR = 6;
const HOUR = 3_600_000;

export interface BrusselsParts {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

/** The last Sunday of `month` (0–11) of `year`, 01:00 UTC. */
function lastSundayOneUtc(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0)); // day 0 of the next month
  return Date.UTC(year, month, last.getUTCDate() - last.getUTCDay(), 1);
}

/**
 * Brussels' offset from UTC at an instant (ms): UTC+1, and UTC+2 in summer time, which starts and
 * ends at 01:00 UTC on the last Sundays of March and October (EU Directive 2000/84/EC, the rule in
 * force in Belgium since 1996).
 */
function brusselsOffset(at: number): number {
  const year = new Date(at).getUTCFullYear();
  return at >= lastSundayOneUtc(year, 2) && at < lastSundayOneUtc(year, 9) ? 2 * HOUR : HOUR;
}

export function brusselsParts(at: number): BrusselsParts {
  const d = new Date(at + brusselsOffset(at));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

const HALF_DAY = 12 * HOUR;

/**
 * The instant of a Brussels wall-clock time, whatever the machine's zone: a skipped 02:xx (last
 * Sunday of March) maps forward, a repeated 02:xx (last Sunday of October) is the first one.
 * Overflowing fields roll over (day 32 is the 1st of the next month).
 */
export function brusselsInstant(year: number, month: number, day: number, hour = 0, minute = 0): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const before = wall - brusselsOffset(wall - HALF_DAY); // read with the offset in force before any change
  const after = wall - brusselsOffset(wall + HALF_DAY); // read with the offset in force after it
  const beforeFits = wall - brusselsOffset(before) === before;
  const afterFits = wall - brusselsOffset(after) === after;
  if (beforeFits && afterFits) return Math.min(before, after);
  if (afterFits) return after;
  return before; // fits, or falls in the skipped hour: the old offset carries it forward
}

/** §5.2.1: peak hours are 06:00 to 24:00, off-peak 00:00 to 06:00, Brussels time. */
export function isPeak(at: number): boolean {
  return brusselsParts(at).hour >= PEAK_START_HOUR;
}

/** The next instant strictly after `at` where peak switches to off-peak or back (00:00 or 06:00 Brussels). */
export function nextPeakBoundary(at: number): number {
  const p = brusselsParts(at);
  const todaySix = brusselsInstant(p.year, p.month, p.day, PEAK_START_HOUR);
  if (at < todaySix) return todaySix;
  return brusselsInstant(p.year, p.month, p.day + 1, 0);
}

/** The Brussels calendar date of an instant, as YYYY-MM-DD. */
export function brusselsDate(at: number): string {
  const p = brusselsParts(at);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** Midnight (start) of a Brussels calendar date given as YYYY-MM-DD. */
export function brusselsMidnight(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return brusselsInstant(y ?? 1970, m ?? 1, d ?? 1, 0);
}
