// Notification state in the `alerts` table, so that one crossing gives one notification however
// many calls report it, across service-worker stops and browser restarts. Each key holds a level
// (a threshold, a count, a date); a notification is due only when the level rises.
import type { CompanionDB } from '../../store/db';

export class Alerts {
  constructor(private readonly db: () => CompanionDB) {}

  /**
   * Moves `key` to `next(previous)` (previous is 0 when never recorded) in one transaction and says
   * whether the level rose. A lower level is recorded too: getting worse again after the user freed
   * space is a new crossing.
   */
  async rise(key: string, next: (previous: number) => number, now: number): Promise<boolean> {
    const d = this.db();
    return d.transaction('rw', d.alerts, async () => {
      const row = await d.alerts.get(key);
      const previous = row ? Number(row.state) || 0 : 0;
      const level = next(previous);
      if (level !== previous) await d.alerts.put({ ...row, key, state: String(level), at: now });
      return level > previous;
    });
  }

  async level(key: string): Promise<number> {
    const row = await this.db().alerts.get(key);
    return row ? Number(row.state) || 0 : 0;
  }

  async snooze(key: string, until: number, now: number): Promise<void> {
    const d = this.db();
    await d.transaction('rw', d.alerts, async () => {
      const row = await d.alerts.get(key);
      await d.alerts.put({ key, state: row?.state ?? '0', at: now, snoozedUntil: until });
    });
  }

  async snoozed(key: string, now: number): Promise<boolean> {
    const until = (await this.db().alerts.get(key))?.snoozedUntil;
    return until !== undefined && now < until;
  }
}
