// Shows the planner's reminders that are due and sets one alarm for the next. Alarms may be late
// or lost (MV3 pitfalls), so each run computes what is due now from the stored plan, remembers
// what it showed in the alerts table, and runs again at every start-up and after every change.
import { t } from '../../../i18n/t';
import { brusselsMidnight } from '../../../directive/brussels';
import type { FeatureHost, Note } from '../../kit/host';
import { addDays, brusselsToday } from '../core/days';
import { span } from '../core/format';
import type { PlanStore } from './plan-store';
import { mailboxPlan } from './planner-view';
import { type Reminder, absenceReminders, dueReminders, nextReminderAt, nextStep } from '../core/reminders';

export const REMINDER_ALARM = 'out-of-office-reminders';
const PREFIX = 'ooo|';
/** Shown reminders are remembered this long after they stop being asked for. */
const FORGET_MS = 60 * 86_400_000;
/** Absences over for this long, and off the platform, leave the plan. */
const KEEP_PAST_DAYS = 30;
/** Chrome's shortest alarm delay. */
const MIN_DELAY_MS = 30_000;

function reminderNote(mailbox: string, r: Reminder, now: number): Note {
  const open = { mailbox, page: 'outOfOffice' } as const;
  if (r.kind === 'ended') {
    return { id: r.key, open, title: t('oooEndedTitle'), message: t('oooEndedMessage', span(r.start, r.end)) };
  }
  const started = now >= brusselsMidnight(r.start);
  return { id: r.key, open, title: t('oooNotRegisteredTitle'), message: t(started ? 'oooStartedNotRegistered' : 'oooTomorrowNotRegistered', span(r.start, r.end)) };
}

const earliest = (a: number | null, b: number | null): number | null => (a === null ? b : b === null ? a : Math.min(a, b));

/** The spread plan: tell the user when the cap allows the step it held back (one alert row per mailbox). */
async function runNextStep(host: FeatureHost, store: PlanStore, mailbox: string, now: number): Promise<number | null> {
  const key = `${PREFIX}next|${mailbox}`;
  const waiting = await host.db().alerts.get(key);
  const step = nextStep(waiting ? Number(waiting.state) : null, (await mailboxPlan(host, store, mailbox, now)).changes, now);
  if (step.notify) {
    await host.notify({
      id: key, open: { mailbox, page: 'outOfOffice' }, title: t('oooNextStepTitle'),
      message: t('oooNextStepMessage', step.allowed.inserts, step.allowed.deletes),
    });
  }
  if (step.waitFor === null) await host.db().alerts.delete(key);
  else await host.db().alerts.put({ key, state: String(step.waitFor), at: now });
  return step.waitFor;
}

/** One mailbox's day-before and ended reminders; `asked` collects the keys still relevant. */
async function runAbsences(host: FeatureHost, store: PlanStore, mailbox: string, shown: ReadonlySet<string>, asked: Set<string>, now: number): Promise<number | null> {
  await store.forgetPast(mailbox, addDays(brusselsToday(now), -KEEP_PAST_DAYS));
  const [plan, entries] = await Promise.all([store.absences(mailbox), store.entries(mailbox)]);
  const reminders = absenceReminders(mailbox, plan, entries, brusselsToday(now), host.settings().outOfOfficeReminderTime);
  for (const r of reminders) asked.add(r.key);
  for (const r of dueReminders(reminders, shown, now)) {
    await host.notify(reminderNote(mailbox, r, now));
    await host.db().alerts.put({ key: r.key, state: 'shown', at: now });
  }
  return nextReminderAt(reminders, shown, now);
}

export async function runReminders(host: FeatureHost, store: PlanStore, now: number): Promise<void> {
  const rows = await host.db().alerts.where('key').startsWith(PREFIX).toArray();
  const shown = new Set(rows.filter((r) => r.state === 'shown').map((r) => r.key));
  const asked = new Set<string>();
  let next: number | null = null;
  for (const box of await host.mailboxes()) {
    next = earliest(next, await runAbsences(host, store, box.accessKey, shown, asked, now));
    next = earliest(next, await runNextStep(host, store, box.accessKey, now));
  }
  // Forget shown reminders nobody asks for any more (the absence was deleted long ago).
  await host.db().alerts.bulkDelete(rows.filter((r) => r.state === 'shown' && !asked.has(r.key) && r.at < now - FORGET_MS).map((r) => r.key));
  await host.alarm(REMINDER_ALARM, next === null ? null : Math.max(next, now + MIN_DELAY_MS));
}
