// The daily reminder's moment: a Brussels wall-clock time (default 16:00), whatever the computer's
// zone, on every day including the daylight-saving ones (a time in the skipped hour moves forward).
import { brusselsInstant, brusselsParts } from '../../directive/brussels';

function slotOn(now: number, hhmm: string, dayOffset: number): number {
  const [hour = 0, minute = 0] = hhmm.split(':').map(Number);
  const p = brusselsParts(now);
  return brusselsInstant(p.year, p.month, p.day + dayOffset, hour, minute);
}

/** The latest slot at or before `now`. */
export function lastSlot(now: number, hhmm: string): number {
  const today = slotOn(now, hhmm, 0);
  return today <= now ? today : slotOn(now, hhmm, -1);
}

/** The first slot strictly after `now`. */
export function nextSlot(now: number, hhmm: string): number {
  const today = slotOn(now, hhmm, 0);
  return today > now ? today : slotOn(now, hhmm, 1);
}

/** Midnight starting the next Brussels day: "until tomorrow". */
export function tomorrow(now: number): number {
  return slotOn(now, '00:00', 1);
}
