import { describe, expect, it } from 'vitest';
import { pendingChanges, platformIndex, statusOf, unplanned } from './changes';
import { absence, entry } from './test-data';

const TODAY = '2026-11-23';

describe('statusOf', () => {
  it('tells planned, registered, ended and withdrawn apart', () => {
    const listed = entry({ id: 'OOO1', end: '2026-11-22' });
    const index = platformIndex([listed, entry({ id: 'OOO2' })]);
    expect(statusOf(absence(), index, TODAY)).toBe('planned');
    expect(statusOf(absence({ registeredId: 'OOO2' }), index, TODAY)).toBe('registered');
    expect(statusOf(absence({ registeredId: 'OOO1', start: '2026-11-20', end: '2026-11-22' }), index, TODAY)).toBe('ended');
    expect(statusOf(absence({ registeredId: 'OOO2', withdrawn: true }), index, TODAY)).toBe('withdrawn');
  });
});

describe('pendingChanges', () => {
  it('puts what must happen before an absence starts first, by start date, and clean-up last', () => {
    const late = absence({ start: '2026-12-20', end: '2026-12-24' });
    const soon = absence({ start: '2026-11-30', end: '2026-12-02' });
    const dropped = absence({ start: '2026-12-10', end: '2026-12-11', registeredId: 'OOO7', withdrawn: true });
    const over = entry({ id: 'OOO8', start: '2026-11-10', end: '2026-11-12' });
    const changes = pendingChanges([late, dropped, soon], [entry({ id: 'OOO7', start: '2026-12-10', end: '2026-12-11' }), over], TODAY);
    expect(changes.map((c) => [c.kind, c.start, c.cleanup === true])).toEqual([
      ['insert', '2026-11-30', false],
      ['delete', '2026-12-10', false],
      ['insert', '2026-12-20', false],
      ['delete', '2026-11-10', true],
    ]);
    expect(changes[1]?.platformId).toBe('OOO7');
  });

  it('asks nothing for a registered absence, nor for a planned one that is over', () => {
    const registered = absence({ registeredId: 'OOO1' });
    expect(pendingChanges([registered, absence({ start: '2026-11-01', end: '2026-11-02' })], [entry({ id: 'OOO1' })], TODAY)).toEqual([]);
  });

  it('does not list a withdrawn entry that is also over twice', () => {
    const gone = absence({ start: '2026-11-10', end: '2026-11-12', registeredId: 'OOO1', withdrawn: true });
    expect(pendingChanges([gone], [entry({ id: 'OOO1', start: '2026-11-10', end: '2026-11-12' })], TODAY)).toHaveLength(1);
  });
});

describe('unplanned', () => {
  it('lists platform entries no plan entry stands for, not the deleted ones', () => {
    const mine = entry({ id: 'OOO1' });
    const other = entry({ id: 'OOO2' });
    expect(unplanned([absence({ registeredId: 'OOO1' })], [mine, other, entry({ id: 'OOO3', goneAt: 5 })])).toEqual([other]);
  });
});
