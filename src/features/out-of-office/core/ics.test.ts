import { describe, expect, it } from 'vitest';
import { readCalendar, writeCalendar } from './ics';

const TODAY = '2026-11-23';
const wrap = (...events: string[]): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//EN', ...events, 'END:VCALENDAR'].join('\r\n');
const event = (uid: string, ...lines: string[]): string =>
  ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20261101T000000Z', ...lines, 'END:VEVENT'].join('\r\n');

const BRUSSELS_ZONE = [
  'BEGIN:VTIMEZONE', 'TZID:Europe/Brussels',
  'BEGIN:DAYLIGHT', 'TZOFFSETFROM:+0100', 'TZOFFSETTO:+0200', 'DTSTART:19700329T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU', 'END:DAYLIGHT',
  'BEGIN:STANDARD', 'TZOFFSETFROM:+0200', 'TZOFFSETTO:+0100', 'DTSTART:19701025T030000', 'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU', 'END:STANDARD',
  'END:VTIMEZONE',
].join('\r\n');

describe('readCalendar', () => {
  it('reads an all-day event with its exclusive DTEND as inclusive days', () => {
    const ics = wrap(event('1', 'DTSTART;VALUE=DATE:20261201', 'DTEND;VALUE=DATE:20261206', 'SUMMARY:Congrès'));
    expect(readCalendar(ics, TODAY)).toEqual([{ key: '1', summary: 'Congrès', start: '2026-12-01', end: '2026-12-05', allDay: true }]);
  });

  it('reads a one-day event without DTEND', () => {
    expect(readCalendar(wrap(event('1', 'DTSTART;VALUE=DATE:20261201')), TODAY)[0]).toMatchObject({ start: '2026-12-01', end: '2026-12-01' });
  });

  it('puts timed events on Brussels days: UTC, a VTIMEZONE, and no zone at all', () => {
    const ics = wrap(
      BRUSSELS_ZONE,
      event('utc', 'DTSTART:20261209T233000Z', 'DTEND:20261210T010000Z'),
      event('tz', 'DTSTART;TZID=Europe/Brussels:20261212T000000', 'DTEND;TZID=Europe/Brussels:20261213T000000'),
      event('floating', 'DTSTART:20261215T090000', 'DTEND:20261215T120000'),
    );
    expect(readCalendar(ics, TODAY).map((e) => [e.key, e.start, e.end, e.allDay])).toEqual([
      ['utc', '2026-12-10', '2026-12-10', false],
      ['tz', '2026-12-12', '2026-12-12', false],
      ['floating', '2026-12-15', '2026-12-15', false],
    ]);
  });

  it('expands a recurring absence over the coming year and leaves the past out', () => {
    const ics = wrap(
      event('weekly', 'DTSTART;VALUE=DATE:20261102', 'DTEND;VALUE=DATE:20261103', 'RRULE:FREQ=WEEKLY;COUNT=6'),
      event('past', 'DTSTART;VALUE=DATE:20250101', 'DTEND;VALUE=DATE:20250102'),
    );
    expect(readCalendar(ics, TODAY).map((e) => e.start)).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
  });

  it('refuses a file that is not iCalendar', () => {
    expect(() => readCalendar('hello', TODAY)).toThrow();
  });
});

describe('writeCalendar', () => {
  it('writes all-day events with CRLF lines that read back to the same dates, and nothing private', () => {
    const ics = writeCalendar([{ id: 'a1', start: '2026-12-31', end: '2027-01-02' }], 'Out of office', Date.UTC(2026, 10, 23));
    expect(ics).toContain('DTSTART;VALUE=DATE:20261231\r\n');
    expect(ics).toContain('DTEND;VALUE=DATE:20270103\r\n');
    expect(ics).toContain('UID:a1@companion-for-ehealthbox');
    expect(ics.split('\r\n').every((line) => !line.includes('\n'))).toBe(true);
    expect(readCalendar(ics, TODAY)).toEqual([{ key: 'a1@companion-for-ehealthbox', summary: 'Out of office', start: '2026-12-31', end: '2027-01-02', allDay: true }]);
  });
});
