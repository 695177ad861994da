// Keeps the `messages` table in step with what the web application sees: each folder listing
// (ids, dates, sizes, ACK category), and each deletion, move or publication it makes. Nothing
// else of a message is ever stored.
import type { ListedMessage } from '../../directive/responses';
import { purgeAt, retainedFolder, type RetainedFolder } from '../../directive/retention';
import type { CompanionDB } from '../../store/db';
import type { ListedMessageRow } from '../../store/schema';
import { type OutcomeEvent, isOk } from '../kit/host';

/**
 * getMessagesList pages by 100 at most: a listing that long may be one page of several, so only
 * the messages dated within its range that it no longer holds are dropped. A shorter listing is
 * the whole folder.
 */
export const PAGE_SIZE = 100;

// Trash moves inbox → bin and sent → binsent; recover moves them back. The route does not say
// which of the two was called, but only one of them is possible from each folder.
const MOVES: Partial<Record<RetainedFolder, RetainedFolder>> = { inbox: 'bin', sent: 'binsent', bin: 'inbox', binsent: 'sent' };

type Key = [string, string, string];

/** An organization may list a folder of a thousand messages every minute: rewrite a row only when it says something new. */
const SEEN_REFRESH_MS = 3_600_000;
const unchanged = (old: ListedMessageRow | undefined, row: ListedMessageRow): boolean =>
  old !== undefined && old.publishedAt === row.publishedAt && old.size === row.size && old.ack === row.ack && row.lastSeen - old.lastSeen < SEEN_REFRESH_MS;

/** Publication date, or when the message was first seen when the listing gave none. */
export const publishedOf = (m: Pick<ListedMessageRow, 'publishedAt' | 'firstSeen'>): number => m.publishedAt ?? m.firstSeen;

/**
 * The same listing of a folder again this soon is not read against the table: nothing in it would
 * change (rows are rewritten only when something changed, or after SEEN_REFRESH_MS). An
 * organization may list each folder once a minute (§5.4.1). Forgotten for a mailbox at each
 * change the table records (deletion, move, publication).
 */
const REPEAT_MS = 60_000;
const CHANGES = new Set(['DeleteMessage', 'MoveMessage', 'Publish']);
/**
 * A listing is reported once the page has read its answer, another tab's at any moment: one made
 * before a deletion, move or publication may arrive after it. For a minute, what the change said
 * of a message in a folder (gone, or there) wins over a listing.
 */
const CHANGE_WINS_MS = 60_000;
const fresh = (change: { at: number }, now: number): boolean => now >= change.at && now - change.at < CHANGE_WINS_MS;

export class MessageTracker {
  /** Per mailbox and folder, the last listing read: what it said and when. */
  private readonly looked = new Map<string, { said: string; at: number }>();
  /** Per mailbox, folder and message, the last change seen: whether it left the message there, and when. */
  private readonly changed = new Map<string, { here: boolean; at: number }>();

  constructor(private readonly db: () => CompanionDB) {}

  readonly observe = async (e: OutcomeEvent): Promise<void> => {
    if (!isOk(e.status)) return;
    const folder = e.call.folder === undefined ? null : retainedFolder(e.call.folder);
    const named = [...new Set([...(e.messageIds ?? []), ...(e.call.messageId ? [e.call.messageId] : [])])];
    if (CHANGES.has(e.call.method)) for (const key of this.looked.keys()) if (key.startsWith(`${e.mailbox}|`)) this.looked.delete(key);
    switch (e.call.method) {
      case 'ListMessages':
        if (folder && e.info?.kind === 'messages') await this.listed(e.mailbox, folder, e.info.messages, e.at);
        return;
      case 'DeleteMessage':
        if (!folder) return;
        this.changes(e.mailbox, folder, named, false, e.at);
        await this.db().messages.bulkDelete(named.map((id): Key => [e.mailbox, folder, id]));
        return;
      case 'MoveMessage':
        if (folder) await this.moved(e.mailbox, folder, named, e.at);
        return;
      case 'Publish':
        // The publication answer names the sent copy when the page hook can read it.
        if (e.info?.kind === 'created') await this.published(e.mailbox, e.info.id, e.bodyBytes ?? null, e.at);
        return;
      default:
    }
  };

