// Where each mailbox stands against each per-hour and per-day rule right now: what the popup,
// the options page and the badge show (its types: features/budgets/view.ts). Ladders are per
// message and shown only when a message has gone past its free calls.
import { type CallUnits, type Conditions, type Verdict, decide, ladderStanding } from '../../directive/engine';
import { type LadderEntry, type Ledger, prune, withoutLeases } from '../../directive/ledger';
import { DIRECTIVE_METHODS, type DirectiveMethod, RULES, WINDOW_MS } from '../../directive/rules';
import type { LadderStanding, Standing } from '../../features/budgets/view';

/**
 * Per-hour and per-day budgets, tightest first; ListMessages also per folder seen this hour. The
 * calls made, without the slots leased to tabs for a moment (leases.ts).
 */
export function windowStandings(all: Ledger, c: Conditions, now: number): Standing[] {
  prune(all, now);
  const ledger = withoutLeases(all);
  const out: Standing[] = [];
  const { share, ...whole } = c;
  const standing = (call: CallUnits): Standing => {
    const v = decide(call, ledger, c, now);
    if (share === undefined || c.kind !== 'organization') return v;
    const boxLimit = decide(call, ledger, whole, now).limit;
    return boxLimit === v.limit ? v : { ...v, boxLimit };
  };
  for (const method of DIRECTIVE_METHODS) {
    const budget = RULES[method][c.kind];
    if (budget.type === 'ladder') continue;
    out.push(withOverSince(ledger, standing({ method, units: [] }), now));
    if (budget.type === 'window' && budget.perFolder !== undefined) {
      const folders = new Set((ledger.windows[method] ?? []).map((s) => s.folder).filter((f) => f !== undefined));
      for (const folder of folders) out.push(withOverSince(ledger, { ...standing({ method, folder, units: [] }), folder }, now));
    }
  }
  return out.sort((a, b) => remainingShare(a) - remainingShare(b));
}

/** The first call past the limit among those still counted (observe mode lets them through). */
function withOverSince(ledger: Ledger, s: Standing, now: number): Standing {
  if (s.limit <= 0 || s.used <= s.limit || (s.scope !== 'hour' && s.scope !== 'day' && s.scope !== 'folder')) return s;
  const span = s.scope === 'day' ? WINDOW_MS.day : WINDOW_MS.hour;
  const inWindow = (ledger.windows[s.method] ?? []).filter((x) => x.at > now - span && (s.scope !== 'folder' || x.folder === s.folder));
  const first = inWindow[s.limit]?.at;
  return first === undefined ? s : { ...s, overSince: first };
}

/** Messages and attachments that used up their free calls (§5.4.2–5.5.1) and must wait. */
export function ladderStandings(entries: Iterable<[string, LadderEntry]>, now: number): LadderStanding[] {
  const out: LadderStanding[] = [];
  for (const [key, entry] of entries) {
    const s = ladderStanding(entry.count, entry.last, now);
    if (s.retryAt === null || s.retryAt <= now) continue;
    const [method, unit] = key.split('|') as [DirectiveMethod, string];
    out.push({ method, section: RULES[method].section, unit, used: entry.count, retryAt: s.retryAt });
  }
  return out.sort((a, b) => b.retryAt - a.retryAt);
}

/** Share of the budget left, 0..1; forbidden rules (limit 0) sort last, they are not a budget. */
export function remainingShare(s: Verdict): number {
  return s.limit === 0 ? 2 : Math.max(0, s.limit - s.used) / s.limit;
}
