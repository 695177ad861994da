// <input type="datetime-local"> holds a wall-clock time without a zone. The on-call periods are
// Belgian times (§5.2.1), whatever the computer's own zone: convert through Europe/Brussels.
import { brusselsInstant, brusselsParts } from '../../directive/brussels';

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2026-12-24T19:00` for the Brussels wall-clock time of an instant. */
export function toBrusselsInput(at: number): string {
  const p = brusselsParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/** The instant of a datetime-local value read as Brussels time; null when it is not one. */
export function fromBrusselsInput(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  return brusselsInstant(year, month, day, hour, minute);
}

/** Today at `hour`:00 in Brussels, `days` days from the day of `now`. */
export function brusselsAt(now: number, days: number, hour: number): number {
  const p = brusselsParts(now);
  return brusselsInstant(p.year, p.month, p.day + days, hour, 0);
}
