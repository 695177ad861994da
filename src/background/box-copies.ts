// Box information kept for the browser session (issue 12): the sizes and counts of each box's
// last GetMailbox answer, nothing else (no owner, no identifier, no message), in storage.session
// (memory only, gone when the browser closes; extension pages and the worker only, never a content
// script). After a reload in enforce mode with the budget spent, the page has no copy of its own:
// a held GetMailbox is then answered with this one (bridge/box-answer.ts builds the answer), and
// no call reaches the server. Message lists and contents are never kept here.
import type { MailboxInfo } from '../directive/responses';
import type { BoxCopy } from '../shared/messages';

export const BOX_COPIES_KEY = 'boxCopies';
/** Boxes kept at most (a seat follows a few; the oldest goes first). */
export const MAX_BOXES = 50;
/**
 * An answer that says what the kept copy says is written again only once the copy is this old: a
 * page polling its box (bench/latency.ts) no longer costs a read and a write of session storage
 * per answer. The kept copy then says, at most this much earlier, what is still true.
 */
export const SAME_ANSWER_REWRITE_MS = 60_000;

export interface SessionArea {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}

type Stored = Record<string, BoxCopy>;

/** The copy of an answer that told at least one size or count, without its owner; else null. */
export function boxCopyOf(info: MailboxInfo, at: number): BoxCopy | null {
  const { currentSize, maxSize, standby, unread } = info;
  if (currentSize === null && maxSize === null && standby === null && unread === null) return null;
  return { currentSize, maxSize, standby, unread, at };
}

/** `all` with `copy` as the box's newest, the oldest boxes dropped beyond MAX_BOXES. */
export function withCopy(all: Stored, mailbox: string, copy: BoxCopy): Stored {
  const rest = Object.entries(all).filter(([k]) => k !== mailbox).sort(([, a], [, b]) => b.at - a.at).slice(0, MAX_BOXES - 1);
  return Object.fromEntries([[mailbox, copy], ...rest]);
}

const sameAnswer = (a: BoxCopy, b: BoxCopy): boolean =>
  a.currentSize === b.currentSize && a.maxSize === b.maxSize && a.standby === b.standby && a.unread === b.unread;

export class BoxCopies {
  /** Writes one after the other: two answers read at once must not drop each other's box. */
  private chain: Promise<void> = Promise.resolve();
  /** The record as this worker last read or wrote it: only the worker writes it. */
  private known: Stored | null = null;

  constructor(private readonly area: () => SessionArea) {}

  private async read(): Promise<Stored> {
    if (this.known) return this.known;
    const value = (await this.area().get(BOX_COPIES_KEY))[BOX_COPIES_KEY];
    this.known = typeof value === 'object' && value !== null ? (value as Stored) : {};
    return this.known;
  }

  /** A GetMailbox answer that reached the page (status 2xx). */
  keep(mailbox: string, info: MailboxInfo, at: number): Promise<void> {
    const copy = boxCopyOf(info, at);
    if (copy === null) return this.chain;
    this.chain = this.chain
      .then(async () => {
        const all = await this.read();
        const kept = all[mailbox];
        if (kept && (kept.at > at || (sameAnswer(kept, copy) && at - kept.at < SAME_ANSWER_REWRITE_MS))) return;
        const next = withCopy(all, mailbox, copy);
        await this.area().set({ [BOX_COPIES_KEY]: next });
        this.known = next;
      })
      .catch(() => undefined);
    return this.chain;
  }

  async get(mailbox: string): Promise<BoxCopy | null> {
    await this.chain;
    return (await this.read().catch(() => ({}) as Stored))[mailbox] ?? null;
  }
}
