// "Active" (§5.1, as the project reads it): trusted input in an eHealthBox tab within the last N
// minutes, and the system neither idle nor locked. Kept in storage.session so that a stopped
// service worker remembers it; a browser restart starts inactive, which is the stricter reading.
import browser from 'webextension-polyfill';

type IdleState = 'active' | 'idle' | 'locked';
const KEY = 'lastInput';

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
    if (now <= this.lastInput) return;
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

  isActive(now: number, minutes: number): boolean {
    return this.idle === 'active' && now - this.lastInput <= minutes * 60_000;
  }
}
