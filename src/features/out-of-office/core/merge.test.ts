import { describe, expect, it } from 'vitest';
import { costOfRemove, costOfSave } from './cost';
import { mergedDraft, neighbours, planMerge, touch, touching } from './merge';
import { absence } from './test-data';

const NISS = { type: 'NISS', id: '85073003328' } as const;
const CBE = { type: 'CBE', id: '0809394427' } as const;

describe('touch', () => {
  it('sees a shared day, a day in between and a gap', () => {
    expect(touch({ start: '2026-12-01', end: '2026-12-05' }, { start: '2026-12-05', end: '2026-12-08' })).toBe('overlap');
    expect(touch({ start: '2026-12-01', end: '2026-12-05' }, { start: '2026-12-06', end: '2026-12-08' })).toBe('adjacent');
    expect(touch({ start: '2026-12-06', end: '2026-12-08' }, { start: '2026-12-01', end: '2026-12-05' })).toBe('adjacent');
    expect(touch({ start: '2026-12-01', end: '2026-12-05' }, { start: '2026-12-07', end: '2026-12-08' })).toBeNull();
  });

  it('counts days across a month, a year and 29 February', () => {
    expect(touch({ start: '2026-12-20', end: '2026-12-31' }, { start: '2027-01-01', end: '2027-01-03' })).toBe('adjacent');
    expect(touch({ start: '2028-02-20', end: '2028-02-28' }, { start: '2028-03-01', end: '2028-03-03' })).toBeNull();
    expect(touch({ start: '2028-02-20', end: '2028-02-29' }, { start: '2028-03-01', end: '2028-03-03' })).toBe('adjacent');
  });
});

describe('neighbours and touching', () => {
  it('lists overlapping and adjacent pairs, earliest first, leaving withdrawn ones out', () => {
    const a = absence({ start: '2026-12-01', end: '2026-12-05' });
    const b = absence({ start: '2026-12-06', end: '2026-12-10' });
    const c = absence({ start: '2026-12-09', end: '2026-12-12' });
    const gone = absence({ start: '2026-12-01', end: '2026-12-31', withdrawn: true, registeredId: 'OOO1' });
    expect(neighbours([c, gone, b, a])).toEqual([
      { first: a.id, second: b.id, touch: 'adjacent' },
      { first: b.id, second: c.id, touch: 'overlap' },
    ]);
  });

  it('flags what a draft would touch, not the absence it edits', () => {
    const a = absence({ start: '2026-12-01', end: '2026-12-05' });
    const b = absence({ start: '2026-12-06', end: '2026-12-10' });
    expect(touching({ id: a.id, start: '2026-12-01', end: '2026-12-04', substitutes: [], note: '' }, [a, b])).toEqual([]);
    expect(touching({ id: a.id, start: '2026-12-01', end: '2026-12-05', substitutes: [], note: '' }, [a, b])).toEqual([{ absence: b, touch: 'adjacent' }]);
  });
});

describe('merge', () => {
  it('spans both, keeps each substitute once and both notes', () => {
    const merged = mergedDraft([
      absence({ start: '2026-12-06', end: '2026-12-10', substitutes: [NISS, CBE], note: 'lab' }),
      absence({ start: '2026-12-01', end: '2026-12-07', substitutes: [NISS], note: 'pharmacy' }),
    ]);
    expect(merged).toEqual({ start: '2026-12-01', end: '2026-12-10', substitutes: [NISS, CBE], note: 'lab\npharmacy' });
  });

  it('costs nothing on the platform when neither is registered yet (and leaves one insert to make, not two)', () => {
    const plan = planMerge([absence({ end: '2026-12-05' }), absence({ start: '2026-12-06', end: '2026-12-08' })]);
    expect(plan.cost).toEqual({ inserts: 0, deletes: 0 });
  });

  it('keeps the registered entry that already covers the merge: one delete, no insert', () => {
    const wide = absence({ start: '2026-12-01', end: '2026-12-10', registeredId: 'OOO1' });
    const inside = absence({ start: '2026-12-03', end: '2026-12-04', registeredId: 'OOO2' });
    const plan = planMerge([inside, wide]);
    expect(plan.keep).toBe(wide);
    expect(plan.cost).toEqual({ inserts: 0, deletes: 1 });
  });

  it('costs two deletes and one insert to merge two registered entries into a new span', () => {
    const plan = planMerge([absence({ registeredId: 'OOO1' }), absence({ start: '2026-12-06', end: '2026-12-08', registeredId: 'OOO2' })]);
    expect(plan.cost).toEqual({ inserts: 1, deletes: 2 });
  });
});

describe('cost of edits', () => {
  it('a new absence costs one insert', () => {
    expect(costOfSave(undefined, { start: '2026-12-01', end: '2026-12-02', substitutes: [], note: '' })).toEqual({ inserts: 1, deletes: 0 });
  });

  it('editing an absence not registered yet costs nothing more', () => {
    const a = absence();
    expect(costOfSave(a, { ...a, end: '2026-12-09' })).toEqual({ inserts: 0, deletes: 0 });
  });

  it('editing a registered absence costs one delete and one insert', () => {
    const a = absence({ registeredId: 'OOO1', substitutes: [NISS] });
    expect(costOfSave(a, { ...a, end: '2026-12-09' })).toEqual({ inserts: 1, deletes: 1 });
    expect(costOfSave(a, { ...a, substitutes: [CBE] })).toEqual({ inserts: 1, deletes: 1 });
  });

  it('the private note and the order of substitutes cost nothing', () => {
    const a = absence({ registeredId: 'OOO1', substitutes: [NISS, CBE] });
    expect(costOfSave(a, { ...a, note: 'new note', substitutes: [CBE, NISS] })).toEqual({ inserts: 0, deletes: 0 });
  });

  it('removing costs a delete only when the platform holds it', () => {
    expect(costOfRemove(absence())).toEqual({ inserts: 0, deletes: 0 });
    expect(costOfRemove(absence({ registeredId: 'OOO1' }))).toEqual({ inserts: 0, deletes: 1 });
  });
});
