import { afterEach, describe, expect, it, vi } from 'vitest';
import { MIB } from '../../directive/quota';
import { PollingMemory } from '../polling/memory';
import { MessageTracker } from '../retention/tracker';
import { Alerts } from '../kit/alerts';
import { type Fake, fakeHost, memoryValue } from '../kit/test-host';
import { healthView } from './view';

vi.mock('webextension-polyfill', () => import('../kit/test-host').then((m) => m.browserFake));

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 20, 9, 0);
let fake: Fake;
afterEach(() => fake.close());

function setup() {
  fake = fakeHost();
  const parts = { alerts: new Alerts(fake.host.db), tracker: new MessageTracker(fake.host.db), polling: new PollingMemory(memoryValue()) };
  return { parts, view: (mailbox = 'box') => healthView(fake.host, parts, mailbox, NOW) };
}

describe('ui/health', () => {
  it('shows nothing but the advice counters for a box never seen', async () => {
    const { view } = setup();
    expect(await view()).toEqual({
      mailbox: 'box', now: NOW, quota: null, freeFirst: [], sent: [], purgeSoon: null, acks: 0, polling: { listings: 0, unnecessary: 0 }, unused: null,
    });
  });

  it('gives the gauge with the §4.2 default quota when the server gave none, and the sent list', async () => {
    const { view } = setup();
    fake.kind = 'organization';
    await fake.d.snapshots.add({ mailbox: 'box', at: NOW - 1000, currentSize: 50 * MIB, maxSize: null, standby: 0, unread: 0 });
    await fake.d.messages.bulkPut([
      { mailbox: 'box', folder: 'sent', id: 's1', publishedAt: NOW - DAY, size: 10, ack: null, firstSeen: 0, lastSeen: 0 },
      { mailbox: 'box', folder: 'sent', id: 'gone', publishedAt: NOW - 8 * DAY, size: 10, ack: null, firstSeen: 0, lastSeen: 0 },
    ]);
    const v = await view();
    expect(v.quota).toMatchObject({ currentSize: 50 * MIB, maxSize: 100 * MIB, maxAssumed: true, percent: 50, level: 0, thresholds: [80, 95, 100] });
    expect(v.sent.map((m) => m.publishedAt)).toEqual([NOW - DAY]);
    expect(v.freeFirst).toEqual([{ folder: 'sent', count: 1, bytes: 10, items: [] }]);
  });

  it('warns about a box not consulted for 80 days', async () => {
    const { view } = setup();
    fake.boxes = [{ accessKey: 'box', lastSeen: NOW - 81 * DAY }];
    expect((await view()).unused?.lastSeen).toBe(NOW - 81 * DAY);
    fake.boxes = [{ accessKey: 'box', lastSeen: NOW - 79 * DAY }];
    expect((await view()).unused).toBeNull();
  });
});
