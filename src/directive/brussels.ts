// Belgian legal time. Peak hours are 06:00–24:00 in Europe/Brussels (§5.2.1 v1.1), whatever the
// computer's own time zone; @date-fns/tz does the zone arithmetic (daylight-saving days included).
import { TZDate, tzOffset } from '@date-fns/tz';

export const BRUSSELS = 'Europe/Brussels';
const PEAK_START_HOUR = 6;

export interface BrusselsParts {
  readonly year: number;
  readonly month: number; // 1–12
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
}

export function brusselsParts(at: number): BrusselsParts {
  const d = new TZDate(at, BRUSSELS);
  return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() };
}

const HALF_DAY = 12 * 3_600_000;

/**
 * The instant of a Brussels wall-clock time, whatever the machine's zone: a skipped 02:xx (last
 * Sunday of March) maps forward, a repeated 02:xx (last Sunday of October) is the first one.
 * Overflowing fields roll over (day 32 is the 1st of the next month).
 */
export function brusselsInstant(year: number, month: number, day: number, hour = 0, minute = 0): number {
  // (TZDate's own constructor resolves a repeated hour through the machine's zone: not used here.)
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  const offsetMs = (t: number): number => tzOffset(BRUSSELS, new Date(t)) * 60_000;
  const before = wall - offsetMs(wall - HALF_DAY); // read with the offset in force before any change
  const after = wall - offsetMs(wall + HALF_DAY); // read with the offset in force after it
  const beforeFits = wall - offsetMs(before) === before;
  const afterFits = wall - offsetMs(after) === after;
  if (beforeFits && afterFits) return Math.min(before, after);
  if (afterFits) return after;
  return before; // fits, or falls in the skipped hour: the old offset carries it forward
}


/** §5.2.1: peak hours are 06:00 to 24:00, off-peak 00:00 to 06:00, Brussels time. */
export function isPeak(at: number): boolean {
  return new TZDate(at, BRUSSELS).getHours() >= PEAK_START_HOUR;
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
