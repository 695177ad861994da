// Schema version 2: mailbox health (quota snapshots, listed message metadata, notification
// state) and the out-of-office planner (planned absences, absences seen on the platform).
// Counted calls gain a [mailbox+method+at] index so that a waking service worker reads only
// each method's own window (an hour for most) instead of a whole day of traffic. Dexie builds
// the index during the upgrade; no data moves.
import { V1_SCHEMA } from './v1';

export const V2_SCHEMA = {
  ...V1_SCHEMA,
  calls: '&id, [mailbox+at], [mailbox+method+at], at',
  snapshots: '++seq, [mailbox+at], at',
  messages: '&[mailbox+folder+id], [mailbox+folder], mailbox, lastSeen',
  alerts: '&key',
  absences: '&id, mailbox, start',
  registered: '&[mailbox+id], mailbox',
} as const;
