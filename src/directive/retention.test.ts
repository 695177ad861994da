import { describe, expect, it } from 'vitest';
import {
  RETENTION_DAYS, addBrusselsDays, calendarDaysBetween, purgeAt, purgeIsNear, retainedFolder, unusedBox,
} from './retention';

const H = 3_600_000;
const utc = (y: number, mo: number, d: number, h = 0, mi = 0) => Date.UTC(y, mo - 1, d, h, mi);

describe('§7.2.1 retention periods', () => {
  it('are the directive’s', () => {
    expect(RETENTION_DAYS).toEqual({ inbox: 182, standby: 182, bin: 30, sent: 7, binsent: 7 });
  });

  it('map REST and SOAP folder names, and nothing else', () => {
    expect(['inbox', 'sent', 'bin', 'binsent'].map(retainedFolder)).toEqual(['inbox', 'sent', 'bin', 'binsent']);
    expect(['sentbox', 'bininbox', 'binsentbox'].map(retainedFolder)).toEqual(['sent', 'bin', 'binsent']);
    expect(retainedFolder('drafts')).toBeNull();
    expect(retainedFolder('constructor')).toBeNull();
  });
});

describe('purge dates in Brussels calendar days', () => {
  it('keeps the wall-clock time on an ordinary week', () => {
    // 10 March 2026, 10:00 CET (09:00 UTC) -> 17 March, 10:00 CET.
    expect(purgeAt('sent', utc(2026, 3, 10, 9))).toBe(utc(2026, 3, 17, 9));
  });

  it('spans the spring change (29 March 2026) in 167 hours', () => {
    // 25 March 10:00 CET (09:00 UTC) -> 1 April 10:00 CEST (08:00 UTC).
    const published = utc(2026, 3, 25, 9);
    expect(purgeAt('sent', published)).toBe(utc(2026, 4, 1, 8));
    expect(purgeAt('sent', published) - published).toBe(167 * H);
  });

  it('spans the autumn change (25 October 2026) in 169 hours', () => {
    // 20 October 10:00 CEST (08:00 UTC) -> 27 October 10:00 CET (09:00 UTC).
    const published = utc(2026, 10, 20, 8);
    expect(purgeAt('binsent', published)).toBe(utc(2026, 10, 27, 9));
    expect(purgeAt('binsent', published) - published).toBe(169 * H);
  });

  it('moves a purge that lands in the skipped hour of 29 March forward to 03:30 CEST', () => {
    // 22 March 02:30 CET (01:30 UTC) + 7 days = 29 March 02:30, which does not exist.
    expect(purgeAt('sent', utc(2026, 3, 22, 1, 30))).toBe(utc(2026, 3, 29, 1, 30));
  });

  it('takes the first of the two 02:30 of 25 October', () => {
    // 18 October 02:30 CEST (00:30 UTC) + 7 days: 02:30 CEST on 25 October (00:30 UTC), not CET.
    expect(purgeAt('sent', utc(2026, 10, 18, 0, 30))).toBe(utc(2026, 10, 25, 0, 30));
  });

  it('counts 30 days for the bin and 182 for the inbox across both changes', () => {
    // 1 March 2026 12:00 CET -> 31 March 12:00 CEST.
    expect(purgeAt('bin', utc(2026, 3, 1, 11))).toBe(utc(2026, 3, 31, 10));
    // 1 May 2026 12:00 CEST -> 30 October 12:00 CET (182 days).
    expect(purgeAt('inbox', utc(2026, 5, 1, 10))).toBe(utc(2026, 10, 30, 11));
  });

  it('keeps seconds and milliseconds', () => {
    expect(addBrusselsDays(utc(2026, 1, 1, 9) + 12_345, 1)).toBe(utc(2026, 1, 2, 9) + 12_345);
  });

  it('crosses midnight in Brussels, not in UTC', () => {
    // 23:30 UTC on 31 Dec 2025 is already 1 Jan 2026 00:30 in Brussels.
    expect(addBrusselsDays(utc(2025, 12, 31, 23, 30), 7)).toBe(utc(2026, 1, 7, 23, 30));
  });
});

describe('calendar days and warnings', () => {
  it('counts Brussels dates, including a 23-hour and a 25-hour day', () => {
    expect(calendarDaysBetween(utc(2026, 3, 28, 22, 59), utc(2026, 3, 29, 21, 59))).toBe(1);
    expect(calendarDaysBetween(utc(2026, 3, 28, 23, 30), utc(2026, 3, 29, 1))).toBe(0);
    expect(calendarDaysBetween(utc(2026, 10, 24, 12), utc(2026, 10, 26, 12))).toBe(2);
    expect(calendarDaysBetween(utc(2026, 10, 26, 12), utc(2026, 10, 24, 12))).toBe(-2);
  });

  it('warns within 7 days of a purge, not after it', () => {
    const now = utc(2026, 3, 25, 9);
    expect(purgeIsNear(addBrusselsDays(now, 7), now)).toBe(true);
    expect(purgeIsNear(addBrusselsDays(now, 7) + 1, now)).toBe(false);
    expect(purgeIsNear(now + 1, now)).toBe(true);
    expect(purgeIsNear(now, now)).toBe(false);
  });

  it('warns about an unused box at 80 days; the platform deletes it at 90', () => {
    const last = utc(2026, 1, 10, 9);
    expect(unusedBox(last)).toEqual({ warnAt: utc(2026, 3, 31, 8), deletedAt: utc(2026, 4, 10, 8) });
  });
});
