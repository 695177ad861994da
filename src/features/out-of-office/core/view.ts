// What the planner's views receive from the background (ui/ooo/* replies): plain data, so the
// popup and the options page need neither Dexie nor the engine to show it.
import type { Neighbours } from './merge';
import type { Absence, AbsenceStatus, PlatformEntry } from './model';
import type { Allowance, ScheduledChange } from './schedule';

export interface AbsenceView extends Absence {
  readonly status: AbsenceStatus;
}

export interface MailboxPlan {
  readonly mailbox: string;
  /** As a person reads it: the user's label or the owner's kind, never the access key. */
  readonly name: string;
  /** Changes left now under §5.6.1 and §5.6.2 (the same numbers enforce mode decides with). */
  readonly inserts: Allowance;
  readonly deletes: Allowance;
  /** The plan, earliest first (withdrawn entries are in `changes` only). */
  readonly absences: readonly AbsenceView[];
  /** Withdrawn entries still on the platform: what each delete removes. */
  readonly withdrawn: readonly AbsenceView[];
  /** On the platform, but no plan entry stands for them. */
  readonly unplanned: readonly PlatformEntry[];
  /** The changes to make in the web application, laid out over the coming days. */
  readonly changes: readonly ScheduledChange[];
  readonly neighbours: readonly Neighbours[];
}

export interface PlannerView {
  readonly now: number;
  /** Brussels date. */
  readonly today: string;
  readonly reminderTime: string;
  readonly enforce: boolean;
  readonly mailboxes: readonly MailboxPlan[];
}

/** Replies of the editing verbs: the new view, or why the draft was refused. */
export type EditReply = { readonly ok: true; readonly view: PlannerView } | { readonly ok: false; readonly view: PlannerView; readonly reason: string };
