import { afterEach, describe, expect, it, vi } from 'vitest';
import { addStamp, emptyLedger, type Ledger } from '../../../directive/ledger';
import { DEFAULT_SETTINGS } from '../../../store/settings';
import { type Fake, fakeHost } from '../../kit/test-host';
import { absence } from '../core/test-data';
import { install } from './install';
import { PlanStore } from './plan-store';
import { REMINDER_ALARM, runReminders } from './remind';

vi.mock('webextension-polyfill', () => ({
  default: { i18n: { getMessage: (key: string) => key, getUILanguage: () => 'en' } },
}));

const utc = (iso: string): number => Date.parse(iso);

let fake: Fake;
afterEach(() => fake.close());

/** A fake host with one box and the keeper's ledger given; what it notified is in `fake.notes`. */
function host(ledger: Ledger = emptyLedger()) {
  fake = fakeHost();
  fake.settings = { ...DEFAULT_SETTINGS, outOfOfficeReminderTime: '10:00' };
  fake.boxes = [{ accessKey: 'box', lastSeen: 0 }];
  fake.ledger = ledger;
  return { h: fake.host, store: new PlanStore(fake.host.db), shown: fake.notes, alarm: () => fake.alarms.get(REMINDER_ALARM) };
}

describe('runReminders', () => {
  it('sets its alarm for the day before, and reminds once at 10:00 CEST on the spring change', async () => {
    const { h, store, shown, alarm } = host();
    await store.write([absence({ start: '2026-03-30', end: '2026-04-02' })]);
    await runReminders(h, store, utc('2026-03-29T07:00:00Z'));
    expect(shown).toEqual([]);
    expect(alarm()).toBe(utc('2026-03-29T08:00:00Z'));

    await runReminders(h, store, utc('2026-03-29T08:00:00Z'));
    await runReminders(h, store, utc('2026-03-29T09:00:00Z'));
    expect(shown).toHaveLength(1);
    expect(shown[0]).toEqual(expect.objectContaining({ title: 'oooNotRegisteredTitle', message: 'oooTomorrowNotRegistered', open: { mailbox: 'box', page: 'outOfOffice' } }));
  });

  it('says nothing for a registered absence', async () => {
    const { h, store, shown } = host();
    await store.write([absence({ start: '2026-03-30', end: '2026-04-02', registeredId: 'OOO1' })]);
    await runReminders(h, store, utc('2026-03-29T12:00:00Z'));
    expect(shown).toEqual([]);
  });

  it('tells when the cap allows the next step of a plan laid out over days', async () => {
    const t0 = utc('2026-10-24T08:00:00Z');
    const ledger = emptyLedger();
    const { h, store, shown, alarm } = host(ledger);
    await store.write(Array.from({ length: 12 }, (_, i) => absence({ start: `2026-11-${String(10 + i).padStart(2, '0')}`, end: `2026-11-${String(10 + i).padStart(2, '0')}` })));
    await runReminders(h, store, t0);
    expect(alarm()).toBe(t0 + 86_400_000);
    // The user registered 10 of them at once, as the plan said.
    for (let i = 0; i < 10; i++) addStamp(ledger, 'CreateOutOfOffice', { at: t0 });
    await runReminders(h, store, t0 + 86_400_000);
    expect(shown).toContainEqual(expect.objectContaining({ id: 'ooo|next|box', title: 'oooNextStepTitle' }));
  });

  it('installed, the alarm follows a new reminder time as soon as the settings change (the seat or its organization)', async () => {
    const { h, store, alarm } = host();
    install(h);
    await store.write([absence({ start: '2026-03-30', end: '2026-04-02' })]);
    fake.now = utc('2026-03-29T07:00:00Z');
    await fake.startups[0]?.(fake.now);
    expect(alarm()).toBe(utc('2026-03-29T08:00:00Z'));
    await h.updateSettings({ ...fake.settings, outOfOfficeReminderTime: '11:30' });
    expect(alarm()).toBe(utc('2026-03-29T09:30:00Z'));
  });
});
