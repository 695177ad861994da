// Which budgets a mailbox card shows at a glance: those in use, tightest first; when fewer than
// that are in use, the two polling budgets (GetMailbox, ListMessages) the web application repeats.
import type { Standing } from '../../features/budgets/view';

const POLLING = new Set(['GetMailbox', 'ListMessages']);

/** `all` comes sorted tightest first (windowStandings). */
export function closestBudgets(all: readonly Standing[], n: number): Standing[] {
  const used = all.filter((s) => s.used > 0);
  const polling = all.filter((s) => s.used === 0 && s.folder === undefined && POLLING.has(s.method));
  return [...used, ...polling].slice(0, n);
}
