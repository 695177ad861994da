// Builds the planner's view for every mailbox seen: the plan, where each entry stands, the
// budget left (the engine on the keeper's own ledger, never a count of our own) and the spread.
import { withoutLeases } from '../../../directive/ledger';
import type { FeatureHost } from '../../kit/host';
import { pendingChanges, platformIndex, statusOf, unplanned } from '../core/changes';
import { brusselsToday } from '../core/days';
import { neighbours } from '../core/merge';
import type { PlanStore } from './plan-store';
import { allowance, spread } from '../core/schedule';
import type { MailboxPlan, PlannerView } from '../core/view';

export async function mailboxPlan(host: FeatureHost, store: PlanStore, mailbox: string, now: number): Promise<MailboxPlan> {
  const [plan, entries, ledger, c, name] = await Promise.all([
    store.absences(mailbox),
    store.entries(mailbox),
    // The calls made: slots leased to a tab for a moment are not shown as used.
    host.ledger(mailbox, now).then(withoutLeases),
    host.conditions(mailbox, now),
    host.boxName(mailbox),
  ]);
  const today = brusselsToday(now);
  const index = platformIndex(entries);
  const views = plan
    .map((a) => ({ ...a, status: statusOf(a, index, today) }))
    .sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end));
  return {
    mailbox,
    name,
    inserts: allowance('insert', ledger, c, now),
    deletes: allowance('delete', ledger, c, now),
    absences: views.filter((a) => (!a.withdrawn && a.end >= today) || a.status === 'ended'),
    withdrawn: views.filter((a) => a.withdrawn),
    unplanned: unplanned(plan, entries).filter((e) => e.end >= today),
    changes: spread(pendingChanges(plan, entries, today), ledger, c, now),
    neighbours: neighbours(plan.filter((a) => a.end >= today)),
  };
}

export async function plannerView(host: FeatureHost, store: PlanStore, now: number): Promise<PlannerView> {
  const boxes = [...(await host.mailboxes())];
  const mailboxes = await Promise.all(boxes.sort((a, b) => b.lastSeen - a.lastSeen).map((b) => mailboxPlan(host, store, b.accessKey, now)));
  return { now, today: brusselsToday(now), reminderTime: host.settings().outOfOfficeReminderTime, enforce: host.settings().mode === 'enforce', mailboxes };
}
