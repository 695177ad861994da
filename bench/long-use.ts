// Issue 6, case 6: long use. Writes months of an organization mailbox's traffic into IndexedDB
// (fake-indexeddb in Node) in the shapes the extension writes — counted calls, ladders, hourly
// aggregates, written through the budgets' journal as the keeper writes them (src/store/packed.ts),
// quota snapshots, listed sent messages — and runs the real clean-up code on the simulated clock:
// the hourly maintenance (src/background/maintenance.ts: calls 25 h, ladders until the platform
// purged the message, or a day after its deletion was seen, §7.2.1; hourly aggregates 31 days), the snapshot pruning of
// recordSnapshot (8 days) and the message tracker's daily purge (§7.2.1). Then the budget keeper
// decides on the result. Used by src/background/long-use.test.ts at a reduced scale and by
// `npm run bench reliability` at full scale.
import { prune } from '../src/background/maintenance';
import type { Conditions } from '../src/directive/engine';
import { DELETED_LADDER_RETENTION_MS, ladderUntil } from '../src/directive/ledger';
import { Journal } from '../src/background/budgets/journal';
import { BudgetKeeper } from '../src/background/budgets/keeper';
import { recordSnapshot } from '../src/features/quota/snapshots';
import { MessageTracker } from '../src/features/retention/tracker';
import type { CompanionDB } from '../src/store/db';
import { LADDER_BUCKETS, readLadderRows } from '../src/store/packed';
import type { CallRow, ListedMessageRow, SnapshotRow } from '../src/store/schema';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
export const ORG: Conditions = { kind: 'organization', active: true, onCall: [], ackAgreement: false };
const FOLDERS = ['inbox', 'sent', 'bin', 'binsent'] as const;
export const MAILBOX = 'ak-hospital';

/** Calls per hour, around the clock. */
export interface Traffic {
  readonly getMailbox: number;
  readonly listFolders: number;
  /** Spread over the four folders. */
  readonly listMessages: number;
  /** New messages per hour: each read twice (GetMessage), then deleted (DeleteMessage); one reply sent per message. */
  readonly newMessages: number;
}

/** An organization at its §5 hourly limits (60, 60, 240), and a large hospital's flow of 50 messages an hour. */
export const ORGANIZATION_AT_LIMITS: Traffic = { getMailbox: 60, listFolders: 60, listMessages: 240, newMessages: 50 };

export const TABLES = ['calls', 'ladderPacks', 'hourPacks', 'snapshots', 'messages', 'mailboxes'] as const;
export type Counts = Record<(typeof TABLES)[number], number>;

const callsPerHour = (t: Traffic): number => t.getMailbox + t.listFolders + t.listMessages + 3 * t.newMessages;

/**
 * The most rows each table can hold with this traffic, whatever the age of the installation: each
 * table's retention times what one hour adds, plus the hours between two clean-ups (`pruneEveryHours`,
 * 1 for the background's hourly alarm). The README states it for ORGANIZATION_AT_LIMITS.
 */
export function storageBound(t: Traffic, pruneEveryHours = 1): Counts {
  const methods = [t.getMailbox, t.listFolders, t.listMessages, t.newMessages, t.newMessages].filter((n) => n > 0).length;
  return {
    calls: callsPerHour(t) * (25 + pruneEveryHours), // CALL_RETENTION_MS
    hourPacks: methods > 0 ? 33 : 0, // HOURLY_RETENTION_MS: one row per UTC day, 31 days and the two days at its ends
    ladderPacks: t.newMessages > 0 ? LADDER_BUCKETS : 0, // one row per bucket of message ids
    snapshots: t.getMailbox * (8 * 24 + 24), // SNAPSHOT_KEEP_MS (8 days), pruned when a snapshot is added
    messages: t.newMessages * (7 * 24 + 24), // sent copies: purged after 7 days (§7.2.1), the tracker prunes daily
    mailboxes: 1,
  };
}

/**
 * The most ladder entries kept: each message read then deleted keeps its two entries (GetMessage,
 * DeleteMessage) a day after the deletion was seen (DELETED_LADDER_RETENTION_MS), plus the hours
 * between two clean-ups; without deletions seen, until the platform purges it (182 days).
 */
export function ladderEntryBound(t: Traffic, pruneEveryHours = 1, deletionsSeen = true): number {
  return 2 * t.newMessages * ((deletionsSeen ? 24 : 182 * 24) + pruneEveryHours);
}

export async function ladderEntries(d: CompanionDB): Promise<number> {
  return (await readLadderRows(d)).length;
}

export async function countRows(d: CompanionDB): Promise<Counts> {
  const out = {} as Counts;
  for (const t of TABLES) out[t] = await d.table(t).count();
  return out;
}

/** Bytes of every row as JSON: a stand-in for the size on disk (IndexedDB adds keys and indexes). */
export async function jsonBytes(d: CompanionDB): Promise<number> {
  let n = 0;
  for (const t of TABLES) await d.table(t).each((row: unknown) => void (n += JSON.stringify(row).length));
  return n;
}

export interface FillOptions {
  /** Hours between two runs of the maintenance (the background: 1). */
  readonly pruneEveryHours?: number;
  /** Sees the end of each simulated day, after its clean-ups. */
  readonly onDay?: (day: number, now: number) => Promise<void> | void;
  /** The deletions go through this browser (the keeper sees them); false: another client deletes. Default true. */
  readonly deletionsSeen?: boolean;
}

/**
 * Writes `days` of `traffic` from `start`, a day at a time (rows as the journal writes them), and
 * runs the clean-ups on the simulated clock. Returns the clock at the end and the calls written.
 */
