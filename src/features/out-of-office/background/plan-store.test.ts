// The plan store keeps the planner's values in the store's rows, field by field both ways.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CompanionDB } from '../../../store/db';
import { absence } from '../core/test-data';
import type { AbsenceView } from '../core/view';
import { PlanStore } from './plan-store';

const d = new CompanionDB('ooo-plan-store');
afterEach(async () => {
  await d.absences.clear();
  await d.registered.clear();
});

describe('the plan store', () => {
  const store = new PlanStore(() => d);

  it('writes a plan entry\'s fields only, and reads back the planner\'s value', async () => {
    const a = absence({ start: '2026-12-01', end: '2026-12-05', substitutes: [{ type: 'NIHII', id: '12345678901' }], note: 'Congrès' });
    // A view's entry carries its status: the table never does.
    const shown: AbsenceView = { ...a, status: 'planned' };
    await store.write([shown]);
    const row = await d.absences.get(a.id);
    expect(row).toEqual(a);
    expect(row && 'status' in row).toBe(false);
    expect(await store.get(a.id)).toEqual(a);
    expect(await store.absences(a.mailbox)).toEqual([a]);
  });

  it('keeps the platform\'s entries as rows of the same fields', async () => {
    await store.listed('box', [{ id: 'OOO1', start: '2026-12-01', end: '2026-12-05', substitutes: 2 }], 10);
    const entry = { mailbox: 'box', id: 'OOO1', start: '2026-12-01', end: '2026-12-05', substitutes: 2, seenAt: 10, goneAt: null };
    expect(await d.registered.toArray()).toEqual([entry]);
    expect(await store.entries('box')).toEqual([entry]);
    await store.deleted('box', 'OOO1', 20);
    expect(await store.entries('box')).toEqual([{ ...entry, goneAt: 20 }]);
  });
});
