// The per-mailbox memory of counted calls: trailing windows of 60 minutes / 24 hours (a call at t−W has
// left the window (t−W, t]), stamps from a clock that ran ahead still count, ladders kept per unit.
import { describe, expect, it } from 'vitest';
import { LADDER_RETENTION_MS, addStamp, bumpLadder, emptyLedger, ladderKey, prune, pruneLadders, removeStamp, windowMs } from './ledger';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 0, 14, 9, 0); // 10:00 Brussels, winter

const ats = (ledger: ReturnType<typeof emptyLedger>, method: 'GetMailbox' | 'ListMessages' | 'CreateOutOfOffice' | 'GetMessage') =>
  (ledger.windows[method] ?? []).map((s) => s.at - T0);

describe('windowMs', () => {
  it.each([
    ['GetMailbox', HOUR], ['ListMailBoxFolder', HOUR], ['ListMessages', HOUR],
    ['CreateMailboxIfNotExists', DAY], ['UpdateMailbox', DAY], ['CreateOutOfOffice', DAY], ['DeleteOutOfOffice', DAY],
    ['RecoverPublicationState', DAY],
    ['GetMessage', 0], ['MoveMessage', 0], ['DeleteMessage', 0], ['GetAttachment', 0],
  ] as const)('%s → %i ms', (method, ms) => {
    expect(windowMs(method)).toBe(ms);
  });
});

describe('addStamp', () => {
  it('keeps stamps in time order, even when the clock went back between calls', () => {
    const l = emptyLedger();
    for (const dt of [0, 10, 20, 5, 30, 5, -60]) addStamp(l, 'GetMailbox', { at: T0 + dt * MIN });
    expect(ats(l, 'GetMailbox')).toEqual([-60, 0, 5, 5, 10, 20, 30].map((m) => m * MIN));
  });
  it('keeps the folder of a listing', () => {
    const l = emptyLedger();
    addStamp(l, 'ListMessages', { at: T0, folder: 'inbox' });
    expect(l.windows.ListMessages).toEqual([{ at: T0, folder: 'inbox' }]);
  });
});

describe('removeStamp', () => {
  it('removes one matching stamp (time and folder), and nothing when none matches', () => {
    const l = emptyLedger();
    addStamp(l, 'ListMessages', { at: T0, folder: 'inbox' });
    addStamp(l, 'ListMessages', { at: T0, folder: 'sentbox' });
    addStamp(l, 'ListMessages', { at: T0, folder: 'inbox' });
    removeStamp(l, 'ListMessages', T0, 'inbox');
    expect(l.windows.ListMessages).toEqual([{ at: T0, folder: 'sentbox' }, { at: T0, folder: 'inbox' }]);
    removeStamp(l, 'ListMessages', T0 + 1, 'inbox');
    removeStamp(l, 'GetMailbox', T0);
    expect(l.windows.ListMessages).toHaveLength(2);
  });
});

describe('bumpLadder', () => {
  it('counts calls per key and remembers the latest instant, also when the clock went back', () => {
    const l = emptyLedger();
    const k = ladderKey('GetMessage', 'm1');
    bumpLadder(l, k, T0);
    bumpLadder(l, k, T0 + HOUR);
    bumpLadder(l, k, T0 + 30 * MIN); // clock moved back
    expect(l.ladders.get(k)).toEqual({ count: 3, last: T0 + HOUR });
  });
  it('keys by method and unit', () => {
    expect(ladderKey('GetMessage', 'm1')).not.toBe(ladderKey('DeleteMessage', 'm1'));
    expect(ladderKey('GetAttachment', 'm1/a1')).not.toBe(ladderKey('GetAttachment', 'm1/a2'));
  });
});

describe('pruneLadders', () => {
  it('forgets ladders after 182 days (§7.2.1: the message is purged by then), not before', () => {
    expect(LADDER_RETENTION_MS).toBe(182 * DAY);
    const l = emptyLedger();
    bumpLadder(l, ladderKey('GetMessage', 'old'), T0);
    bumpLadder(l, ladderKey('GetMessage', 'new'), T0 + DAY);
    pruneLadders(l, T0 + LADDER_RETENTION_MS);
    expect([...l.ladders.keys()]).toEqual([ladderKey('GetMessage', 'old'), ladderKey('GetMessage', 'new')]);
    pruneLadders(l, T0 + LADDER_RETENTION_MS + 1);
    expect([...l.ladders.keys()]).toEqual([ladderKey('GetMessage', 'new')]);
  });

  it('keeps a ladder whose last call is stamped in the future (clock moved back)', () => {
    const l = emptyLedger();
    bumpLadder(l, ladderKey('GetMessage', 'm1'), T0 + DAY);
    pruneLadders(l, T0);
    expect(l.ladders.size).toBe(1);
  });
});

describe('prune', () => {
  it('drops what the window no longer sees: a stamp exactly W old has left', () => {
    const l = emptyLedger();
    for (const dt of [0, 1, 30, 59]) addStamp(l, 'GetMailbox', { at: T0 + dt * MIN });
    prune(l, T0 + HOUR);
    expect(ats(l, 'GetMailbox')).toEqual([1, 30, 59].map((m) => m * MIN));
    prune(l, T0 + HOUR + MIN);
    expect(ats(l, 'GetMailbox')).toEqual([30, 59].map((m) => m * MIN));
  });

  it('keeps 25 hours for per-day rules (the longest Brussels calendar day, for the calendar rule)', () => {
    const l = emptyLedger();
    addStamp(l, 'CreateOutOfOffice', { at: T0 });
    addStamp(l, 'CreateOutOfOffice', { at: T0 + 2 * HOUR });
    prune(l, T0 + DAY);
    expect(ats(l, 'CreateOutOfOffice')).toEqual([0, 2 * HOUR]);
    prune(l, T0 + 25 * HOUR);
    expect(ats(l, 'CreateOutOfOffice')).toEqual([2 * HOUR]);
  });

  it('keeps stamps from a clock that ran ahead (the clock moved back: no early reset)', () => {
    const l = emptyLedger();
    for (const dt of [0, 10, 20]) addStamp(l, 'GetMailbox', { at: T0 + dt * MIN });
    prune(l, T0 - HOUR);
    expect(ats(l, 'GetMailbox')).toEqual([0, 10, 20].map((m) => m * MIN));
  });

  it('leaves ladders alone', () => {
    const l = emptyLedger();
    bumpLadder(l, ladderKey('GetMessage', 'm1'), T0);
    prune(l, T0 + 365 * DAY);
    expect(l.ladders.get(ladderKey('GetMessage', 'm1'))).toEqual({ count: 1, last: T0 });
  });

  it('holds only the calls inside the window, however long the history', () => {
    const l = emptyLedger();
    for (let i = 0; i < 20_000; i++) addStamp(l, 'GetMailbox', { at: T0 + i * 10 * MIN });
    const now = T0 + 20_000 * 10 * MIN;
    prune(l, now);
    expect(l.windows.GetMailbox?.length).toBe(5); // now−50 … now−10 min; now−60 min has left
  });
});
