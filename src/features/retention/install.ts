// Retention in the background: the messages table kept in step with the listings the web
// application makes (ids, dates, sizes), and the daily reminders (§7.2.1 sent messages and purges,
// §6.2 acknowledgements, boxes unused for 80 days). Registers only; nothing here awaits.
import { Alerts } from '../kit/alerts';
import type { FeatureHost } from '../kit/host';
import { SNOOZE_ACTION } from './notes';
import { DAILY_ALARM, Reminders } from './reminders';
import { MessageTracker } from './tracker';

export function install(host: FeatureHost): void {
  const tracker = new MessageTracker(host.db);
  const reminders = new Reminders(host, new Alerts(host.db), tracker);
  host.observe(tracker.observe);
  host.onAlarm(DAILY_ALARM, (now) => reminders.schedule(now));
  host.onStartup((now) => reminders.schedule(now));
  // A new reminder time (the seat's or the organization's): the alarm follows, a reminder now due shows.
  host.onSettingsChanged(async (previous, now) => {
    if (previous.digestTime !== host.settings().digestTime) await reminders.schedule(now);
  });
  host.onNoteAction(SNOOZE_ACTION, (noteId) => reminders.snooze(noteId, host.clock()));
}
