// The out-of-office planner in the background: learns from the web application's out-of-office
// calls, answers its ui/ooo/* verbs, and keeps its reminders. Registers only; never awaits here,
// so the background's listeners stay synchronous (MV3 pitfalls).
import type { Services } from '../../background/services';
import { db } from '../../store/db';
import { observe } from './observer';
import { PlanStore } from './plan-store';
import { REMINDER_ALARM, runReminders } from './remind';
import { registerVerbs } from './verbs';

export function install(s: Services): void {
  const store = new PlanStore(db);
  // One run at a time: an outcome and an alarm arriving together must not show a reminder twice.
  let running: Promise<void> = Promise.resolve();
  const remind = (now: number): Promise<void> => {
    running = running.then(() => runReminders(s, store, now)).catch(() => undefined);
    return running;
  };
  s.observers.push(async (event) => {
    if (await observe(store, event)) await remind(event.at);
  });
  s.alarms.set(REMINDER_ALARM, remind);
  s.startups.push(remind);
  registerVerbs({ s, store, changed: remind });
}
