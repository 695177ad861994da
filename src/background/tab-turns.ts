// What a tab's bridge sends is read in the order it came. A call's outcome, in a later batch than
// its decide, must not be read first (it would count the call, and the decide count it again); and
// a decide that goes alone must not be judged before the claims the bridge sent just ahead of it
// (relay.ts), or it finds the tab's spent slots still out and is held a while for them. Other
// tabs never wait.
export class TabTurns {
  /** Per tab, the end of the last batch being read. */
  private readonly last = new Map<number, Promise<void>>();

  /** Runs `task` once every batch the tab sent before has been read, whatever its end. */
  queue<T>(tab: number, task: () => Promise<T>): Promise<T> {
    const turn = this.settled(tab).then(task);
    const tail = turn.then(
      () => undefined,
      () => undefined,
    );
    this.last.set(tab, tail);
    void tail.then(() => {
      if (this.last.get(tab) === tail) this.last.delete(tab);
    });
    return turn;
  }

  /** Resolves once the batches the tab sent so far have been read. */
  settled(tab: number): Promise<void> {
    return this.last.get(tab) ?? Promise.resolve();
  }
}
