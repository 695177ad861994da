// "Active" (§5.1, as the project reads it): trusted input in an eHealthBox tab within the last N
// minutes, and the system neither idle nor locked. Kept in storage.session so that a stopped
// service worker remembers it; a browser restart starts inactive, which is the stricter reading.
import browser from 'webextension-polyfill';

type IdleState = 'active' | 'idle' | 'locked';
const KEY = 'lastInput';
/** An input stamped this much later than now means the clock went back (not messages out of order). */
const CLOCK_BACK_SLACK_MS = 60_000;

export class Activity {
  private lastInput = 0;
  private idle: IdleState = 'active';
  private restoring: Promise<void> | null = null;

  restore(minutes: number): Promise<void> {
    this.restoring ??= (async () => {
      const stored = await browser.storage.session.get(KEY);
      const value = stored[KEY];
      if (typeof value === 'number') this.lastInput = Math.max(this.lastInput, value);
      browser.idle.setDetectionInterval(Math.max(15, minutes * 60));
      this.idle = await browser.idle.queryState(Math.max(15, minutes * 60));
    })().catch(() => undefined);
    return this.restoring;
  }

  noteInput(now: number): void {
    // Out of order by a little: keep the latest. Much earlier: the clock went back, the input is now.
    if (now <= this.lastInput && now > this.lastInput - CLOCK_BACK_SLACK_MS) return;
    this.lastInput = now;
    this.idle = 'active';
    void browser.storage.session.set({ [KEY]: now }).catch(() => undefined);
  }

  setIdle(state: IdleState): void {
    this.idle = state;
  }

  setThreshold(minutes: number): void {
    browser.idle.setDetectionInterval(Math.max(15, minutes * 60));
  }

  /**
   * An input "in the future" (the clock went back since) is no evidence of activity now: without
   * this, a clock set back an hour made the user count as active for the next hour and a quarter
   * without touching anything, and an individual's peak limits applied (§5.1).
   */
  isActive(now: number, minutes: number): boolean {
    const since = now - this.lastInput;
    return this.idle === 'active' && since >= -CLOCK_BACK_SLACK_MS && since <= minutes * 60_000;
  }
}
