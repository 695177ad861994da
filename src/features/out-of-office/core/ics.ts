// Calendars in and out: absences imported from an .ics file and the plan exported as one.
// iCalendar (RFC 5545) is full of traps — line folding, escaping, time zones given as VTIMEZONE
// blocks, recurrence rules — so parsing is left to ical.js (Mozilla's calendar parser, maintained
// for Thunderbird, no dependencies) rather than written here. Loaded by the options page only,
// on demand, so neither the popup nor the background carries it.
import ICAL from 'ical.js';
import { brusselsDate, brusselsInstant } from '../../../directive/brussels';
import { addDays } from './days';

export interface CalendarEvent {
  readonly key: string;
  readonly summary: string;
  /** Brussels dates, inclusive. */
  readonly start: string;
  readonly end: string;
  /** All-day events are absences as calendars write them; timed ones the user picks. */
  readonly allDay: boolean;
}

/** A calendar export of a few years is well below this; anything larger is not an absence list. */
export const MAX_ICS_BYTES = 2 * 1024 * 1024;
const MAX_EVENTS = 500;
/** Recurring events are expanded over the coming year only, a few occurrences each. */
const MAX_OCCURRENCES = 26;
const HORIZON_DAYS = 366;

type Time = InstanceType<typeof ICAL.Time>;

/** The Brussels date of a DTSTART/DTEND value; a time without a known zone is read as Brussels time. */
function dateOf(t: Time, endExclusive: boolean): string {
  if (t.isDate) {
    const day = t.toString().slice(0, 10);
    return endExclusive ? addDays(day, -1) : day;
  }
  const tz = t.zone?.tzid;
  let ms = tz === undefined || tz === 'floating' ? brusselsInstant(t.year, t.month, t.day, t.hour, t.minute) + t.second * 1000 : t.toUnixTime() * 1000;
  if (endExclusive) ms -= 1; // an event ending at midnight does not take the next day
  return brusselsDate(ms);
}

function eventOf(key: string, summary: string, start: Time, end: Time | null): CalendarEvent {
  const first = dateOf(start, false);
  const last = end === null ? first : dateOf(end, true);
  return { key, summary, start: first, end: last < first ? first : last, allDay: start.isDate };
}

function occurrences(ev: InstanceType<typeof ICAL.Event>, today: string): CalendarEvent[] {
  const summary = (ev.summary ?? '').slice(0, 200);
  if (!ev.isRecurring()) return [eventOf(ev.uid ?? summary, summary, ev.startDate, ev.endDate ?? null)];
  const out: CalendarEvent[] = [];
  const horizon = addDays(today, HORIZON_DAYS);
  const it = ev.iterator();
  for (let next = it.next(), guard = 0; next && guard < 1000 && out.length < MAX_OCCURRENCES; next = it.next(), guard++) {
    const d = ev.getOccurrenceDetails(next);
    const occ = eventOf(`${ev.uid}|${next.toString()}`, summary, d.startDate, d.endDate);
    if (occ.start > horizon) break;
    if (occ.end >= today) out.push(occ);
  }
  return out;
}

/** The events of an .ics text that are not over yet, earliest first. Throws on a file that is not iCalendar. */
export function readCalendar(text: string, today: string): CalendarEvent[] {
  const root = new ICAL.Component(ICAL.parse(text));
  const calendar = root.name === 'vcalendar' ? root : root.getFirstSubcomponent('vcalendar');
  if (!calendar) throw new Error('Not an iCalendar file');
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
    const tzid = vtz.getFirstPropertyValue('tzid');
    if (typeof tzid === 'string' && !ICAL.TimezoneService.has(tzid)) ICAL.TimezoneService.register(vtz);
  }
  const events: CalendarEvent[] = [];
  for (const vevent of calendar.getAllSubcomponents('vevent').slice(0, MAX_EVENTS)) {
    for (const e of occurrences(new ICAL.Event(vevent), today)) if (e.end >= today) events.push(e);
  }
  return events.sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end)).slice(0, MAX_EVENTS);
}

export interface ExportedAbsence {
  readonly id: string;
  readonly start: string;
  readonly end: string;
}

/**
 * The plan as all-day events. Dates only: notes and substitutes' identifiers (personal data of
 * colleagues) stay on this computer, since a calendar file tends to be shared.
 */
export function writeCalendar(absences: readonly ExportedAbsence[], summary: string, now: number): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', '-//Companion for eHealthBox//Out-of-office planner//EN');
  cal.updatePropertyWithValue('version', '2.0');
  for (const a of absences) {
    const ev = new ICAL.Component('vevent');
    ev.updatePropertyWithValue('uid', `${a.id}@companion-for-ehealthbox`);
    ev.updatePropertyWithValue('dtstamp', ICAL.Time.fromJSDate(new Date(now), true));
    ev.updatePropertyWithValue('dtstart', ICAL.Time.fromDateString(a.start));
    ev.updatePropertyWithValue('dtend', ICAL.Time.fromDateString(addDays(a.end, 1))); // DTEND is exclusive
    ev.updatePropertyWithValue('summary', summary);
    ev.updatePropertyWithValue('transp', 'OPAQUE');
    cal.addSubcomponent(ev);
  }
  return cal.toString().replace(/\r?\n/g, '\r\n') + '\r\n'; // RFC 5545 lines end in CRLF
}
