import { describe, expect, it } from 'vitest';
import { checkDraft, cleanDraft, MAX_NOTE } from './draft';
import { absence } from './test-data';

const TODAY = '2026-11-23';
const draft = (over: object = {}) => ({ start: '2026-12-01', end: '2026-12-05', substitutes: [], note: '', ...over });

describe('checkDraft', () => {
  it('accepts an absence of one day, today', () => {
    expect(checkDraft(draft({ start: TODAY, end: TODAY }), TODAY).ok).toBe(true);
  });

  it('refuses an end before the start', () => {
    expect(checkDraft(draft({ start: '2026-12-05', end: '2026-12-04' }), TODAY).dates).toEqual(['endBeforeStart']);
  });

  it('refuses an absence in the past, and a new one that started yesterday', () => {
    expect(checkDraft(draft({ start: '2026-11-20', end: '2026-11-22' }), TODAY).dates).toEqual(['inPast']);
    expect(checkDraft(draft({ start: '2026-11-22', end: '2026-11-30' }), TODAY).dates).toEqual(['startInPast']);
  });

  it('lets an absence under way keep its start (to shorten or lengthen it)', () => {
    const running = absence({ start: '2026-11-20', end: '2026-11-30' });
    expect(checkDraft(draft({ id: running.id, start: '2026-11-20', end: '2026-11-25' }), TODAY, running).ok).toBe(true);
    expect(checkDraft(draft({ id: running.id, start: '2026-11-21', end: '2026-11-25' }), TODAY, running).dates).toEqual(['startInPast']);
  });

  it('refuses missing and impossible dates', () => {
    expect(checkDraft(draft({ start: '', end: '2026-02-30' }), TODAY).dates).toEqual(['startMissing', 'endMissing']);
  });

  it('checks each substitute: format, check digits, the same person twice', () => {
    const subs = [
      { type: 'NISS', id: '85.07.30-033.28' },
      { type: 'NISS', id: '85073003329' },
      { type: 'CBE', id: '041234561' },
      { type: 'NISS', id: '85073003328' },
      { type: 'NIHII', id: '10734528004' },
    ] as const;
    const check = checkDraft(draft({ substitutes: subs }), TODAY);
    expect(check.substitutes).toEqual([null, 'checkDigits', 'length', 'duplicate', null]);
    expect(check.ok).toBe(false);
  });

  it('limits the private note', () => {
    expect(checkDraft(draft({ note: 'x'.repeat(MAX_NOTE + 1) }), TODAY).noteTooLong).toBe(true);
  });
});

describe('cleanDraft', () => {
  it('keeps identifiers as digits and trims the note', () => {
    const clean = cleanDraft(draft({ substitutes: [{ type: 'CBE', id: 'BE 0809.394.427' }], note: '  ask Dr X  ' }));
    expect(clean.substitutes).toEqual([{ type: 'CBE', id: '0809394427' }]);
    expect(clean.note).toBe('ask Dr X');
  });
});
