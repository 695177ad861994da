// First sight of a box (issue 11, point 6): until its first GetMailbox answer says whose box it is,
// a mailbox is judged by the stricter individual limits. Three concurrent GetMailbox of a new
// organization's box at night used to get 200, 429, 429: the kind was unknown while the first
// answer was on its way. Now a call that would be held waits (bounded) for that answer instead.

/**
 * How long a call waits for the kind a GetMailbox answer on its way will tell. Bounded, and well
 * inside the page hook's verdict timeout (1.5 s) and the background's storage wait (1 s), together
 * with the storage work of the decision itself: the answer normally arrives within the bridge's
 * 200 ms batch.
 */
export const KIND_WAIT_MS = 700;
/** A GetMailbox whose answer never came is forgotten after this (the page went away, the call failed). */
const FORGET_MS = 10 * KIND_WAIT_MS;

export class FirstSight {
  private readonly learning = new Map<string, { promise: Promise<void>; resolve: () => void }>();

  /** A GetMailbox of a mailbox of unknown kind goes out: its answer will tell the kind. */
  expect(mailbox: string): void {
    if (this.learning.has(mailbox)) return;
    let resolve: () => void = () => undefined;
    const promise = new Promise<void>((r) => (resolve = r));
    this.learning.set(mailbox, { promise, resolve });
    setTimeout(() => this.settled(mailbox), FORGET_MS);
  }

  /** A GetMailbox of this mailbox is on its way. */
  pending(mailbox: string): boolean {
    return this.learning.has(mailbox);
  }

  /** Resolves when the answer was read (`settled`), or after `ms`. */
  wait(mailbox: string, ms: number): Promise<void> {
    const pending = this.learning.get(mailbox);
    if (!pending) return Promise.resolve();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((r) => (timer = setTimeout(r, Math.max(0, ms))));
    return Promise.race([pending.promise, late]).finally(() => clearTimeout(timer));
  }

  /** The GetMailbox answer was read (whatever it said): the calls waiting for it decide now. */
  settled(mailbox: string): void {
    this.learning.get(mailbox)?.resolve();
    this.learning.delete(mailbox);
  }

  forget(): void {
    for (const mailbox of [...this.learning.keys()]) this.settled(mailbox);
  }
}