export async function fill(d: CompanionDB, traffic: Traffic, days: number, start: number, options: FillOptions = {}): Promise<{ now: number; calls: number }> {
  const every = options.pruneEveryHours ?? 1;
  const seen = options.deletionsSeen ?? true;
  const tracker = new MessageTracker(() => d);
  const journal = new Journal(() => d);
  await d.mailboxes.put({ accessKey: MAILBOX, firstSeen: start, lastSeen: start, detectedKind: 'organization', idType: 'CBE', quality: 'HOSPITAL' });
  let seq = 0;
  let message = 0;
  let written = 0;
  for (let day = 0; day < days; day++) {
    const calls: CallRow[] = [];
    const snapshots: SnapshotRow[] = [];
    const sent: ListedMessageRow[] = [];
    for (let h = 0; h < 24; h++) {
      const hour = start + day * DAY + h * HOUR;
      const spread = (n: number, i: number): number => hour + Math.floor((i * HOUR) / Math.max(1, n));
      const call = (method: CallRow['method'], at: number, units: string[] = [], folder?: string): void => {
        calls.push({ id: `c${(seq++).toString(36)}`, mailbox: MAILBOX, method, at, units, via: 'decided', over: false, status: 200, ...(folder ? { folder } : {}) });
        journal.count(MAILBOX, method, at, 'calls');
      };
      for (let i = 0; i < traffic.getMailbox; i++) {
        call('GetMailbox', spread(traffic.getMailbox, i));
        snapshots.push({ mailbox: MAILBOX, at: spread(traffic.getMailbox, i), currentSize: 1_000_000 + ((h * 97 + i * 13) % 50_000), maxSize: 100 * 1024 * 1024, standby: 0, unread: i % 7 });
      }
      for (let i = 0; i < traffic.listFolders; i++) call('ListMailBoxFolder', spread(traffic.listFolders, i) + 1);
      for (let i = 0; i < traffic.listMessages; i++) call('ListMessages', spread(traffic.listMessages, i) + 2, [], FOLDERS[i % FOLDERS.length]);
      for (let i = 0; i < traffic.newMessages; i++) {
        const m = `M${(message++).toString(36)}`;
        const at = spread(traffic.newMessages, i) + 3;
        call('GetMessage', at, [m], 'inbox');
        call('GetMessage', at + 1000, [m], 'inbox');
        call('DeleteMessage', at + 2000, [m], 'inbox');
        // As the keeper writes them (keeper.ts count, deleted).
        journal.putLadder({ mailbox: MAILBOX, key: `GetMessage|${m}`, count: 2, last: at + 1000, until: ladderUntil('inbox', at + 1000) });
        journal.putLadder({ mailbox: MAILBOX, key: `DeleteMessage|${m}`, count: 1, last: at + 2000, until: ladderUntil('inbox', at + 2000) });
        if (seen) journal.messageGone(MAILBOX, m, at + 2000 + DELETED_LADDER_RETENTION_MS);
        sent.push({ mailbox: MAILBOX, folder: 'sent', id: `S${m}`, publishedAt: at, size: 20_000, ack: null, firstSeen: at, lastSeen: at });
      }
    }
    for (const row of calls) journal.putCall(row);
    await journal.commit();
    await d.transaction('rw', [d.snapshots, d.messages], async () => {
      await d.snapshots.bulkAdd(snapshots);
      await d.messages.bulkPut(sent);
    });
    written += calls.length;
    const end = start + (day + 1) * DAY;
    for (let h = every; h <= 24; h += every) await prune(d, start + day * DAY + h * HOUR);
    if (24 % every !== 0) await prune(d, end);
    // recordSnapshot prunes the snapshots older than 8 days each time it adds one.
    await recordSnapshot(d, MAILBOX, { currentSize: 1_000_000, maxSize: 100 * 1024 * 1024, standby: 1, unread: 1, owner: null }, end - 1);
    await tracker.prune(end);
    await options.onDay?.(day + 1, end);
  }
  return { now: start + days * DAY, calls: written };
}

export interface DecisionTimes {
  /** A stopped worker wakes: the first decision loads the mailbox's ledger from IndexedDB. */
  readonly coldMs: number;
  /** Decisions on a loaded ledger, each waiting for its group commit. */
  readonly warmMs: number;
}

/** Decision times of a fresh keeper (a woken worker) on this database at `now`. */
export async function decisionTimes(d: CompanionDB, now: number, rounds = 9): Promise<DecisionTimes> {
  const cold: number[] = [];
  const warm: number[] = [];
  let n = 0;
  for (let r = 0; r < rounds; r++) {
    const keeper = new BudgetKeeper(() => d, new Journal(() => d));
    const at = now + r * MIN;
    const call = (method: 'GetMailbox' | 'ListMessages' | 'GetMessage'): Parameters<BudgetKeeper['countLetGo']>[0] =>
      method === 'GetMessage'
        ? { id: `probe-${n++}`, mailbox: MAILBOX, method, folder: 'inbox', units: [`M${(n * 7919).toString(36)}`] }
        : { id: `probe-${n++}`, mailbox: MAILBOX, method, ...(method === 'ListMessages' ? { folder: 'inbox' } : {}), units: [] };
    let t0 = performance.now();
    // (a decision and its commit, as the page's call waits for both in enforce mode)
    await keeper.countLetGo(call('GetMailbox'), ORG, at);
    await keeper.commit();
    cold.push(performance.now() - t0);
    t0 = performance.now();
    for (const m of ['GetMailbox', 'ListMessages', 'GetMessage'] as const) {
      await keeper.countLetGo(call(m), ORG, at + 10);
      await keeper.commit();
    }
    warm.push((performance.now() - t0) / 3);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  return { coldMs: median(cold), warmMs: median(warm) };
}
