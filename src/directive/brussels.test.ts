// Belgian legal time (§5.2.1 v1.1: peak 06:00–24:00, off-peak 00:00–06:00, Europe/Brussels), whatever
// the machine's TZ. Every instant here is built in UTC; the oracle for "what time is it in Brussels"
// is Intl (the runtime's tz data), independent of @date-fns/tz used by the code.
import { describe, expect, it } from 'vitest';
import { brusselsDate, brusselsInstant, brusselsMidnight, brusselsParts, isPeak, nextPeakBoundary } from './brussels';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** An explicit UTC instant; month is 1–12. */
const utc = (y: number, mo: number, d: number, h = 0, mi = 0): number => Date.UTC(y, mo - 1, d, h, mi);
const iso = (t: number): string => new Date(t).toISOString();

const fmt = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Brussels', hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});
function oracle(t: number) {
  const p = Object.fromEntries(fmt.formatToParts(new Date(t)).map((x) => [x.type, x.value]));
  return { year: Number(p.year), month: Number(p.month), day: Number(p.day), hour: Number(p.hour), minute: Number(p.minute) };
}

describe('isPeak at the edges (winter, UTC+1)', () => {
  // 14 January 2026: Brussels = UTC+1
  it.each([
    ['05:59', utc(2026, 1, 14, 4, 59), false],
    ['06:00', utc(2026, 1, 14, 5, 0), true],
    ['12:00', utc(2026, 1, 14, 11, 0), true],
    ['23:59', utc(2026, 1, 14, 22, 59), true],
    ['00:00', utc(2026, 1, 14, 23, 0), false],
    ['00:01', utc(2026, 1, 14, 23, 1), false],
  ])('%s Brussels', (_label, t, peak) => {
    expect(isPeak(t)).toBe(peak);
  });
  it('06:00 minus one millisecond is still off-peak, midnight minus one millisecond still peak', () => {
    expect(isPeak(utc(2026, 1, 14, 5, 0) - 1)).toBe(false);
    expect(isPeak(utc(2026, 1, 14, 23, 0) - 1)).toBe(true);
  });
});

describe('isPeak at the edges (summer, UTC+2)', () => {
  // 15 July 2026: Brussels = UTC+2
  it.each([
    ['05:59', utc(2026, 7, 15, 3, 59), false],
    ['06:00', utc(2026, 7, 15, 4, 0), true],
    ['23:59', utc(2026, 7, 15, 21, 59), true],
    ['00:00', utc(2026, 7, 15, 22, 0), false],
  ])('%s Brussels', (_label, t, peak) => {
    expect(isPeak(t)).toBe(peak);
  });
});

