// The planner views' side of the ui/ooo/* verbs (the background answers in verbs.ts).
import { ask } from '../../../ui/lib/api';
import type { AbsenceDraft } from '../core/model';
import { OOO_VERBS } from '../core/verbs';
import type { EditReply, PlannerView } from '../core/view';

export const loadPlanner = (): Promise<PlannerView> => ask(OOO_VERBS, { type: 'ui/ooo/view' });

export const saveAbsence = (mailbox: string, draft: AbsenceDraft): Promise<EditReply> => ask(OOO_VERBS, { type: 'ui/ooo/save', mailbox, draft });

export const removeAbsence = (id: string): Promise<EditReply> => ask(OOO_VERBS, { type: 'ui/ooo/remove', id });

export const mergeAbsences = (ids: readonly string[]): Promise<EditReply> => ask(OOO_VERBS, { type: 'ui/ooo/merge', ids: [...ids] });

export const importAbsences = (mailbox: string, drafts: readonly AbsenceDraft[]): Promise<EditReply> =>
  ask(OOO_VERBS, { type: 'ui/ooo/import', mailbox, drafts: [...drafts] });

export const adoptEntry = (mailbox: string, platformId: string, withdraw: boolean): Promise<EditReply> =>
  ask(OOO_VERBS, { type: 'ui/ooo/adopt', mailbox, platformId, withdraw });

export const setReminderTime = (time: string): Promise<PlannerView> => ask(OOO_VERBS, { type: 'ui/ooo/reminder-time', time });

/** Focuses an eHealthBox tab on the out-of-office page, or opens one: the user makes the change there. */
export const openOutOfOfficePage = (mailbox?: string): Promise<null> =>
  ask(OOO_VERBS, { type: 'ui/ooo/open', ...(mailbox === undefined ? {} : { mailbox }) });

/** Keeps a view fresh while it is shown: an insert made in the web application shows up within seconds. */
export function watchPlanner(onView: (view: PlannerView) => void, everyMs = 2000): () => void {
  let stopped = false;
  const load = (): void => {
    if (document.visibilityState === 'visible') void loadPlanner().then((view) => !stopped && onView(view), () => undefined);
  };
  load();
  const timer = setInterval(load, everyMs);
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
