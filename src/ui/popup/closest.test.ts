import { describe, expect, it } from 'vitest';
import type { Standing } from '../../features/budgets/view';
import { closestBudgets } from './closest';

const s = (method: Standing['method'], used: number, limit: number, folder?: string): Standing =>
  ({ method, section: '§', scope: 'hour', used, limit, retryAt: 0, allowed: used < limit, ...(folder ? { folder } : {}) });

describe('closestBudgets', () => {
  it('shows the two polling budgets when nothing is used', () => {
    const all = [s('GetMailbox', 0, 6), s('CreateMailboxIfNotExists', 0, 1), s('ListMessages', 0, 24), s('ListMessages', 0, 6, 'inbox')];
    expect(closestBudgets(all, 3).map((x) => x.method)).toEqual(['GetMailbox', 'ListMessages']);
  });

  it('puts the budgets in use first, in the given (tightest first) order, and stops at n', () => {
    const all = [s('ListMessages', 5, 6, 'inbox'), s('GetMailbox', 2, 6), s('ListMessages', 5, 24), s('CreateOutOfOffice', 1, 10)];
    expect(closestBudgets(all, 3)).toEqual(all.slice(0, 3));
    expect(closestBudgets([s('CreateOutOfOffice', 1, 10), s('GetMailbox', 0, 6), s('ListMessages', 0, 24)], 3).map((x) => x.method))
      .toEqual(['CreateOutOfOffice', 'GetMailbox', 'ListMessages']);
  });
});
