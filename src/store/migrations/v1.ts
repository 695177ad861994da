// Schema version 1 (foundation): counted calls, ladders, hourly aggregates, mailboxes.
// Migrations import nothing but Dexie types, so they stay valid whatever the rest becomes.
export const V1_SCHEMA = {
  calls: '&id, [mailbox+at], at',
  ladders: '&key, mailbox, last',
  hourly: '&[mailbox+method+hour], hour',
  mailboxes: '&accessKey, lastSeen',
} as const;
