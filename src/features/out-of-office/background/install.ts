// The out-of-office planner in the background: learns from the web application's out-of-office
// calls, answers its ui/ooo/* verbs, and keeps its reminders. Registers only; never awaits here,
// so the background's listeners stay synchronous (MV3 pitfalls).
import type { FeatureHost } from '../../kit/host';
import { observe } from './observer';
import { PlanStore } from './plan-store';
import { REMINDER_ALARM, runReminders } from './remind';
import { registerVerbs } from './verbs';

export function install(host: FeatureHost): void {
  const store = new PlanStore(host.db);
  // One run at a time: an outcome and an alarm arriving together must not show a reminder twice.
  let running: Promise<void> = Promise.resolve();
  const remind = (now: number): Promise<void> => {
    running = running.then(() => runReminders(host, store, now)).catch(() => undefined);
    return running;
  };
  host.observe(async (event) => {
    if (await observe(store, event)) await remind(event.at);
  });
  host.onAlarm(REMINDER_ALARM, remind);
  host.onStartup(remind);
  // A new reminder time (the seat's or the organization's): the reminders follow it.
  host.onSettingsChanged(async (previous, now) => {
    if (previous.outOfOfficeReminderTime !== host.settings().outOfOfficeReminderTime) await remind(now);
  });
  registerVerbs({ host, store, changed: remind });
}
