// How sure an added figure is. A round's p99 is its second-slowest call of 200: one scheduling
// hiccup on a busy 2-core machine moves it by milliseconds, so a spread of rounds cannot judge a
// 2 ms target. Pooled over all rounds and given a bootstrap interval, it can be judged, or the
// interval says how much more data it would take.

/** Nearest rank: the value below which a fraction `q` of `xs` lies. */
export const quantile = (xs: readonly number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

/** One round of a series: each side's timed calls in order, block k of one side timed beside block k of the other. */
export type RoundTimes = readonly [without: readonly number[], extension: readonly number[]];

/**
 * A 95% interval for (quantile `q` of the with side) − (quantile `q` of the without side) over all
 * rounds, by a two-level paired bootstrap: rounds are drawn with replacement (each round is a
 * fresh pair of browsers, so a round can be slow as a whole), then blocks within each drawn round
 * (calls within a block share the machine's moment), each block taken on both sides together
 * since they were timed side by side. `random` is injectable for tests.
 */
export function addedInterval(rounds: readonly RoundTimes[], block: number, q: number, resamples = 2000, random: () => number = Math.random): [number, number] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const blocked = rounds.map(([a, b]) => {
    const pairs: [readonly number[], readonly number[]][] = [];
    for (let at = 0; at < Math.min(a.length, b.length); at += block) pairs.push([a.slice(at, at + block), b.slice(at, at + block)]);
    return pairs;
  });
  const diffs: number[] = [];
  for (let r = 0; r < resamples; r++) {
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < blocked.length; i++) {
      const round = pick(blocked);
      for (let j = 0; j < round.length; j++) {
        const [x, y] = pick(round);
        a.push(...x);
        b.push(...y);
      }
    }
    diffs.push(quantile(b, q) - quantile(a, q));
  }
  return [quantile(diffs, 0.025), quantile(diffs, 0.975)];
}

/**
 * A target judged on its interval: met when all of it is within, missed when none of it is, and
 * otherwise not told apart on this run (more rounds, or a quieter machine).
 */
export function judged(interval: readonly [number, number], target: number): 'OK' | 'MISSED' | 'UNDECIDED' {
  if (interval[1] <= target) return 'OK';
  if (interval[0] > target) return 'MISSED';
  return 'UNDECIDED';
}
