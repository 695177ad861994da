import { describe, expect, it } from 'vitest';
import { addedInterval, judged, quantile, type RoundTimes } from './stats';

/** A small deterministic generator, so that a failure can be replayed. */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Calls of about 6 ms with a long tail: one in 40 takes 10–30 ms, as on a busy machine. */
function calls(n: number, random: () => number, shift = 0): number[] {
  return Array.from({ length: n }, () => 5 + 2 * random() + (random() < 1 / 40 ? 10 + 20 * random() : 0) + shift);
}

describe('bench statistics', () => {
  it('takes the nearest rank', () => {
    expect(quantile([3, 1, 2, 4], 0.5)).toBe(3);
    expect(quantile(Array.from({ length: 100 }, (_, i) => i + 1), 0.99)).toBe(100);
  });

  it('finds no difference between two samples of the same machine, and a shift where there is one', () => {
    const random = seeded(17);
    const same: RoundTimes[] = Array.from({ length: 6 }, () => [calls(200, random), calls(200, random)]);
    const [low, high] = addedInterval(same, 50, 0.5, 500, random);
    expect(low).toBeLessThan(0);
    expect(high).toBeGreaterThan(0);
    const shifted: RoundTimes[] = Array.from({ length: 6 }, () => [calls(200, random), calls(200, random, 1)]);
    const [from, to] = addedInterval(shifted, 50, 0.5, 500, random);
    expect(from).toBeGreaterThan(0.5);
    expect(to).toBeLessThan(1.5);
  });

  it('gives the tail a wider interval than the median', () => {
    const random = seeded(5);
    const rounds: RoundTimes[] = Array.from({ length: 6 }, () => [calls(200, random), calls(200, random)]);
    const width = ([a, b]: [number, number]): number => b - a;
    expect(width(addedInterval(rounds, 50, 0.99, 500, random))).toBeGreaterThan(width(addedInterval(rounds, 50, 0.5, 500, random)));
  });

  it('widens when one round is slow as a whole, which blocks drawn across rounds would not show', () => {
    const random = seeded(9);
    const rounds: RoundTimes[] = Array.from({ length: 4 }, (_, r) => [calls(200, random), calls(200, random, r === 0 ? 3 : 0)]);
    const [low, high] = addedInterval(rounds, 50, 0.5, 500, random);
    expect(low).toBeLessThan(0.2);
    expect(high).toBeGreaterThan(2);
  });

  it('judges a target on the whole interval', () => {
    expect(judged([0.1, 1.9], 2)).toBe('OK');
    expect(judged([2.1, 4], 2)).toBe('MISSED');
    expect(judged([1, 3], 2)).toBe('UNDECIDED');
  });
});
