// Replays the calls of a recorded session through the directive engine, in time order, exactly as
// the extension would have counted them live: one ledger per box, each call decided at its own
// instant (so peak hours are read in Brussels time from its timestamp, §5.2.1), then counted
// whatever the verdict (it did reach the server). Conditions: the box's kind; the user taken as
// active (a file cannot tell, and the lenient reading reports only certain violations); no on-call
// period; no §6.1 agreement.
import { isPeak } from '../directive/brussels';
import { type Conditions, type VerdictScope, decide, record } from '../directive/engine';
import { emptyLedger, type Ledger, ladderKey, prune } from '../directive/ledger';
import { listingUnnecessary, type MailboxCheck } from '../directive/polling';
import { MAX_MESSAGE_BYTES } from '../directive/quota';
import type { ApiMethod } from '../directive/routes';
import { type DirectiveMethod, type MailboxKind, RULES } from '../directive/rules';
import type { SeenCall } from './classify';

/** The default of the extension's own "advise links above" setting (§3.1). */
export const SIZE_ADVICE_BYTES = 2 * 1024 * 1024;
/** Violations listed one by one; past this only counted. */
export const MAX_LISTED = 1000;

export type KindSource = 'answer' | 'log' | 'option' | 'default';

export interface BoxReport {
  /** "box 1", "box 2"… in order of appearance: access keys and identifiers never leave the file. */
  readonly label: string;
  readonly kind: MailboxKind;
  readonly kindFrom: KindSource;
  readonly protocol: 'rest' | 'soap';
}

export type LimitView =
  | { readonly type: 'window'; readonly window: 'hour' | 'day'; readonly max: number; readonly offPeak?: number }
  | { readonly type: 'ladder' }
  | { readonly type: 'forbidden' }
  | { readonly type: 'none' };

export interface MethodRow {
  readonly box: string;
  readonly method: ApiMethod;
  readonly section: string | null;
  readonly calls: number;
  /** Most calls in one window (window limits) or for one message or attachment (ladders). */
  readonly peak: number;
  readonly limit: LimitView;
  readonly violations: number;
}

export interface Violation {
  readonly at: number;
  readonly box: string;
  readonly method: DirectiveMethod;
  readonly section: string;
  readonly scope: VerdictScope;
  readonly limit: number;
  /** Calls in the window beyond its limit, this one included (window rules). */
  readonly over: number | null;
  /** How much earlier than allowed it went; null when it is never allowed. */
  readonly earlyMs: number | null;
}

export interface Replay {
  readonly boxes: BoxReport[];
  readonly rows: MethodRow[];
  readonly violations: Violation[];
  readonly violationCount: number;
  /** §5.7: listings, and those a GetMailbox answer had shown were not needed (null: no answer was recorded). */
  readonly polling: { readonly listings: number; readonly unnecessary: number | null };
  /** §3.1: messages sent above the advice (2 MB) or the 10 MB maximum. */
  readonly sizes: { readonly at: number; readonly box: string; readonly bytes: number; readonly tooLarge: boolean }[];
  readonly peakCalls: number;
  readonly offPeakCalls: number;
  readonly first: number | null;
  readonly last: number | null;
}

interface Box {
  readonly view: BoxReport;
  readonly ledger: Ledger;
  readonly conditions: Conditions;
  check: MailboxCheck | null;
  readonly listed: Map<string, number>;
  changedAt: number | null;
}

const CHANGES = new Set<ApiMethod>(['MoveMessage', 'DeleteMessage', 'Publish']);

function limitView(method: ApiMethod, kind: MailboxKind): LimitView {
  if (!(method in RULES)) return { type: 'none' };
  const budget = RULES[method as DirectiveMethod][kind];
  if (budget.type === 'ladder') return { type: 'ladder' };
  // §6.1: the agreement cannot be known from a file, so the replay holds it absent.
  if (budget.type === 'forbidden' || budget.type === 'agreement') return { type: 'forbidden' };
  const max = budget.max;
  return typeof max === 'number' ? { type: 'window', window: budget.window, max } : { type: 'window', window: budget.window, max: max.peakActive, offPeak: max.offPeakOrInactive };
}

function kindOf(calls: readonly SeenCall[], mailbox: string, option: MailboxKind | undefined): { kind: MailboxKind; kindFrom: KindSource } {
  const of = (from: 'answer' | 'log') => calls.find((c) => c.mailbox === mailbox && c.kindFrom === from)?.kind;
  const answer = of('answer');
  if (answer) return { kind: answer, kindFrom: 'answer' };
  const log = of('log');
  if (log) return { kind: log, kindFrom: 'log' };
  return option ? { kind: option, kindFrom: 'option' } : { kind: 'individual', kindFrom: 'default' };
}

