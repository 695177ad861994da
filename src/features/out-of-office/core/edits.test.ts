import { describe, expect, it } from 'vitest';
import { pendingChanges } from './changes';
import { adoptEdit, mergeEdit, removeEdit, saveEdit } from './edits';
import type { Absence } from './model';
import { absence, entry } from './test-data';

const NOW = 1_000;
let n = 0;
const newId = (): string => `new${++n}`;
const NISS = { type: 'NISS', id: '85073003328' } as const;
const TODAY = '2026-11-23';

/** The plan after an edit. */
function apply(plan: readonly Absence[], edit: { put: readonly Absence[]; remove: readonly string[] }): Absence[] {
  const rows = new Map(plan.map((a) => [a.id, a]));
  for (const id of edit.remove) rows.delete(id);
  for (const a of edit.put) rows.set(a.id, a);
  return [...rows.values()];
}

describe('saveEdit', () => {
  it('keeps a new absence as planned', () => {
    const { put } = saveEdit('box', undefined, { start: '2026-12-01', end: '2026-12-02', substitutes: [NISS], note: 'n' }, NOW, newId);
    expect(put).toEqual([expect.objectContaining({ mailbox: 'box', registeredId: null, withdrawn: false, substitutes: [NISS], createdAt: NOW })]);
  });

  it('changes a registered absence’s note in place', () => {
    const a = absence({ registeredId: 'OOO1' });
    expect(saveEdit('box', a, { ...a, note: 'call the lab' }, NOW, newId).put).toEqual([{ ...a, note: 'call the lab', updatedAt: NOW }]);
  });

  it('leaves the old platform entry behind to delete when a registered absence’s dates change', () => {
    const a = absence({ registeredId: 'OOO1' });
    const plan = apply([a], saveEdit('box', a, { ...a, end: '2026-12-09' }, NOW, newId));
    expect(pendingChanges(plan, [entry({ id: 'OOO1' })], TODAY).map((c) => [c.kind, c.platformId ?? null, c.end])).toEqual([
      ['delete', 'OOO1', '2026-12-05'],
      ['insert', null, '2026-12-09'],
    ]);
  });
});

describe('removeEdit', () => {
  it('forgets a planned absence, withdraws a registered one', () => {
    const planned = absence();
    const registered = absence({ registeredId: 'OOO1' });
    expect(removeEdit(planned, NOW)).toEqual({ put: [], remove: [planned.id] });
    expect(removeEdit(registered, NOW).put).toEqual([{ ...registered, withdrawn: true, updatedAt: NOW }]);
  });
});

describe('mergeEdit', () => {
  it('turns two adjacent registered absences into one insert and two deletes', () => {
    const a = absence({ registeredId: 'OOO1', end: '2026-12-05' });
    const b = absence({ registeredId: 'OOO2', start: '2026-12-06', end: '2026-12-08' });
    const plan = apply([a, b], mergeEdit([a, b], NOW, newId));
    const changes = pendingChanges(plan, [entry({ id: 'OOO1' }), entry({ id: 'OOO2', start: '2026-12-06', end: '2026-12-08' })], TODAY);
    expect(changes.map((c) => [c.kind, c.start, c.end])).toEqual([
      ['delete', '2026-12-01', '2026-12-05'],
      ['insert', '2026-12-01', '2026-12-08'],
      ['delete', '2026-12-06', '2026-12-08'],
    ]);
    expect(plan.filter((x) => !x.withdrawn)).toHaveLength(1);
  });

  it('merges two planned absences into one, nothing left behind', () => {
    const a = absence({ end: '2026-12-05' });
    const b = absence({ start: '2026-12-04', end: '2026-12-08' });
    const plan = apply([a, b], mergeEdit([a, b], NOW, newId));
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ start: '2026-12-01', end: '2026-12-08', registeredId: null });
  });
});

describe('adoptEdit', () => {
  it('takes an unplanned platform entry into the plan as registered, or plans its deletion', () => {
    const e = entry({ id: 'OOO9' });
    expect(adoptEdit(e, false, NOW, newId).put[0]).toMatchObject({ registeredId: 'OOO9', withdrawn: false, start: e.start, end: e.end });
    expect(adoptEdit(e, true, NOW, newId).put[0]).toMatchObject({ registeredId: 'OOO9', withdrawn: true });
  });
});
