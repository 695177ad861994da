import { describe, expect, it } from 'vitest';
import { lastSlot, nextSlot, tomorrow } from './slots';

const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe('daily reminder slots (Brussels time)', () => {
  it('fire at 16:00 Brussels in winter and in summer', () => {
    expect(nextSlot(utc(2026, 1, 15, 9), '16:00')).toBe(utc(2026, 1, 15, 15));
    expect(nextSlot(utc(2026, 7, 15, 9), '16:00')).toBe(utc(2026, 7, 15, 14));
  });

  it('follow the spring change: 16:00 on 29 March 2026 is 14:00 UTC, the day before 15:00 UTC', () => {
    expect(nextSlot(utc(2026, 3, 28, 16), '16:00')).toBe(utc(2026, 3, 29, 14));
    expect(lastSlot(utc(2026, 3, 29, 13, 59), '16:00')).toBe(utc(2026, 3, 28, 15));
    expect(lastSlot(utc(2026, 3, 29, 14), '16:00')).toBe(utc(2026, 3, 29, 14));
  });

  it('follow the autumn change: 16:00 on 25 October 2026 is 15:00 UTC', () => {
    expect(nextSlot(utc(2026, 10, 25, 0), '16:00')).toBe(utc(2026, 10, 25, 15));
    expect(nextSlot(utc(2026, 10, 24, 15), '16:00')).toBe(utc(2026, 10, 25, 15));
  });

  it('move a time in the skipped hour forward', () => {
    expect(nextSlot(utc(2026, 3, 28, 23), '02:30')).toBe(utc(2026, 3, 29, 1, 30));
  });

  it('are strictly after now (next) and at or before now (last)', () => {
    const at16 = utc(2026, 1, 15, 15);
    expect(nextSlot(at16, '16:00')).toBe(utc(2026, 1, 16, 15));
    expect(lastSlot(at16, '16:00')).toBe(at16);
    expect(lastSlot(at16 - 1, '16:00')).toBe(utc(2026, 1, 14, 15));
  });

  it('use the Brussels date near midnight, not the UTC one', () => {
    // 23:30 UTC on 15 January is 00:30 on the 16th in Brussels.
    expect(lastSlot(utc(2026, 1, 15, 23, 30), '00:15')).toBe(utc(2026, 1, 15, 23, 15));
    expect(tomorrow(utc(2026, 1, 15, 23, 30))).toBe(utc(2026, 1, 16, 23));
  });
});