describe('daylight-saving change days of 2026', () => {
  describe('29 March 2026, 02:00 CET → 03:00 CEST', () => {
    it('off-peak from 00:00 CET (23:00 UTC the day before) to 06:00 CEST (04:00 UTC)', () => {
      expect(isPeak(utc(2026, 3, 28, 22, 59))).toBe(true);
      expect(isPeak(utc(2026, 3, 28, 23, 0))).toBe(false);
      expect(isPeak(utc(2026, 3, 29, 0, 59))).toBe(false); // 01:59 CET
      expect(isPeak(utc(2026, 3, 29, 1, 0))).toBe(false); // 03:00 CEST
      expect(isPeak(utc(2026, 3, 29, 3, 59))).toBe(false); // 05:59 CEST
      expect(isPeak(utc(2026, 3, 29, 4, 0))).toBe(true); // 06:00 CEST
      expect(isPeak(utc(2026, 3, 29, 21, 59))).toBe(true); // 23:59 CEST
      expect(isPeak(utc(2026, 3, 29, 22, 0))).toBe(false); // 00:00 CEST, 30 March
    });
    it('the wall clock jumps from 01:59 to 03:00', () => {
      expect(brusselsParts(utc(2026, 3, 29, 0, 59))).toMatchObject({ day: 29, hour: 1, minute: 59 });
      expect(brusselsParts(utc(2026, 3, 29, 1, 0))).toMatchObject({ day: 29, hour: 3, minute: 0 });
    });
    it('nextPeakBoundary spans the lost hour: 00:00 → 06:00 is 5 real hours', () => {
      const midnight = utc(2026, 3, 28, 23, 0);
      expect(iso(nextPeakBoundary(midnight))).toBe(iso(utc(2026, 3, 29, 4, 0)));
      expect(iso(nextPeakBoundary(utc(2026, 3, 29, 1, 30)))).toBe(iso(utc(2026, 3, 29, 4, 0)));
      expect(nextPeakBoundary(midnight) - midnight).toBe(5 * HOUR);
    });
    it('nextPeakBoundary from the evening before lands on 00:00 CET', () => {
      expect(iso(nextPeakBoundary(utc(2026, 3, 28, 20, 0)))).toBe(iso(utc(2026, 3, 28, 23, 0)));
    });
    it('nextPeakBoundary from 06:00 CEST is the following midnight, 00:00 CEST', () => {
      expect(iso(nextPeakBoundary(utc(2026, 3, 29, 4, 0)))).toBe(iso(utc(2026, 3, 29, 22, 0)));
    });
    it('brusselsDate around both midnights', () => {
      expect(brusselsDate(utc(2026, 3, 28, 22, 59))).toBe('2026-03-28');
      expect(brusselsDate(utc(2026, 3, 28, 23, 0))).toBe('2026-03-29');
      expect(brusselsDate(utc(2026, 3, 29, 21, 59))).toBe('2026-03-29');
      expect(brusselsDate(utc(2026, 3, 29, 22, 0))).toBe('2026-03-30');
    });
    it('brusselsMidnight of the day and the day after', () => {
      expect(iso(brusselsMidnight('2026-03-29'))).toBe(iso(utc(2026, 3, 28, 23, 0)));
      expect(iso(brusselsMidnight('2026-03-30'))).toBe(iso(utc(2026, 3, 29, 22, 0)));
    });
    it('brusselsInstant: a skipped 02:30 maps forward to 03:30 CEST', () => {
      expect(iso(brusselsInstant(2026, 3, 29, 2, 30))).toBe(iso(utc(2026, 3, 29, 1, 30)));
      expect(iso(brusselsInstant(2026, 3, 29, 6, 0))).toBe(iso(utc(2026, 3, 29, 4, 0)));
    });
  });

  describe('25 October 2026, 03:00 CEST → 02:00 CET', () => {
    it('off-peak from 00:00 CEST (22:00 UTC the day before) to 06:00 CET (05:00 UTC)', () => {
      expect(isPeak(utc(2026, 10, 24, 21, 59))).toBe(true);
      expect(isPeak(utc(2026, 10, 24, 22, 0))).toBe(false);
      expect(isPeak(utc(2026, 10, 25, 0, 30))).toBe(false); // first 02:30
      expect(isPeak(utc(2026, 10, 25, 1, 30))).toBe(false); // second 02:30
      expect(isPeak(utc(2026, 10, 25, 4, 0))).toBe(false); // 05:00 CET (would be 06:00 in summer time)
      expect(isPeak(utc(2026, 10, 25, 4, 59))).toBe(false); // 05:59 CET
      expect(isPeak(utc(2026, 10, 25, 5, 0))).toBe(true); // 06:00 CET
      expect(isPeak(utc(2026, 10, 25, 22, 59))).toBe(true); // 23:59 CET
      expect(isPeak(utc(2026, 10, 25, 23, 0))).toBe(false); // 00:00 CET, 26 October
    });
    it('the wall clock shows 02:xx twice', () => {
      expect(brusselsParts(utc(2026, 10, 25, 0, 30))).toMatchObject({ day: 25, hour: 2, minute: 30 });
      expect(brusselsParts(utc(2026, 10, 25, 1, 30))).toMatchObject({ day: 25, hour: 2, minute: 30 });
      expect(brusselsParts(utc(2026, 10, 25, 2, 0))).toMatchObject({ day: 25, hour: 3, minute: 0 });
    });
    it('nextPeakBoundary spans the extra hour: 00:00 → 06:00 is 7 real hours', () => {
      const midnight = utc(2026, 10, 24, 22, 0);
      expect(iso(nextPeakBoundary(midnight))).toBe(iso(utc(2026, 10, 25, 5, 0)));
      expect(iso(nextPeakBoundary(utc(2026, 10, 25, 0, 30)))).toBe(iso(utc(2026, 10, 25, 5, 0)));
      expect(iso(nextPeakBoundary(utc(2026, 10, 25, 1, 30)))).toBe(iso(utc(2026, 10, 25, 5, 0)));
      expect(nextPeakBoundary(midnight) - midnight).toBe(7 * HOUR);
    });
    it('nextPeakBoundary from the evening before lands on 00:00 CEST', () => {
      expect(iso(nextPeakBoundary(utc(2026, 10, 24, 20, 0)))).toBe(iso(utc(2026, 10, 24, 22, 0)));
    });
    it('nextPeakBoundary from 06:00 CET is the following midnight, 00:00 CET', () => {
      expect(iso(nextPeakBoundary(utc(2026, 10, 25, 5, 0)))).toBe(iso(utc(2026, 10, 25, 23, 0)));
    });
    it('brusselsDate around both midnights', () => {
      expect(brusselsDate(utc(2026, 10, 24, 21, 59))).toBe('2026-10-24');
      expect(brusselsDate(utc(2026, 10, 24, 22, 0))).toBe('2026-10-25');
      expect(brusselsDate(utc(2026, 10, 25, 22, 59))).toBe('2026-10-25');
      expect(brusselsDate(utc(2026, 10, 25, 23, 0))).toBe('2026-10-26');
    });
    it('brusselsMidnight of the day and the day after', () => {
      expect(iso(brusselsMidnight('2026-10-25'))).toBe(iso(utc(2026, 10, 24, 22, 0)));
      expect(iso(brusselsMidnight('2026-10-26'))).toBe(iso(utc(2026, 10, 25, 23, 0)));
    });
    it('brusselsInstant: a repeated 02:30 is the first one (CEST), whatever the machine TZ', () => {
      expect(iso(brusselsInstant(2026, 10, 25, 2, 30))).toBe(iso(utc(2026, 10, 25, 0, 30)));
      expect(iso(brusselsInstant(2026, 10, 25, 6, 0))).toBe(iso(utc(2026, 10, 25, 5, 0)));
    });
  });
});

