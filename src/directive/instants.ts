// Instants from the dates answers and logs write (ISO 8601, or epoch ms). Kept apart from the
// answer readers (responses.ts) because a date without a zone is Belgian legal time, which needs
// the time-zone rules: the background reads dates here, the page hook never loads this file.
import { brusselsInstant } from './brussels';
import { ISO_DATE_TIME, type ListedMessage, type RawDate } from './responses';

/** An instant as logs and HAR files write it (ISO 8601; without a zone, Belgian legal time), or epoch ms. */
export function readInstant(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v) && v > 0) return v;
  if (typeof v !== 'string') return null;
  const m = ISO_DATE_TIME.exec(v.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = m.slice(1, 7).map((x) => Number(x ?? 0)) as [number, number, number, number, number, number];
  const ms = Number((m[7] ?? '').slice(0, 3).padEnd(3, '0'));
  const zone = m[8];
  const day = new Date(Date.UTC(y, mo - 1, d));
  if (day.getUTCMonth() !== mo - 1 || day.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) return null;
  if (zone === undefined) return brusselsInstant(y, mo, d, h, mi) + sec * 1000 + ms;
  const wall = Date.UTC(y, mo - 1, d, h, mi, sec, ms);
  if (zone.toUpperCase() === 'Z') return wall;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return wall - sign * offset * 60_000;
}

/** A listing as the page read it, its dates read into instants. */
export const withInstants = (list: readonly ListedMessage<RawDate>[]): ListedMessage[] =>
  list.map((m) => ({ ...m, publishedAt: readInstant(m.publishedAt) }));
