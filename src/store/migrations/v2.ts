// Schema version 2: mailbox health (quota snapshots, listed message metadata, notification
// state) and the out-of-office planner (planned absences, absences seen on the platform).
// New tables only: nothing of version 1 changes, so no data moves.
import { V1_SCHEMA } from './v1';

export const V2_SCHEMA = {
  ...V1_SCHEMA,
  snapshots: '++seq, [mailbox+at], at',
  messages: '&[mailbox+folder+id], [mailbox+folder], mailbox, lastSeen',
  alerts: '&key',
  absences: '&id, mailbox, start',
  registered: '&[mailbox+id], mailbox',
} as const;