describe('brusselsDate around midnight', () => {
  it.each([
    ['23:59 CET', utc(2026, 1, 14, 22, 59), '2026-01-14'],
    ['00:00 CET, still the 14th in UTC', utc(2026, 1, 14, 23, 0), '2026-01-15'],
    ['23:59 CEST', utc(2026, 7, 15, 21, 59), '2026-07-15'],
    ['00:00 CEST, still the 15th in UTC', utc(2026, 7, 15, 22, 0), '2026-07-16'],
    ['new year in Brussels, not yet in UTC', utc(2026, 12, 31, 23, 0), '2027-01-01'],
    ['leap day', utc(2028, 2, 28, 23, 0), '2028-02-29'],
  ])('%s', (_label, t, date) => {
    expect(brusselsDate(t)).toBe(date);
  });
});

describe('nextPeakBoundary, ordinary days', () => {
  it.each([
    ['03:00 CET → 06:00', utc(2026, 1, 14, 2, 0), utc(2026, 1, 14, 5, 0)],
    ['06:00 CET → midnight', utc(2026, 1, 14, 5, 0), utc(2026, 1, 14, 23, 0)],
    ['05:59:59.999 → 06:00', utc(2026, 1, 14, 5, 0) - 1, utc(2026, 1, 14, 5, 0)],
    ['00:00 → 06:00', utc(2026, 1, 14, 23, 0), utc(2026, 1, 15, 5, 0)],
    ['23:59:59.999 → midnight', utc(2026, 1, 14, 23, 0) - 1, utc(2026, 1, 14, 23, 0)],
    ['last day of a month', utc(2026, 10, 31, 12, 0), utc(2026, 10, 31, 23, 0)],
    ['new year eve', utc(2026, 12, 31, 12, 0), utc(2026, 12, 31, 23, 0)],
    ['summer 12:00 → midnight CEST', utc(2026, 7, 15, 10, 0), utc(2026, 7, 15, 22, 0)],
  ])('%s', (_label, from, to) => {
    expect(iso(nextPeakBoundary(from))).toBe(iso(to));
  });
});

