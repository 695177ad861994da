// When the planner speaks up: the day before a planned absence starts, at the user's hour, if it
// is not registered yet; the day after a registered absence ended, if it still stands in the
// platform's list; and when the cap (§5.6) allows the next step of a plan laid out over days.
// Pure: the background decides what is due now, shows it once, and sets its alarm for the next one.
import { brusselsInstant } from '../../../directive/brussels';
import { addDays, hourMinute } from './days';
import type { Absence, Cost, PlatformEntry } from './model';
import { type ScheduledChange, nextStepAt } from './schedule';

export interface Reminder {
  /** Stable: one notification per key, ever (kept in the alerts table). */
  readonly key: string;
  readonly kind: 'dayBefore' | 'ended';
  readonly dueAt: number;
  readonly start: string;
  readonly end: string;
}

/** An absence planned late on the day before is not announced while the user is still planning it. */
export const PLANNING_GRACE_MS = 3_600_000;

/** The instant of `time` (HH:MM, Brussels) on a Brussels date; a skipped hour in March moves forward. */
export function reminderAt(date: string, time: string): number {
  const [y, m, d] = date.split('-').map(Number);
  const [h, min] = hourMinute(time);
  return brusselsInstant(y ?? 1970, m ?? 1, d ?? 1, h, min);
}

/** Every reminder the plan calls for, past or future; `today` is the Brussels date. */
export function absenceReminders(mailbox: string, absences: readonly Absence[], entries: readonly PlatformEntry[], today: string, time: string): Reminder[] {
  const out: Reminder[] = [];
  for (const a of absences) {
    if (a.withdrawn || a.registeredId !== null || a.end < today) continue;
    const dueAt = Math.max(reminderAt(addDays(a.start, -1), time), a.createdAt + PLANNING_GRACE_MS);
    out.push({ key: `ooo|before|${a.id}|${a.start}`, kind: 'dayBefore', dueAt, start: a.start, end: a.end });
  }
  for (const e of entries) {
    if (e.goneAt !== null) continue;
    out.push({ key: `ooo|ended|${mailbox}|${e.id}`, kind: 'ended', dueAt: reminderAt(addDays(e.end, 1), time), start: e.start, end: e.end });
  }
  return out;
}

export function dueReminders(reminders: readonly Reminder[], sent: ReadonlySet<string>, now: number): Reminder[] {
  return reminders.filter((r) => r.dueAt <= now && !sent.has(r.key));
}

export function nextReminderAt(reminders: readonly Reminder[], sent: ReadonlySet<string>, now: number): number | null {
  let next: number | null = null;
  for (const r of reminders) if (r.dueAt > now && !sent.has(r.key) && (next === null || r.dueAt < next)) next = r.dueAt;
  return next;
}

export interface NextStep {
  /** The budget now allows a change that the cap held back when the plan was laid out. */
  readonly notify: boolean;
  /** Changes allowed now. */
  readonly allowed: Cost;
  /** The next moment to look again: when the next held-back change becomes allowed. */
  readonly waitFor: number | null;
}

/** `waitingFor`: the moment remembered from the last look, when a held-back change was due. */
export function nextStep(waitingFor: number | null, scheduled: readonly ScheduledChange[], now: number): NextStep {
  const ready = scheduled.filter((s) => s.at !== null && s.at <= now);
  const allowed = { inserts: ready.filter((s) => s.kind === 'insert').length, deletes: ready.filter((s) => s.kind === 'delete').length };
  const notify = waitingFor !== null && now >= waitingFor && ready.length > 0;
  return { notify, allowed, waitFor: nextStepAt(scheduled, now) };
}
