// What the daily reminders say, chosen from the tracked listing metadata: the sent messages still
// in the box (SENT and BINSENT, purged 7 days after sending), received messages close to their
// purge (INBOX, 182 days), and acknowledgements waiting to be processed (§6.2). Pure.
import { purgeAt, purgeIsNear, retainedFolder } from '../../directive/retention';
import type { SeenMessage } from '../../directive/responses';
import { publishedOf } from './tracker';

type Row = Pick<SeenMessage, 'folder' | 'publishedAt' | 'size' | 'ack' | 'firstSeen'>;

/** The platform's purge instant for a tracked message, null for a folder §7.2.1 does not name. */
export function purgeOf(m: Row): number | null {
  const folder = retainedFolder(m.folder);
  return folder === null ? null : purgeAt(folder, publishedOf(m));
}

const stillHeld = (m: Row, now: number): boolean => (purgeOf(m) ?? Infinity) > now;
const isSent = (m: Row): boolean => m.folder === 'sent' || m.folder === 'binsent';

export interface SentMessage {
  readonly folder: 'sent' | 'binsent';
  readonly publishedAt: number;
  readonly size: number | null;
  readonly purgeAt: number;
}

/** Sent messages still in the box, oldest first: the list the user is asked to delete. */
export function sentMessages(rows: readonly Row[], now: number): SentMessage[] {
  return rows
    .filter((m) => isSent(m) && stillHeld(m, now))
    .map((m) => ({ folder: m.folder as SentMessage['folder'], publishedAt: publishedOf(m), size: m.size, purgeAt: purgeOf(m) ?? Infinity }))
    .sort((a, b) => a.publishedAt - b.publishedAt);
}

export interface SentDigest {
  readonly count: number;
  /** Of which in the bin of sent messages (BINSENT). */
  readonly inBin: number;
  readonly oldest: SentMessage;
}

export function sentDigest(rows: readonly Row[], now: number): SentDigest | null {
  const sent = sentMessages(rows, now);
  const oldest = sent[0];
  return oldest ? { count: sent.length, inBin: sent.filter((m) => m.folder === 'binsent').length, oldest } : null;
}

export interface PurgeSoon {
  readonly count: number;
  readonly first: number;
  /** The latest purge among them: the de-duplication level (a later one is a new warning). */
  readonly last: number;
}

/** Received messages the platform deletes within 7 days. */
export function purgeSoon(rows: readonly Row[], now: number): PurgeSoon | null {
  const purges = rows
    .filter((m) => m.folder === 'inbox')
    .map((m) => purgeOf(m) ?? Infinity)
    .filter((p) => purgeIsNear(p, now));
  return purges.length === 0 ? null : { count: purges.length, first: Math.min(...purges), last: Math.max(...purges) };
}

/** Acknowledgements (PUBLISHED, RECEIVED, READ) waiting in the inbox: open, then delete (§6.2). */
export function ackPile(rows: readonly Row[]): number {
  return rows.filter((m) => m.folder === 'inbox' && m.ack !== null).length;
}
