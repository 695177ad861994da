import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CompanionDB } from '../store/db';
import type { CallRow, HourlyRow } from '../store/schema';
import { addExceptions, historyHours, historySeries, historyView } from './history';
import { putHourly } from '../store/packed';

const HOUR = 3_600_000;
// 2026-11-23 10:20 UTC = 11:20 Brussels (CET): the last bar is the 10:00 UTC hour.
const NOW = Date.UTC(2026, 10, 23, 10, 20);
const INDIVIDUAL = { kind: 'individual', onCall: [], ackAgreement: false } as const;
const row = (method: HourlyRow['method'], hour: number, calls: number, held = 0, mailbox = 'box'): HourlyRow =>
  ({ mailbox, method, hour, calls, over: 0, held, failOpen: 0 });

describe('history', () => {
  it('covers the 24 hours that end with the current one', () => {
    const hours = historyHours(NOW);
    expect(hours).toHaveLength(24);
    expect(hours.at(-1)).toBe(Date.UTC(2026, 10, 23, 10));
    expect(hours[0]).toBe(Date.UTC(2026, 10, 22, 11));
  });

  it('puts each aggregate in its hour, ignores older ones, and always shows the polling calls', () => {
    const last = Date.UTC(2026, 10, 23, 10);
    const series = historySeries([row('GetMailbox', last, 4, 1), row('GetMailbox', last - 25 * HOUR, 9), row('CreateOutOfOffice', last - HOUR, 2)], INDIVIDUAL, NOW);
    expect(series.map((s) => s.method)).toEqual(['GetMailbox', 'ListMessages', 'CreateOutOfOffice']);
    const get = series[0];
    expect(get?.counts.at(-1)).toBe(4);
    expect(get?.held.at(-1)).toBe(1);
    expect(get?.counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect(series[2]).toMatchObject({ section: '§5.6.1', dayLimit: 10 });
    expect(series[2]?.hourLimits.every((l) => l === null)).toBe(true);
  });

  it('gives the per-hour limit of each hour: 6 at peak, 1 at night for an individual (Brussels time), 60 for an organization', () => {
    const [get] = historySeries([], INDIVIDUAL, NOW);
    const hours = historyHours(NOW);
    // 23:00 UTC is 00:00 Brussels in winter: off-peak until 05:00 UTC (06:00 Brussels).
    const at = (utcHour: number): number | null | undefined => get?.hourLimits[hours.findIndex((h) => new Date(h).getUTCHours() === utcHour)];
    expect([at(22), at(23), at(4), at(5)]).toEqual([6, 1, 1, 6]);
    const [org] = historySeries([], { ...INDIVIDUAL, kind: 'organization' }, NOW);
    expect(new Set(org?.hourLimits)).toEqual(new Set([60]));
  });

  it('keeps the peak limit at night during a declared on-call period', () => {
    const night = Date.UTC(2026, 10, 23, 1);
    const [get] = historySeries([], { ...INDIVIDUAL, onCall: [{ start: night, end: night + 2 * HOUR }] }, NOW);
    const i = historyHours(NOW).indexOf(night);
    expect(get?.hourLimits.slice(i - 1, i + 3)).toEqual([1, 6, 6, 1]);
  });

  it('says 0 per day for a forbidden rule and 2 with an organization agreement (§5.4.5, §6.1)', () => {
    const rows = [row('RecoverPublicationState', Date.UTC(2026, 10, 23, 9), 1)];
    expect(historySeries(rows, INDIVIDUAL, NOW).at(-1)).toMatchObject({ method: 'RecoverPublicationState', dayLimit: 0 });
    expect(historySeries(rows, { kind: 'organization', onCall: [], ackAgreement: true }, NOW).at(-1)?.dayLimit).toBe(2);
  });
});

describe('historyView', () => {
  const dbs: CompanionDB[] = [];
  afterEach(async () => {
    for (const d of dbs.splice(0)) {
      d.close();
      await d.delete();
    }
  });

  it('reads only the mailbox asked for', async () => {
    const d = new CompanionDB('history-view');
    dbs.push(d);
    const last = Date.UTC(2026, 10, 23, 10);
    await putHourly(d, [row('GetMailbox', last, 3), row('GetMailbox', last, 7, 0, 'other')]);
    const view = await historyView(() => d, 'box', INDIVIDUAL, NOW);
    expect(view.series[0]?.counts.at(-1)).toBe(3);
    expect(view.hours).toHaveLength(24);
  });
});

describe('the user\'s exceptions in the history', () => {
  it('are put in their method\'s hour; one outside the 24 hours is not', () => {
    const now = Date.UTC(2026, 10, 23, 10, 30);
    const hours = historyHours(now);
    const series = historySeries([], { kind: 'individual', onCall: [], ackAgreement: false }, now);
    const call = (id: string, at: number): CallRow => ({ id, mailbox: 'box', method: 'GetMailbox', at, units: [], via: 'decided', over: true, exception: true });
    addExceptions(series, hours, [call('a', now - 60_000), call('b', now - 25 * 3_600_000)]);
    const mailbox = series.find((s) => s.method === 'GetMailbox');
    expect(mailbox?.exceptions.at(-1)).toBe(1);
    expect(mailbox?.exceptions.reduce((a, b) => a + b, 0)).toBe(1);
  });
});
