// Automatic deletion by the platform (§7.2.1): INBOX and STANDBY 182 days, BIN 30 days, SENT and
// BINSENT 7 days; unused boxes, with their messages, after 90 days. This project counts these as
// Brussels calendar days: a message published at 10:00 is purged at 10:00 Belgian time N days
// later, whatever the daylight-saving changes in between (a "7 days" spanning 29 March is 167 hours).
import { brusselsInstant, brusselsParts } from './brussels';

/** Folders as §7.2.1 names them; the REST and SOAP names map onto these (`retainedFolder`). */
export type RetainedFolder = 'inbox' | 'standby' | 'bin' | 'sent' | 'binsent';

export const RETENTION_DAYS: Readonly<Record<RetainedFolder, number>> = {
  inbox: 182,
  standby: 182,
  bin: 30,
  sent: 7,
  binsent: 7,
};

/** §7.2.1: an unused box is deleted with its messages after 90 days; we warn 10 days before. */
export const UNUSED_BOX_DELETED_DAYS = 90;
export const UNUSED_BOX_WARNING_DAYS = 80;

/** Received messages are announced this many days before the platform purges them. */
export const PURGE_WARNING_DAYS = 7;

// REST names (inbox, sent, bin, binsent) and the SOAP ones (INBOX, SENTBOX, BININBOX, BINSENTBOX),
// already lower-cased by the route reader.
const ALIASES: Readonly<Record<string, RetainedFolder>> = {
  inbox: 'inbox',
  standby: 'standby',
  bin: 'bin',
  bininbox: 'bin',
  sent: 'sent',
  sentbox: 'sent',
  binsent: 'binsent',
  binsentbox: 'binsent',
};

export function retainedFolder(name: string): RetainedFolder | null {
  return Object.prototype.hasOwnProperty.call(ALIASES, name) ? (ALIASES[name] ?? null) : null;
}

/** The same Brussels wall-clock time `days` calendar days later (a skipped hour maps forward). */
export function addBrusselsDays(at: number, days: number): number {
  const p = brusselsParts(at);
  // Brussels offsets are whole minutes, so seconds and milliseconds carry over unchanged.
  return brusselsInstant(p.year, p.month, p.day + days, p.hour, p.minute) + (at % 60_000);
}

/** When the platform deletes a message of `folder` published at `publishedAt` (§7.2.1). */
export function purgeAt(folder: RetainedFolder, publishedAt: number): number {
  return addBrusselsDays(publishedAt, RETENTION_DAYS[folder]);
}

/** Whole Brussels calendar days from the date of `from` to the date of `to` (negative if before). */
export function calendarDaysBetween(from: number, to: number): number {
  const a = brusselsParts(from);
  const b = brusselsParts(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000);
}

/** A received message purged within PURGE_WARNING_DAYS (and not yet purged) deserves a warning. */
export function purgeIsNear(purge: number, now: number): boolean {
  return purge > now && purge <= addBrusselsDays(now, PURGE_WARNING_DAYS);
}

export interface UnusedBox {
  /** When the 80-day warning is due, and when the platform deletes the box (§7.2.1). */
  readonly warnAt: number;
  readonly deletedAt: number;
}

export function unusedBox(lastConsulted: number): UnusedBox {
  return {
    warnAt: addBrusselsDays(lastConsulted, UNUSED_BOX_WARNING_DAYS),
    deletedAt: addBrusselsDays(lastConsulted, UNUSED_BOX_DELETED_DAYS),
  };
}