  rows(mailbox: string): Promise<ListedMessageRow[]> {
    return this.db().messages.where('mailbox').equals(mailbox).toArray();
  }

  /** Drops what the platform has purged by now (§7.2.1): it cannot be in the box any more. */
  async prune(now: number): Promise<void> {
    const d = this.db();
    await d.transaction('rw', d.messages, async () => {
      await d.messages
        .filter((m) => {
          const folder = retainedFolder(m.folder);
          return folder !== null && purgeAt(folder, publishedOf(m)) <= now;
        })
        .delete();
    });
  }

  private async listed(mailbox: string, folder: RetainedFolder, listed: readonly ListedMessage[], now: number): Promise<void> {
    const key = `${mailbox}|${folder}`;
    const said = JSON.stringify(listed.map((m) => [m.id, m.publishedAt, m.size, m.ack]));
    const last = this.looked.get(key);
    if (last && last.said === said && now >= last.at && now - last.at < REPEAT_MS) return;
    const d = this.db();
    const dates = listed.flatMap((m) => (m.publishedAt === null ? [] : [m.publishedAt]));
    const [from, to] = dates.length > 0 ? [Math.min(...dates), Math.max(...dates)] : [Infinity, -Infinity];
    const whole = listed.length < PAGE_SIZE;
    const covered = (m: ListedMessageRow): boolean => whole || (m.publishedAt !== null && m.publishedAt >= from && m.publishedAt <= to);
    // A message a change named this last minute stays as the change left it.
    const recent = (id: string): boolean | undefined => this.recentChange(mailbox, folder, id, now);
    const kept = listed.filter((m) => recent(m.id) !== false);
    const ids = new Set(kept.map((m) => m.id));
    await d.transaction('rw', d.messages, async () => {
      const known = new Map((await d.messages.where('[mailbox+folder]').equals([mailbox, folder]).toArray()).map((m) => [m.id, m]));
      const gone = [...known.values()].filter((m) => !ids.has(m.id) && covered(m) && recent(m.id) !== true).map((m): Key => [mailbox, folder, m.id]);
      await d.messages.bulkDelete(gone);
      const rows = kept.map(({ id, publishedAt, size, ack }) => ({ mailbox, folder, id, publishedAt, size, ack, firstSeen: known.get(id)?.firstSeen ?? now, lastSeen: now }));
      await d.messages.bulkPut(rows.filter((row) => !unchanged(known.get(row.id), row)));
    });
    this.looked.set(key, { said, at: now });
  }

  private async moved(mailbox: string, from: RetainedFolder, ids: readonly string[], now: number): Promise<void> {
    const to = MOVES[from];
    if (!to || ids.length === 0) return;
    this.changes(mailbox, from, ids, false, now);
    this.changes(mailbox, to, ids, true, now);
    const d = this.db();
    await d.transaction('rw', d.messages, async () => {
      const keys = ids.map((id): Key => [mailbox, from, id]);
      const rows = (await d.messages.bulkGet(keys)).filter((r) => r !== undefined);
      await d.messages.bulkDelete(keys);
      await d.messages.bulkPut(rows.map((r) => ({ ...r, folder: to, lastSeen: now })));
    });
  }

  private async published(mailbox: string, id: string, size: number | null, now: number): Promise<void> {
    this.changes(mailbox, 'sent', [id], true, now);
    await this.db().messages.put({ mailbox, folder: 'sent', id, publishedAt: now, size, ack: null, firstSeen: now, lastSeen: now });
  }

  private changes(mailbox: string, folder: RetainedFolder, ids: readonly string[], here: boolean, now: number): void {
    for (const [key, change] of this.changed) if (!fresh(change, now)) this.changed.delete(key);
    for (const id of ids) this.changed.set(`${mailbox}|${folder}|${id}`, { here, at: now });
  }

  private recentChange(mailbox: string, folder: string, id: string, now: number): boolean | undefined {
    const change = this.changed.get(`${mailbox}|${folder}|${id}`);
    return change && fresh(change, now) ? change.here : undefined;
  }
}
