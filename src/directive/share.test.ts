// A seat's share of an organization's limits (share.ts; docs/organizations.md, "The rounding rule").
import { describe, expect, it } from 'vitest';
import { type Conditions, decide, headroom, record } from './engine';
import { emptyLedger } from './ledger';
import { seatLimit } from './share';

const HOUR = 3_600_000;
const noon = Date.UTC(2026, 0, 14, 11); // 12:00 in Brussels, a Wednesday: peak hours
const ORG: Conditions = { kind: 'organization', active: true, onCall: [], ackAgreement: true };

describe('seatLimit', () => {
  it('rounds down: a quarter of 60 is 15, a third of 60 is 20, 0.35 of 240 is 84 (not 83)', () => {
    expect(seatLimit(60, { fraction: 0.25 }, 'GetMailbox')).toBe(15);
    expect(seatLimit(60, { fraction: 1 / 3 }, 'GetMailbox')).toBe(20);
    expect(seatLimit(240, { fraction: 0.35 }, 'ListMessages')).toBe(84);
    expect(seatLimit(60, { fraction: 0.07 }, 'GetMailbox')).toBe(4);
  });
  it('never below 1 per window, never above the box limit', () => {
    expect(seatLimit(1, { fraction: 0.05 }, 'CreateMailboxIfNotExists')).toBe(1);
    expect(seatLimit(2, { fraction: 0.2 }, 'RecoverPublicationState')).toBe(1);
    expect(seatLimit(60, { fraction: 1 }, 'GetMailbox')).toBe(60);
  });
  it('a per-method fraction replaces the seat fraction; only an explicit 0 gives 0', () => {
    const share = { fraction: 0.1, methods: { GetMailbox: 0.5, UpdateMailbox: 0 } };
    expect(seatLimit(60, share, 'GetMailbox')).toBe(30);
    expect(seatLimit(1, share, 'UpdateMailbox')).toBe(0);
    expect(seatLimit(60, share, 'ListMailBoxFolder')).toBe(6);
  });
});

describe('the engine with a share', () => {
  it('holds an organization seat at its share of GetMailbox: 15 of 60, the 16th waits an hour', () => {
    const c: Conditions = { ...ORG, share: { fraction: 0.25 } };
    const ledger = emptyLedger();
    for (let i = 0; i < 15; i++) {
      expect(decide({ method: 'GetMailbox', units: [] }, ledger, c, noon + i)).toMatchObject({ allowed: true, limit: 15 });
      record({ method: 'GetMailbox', units: [] }, ledger, noon + i);
    }
    expect(decide({ method: 'GetMailbox', units: [] }, ledger, c, noon + 20)).toMatchObject({ allowed: false, used: 15, limit: 15, retryAt: noon + HOUR });
    expect(headroom({ method: 'GetMailbox', units: [] }, ledger, c, noon + 20, 60_000)).toBe(0);
  });
  it('shares the per-folder limit of ListMessages too (60 → 15 per folder, 240 → 60 in all)', () => {
    const c: Conditions = { ...ORG, share: { fraction: 0.25 } };
    expect(decide({ method: 'ListMessages', folder: 'inbox', units: [] }, emptyLedger(), c, noon)).toMatchObject({ limit: 15 });
    expect(headroom({ method: 'ListMessages', units: [] }, emptyLedger(), c, noon, 60_000)).toBe(60);
  });
  it('a per-method 0 holds the call on this seat; the §6.1 agreement budget is shared as well', () => {
    const c: Conditions = { ...ORG, share: { fraction: 0.5, methods: { UpdateMailbox: 0 } } };
    expect(decide({ method: 'UpdateMailbox', units: [] }, emptyLedger(), c, noon)).toMatchObject({ allowed: false, limit: 0 });
    expect(decide({ method: 'RecoverPublicationState', units: [] }, emptyLedger(), c, noon)).toMatchObject({ allowed: true, limit: 1 });
  });
  it('leaves individual limits alone', () => {
    const c: Conditions = { kind: 'individual', active: true, onCall: [], ackAgreement: false, share: { fraction: 0.1 } };
    expect(decide({ method: 'GetMailbox', units: [] }, emptyLedger(), c, noon)).toMatchObject({ limit: 6 });
    expect(decide({ method: 'ListMailBoxFolder', units: [] }, emptyLedger(), c, noon)).toMatchObject({ limit: 6 });
  });
});
