import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListedMessageRow } from '../../store/schema';
import { Alerts } from '../kit/alerts';
import { type Fake, fakeHost } from '../kit/test-host';
import { install } from './install';
import { SNOOZE_ACTION } from './notes';
import { ACK_PILE, DAILY_ALARM, Reminders } from './reminders';
import { MessageTracker } from './tracker';

vi.mock('webextension-polyfill', () => import('../kit/test-host').then((m) => m.browserFake));

const DAY = 86_400_000;
const H = 3_600_000;
// Monday 9 March 2026; 16:00 Brussels is 15:00 UTC.
const AT_16 = Date.UTC(2026, 2, 9, 15, 0);
let fake: Fake;
afterEach(() => fake.close());

function setup() {
  fake = fakeHost();
  fake.boxes = [{ accessKey: 'box', lastSeen: AT_16 - H }];
  const tracker = new MessageTracker(fake.host.db);
  const reminders = new Reminders(fake.host, new Alerts(fake.host.db), tracker);
  const put = (folder: string, id: string, publishedAt: number, extra: Partial<ListedMessageRow> = {}) =>
    fake.d.messages.put({ mailbox: 'box', folder, id, publishedAt, size: 2048, ack: null, firstSeen: publishedAt, lastSeen: publishedAt, ...extra });
  const ids = (prefix: string) => fake.notes.filter((n) => n.id.startsWith(prefix));
  return { reminders, put, ids, installed: () => reminders.schedule(AT_16 - 12 * H) };
}

describe('daily sent-message digest', () => {
  it('lists the sent messages still in the box, once per day, at the configured Brussels time', async () => {
    const { reminders, put, ids, installed } = setup();
    await installed();
    await put('sent', 's1', AT_16 - 3 * DAY);
    await put('binsent', 's2', AT_16 - DAY);
    await put('inbox', 'i1', AT_16 - DAY);
    await reminders.schedule(AT_16 - H);
    expect(fake.notes).toEqual([]);
    expect(fake.alarms.get(DAILY_ALARM)).toBe(AT_16);

    await reminders.schedule(AT_16);
    await reminders.schedule(AT_16 + 10_000);
    expect(ids('digest|')).toEqual([
      {
        id: 'digest|box',
        title: 'sentDigestTitle(Box box, 2)',
        message: `sentDigestBody(manyDays(3), ${new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'Europe/Brussels' }).format(AT_16 + 4 * DAY)}) sentDigestInBin(1)`,
        open: { mailbox: 'box', folder: 'sent' },
        name: 'Box box',
        buttons: [{ title: 'openSentFolder', action: 'open' }, { title: 'remindTomorrow', action: SNOOZE_ACTION }],
        sticky: true,
      },
    ]);
    expect(fake.alarms.get(DAILY_ALARM)).toBe(AT_16 + DAY);
  });

  it('waits for the next slot after installation, then catches up when the browser was closed at that time', async () => {
    const { reminders, put, ids } = setup();
    await put('sent', 's1', AT_16 - DAY);
    await reminders.schedule(AT_16 - 20 * H);
    expect(fake.notes).toEqual([]);
    await reminders.schedule(AT_16 + 5 * H);
    expect(ids('digest|')).toHaveLength(1);
  });

  it('drops a message the web application deleted, and drops messages the platform has purged', async () => {
    const { reminders, put, ids, installed } = setup();
    await installed();
    await put('sent', 's1', AT_16 - 6.5 * DAY);
    await put('sent', 's2', AT_16 - DAY);
    await reminders.schedule(AT_16);
    await fake.d.messages.delete(['box', 'sent', 's2']);
    await reminders.schedule(AT_16 + DAY);
    expect(ids('digest|').map((n) => n.title)).toEqual(['sentDigestTitle(Box box, 2)']);
    await put('sent', 's3', AT_16 + DAY);
    await reminders.schedule(AT_16 + 2 * DAY);
    expect(ids('digest|').map((n) => n.title)).toEqual(['sentDigestTitle(Box box, 2)', 'sentDigestTitle(Box box, 1)']);
    expect(await fake.d.messages.get(['box', 'sent', 's1'])).toBeUndefined();
  });

  it('follows a new reminder time at once, across midnight too', async () => {
    const { reminders, put, ids, installed } = setup();
    await installed();
    await put('sent', 's1', AT_16 - DAY);
    await reminders.schedule(AT_16);
    fake.settings = { ...fake.settings, digestTime: '18:00' };
    await reminders.schedule(AT_16 + H);
    expect(fake.alarms.get(DAILY_ALARM)).toBe(AT_16 + 2 * H);
    await reminders.schedule(AT_16 + 2 * H);
    expect(ids('digest|')).toHaveLength(2);
  });

  it('installed, it follows a new time as soon as the settings change, with no other request', async () => {
    const { put, ids } = setup();
    install(fake.host);
    await fake.startups[0]?.(AT_16 - 12 * H);
    await put('sent', 's1', AT_16 - DAY);
    fake.now = AT_16 + H;
    // A time already past today: the reminder is due, and shown before the save returns.
    await fake.host.updateSettings({ ...fake.settings, digestTime: '16:30' });
    expect(ids('digest|')).toHaveLength(1);
    expect(fake.alarms.get(DAILY_ALARM)).toBe(AT_16 + DAY + 30 * 60_000);
    await fake.host.updateSettings({ ...fake.settings, digestTime: '18:00' });
    expect(fake.alarms.get(DAILY_ALARM)).toBe(AT_16 + 2 * H);
    // Another setting leaves the reminder alone.
    fake.alarms.clear();
    await fake.host.updateSettings({ ...fake.settings, mode: 'enforce' });
    expect(fake.alarms.size).toBe(0);
    expect(ids('digest|')).toHaveLength(1);
  });

  it('opens the bin of sent messages when only that one holds some', async () => {
    const { reminders, put, ids, installed } = setup();
    await installed();
    await put('binsent', 's1', AT_16 - DAY);
    await reminders.schedule(AT_16);
    expect(ids('digest|')[0]?.open).toEqual({ mailbox: 'box', folder: 'binsent' });
  });

  it('stays silent for a box with nothing sent left', async () => {
    const { reminders, installed } = setup();
    await installed();
    await reminders.schedule(AT_16);
    expect(fake.notes).toEqual([]);
  });

  it('"remind me tomorrow" silences the box until the next day’s digest', async () => {
    const { reminders, put, ids, installed } = setup();
    await installed();
    await put('sent', 's1', AT_16 - DAY);
    await reminders.schedule(AT_16);
    await reminders.snooze('digest|box', AT_16 + 60_000);
    fake.settings = { ...fake.settings, digestTime: '20:00' };
    await reminders.schedule(AT_16 + 5 * H);
    expect(ids('digest|')).toHaveLength(1);
    await reminders.schedule(AT_16 + 29 * H);
    expect(ids('digest|')).toHaveLength(2);
  });
});