describe('brusselsInstant', () => {
  it.each([
    ['winter 06:00', [2026, 1, 14, 6, 0], utc(2026, 1, 14, 5, 0)],
    ['summer 06:00', [2026, 7, 15, 6, 0], utc(2026, 7, 15, 4, 0)],
    ['day 32 of October rolls to 1 November', [2026, 10, 32, 0, 0], utc(2026, 10, 31, 23, 0)],
    ['day 32 of December rolls to the new year', [2026, 12, 32, 0, 0], utc(2026, 12, 31, 23, 0)],
    ['day 0 is the last day of the previous month', [2026, 3, 0, 0, 0], utc(2026, 2, 27, 23, 0)],
  ] as const)('%s', (_label, [y, mo, d, h, mi], expected) => {
    expect(iso(brusselsInstant(y, mo, d, h, mi))).toBe(iso(expected));
  });

  it('round-trips every whole hour of 2026 through Intl (skipped hour → one hour later)', () => {
    const wrong: string[] = [];
    for (let day = 1; day <= 365; day++) {
      for (let hour = 0; hour < 24; hour++) {
        const t = brusselsInstant(2026, 1, day, hour);
        const o = oracle(t);
        const wanted = new Date(Date.UTC(2026, 0, day));
        const skipped = day === 88 && hour === 2; // 29 March 02:xx does not exist
        if (o.month !== wanted.getUTCMonth() + 1 || o.day !== wanted.getUTCDate() || o.hour !== (skipped ? 3 : hour) || o.minute !== 0) {
          wrong.push(`day ${day} ${hour}:00 → ${iso(t)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

// About hourly over the year (Brussels offsets are whole hours, so peak flags and dates can only change
// on whole UTC hours): a quarter of the work of a 15-minute grid for the same coverage, sized to run
// well under its timeout on a loaded 2-core machine.
describe('against the runtime tz data, every hour of 2026', () => {
  const start = utc(2025, 12, 31, 0, 0);
  const end = utc(2027, 1, 2, 0, 0);
  const step = 60 * MIN;
  const TIMEOUT = 60_000;

  it('brusselsParts, brusselsDate and isPeak agree with Intl (every 67 minutes: every minute of the hour in turn)', () => {
    const wrong: string[] = [];
    for (let t = start; t < end && wrong.length < 5; t += step + 7 * MIN) {
      const o = oracle(t);
      const p = brusselsParts(t);
      const d = `${o.year}-${String(o.month).padStart(2, '0')}-${String(o.day).padStart(2, '0')}`;
      if (JSON.stringify(p) !== JSON.stringify(o) || brusselsDate(t) !== d || isPeak(t) !== o.hour >= 6) {
        wrong.push(`${iso(t)}: ${JSON.stringify(p)} vs ${JSON.stringify(o)}`);
      }
    }
    expect(wrong).toEqual([]);
  }, TIMEOUT);

  it('nextPeakBoundary is the next instant where the Intl peak flag changes', () => {
    // Brussels offsets are whole hours, so the flag can only change on this hourly grid.
    const changes: number[] = [];
    for (let t = start + step; t < end; t += step) if ((oracle(t).hour >= 6) !== (oracle(t - step).hour >= 6)) changes.push(t);
    expect(changes.length).toBeGreaterThan(2 * 365);
    const wrong: string[] = [];
    let k = 0;
    for (let t = start; t < changes[changes.length - 1]! && wrong.length < 5; t += step) {
      while (changes[k]! <= t) k++;
      if (nextPeakBoundary(t) !== changes[k]) wrong.push(`${iso(t)} → ${iso(nextPeakBoundary(t))}, expected ${iso(changes[k]!)}`);
      if (nextPeakBoundary(t + 37 * MIN) !== changes[k]) wrong.push(`${iso(t + 37 * MIN)} (between grid points)`);
    }
    expect(wrong).toEqual([]);
  }, TIMEOUT);

  it('brusselsMidnight(brusselsDate(t)) is the start of the Brussels day, every day', () => {
    for (let t = start; t < end; t += 24 * HOUR) {
      const m = brusselsMidnight(brusselsDate(t));
      expect(oracle(m)).toMatchObject({ hour: 0, minute: 0 });
      expect(brusselsDate(m)).toBe(brusselsDate(t));
      expect(brusselsDate(m - 1)).not.toBe(brusselsDate(t));
    }
  });
});
