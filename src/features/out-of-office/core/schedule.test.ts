import { describe, expect, it } from 'vitest';
import { brusselsDate } from '../../../directive/brussels';
import type { Conditions } from '../../../directive/engine';
import { addStamp, emptyLedger } from '../../../directive/ledger';
import type { Change } from './model';
import { allowance, nextStepAt, spread } from './schedule';

const C: Conditions = { kind: 'individual', active: true, onCall: [], ackAgreement: false };
const NOW = Date.UTC(2026, 10, 23, 9, 30); // Monday 23 November 2026, 10:30 in Brussels
const HOUR = 3_600_000;

const inserts = (n: number, start = '2026-12-01'): Change[] =>
  Array.from({ length: n }, (_, i) => ({ kind: 'insert', absenceId: `a${i}`, start, end: start }));

describe('allowance', () => {
  it('shows the engine’s numbers for each kind', () => {
    const ledger = emptyLedger();
    for (let i = 0; i < 3; i++) addStamp(ledger, 'CreateOutOfOffice', { at: NOW - HOUR });
    expect(allowance('insert', ledger, C, NOW)).toEqual({ used: 3, limit: 10, left: 7, retryAt: NOW });
    expect(allowance('delete', ledger, C, NOW)).toMatchObject({ used: 0, left: 10 });
  });

  it('says when the next change is allowed once all 10 are used', () => {
    const ledger = emptyLedger();
    for (let i = 0; i < 10; i++) addStamp(ledger, 'DeleteOutOfOffice', { at: NOW - 2 * HOUR + i });
    expect(allowance('delete', ledger, C, NOW)).toEqual({ used: 10, limit: 10, left: 0, retryAt: NOW + 22 * HOUR });
  });
});

describe('spread', () => {
  it('lays 12 changes out as 10 today and 2 tomorrow', () => {
    const plan = spread(inserts(12), emptyLedger(), C, NOW);
    const days = plan.map((s) => (s.at === null ? 'never' : brusselsDate(s.at)));
    expect(days.filter((d) => d === '2026-11-23')).toHaveLength(10);
    expect(days.slice(10)).toEqual(['2026-11-24', '2026-11-24']);
    expect(plan[10]?.at).toBe(NOW + 24 * HOUR);
  });

  it('counts inserts and deletes against their own budgets', () => {
    const deletes: Change[] = Array.from({ length: 10 }, (_, i) => ({ kind: 'delete', absenceId: null, platformId: `O${i}`, start: '2026-12-01', end: '2026-12-01' }));
    const plan = spread([...inserts(10), ...deletes], emptyLedger(), C, NOW);
    expect(plan.every((s) => s.at === NOW)).toBe(true);
  });

  it('starts from what the mailbox already used, and leaves the keeper’s ledger alone', () => {
    const ledger = emptyLedger();
    for (let i = 0; i < 8; i++) addStamp(ledger, 'CreateOutOfOffice', { at: NOW - 5 * HOUR + i * 60_000 });
    const plan = spread(inserts(4), ledger, C, NOW);
    expect(plan.map((s) => s.at)).toEqual([NOW, NOW, NOW + 19 * HOUR, NOW + 19 * HOUR + 60_000]);
    expect(ledger.windows.CreateOutOfOffice).toHaveLength(8);
  });

  it('flags a change the cap pushes past the start of its absence', () => {
    const plan = spread(inserts(11, '2026-11-24'), emptyLedger(), C, NOW);
    expect(plan[9]?.late).toBe(false);
    expect(plan[10]?.late).toBe(true);
  });

  it('never flags a clean-up of an absence that is over', () => {
    const over: Change = { kind: 'delete', absenceId: null, platformId: 'O1', start: '2026-11-01', end: '2026-11-02', cleanup: true };
    expect(spread([over], emptyLedger(), C, NOW)[0]?.late).toBe(false);
  });

  it('gives the first moment a held-back change becomes allowed', () => {
    expect(nextStepAt(spread(inserts(10), emptyLedger(), C, NOW), NOW)).toBeNull();
    expect(nextStepAt(spread(inserts(12), emptyLedger(), C, NOW), NOW)).toBe(NOW + 24 * HOUR);
  });
});
