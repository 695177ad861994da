// The extension's IndexedDB database (Dexie). Each schema version lives in migrations/ with its
// upgrade; a test opens every earlier version and upgrades it. Opened lazily: a service worker
// must register its listeners before it awaits anything.
import Dexie, { type EntityTable } from 'dexie';
import { V1_SCHEMA } from './migrations/v1';
import { V2_SCHEMA } from './migrations/v2';
import type { AbsenceRow, AlertRow, CallRow, HourlyRow, LadderRow, ListedMessageRow, MailboxRow, RegisteredAbsenceRow, SnapshotRow } from './schema';

export const DB_NAME = 'ehealthbox-companion';

export class CompanionDB extends Dexie {
  calls!: EntityTable<CallRow, 'id'>;
  ladders!: EntityTable<LadderRow, 'key'>;
  hourly!: Dexie.Table<HourlyRow, [string, string, number]>;
  mailboxes!: EntityTable<MailboxRow, 'accessKey'>;
  snapshots!: EntityTable<SnapshotRow, 'seq'>;
  messages!: Dexie.Table<ListedMessageRow, [string, string, string]>;
  alerts!: EntityTable<AlertRow, 'key'>;
  absences!: EntityTable<AbsenceRow, 'id'>;
  registered!: Dexie.Table<RegisteredAbsenceRow, [string, string]>;

  constructor(name = DB_NAME) {
    // Relaxed durability: a lost last write after a power cut costs one count, a strict flush
    // on every call would cost milliseconds on the hot path of every intercepted call.
    super(name, { chromeTransactionDurability: 'relaxed' });
    this.version(1).stores(V1_SCHEMA);
    this.version(2).stores(V2_SCHEMA);
  }
}

let shared: CompanionDB | null = null;

export function db(): CompanionDB {
  shared ??= new CompanionDB();
  return shared;
}
