import { describe, expect, it } from 'vitest';
import type { Conditions } from '../../../directive/engine';
import { emptyLedger } from '../../../directive/ledger';
import type { Change } from './model';
import { absenceReminders, dueReminders, nextReminderAt, nextStep, reminderAt } from './reminders';
import { spread } from './schedule';
import { absence, entry } from './test-data';

// These run under TZ=Europe/Brussels, America/New_York and Asia/Tokyo (scripts/test.mjs): every
// expectation is an absolute UTC instant, so a machine zone leaking in would fail one of them.
const utc = (iso: string): number => Date.parse(iso);

describe('reminderAt (Brussels wall-clock time)', () => {
  it('uses CET before and CEST after the spring change of 29 March 2026', () => {
    expect(reminderAt('2026-03-28', '10:00')).toBe(utc('2026-03-28T09:00:00Z'));
    expect(reminderAt('2026-03-29', '10:00')).toBe(utc('2026-03-29T08:00:00Z'));
  });

  it('moves a reminder set in the skipped hour (02:30 on 29 March) to 03:30 CEST', () => {
    expect(reminderAt('2026-03-29', '02:30')).toBe(utc('2026-03-29T01:30:00Z'));
  });

  it('uses CEST before and CET after the autumn change of 25 October 2026', () => {
    expect(reminderAt('2026-10-24', '10:00')).toBe(utc('2026-10-24T08:00:00Z'));
    expect(reminderAt('2026-10-25', '10:00')).toBe(utc('2026-10-25T09:00:00Z'));
  });

  it('takes the first of the repeated 02:30 on 25 October', () => {
    expect(reminderAt('2026-10-25', '02:30')).toBe(utc('2026-10-25T00:30:00Z'));
  });
});

describe('absenceReminders', () => {
  it('reminds the day before an unregistered absence, on the day of the spring change', () => {
    const a = absence({ start: '2026-03-30', end: '2026-04-03' });
    const [r] = absenceReminders('box', [a], [], '2026-03-20', '10:00');
    expect(r).toMatchObject({ kind: 'dayBefore', dueAt: utc('2026-03-29T08:00:00Z'), key: `ooo|before|${a.id}|2026-03-30` });
  });

  it('reminds the day before an absence that starts right after the autumn change', () => {
    const [r] = absenceReminders('box', [absence({ start: '2026-10-26', end: '2026-10-30' })], [], '2026-10-20', '07:45');
    expect(r?.dueAt).toBe(utc('2026-10-25T06:45:00Z'));
  });

  it('waits an hour after an absence planned late on the day before, then reminds', () => {
    const planned = utc('2026-10-25T15:00:00Z');
    const [r] = absenceReminders('box', [absence({ start: '2026-10-26', end: '2026-10-27', createdAt: planned })], [], '2026-10-25', '10:00');
    expect(r?.dueAt).toBe(planned + 3_600_000);
  });

  it('stays quiet for registered and withdrawn absences and for those that are over', () => {
    const quiet = [
      absence({ registeredId: 'OOO1' }),
      absence({ registeredId: 'OOO2', withdrawn: true }),
      absence({ start: '2026-03-01', end: '2026-03-02' }),
    ];
    expect(absenceReminders('box', quiet, [], '2026-03-20', '10:00')).toEqual([]);
  });

  it('reminds the day after a listed absence ended, and not for one already deleted', () => {
    const listed = entry({ id: 'OOO5', start: '2026-03-23', end: '2026-03-28' });
    const reminders = absenceReminders('box', [], [listed, entry({ goneAt: 1 })], '2026-03-20', '10:00');
    expect(reminders).toEqual([{ key: 'ooo|ended|box|OOO5', kind: 'ended', dueAt: utc('2026-03-29T08:00:00Z'), start: '2026-03-23', end: '2026-03-28' }]);
  });

  it('is due once: from its moment on, until it was shown', () => {
    const reminders = absenceReminders('box', [absence({ start: '2026-10-26', end: '2026-10-27' })], [], '2026-10-20', '10:00');
    const at = utc('2026-10-25T09:00:00Z');
    expect(dueReminders(reminders, new Set(), at - 1)).toEqual([]);
    expect(nextReminderAt(reminders, new Set(), at - 1)).toBe(at);
    expect(dueReminders(reminders, new Set(), at)).toHaveLength(1);
    expect(dueReminders(reminders, new Set([reminders[0]?.key ?? '']), at + 1)).toEqual([]);
    expect(nextReminderAt(reminders, new Set([reminders[0]?.key ?? '']), at - 1)).toBeNull();
  });
});

describe('nextStep (a plan spread over days)', () => {
  const C: Conditions = { kind: 'organization', active: true, onCall: [], ackAgreement: false };
  const NOW = utc('2026-10-24T08:00:00Z');
  const changes: Change[] = Array.from({ length: 12 }, (_, i) => ({ kind: 'insert', absenceId: `a${i}`, start: '2026-11-02', end: '2026-11-06' }));

  it('waits for the moment the cap allows the 11th change, 24 hours later across the autumn change', () => {
    const step = nextStep(null, spread(changes, emptyLedger(), C, NOW), NOW);
    expect(step).toEqual({ notify: false, allowed: { inserts: 12 - 2, deletes: 0 }, waitFor: NOW + 86_400_000 });
  });

  it('notifies when that moment has come and a change is allowed', () => {
    const later = NOW + 86_400_000;
    const ledger = emptyLedger();
    const done = spread(changes.slice(0, 10), ledger, C, NOW);
    for (const s of done) ledger.windows.CreateOutOfOffice = [...(ledger.windows.CreateOutOfOffice ?? []), { at: s.at ?? 0 }];
    const step = nextStep(later, spread(changes.slice(10), ledger, C, later), later);
    expect(step).toEqual({ notify: true, allowed: { inserts: 2, deletes: 0 }, waitFor: null });
  });

  it('does not notify when nothing is left to do', () => {
    expect(nextStep(NOW, [], NOW + 1).notify).toBe(false);
  });
});
