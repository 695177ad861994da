import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutcomeEvent } from '../kit/host';
import { MIB } from '../../directive/quota';
import type { MailboxInfo } from '../../directive/responses';
import { Alerts } from '../kit/alerts';
import { type Fake, fakeHost } from '../kit/test-host';
import { latestSnapshot } from './snapshots';
import { QuotaWatch } from './watch';

vi.mock('webextension-polyfill', () => import('../kit/test-host').then((m) => m.browserFake));

const T0 = Date.UTC(2026, 2, 20, 9, 0);
const MIN = 60_000;
const DAY = 86_400_000;
let fake: Fake;

afterEach(() => fake.close());

function setup() {
  fake = fakeHost();
  const watch = new QuotaWatch(fake.host, new Alerts(fake.host.db));
  let at = T0;
  const getMailbox = async (info: Partial<MailboxInfo>, status = 200, after = 15 * MIN) => {
    at += after;
    const full: MailboxInfo = { currentSize: null, maxSize: 10 * MIB, standby: 0, unread: 0, owner: null, ...info };
    const e: OutcomeEvent = { mailbox: 'box', call: { method: 'GetMailbox', accessKey: 'box' }, status, at, info: { kind: 'mailbox', info: full } };
    await watch.observe(e);
  };
  const titles = () => fake.notes.map((n) => n.id);
  return { getMailbox, titles };
}

const pct = (p: number) => (p / 100) * 10 * MIB;

describe('quota notifications', () => {
  it('notifies once per threshold crossed, however many GetMailbox calls report it', async () => {
    const { getMailbox, titles } = setup();
    for (const p of [50, 81, 82, 81, 96, 97, 100, 100]) await getMailbox({ currentSize: pct(p) });
    expect(titles()).toEqual(['quota|box|80', 'quota|box|95', 'quota|box|100']);
  });

  it('notifies again when the box fills up again after being freed, not while it hovers', async () => {
    const { getMailbox, titles } = setup();
    for (const p of [85, 79, 80.5, 60, 81]) await getMailbox({ currentSize: pct(p) });
    expect(titles()).toEqual(['quota|box|80', 'quota|box|80']);
  });

  it('gives one notification for a jump over several thresholds', async () => {
    const { getMailbox } = setup();
    await getMailbox({ currentSize: pct(99) });
    expect(fake.notes).toHaveLength(1);
    expect(fake.notes[0]).toMatchObject({ title: 'quotaTitle(Box box, 95)', open: { mailbox: 'box' } });
    expect(fake.notes[0]?.message).toBe('quotaBody(sizeMB(9.9), sizeMB(10))');
  });

  it('says the box is full at 100 % and keeps that notification on screen', async () => {
    const { getMailbox } = setup();
    await getMailbox({ currentSize: pct(100) });
    expect(fake.notes[0]).toMatchObject({ title: 'quotaFullTitle(Box box)', sticky: true });
    expect(fake.notes[0]?.message).toMatch(/^quotaFullBody\(/);
  });

  it('uses the §4.2 default quota of the box’s kind when GetMailbox gives no maximum', async () => {
    const { getMailbox, titles } = setup();
    fake.kind = 'organization';
    await getMailbox({ currentSize: 50 * MIB, maxSize: null });
    expect(titles()).toEqual([]);
    fake.kind = 'individual';
    await getMailbox({ currentSize: 9 * MIB, maxSize: null });
    expect(titles()).toEqual(['quota|box|80']);
  });

  it('follows the thresholds in the settings', async () => {
    const { getMailbox, titles } = setup();
    fake.settings = { ...fake.settings, quotaThresholds: [50, 90] };
    for (const p of [55, 85, 92]) await getMailbox({ currentSize: pct(p) });
    expect(titles()).toEqual(['quota|box|50', 'quota|box|90']);
  });

  it('adds the forecast when the trend over the last days is rising', async () => {
    const { getMailbox } = setup();
    // 40 % four days ago, 10 points more each day: at 80 % now, full in about 2 days.
    const now = T0 + 15 * MIN;
    await fake.d.snapshots.bulkAdd(
      [4, 3, 2, 1].map((ago) => ({ mailbox: 'box', at: now - ago * DAY, currentSize: pct(80 - 10 * ago), maxSize: 10 * MIB, standby: 0, unread: 0 })),
    );
    await getMailbox({ currentSize: pct(80) });
    expect(fake.notes[0]?.message).toContain('quotaForecast(manyDays(2))');
  });
});

describe('STANDBY notification', () => {
  it('is urgent and given once while messages wait, again after the queue emptied', async () => {
    const { getMailbox } = setup();
    for (const standby of [0, 2, 3, 3, 0, 1]) await getMailbox({ currentSize: pct(50), standby });
    const standbyNotes = fake.notes.filter((n) => n.id === 'standby|box');
    expect(standbyNotes.map((n) => n.message)).toEqual(['standbyBody(2)', 'standbyBody(1)']);
    expect(standbyNotes[0]).toMatchObject({ title: 'standbyTitle(Box box)', sticky: true });
  });
});

describe('snapshots', () => {
  it('records sizes and counts only, and skips unchanged answers within 10 minutes', async () => {
    const { getMailbox } = setup();
    const info = { currentSize: 100, unread: 1, owner: { idType: 'NIHII', quality: 'DOCTOR' } };
    await getMailbox(info);
    await getMailbox(info, 200, 9 * MIN);
    expect(await latestSnapshot(fake.d, 'box')).toEqual({ seq: 1, mailbox: 'box', at: T0 + 15 * MIN, currentSize: 100, maxSize: 10 * MIB, standby: 0, unread: 1 });
    await getMailbox(info, 200, 2 * MIN);
    await getMailbox({ ...info, unread: 2 }, 200, MIN);
    expect((await fake.d.snapshots.toArray()).map((r) => r.unread)).toEqual([1, 1, 2]);
  });

  it('keeps 8 days of history per mailbox', async () => {
    const { getMailbox } = setup();
    await fake.d.snapshots.bulkAdd([
      { mailbox: 'box', at: T0 - 9 * DAY, currentSize: 1, maxSize: null, standby: null, unread: null },
      { mailbox: 'box', at: T0 - 7 * DAY, currentSize: 2, maxSize: null, standby: null, unread: null },
      { mailbox: 'other', at: T0 - 9 * DAY, currentSize: 3, maxSize: null, standby: null, unread: null },
    ]);
    await getMailbox({ currentSize: 4 });
    expect((await fake.d.snapshots.toArray()).map((r) => r.currentSize).sort()).toEqual([2, 3, 4]);
  });

  it('ignores failed calls', async () => {
    const { getMailbox } = setup();
    await getMailbox({ currentSize: pct(99) }, 500);
    expect(fake.notes).toEqual([]);
    expect(await fake.d.snapshots.count()).toBe(0);
  });
});
