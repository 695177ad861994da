// Learns what the platform holds from the web application's own out-of-office calls, as the page
// hook reports them: the listing (the whole truth), an insert's answer (its id, and the absence's
// days from its request) and a deletion. A refused or failed call changes nothing.
import type { OutcomeEvent } from '../../kit/host';
import type { PlanStore } from './plan-store';

const ok = (status: number): boolean => status >= 200 && status < 300;

/** Returns whether the plan may have changed (reminders and alarms are then recomputed). */
export async function observe(store: PlanStore, e: OutcomeEvent): Promise<boolean> {
  const { call, info, mailbox, at } = e;
  switch (call.method) {
    case 'ListOutOfOffices':
      if (!ok(e.status) || info?.kind !== 'outOfOffices') return false;
      await store.listed(mailbox, info.entries, at);
      return true;
    case 'CreateOutOfOffice':
      if (!ok(e.status) || info?.kind !== 'created') return false;
      await store.created(mailbox, info.id, info.start !== undefined && info.end !== undefined ? { start: info.start, end: info.end } : undefined, at);
      return true;
    case 'DeleteOutOfOffice':
      // 404: the entry was gone already, which is what the user wanted.
      if (call.outOfOfficeId === undefined || !(ok(e.status) || e.status === 404)) return false;
      await store.deleted(mailbox, call.outOfOfficeId, at);
      return true;
    default:
      return false;
  }
}
