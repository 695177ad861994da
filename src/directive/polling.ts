// The polling rule (§5.7): ask GetMailbox first; if it shows currentSize = 0 or
// unreadMessagesCount = 0, ListMessages is not necessary. This project applies it to a folder the
// application already listed since the box last changed: the first listing of a session, or one
// after a deletion, move or publication, shows the user something new and is left alone.

/** What the latest GetMailbox answer said, and when. */
export interface MailboxCheck {
  readonly at: number;
  readonly currentSize: number | null;
  readonly unread: number | null;
}

export interface PollingFacts {
  readonly check: MailboxCheck | null;
  /** When this folder was last listed (a real answer), null if never in this session. */
  readonly listedAt: number | null;
  /** When the box last changed through a call seen here (delete, move, publication). */
  readonly changedAt: number | null;
}

/**
 * An older GetMailbox answer no longer says that nothing is new: the directive's slowest GetMailbox
 * pace is once an hour (§5.2.1), so an answer older than that is not the one the app asked "first".
 */
export const CHECK_VALID_MS = 3_600_000;

/** §5.7: a GetMailbox answer of currentSize 0 or unreadMessagesCount 0 says nothing new is waiting. */
export const showsNothingNew = (c: Pick<MailboxCheck, 'currentSize' | 'unread'>): boolean => c.currentSize === 0 || c.unread === 0;

/** §5.7: nothing new is waiting, and the application already holds this folder's listing. */
export function listingUnnecessary(f: PollingFacts, now: number): boolean {
  const c = f.check;
  if (c === null || now - c.at > CHECK_VALID_MS || now < c.at) return false;
  if (!showsNothingNew(c)) return false;
  if (f.listedAt === null) return false;
  return f.changedAt === null || f.changedAt < f.listedAt;
}