export function replay(input: readonly SeenCall[], option?: MailboxKind): Replay {
  const calls = [...input].sort((a, b) => a.at - b.at);
  const boxes = new Map<string, Box>();
  const rows = new Map<string, { box: string; method: ApiMethod; calls: number; peak: number; violations: number; kind: MailboxKind }>();
  const violations: Violation[] = [];
  const sizes: Replay['sizes'] = [];
  let violationCount = 0;
  let listings = 0;
  let unnecessary = 0;
  let peakCalls = 0;
  const kinds = new Map<string, { kind: MailboxKind; kindFrom: KindSource }>();
  for (const c of calls) if (!kinds.has(c.mailbox)) kinds.set(c.mailbox, kindOf(calls, c.mailbox, option));
  for (const c of calls) {
    let box = boxes.get(c.mailbox);
    if (!box) {
      const k = kinds.get(c.mailbox) ?? { kind: 'individual', kindFrom: 'default' };
      const view = { label: `box ${boxes.size + 1}`, ...k, protocol: c.protocol };
      box = { view, ledger: emptyLedger(), conditions: { kind: k.kind, active: true, onCall: [], ackAgreement: false }, check: null, listed: new Map(), changedAt: null };
      boxes.set(c.mailbox, box);
    }
    const label = box.view.label;
    const rowKey = `${label}|${c.call.method}`;
    const row = rows.get(rowKey) ?? { box: label, method: c.call.method, calls: 0, peak: 0, violations: 0, kind: box.view.kind };
    rows.set(rowKey, row);
    row.calls++;
    if (isPeak(c.at)) peakCalls++;
    const units = c.units;
    if (units) {
      prune(box.ledger, c.at);
      const v = decide(units, box.ledger, box.conditions, c.at);
      if (!v.allowed) {
        violationCount++;
        row.violations++;
        const window = v.scope === 'hour' || v.scope === 'day' || v.scope === 'folder';
        if (violations.length < MAX_LISTED) {
          violations.push({
            at: c.at, box: label, method: v.method, section: v.section, scope: v.scope, limit: v.limit,
            over: window ? v.used + 1 - v.limit : null, earlyMs: v.retryAt === null ? null : v.retryAt - c.at,
          });
        }
      }
      record(units, box.ledger, c.at);
      const ladder = RULES[units.method].individual.type === 'ladder';
      const inUse = ladder
        ? Math.max(0, ...units.units.map((u) => box.ledger.ladders.get(ladderKey(units.method, u))?.count ?? 0))
        : (box.ledger.windows[units.method]?.length ?? 0);
      row.peak = Math.max(row.peak, inUse);
    } else {
      row.peak = Math.max(row.peak, row.calls);
    }
    // §5.7 polling facts, as features/polling keeps them live.
    const { method, folder } = c.call;
    if (method === 'GetMailbox' && c.info) box.check = { at: c.at, currentSize: c.info.currentSize, unread: c.info.unread };
    if (method === 'ListMessages') {
      listings++;
      const f = folder ?? '';
      if (listingUnnecessary({ check: box.check, listedAt: box.listed.get(f) ?? null, changedAt: box.changedAt }, c.at)) unnecessary++;
      box.listed.set(f, c.at);
    }
    if (CHANGES.has(method)) box.changedAt = c.at;
    // §3.1: a message sent above the advice, or above the platform's 10 MB maximum.
    if (method === 'Publish' && c.requestBytes !== undefined && c.requestBytes > SIZE_ADVICE_BYTES) {
      sizes.push({ at: c.at, box: label, bytes: c.requestBytes, tooLarge: c.requestBytes > MAX_MESSAGE_BYTES });
    }
  }
  const anyAnswer = calls.some((c) => c.info !== undefined);
  return {
    boxes: [...boxes.values()].map((b) => b.view),
    rows: [...rows.values()].map(({ kind, ...r }) => ({ ...r, section: r.method in RULES ? RULES[r.method as DirectiveMethod].section : null, limit: limitView(r.method, kind) })),
    violations,
    violationCount,
    polling: { listings, unnecessary: anyAnswer ? unnecessary : null },
    sizes,
    peakCalls,
    offPeakCalls: calls.length - peakCalls,
    first: calls[0]?.at ?? null,
    last: calls[calls.length - 1]?.at ?? null,
  };
}
