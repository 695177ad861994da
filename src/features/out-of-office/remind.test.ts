import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Services } from '../../background/services';
import type { Conditions } from '../../directive/engine';
import { addStamp, emptyLedger, type Ledger } from '../../directive/ledger';
import { db } from '../../store/db';
import { PlanStore } from './plan-store';
import { REMINDER_ALARM, runReminders } from './remind';
import { absence } from './test-data';

const alarms = vi.hoisted(() => ({ clear: vi.fn(async () => true), create: vi.fn() }));
vi.mock('webextension-polyfill', () => ({
  default: { alarms, i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' } },
}));

const C: Conditions = { kind: 'individual', active: true, onCall: [], ackAgreement: false };
const utc = (iso: string): number => Date.parse(iso);

function services(ledger: Ledger = emptyLedger()) {
  const show = vi.fn(async () => undefined);
  const s = {
    settings: { outOfOfficeReminderTime: '10:00', mailboxes: {} },
    notifier: { show },
    mailboxes: { all: async () => [{ accessKey: 'box' }] },
    keeper: { ledger: async () => ledger },
    conditions: async () => C,
    boxName: async () => 'Doctor (NIHII)',
  } as unknown as Services;
  return { s, show };
}

const store = new PlanStore(db);

beforeEach(async () => {
  await Promise.all(db().tables.map((table) => table.clear()));
  alarms.create.mockClear();
});
afterEach(() => vi.clearAllMocks());

describe('runReminders', () => {
  it('sets its alarm for the day before, and reminds once at 10:00 CEST on the spring change', async () => {
    await store.write([absence({ start: '2026-03-30', end: '2026-04-02' })]);
    const { s, show } = services();
    await runReminders(s, store, utc('2026-03-29T07:00:00Z'));
    expect(show).not.toHaveBeenCalled();
    expect(alarms.create).toHaveBeenLastCalledWith(REMINDER_ALARM, { when: utc('2026-03-29T08:00:00Z') });

    await runReminders(s, store, utc('2026-03-29T08:00:00Z'));
    await runReminders(s, store, utc('2026-03-29T09:00:00Z'));
    expect(show).toHaveBeenCalledTimes(1);
    expect(show).toHaveBeenCalledWith(expect.objectContaining({ title: 'oooNotRegisteredTitle', message: 'oooTomorrowNotRegistered', open: { mailbox: 'box', page: 'outOfOffice' } }));
  });

  it('says nothing for a registered absence', async () => {
    await store.write([absence({ start: '2026-03-30', end: '2026-04-02', registeredId: 'OOO1' })]);
    const { s, show } = services();
    await runReminders(s, store, utc('2026-03-29T12:00:00Z'));
    expect(show).not.toHaveBeenCalled();
  });

  it('tells when the cap allows the next step of a plan laid out over days', async () => {
    const t0 = utc('2026-10-24T08:00:00Z');
    await store.write(Array.from({ length: 12 }, (_, i) => absence({ start: `2026-11-${String(10 + i).padStart(2, '0')}`, end: `2026-11-${String(10 + i).padStart(2, '0')}` })));
    const ledger = emptyLedger();
    const { s, show } = services(ledger);
    await runReminders(s, store, t0);
    expect(alarms.create).toHaveBeenLastCalledWith(REMINDER_ALARM, { when: t0 + 86_400_000 });
    // The user registered 10 of them at once, as the plan said.
    for (let i = 0; i < 10; i++) addStamp(ledger, 'CreateOutOfOffice', { at: t0 });
    await runReminders(s, store, t0 + 86_400_000);
    expect(show).toHaveBeenCalledWith(expect.objectContaining({ id: 'ooo|next|box', title: 'oooNextStepTitle' }));
  });
});
