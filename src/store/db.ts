// The extension's IndexedDB database (Dexie). Each schema version lives in migrations/ with its
// upgrade; a test opens every earlier version and upgrades it. Opened lazily: a service worker
// must register its listeners before it awaits anything.
import Dexie, { type EntityTable } from 'dexie';
import { V1_SCHEMA } from './migrations/v1';
import { V2_SCHEMA } from './migrations/v2';
import { upgradeToV3, V3_SCHEMA } from './migrations/v3';
import type { AbsenceRow, AlertRow, CallRow, HourPackRow, LadderPackRow, ListedMessageRow, MailboxRow, RegisteredAbsenceRow, SnapshotRow } from './schema';

export const DB_NAME = 'ehealthbox-companion';

export class CompanionDB extends Dexie {
  calls!: EntityTable<CallRow, 'id'>;
  ladderPacks!: Dexie.Table<LadderPackRow, [string, number]>;
  hourPacks!: Dexie.Table<HourPackRow, [string, number]>;
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
    this.version(3).stores(V3_SCHEMA).upgrade(upgradeToV3);
  }
}

let shared: CompanionDB | null = null;
let blocked = false;
const blockedListeners = new Set<() => void>();

export function db(): CompanionDB {
  if (shared === null) {
    shared = new CompanionDB();
    // An upgrade waits for every older connection to close; one that never does (a tab of an older
    // version, another program) would make every call wait for nothing (issue 6, case 5).
    shared.on('blocked', () => {
      blocked = true;
      for (const listener of [...blockedListeners]) listener();
    });
    shared.on('ready', () => {
      blocked = false;
    });
  }
  // An open that failed (disk full, an I/O error, a connection the browser closed) leaves Dexie
  // refusing every later operation for the worker's life; reset it so that the next one opens again.
  if (shared.hasFailed()) shared.close({ disableAutoOpen: false });
  return shared;
}

/**
 * Calls `listener` at once while opening the database is blocked by an older connection, or as soon
 * as it is; returns the function that stops listening (callers listen only while they wait).
 */
export function onceBlocked(listener: () => void): () => void {
  if (blocked) {
    listener();
    return () => undefined;
  }
  blockedListeners.add(listener);
  return () => blockedListeners.delete(listener);
}
