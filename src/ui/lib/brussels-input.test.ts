import { describe, expect, it } from 'vitest';
import { brusselsAt, fromBrusselsInput, toBrusselsInput } from './brussels-input';

// 2026-07-15 17:00 UTC is 19:00 in Brussels (CEST); 2026-01-15 18:00 UTC is 19:00 (CET).
describe('datetime-local in Brussels time', () => {
  it('writes and reads the Belgian wall-clock time whatever the machine zone', () => {
    expect(toBrusselsInput(Date.UTC(2026, 6, 15, 17))).toBe('2026-07-15T19:00');
    expect(fromBrusselsInput('2026-07-15T19:00')).toBe(Date.UTC(2026, 6, 15, 17));
    expect(fromBrusselsInput('2026-01-15T19:00')).toBe(Date.UTC(2026, 0, 15, 18));
    expect(fromBrusselsInput('2026-01-15T19:00:00')).toBe(Date.UTC(2026, 0, 15, 18));
  });

  it('round-trips across the daylight-saving change', () => {
    for (const at of [Date.UTC(2026, 2, 29, 0, 30), Date.UTC(2026, 2, 29, 1, 30), Date.UTC(2026, 9, 25, 0, 30), Date.UTC(2026, 9, 25, 1, 30)]) {
      const back = fromBrusselsInput(toBrusselsInput(at));
      expect(back === null ? null : toBrusselsInput(back)).toBe(toBrusselsInput(at));
    }
  });

  it('refuses what is not a date and time', () => {
    expect(fromBrusselsInput('')).toBeNull();
    expect(fromBrusselsInput('2026-13-01T10:00')).toBeNull();
    expect(fromBrusselsInput('2026-01-01 10:00')).toBeNull();
  });

  it('gives tonight and tomorrow morning in Brussels', () => {
    const now = Date.UTC(2026, 0, 15, 23, 30); // 00:30 on the 16th in Brussels
    expect(toBrusselsInput(brusselsAt(now, 0, 19))).toBe('2026-01-16T19:00');
    expect(toBrusselsInput(brusselsAt(now, 1, 8))).toBe('2026-01-17T08:00');
  });
});
