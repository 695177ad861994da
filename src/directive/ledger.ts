// One mailbox's memory of counted calls: only what the longest window needs (24 hours of stamps
// for per-hour and per-day rules, 25 for a day's calendar rule) plus one small entry per message for the ladders. Decisions
// therefore cost the same on day one and after a year of traffic.
import { retainedFolder } from './retention';
import { type DirectiveMethod, RULES, WINDOW_MS } from './rules';

export interface Stamp {
  readonly at: number;
  /** ListMessages keeps its per-folder sub-limit (§5.4.1). */
  readonly folder?: string;
  /** A slot leased to a tab, not yet used (it counts like a call, but is not shown as one). */
  readonly leased?: true;
}

export interface LadderEntry {
  /** Calls made so far for this message (or attachment) and method. */
  count: number;
  last: number;
  /** When it may be forgotten (`ladderUntil`); without it, LADDER_RETENTION_MS after `last`. */
  until?: number;
}

export interface Ledger {
  /** Per method, the counted calls still inside the method's window, oldest first. */
  readonly windows: Partial<Record<DirectiveMethod, Stamp[]>>;
  /** Key `${method}|${unit}`: unit is a message id, or `${messageId}/${attachmentKey}`. */
  readonly ladders: Map<string, LadderEntry>;
}

/** A message is purged after 182 days at the latest (§7.2.1): its ladder is no longer needed. */
export const LADDER_RETENTION_MS = 182 * WINDOW_MS.day;
/**
 * §7.2.1: a sent message is purged 7 days after sending, and a trashed one 7 days in BINSENT: a
 * message last called in either folder is gone two weeks later whatever moves it made.
 */
export const SENT_LADDER_RETENTION_MS = 14 * WINDOW_MS.day;
/** A message whose deletion was seen keeps its ladder a day (the longest gap): a retry loop on its id still meets it. */
export const DELETED_LADDER_RETENTION_MS = WINDOW_MS.day;

/**
 * Until when a ladder entry last called at `at` in `folder` is needed: until the platform has purged
 * the message (§7.2.1). Received messages can go to the bin and back, so only the sent ones are shorter.
 */
export function ladderUntil(folder: string | undefined, at: number): number {
  const f = folder === undefined ? null : retainedFolder(folder.toLowerCase());
  return at + (f === 'sent' || f === 'binsent' ? SENT_LADDER_RETENTION_MS : LADDER_RETENTION_MS);
}

export function emptyLedger(): Ledger {
  return { windows: {}, ladders: new Map() };
}

export const ladderKey = (method: DirectiveMethod, unit: string): string => `${method}|${unit}`;

/** The method's window, from either kind's budget (RecoverPublicationState has one only for organizations). */
export const windowMs = (method: DirectiveMethod): number => WINDOWS[method];

const WINDOWS = Object.fromEntries(
  (Object.keys(RULES) as DirectiveMethod[]).map((method) => {
    let ms = 0;
    for (const b of [RULES[method].individual, RULES[method].organization]) {
      if (b.type === 'window' || b.type === 'agreement') ms = Math.max(ms, WINDOW_MS[b.window]);
    }
    return [method, ms];
  }),
) as Record<DirectiveMethod, number>;

/** The longest Brussels calendar day: a day window's stamps are kept this long for its calendar rule. */
export const LONGEST_DAY_MS = 25 * 3_600_000;

/** How long a method's stamps are kept in memory and read back on start: its window, or a whole calendar day. */
export const keptMs = (method: DirectiveMethod): number => (WINDOWS[method] === WINDOW_MS.day ? LONGEST_DAY_MS : WINDOWS[method]);

/** Inserts in time order; a clock moved back yields a stamp older than the newest one. */
export function addStamp(ledger: Ledger, method: DirectiveMethod, stamp: Stamp): void {
  const list = (ledger.windows[method] ??= []);
  let i = list.length;
  while (i > 0 && (list[i - 1]?.at ?? 0) > stamp.at) i--;
  list.splice(i, 0, stamp);
}

export function removeStamp(ledger: Ledger, method: DirectiveMethod, at: number, folder?: string, leased = false): void {
  const list = ledger.windows[method];
  if (!list) return;
  const i = list.findIndex((s) => s.at === at && s.folder === folder && (s.leased === true) === leased);
  if (i >= 0) list.splice(i, 1);
}

/** The calls alone, without the slots leased to tabs: what "used" means to the user. */
export function withoutLeases(ledger: Ledger): Ledger {
  const windows: Ledger['windows'] = {};
  for (const method of Object.keys(ledger.windows) as DirectiveMethod[]) {
    const list = ledger.windows[method];
    if (list) windows[method] = list.some((s) => s.leased) ? list.filter((s) => !s.leased) : list;
  }
  return { windows, ladders: ledger.ladders };
}

export function bumpLadder(ledger: Ledger, key: string, at: number): void {
  const entry = ledger.ladders.get(key);
  if (entry) {
    entry.count += 1;
    entry.last = Math.max(entry.last, at);
  } else {
    ledger.ladders.set(key, { count: 1, last: at });
  }
}

/**
 * Forgets what no window can see any more: only the oldest stamps are dropped, so the cost follows
 * the traffic of the last window, not the history. Stamps from a clock that was later than now
 * stay (they still count, so a clock moved back never resets a budget early).
 */
export function prune(ledger: Ledger, now: number): void {
  for (const method of Object.keys(ledger.windows) as DirectiveMethod[]) {
    const list = ledger.windows[method];
    if (!list) continue;
    const horizon = now - keptMs(method);
    let drop = 0;
    while (drop < list.length && (list[drop]?.at ?? 0) <= horizon) drop++;
    if (drop > 0) list.splice(0, drop);
  }
}

/** Forgets ladders of messages that cannot exist any more (run hourly, not per decision). */
export function pruneLadders(ledger: Ledger, now: number): void {
  for (const [key, entry] of ledger.ladders) {
    if ((entry.until ?? entry.last + LADDER_RETENTION_MS) < now) ledger.ladders.delete(key);
  }
}