describe('other daily reminders', () => {
  it('warns once about received messages entering the last 7 days before their purge', async () => {
    const { reminders, put, ids, installed } = setup();
    await installed();
    await put('inbox', 'old', AT_16 - 178 * DAY);
    await reminders.schedule(AT_16);
    await reminders.schedule(AT_16 + DAY);
    expect(ids('purge|').map((n) => n.message)).toEqual([expect.stringMatching(/^purgeSoonBody\(1, /)]);
    await put('inbox', 'next', AT_16 - 176 * DAY);
    await reminders.schedule(AT_16 + 2 * DAY);
    expect(ids('purge|').map((n) => n.message)).toEqual([expect.stringMatching(/^purgeSoonBody\(1, /), expect.stringMatching(/^purgeSoonBody\(2, /)]);
    expect(ids('purge|')[0]?.open).toEqual({ mailbox: 'box', folder: 'inbox' });
  });

  it('reminds about acknowledgements when they pile up, again after they were processed and piled up again', async () => {
    const { reminders, put, ids, installed } = setup();
    await installed();
    const acks = async (n: number) => {
      await fake.d.messages.filter((m) => m.folder === 'inbox').delete();
      for (let i = 0; i < n; i++) await put('inbox', `ack${i}`, AT_16 - DAY, { ack: 'READ' });
    };
    const days = [ACK_PILE - 1, ACK_PILE, ACK_PILE + 1, 0, ACK_PILE];
    for (const [day, n] of days.entries()) {
      await acks(n);
      await reminders.schedule(AT_16 + day * DAY);
    }
    expect(ids('acks|').map((n) => n.message)).toEqual([`ackPileBody(${ACK_PILE})`, `ackPileBody(${ACK_PILE})`]);
  });

  it('warns once about a box not consulted for 80 days, and again after a later consultation lapses', async () => {
    const { reminders, ids, installed } = setup();
    await installed();
    fake.boxes = [{ accessKey: 'box', lastSeen: AT_16 - 79 * DAY }];
    await reminders.schedule(AT_16);
    expect(ids('unused|')).toEqual([]);
    await reminders.schedule(AT_16 + DAY);
    await reminders.schedule(AT_16 + 2 * DAY);
    expect(ids('unused|')).toHaveLength(1);
    fake.boxes = [{ accessKey: 'box', lastSeen: AT_16 + 2 * DAY }];
    await reminders.schedule(AT_16 + 82 * DAY);
    expect(ids('unused|')).toHaveLength(2);
    expect(ids('unused|')[0]?.open).toEqual({ mailbox: 'box' });
  });
});
