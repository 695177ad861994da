// Brussels calendar dates as the planner keeps them: `YYYY-MM-DD` strings. Day arithmetic is done
// on the calendar itself (UTC fields), never through the machine's zone, so a daylight-saving
// change or a computer set to New York or Tokyo cannot shift an absence by a day.
import { brusselsDate } from '../../../directive/brussels';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function utcDay(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t : null;
}

/** A real calendar date written YYYY-MM-DD (30 February is not). */
export const isIsoDate = (v: unknown): v is string => typeof v === 'string' && utcDay(v) !== null;

const write = (t: number): string => new Date(t).toISOString().slice(0, 10);

export function addDays(date: string, days: number): string {
  const t = utcDay(date);
  if (t === null) throw new RangeError(`Not a date: ${date}`);
  return write(t + days * DAY_MS);
}

/** Today in Brussels: absences are Belgian calendar days, whatever the computer's zone. */
export const brusselsToday = (now: number): string => brusselsDate(now);

/** `10:00` → [10, 0]. */
export function hourMinute(hhmm: string): [number, number] {
  const [h, m] = hhmm.split(':').map(Number);
  return [h ?? 0, m ?? 0];
}
