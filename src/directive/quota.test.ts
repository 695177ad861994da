import { describe, expect, it } from 'vitest';
import { DEFAULT_QUOTA, FREED_MARGIN, MIB, daysUntilFull, effectiveMax, quotaLevel, usedPercent } from './quota';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 20, 12, 0);
const T = [80, 95, 100];

describe('§4.2 default quota', () => {
  it('is 10 MB for individuals and 100 MB for organizations, in binary megabytes', () => {
    expect(DEFAULT_QUOTA).toEqual({ individual: 10 * 1024 * 1024, organization: 100 * 1024 * 1024 });
  });

  it('stands in only when the server gives no maximum', () => {
    expect(effectiveMax(null, 'organization')).toEqual({ bytes: 100 * MIB, assumed: true });
    expect(effectiveMax(0, 'individual')).toEqual({ bytes: 10 * MIB, assumed: true });
    expect(effectiveMax(20 * MIB, 'individual')).toEqual({ bytes: 20 * MIB, assumed: false });
  });

  it('turns sizes into a percentage', () => {
    expect(usedPercent(8 * MIB, 10 * MIB)).toBe(80);
    expect(usedPercent(1, 0)).toBe(0);
  });
});

describe('quota thresholds', () => {
  it('gives the highest threshold reached, each exactly at its value', () => {
    expect(quotaLevel(79.99, T, 0)).toBe(0);
    expect(quotaLevel(80, T, 0)).toBe(80);
    expect(quotaLevel(94.9, T, 0)).toBe(80);
    expect(quotaLevel(95, T, 0)).toBe(95);
    expect(quotaLevel(100, T, 0)).toBe(100);
    expect(quotaLevel(130, T, 0)).toBe(100);
  });

  it('jumps straight to the highest threshold crossed, so one notification covers a big step', () => {
    expect(quotaLevel(97, T, 0)).toBe(95);
  });

  it('keeps a reached threshold while usage hovers just below it, and frees it below the margin', () => {
    expect(quotaLevel(80 - FREED_MARGIN / 2, T, 80)).toBe(80);
    expect(quotaLevel(80 - FREED_MARGIN, T, 80)).toBe(80);
    expect(quotaLevel(80 - FREED_MARGIN - 0.01, T, 80)).toBe(0);
    expect(quotaLevel(94, T, 95)).toBe(95);
    expect(quotaLevel(90, T, 95)).toBe(80);
  });

  it('does not invent a threshold the box never reached', () => {
    expect(quotaLevel(94, T, 80)).toBe(80);
  });

  it('follows the thresholds the user configured, in any order', () => {
    expect(quotaLevel(60, [90, 50], 0)).toBe(50);
    expect(quotaLevel(60, [], 0)).toBe(0);
  });
});

describe('forecast: full in about N days', () => {
  const rising = (perDay: number, from = 5 * MIB) =>
    Array.from({ length: 8 }, (_, i) => ({ at: NOW - (7 - i) * DAY, size: from + i * perDay }));

  it('extrapolates a steady rise over the last 7 days', () => {
    // 5 MB + 7 × 0.5 MB = 8.5 MB now; 1.5 MB left at 0.5 MB a day.
    expect(daysUntilFull(rising(0.5 * MIB), 10 * MIB, NOW)).toBe(3);
  });

  it('says nothing for a flat or falling trend', () => {
    expect(daysUntilFull(rising(0), 10 * MIB, NOW)).toBeNull();
    expect(daysUntilFull(rising(-0.1 * MIB, 8 * MIB), 10 * MIB, NOW)).toBeNull();
  });

  it('needs at least a day of history', () => {
    const hours = [0, 1, 2].map((h) => ({ at: NOW - (3 - h) * 3_600_000, size: (5 + h) * MIB }));
    expect(daysUntilFull(hours, 10 * MIB, NOW)).toBeNull();
    expect(daysUntilFull([], 10 * MIB, NOW)).toBeNull();
  });

  it('ignores snapshots older than 7 days and ones from the future', () => {
    const old = { at: NOW - 30 * DAY, size: 0 };
    const future = { at: NOW + DAY, size: 100 * MIB };
    expect(daysUntilFull([old, future, ...rising(0.5 * MIB)], 10 * MIB, NOW)).toBe(3);
  });

  it('reads through a deletion: the trend, not the last step', () => {
    const points = rising(1 * MIB, 1 * MIB).map((p, i) => (i === 7 ? { ...p, size: p.size - 2 * MIB } : p));
    const days = daysUntilFull(points, 10 * MIB, NOW);
    expect(days).not.toBeNull();
    expect(days).toBeGreaterThanOrEqual(3);
  });

  it('says nothing once the box is full, or when full is more than a year away', () => {
    expect(daysUntilFull(rising(1 * MIB, 4 * MIB), 10 * MIB, NOW)).toBeNull();
    expect(daysUntilFull(rising(1000), 100 * MIB, NOW)).toBeNull();
  });

  it('never says "0 days" for a box that still has room', () => {
    expect(daysUntilFull(rising(1.3 * MIB, 0.8 * MIB), 10 * MIB, NOW)).toBe(1);
  });
});
