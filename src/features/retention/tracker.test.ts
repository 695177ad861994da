import { afterEach, describe, expect, it } from 'vitest';
import type { OutcomeEvent } from '../kit/host';
import type { ListedMessage } from '../../directive/responses';
import type { ApiCall } from '../../directive/routes';
import { type Fake, fakeHost } from '../kit/test-host';
import { PAGE_SIZE, MessageTracker } from './tracker';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 20, 9, 0);
let fake: Fake;
afterEach(() => fake.close());

const msg = (id: string, daysAgo = 1, extra: Partial<ListedMessage> = {}): ListedMessage => ({
  id, publishedAt: NOW - daysAgo * DAY, size: 1000, ack: null, read: true, ...extra,
});

function setup() {
  fake = fakeHost();
  const tracker = new MessageTracker(fake.host.db);
  const event = (call: Omit<ApiCall, 'accessKey'>, more: Partial<OutcomeEvent> = {}): Promise<void> =>
    tracker.observe({ mailbox: 'box', call: { accessKey: 'box', ...call }, status: 200, at: NOW, ...more });
  const list = (folder: string, messages: ListedMessage[], at = NOW) =>
    event({ method: 'ListMessages', folder }, { info: { kind: 'messages', messages }, at });
  const ids = async (folder: string) => (await tracker.rows('box')).filter((r) => r.folder === folder).map((r) => r.id).sort();
  return { tracker, event, list, ids };
}

describe('tracking listed messages', () => {
  it('stores ids, dates, sizes, folder and ACK category, and nothing else', async () => {
    const { list, tracker } = setup();
    await list('INBOX'.toLowerCase(), [msg('m1', 2, { ack: 'READ', size: 600 })]);
    expect(await tracker.rows('box')).toEqual([
      { mailbox: 'box', folder: 'inbox', id: 'm1', publishedAt: NOW - 2 * DAY, size: 600, ack: 'READ', firstSeen: NOW, lastSeen: NOW },
    ]);
  });

  it('files SOAP folder names under the REST ones and ignores folders §7.2.1 does not name', async () => {
    const { list, ids } = setup();
    await list('sentbox', [msg('s1')]);
    await list('drafts', [msg('d1')]);
    expect(await ids('sent')).toEqual(['s1']);
    expect(await fake.d.messages.count()).toBe(1);
  });

  it('drops what a later whole listing no longer holds, and keeps the first sighting', async () => {
    const { list, tracker } = setup();
    await list('sent', [msg('s1'), msg('s2')], NOW - DAY);
    await list('sent', [msg('s2'), msg('s3')]);
    const rows = await tracker.rows('box');
    expect(rows.map((r) => [r.id, r.firstSeen, r.lastSeen])).toEqual([
      ['s2', NOW - DAY, NOW],
      ['s3', NOW, NOW],
    ]);
  });

  it('rewrites a listed message only when it changed, or at most hourly to note it is still there', async () => {
    const { list, tracker } = setup();
    await list('sent', [msg('s1'), msg('s2')]);
    await list('sent', [msg('s1'), msg('s2', 1, { size: 5 })], NOW + 60_000);
    expect((await tracker.rows('box')).map((r) => [r.id, r.size, r.lastSeen])).toEqual([
      ['s1', 1000, NOW],
      ['s2', 5, NOW + 60_000],
    ]);
  });

  it('treats a full page as one page of several: only messages within its dates are dropped', async () => {
    const { list, ids } = setup();
    await list('inbox', [msg('older', 50), msg('inside', 1.505), msg('newer', 0.1)]);
    const page = Array.from({ length: PAGE_SIZE }, (_, i) => msg(`p${i}`, 1 + i / 100));
    await list('inbox', page);
    const kept = await ids('inbox');
    expect(kept).toContain('older');
    expect(kept).toContain('newer');
    expect(kept).not.toContain('inside');
  });

  it('keeps mailboxes apart', async () => {
    const { tracker } = setup();
    await tracker.observe({ mailbox: 'a', call: { method: 'ListMessages', accessKey: 'a', folder: 'sent' }, status: 200, at: NOW, info: { kind: 'messages', messages: [msg('x')] } });
    await tracker.observe({ mailbox: 'b', call: { method: 'ListMessages', accessKey: 'b', folder: 'sent' }, status: 200, at: NOW, info: { kind: 'messages', messages: [] } });
    expect((await tracker.rows('a')).map((r) => r.id)).toEqual(['x']);
  });

  it('ignores failed listings', async () => {
    const { list, event, ids } = setup();
    await list('sent', [msg('s1')]);
    await event({ method: 'ListMessages', folder: 'sent' }, { status: 503, info: { kind: 'messages', messages: [] } });
    expect(await ids('sent')).toEqual(['s1']);
  });
});

describe('observed deletions, moves and publications', () => {
  it('forgets a message deleted one by one or in a batch', async () => {
    const { list, event, ids } = setup();
    await list('sent', [msg('s1'), msg('s2'), msg('s3')]);
    await event({ method: 'DeleteMessage', folder: 'sent', messageId: 's1' });
    await event({ method: 'DeleteMessage', folder: 'sent', messageId: 's2', batch: true }, { messageIds: ['s2', 's3'] });
    expect(await ids('sent')).toEqual([]);
  });

  it('does not forget a message whose deletion failed', async () => {
    const { list, event, ids } = setup();
    await list('sent', [msg('s1')]);
    await event({ method: 'DeleteMessage', folder: 'sent', messageId: 's1' }, { status: 404 });
    expect(await ids('sent')).toEqual(['s1']);
  });

  it('moves trashed sent messages to the sent bin and recovered ones back, keeping their dates', async () => {
    const { list, event, ids, tracker } = setup();
    await list('sent', [msg('s1', 3), msg('s2')]);
    await event({ method: 'MoveMessage', folder: 'sent', batch: true }, { messageIds: ['s1'] });
    expect(await ids('binsent')).toEqual(['s1']);
    expect((await tracker.rows('box')).find((r) => r.id === 's1')?.publishedAt).toBe(NOW - 3 * DAY);
    await event({ method: 'MoveMessage', folder: 'binsent', batch: true }, { messageIds: ['s1'] });
    expect(await ids('sent')).toEqual(['s1', 's2']);
    await list('inbox', [msg('i1')]);
    await event({ method: 'MoveMessage', folder: 'inbox', batch: true }, { messageIds: ['i1', 'unknown'] });
    expect(await ids('bin')).toEqual(['i1']);
  });

  it('a listing made before a deletion, move or publication but reported after it does not undo it', async () => {
    const { list, event, ids } = setup();
    const late = NOW + 5;
    await list('sent', [msg('s1'), msg('s2'), msg('s3')]);
    await list('binsent', []);
    // Another tab's listing, or an answer still being read, comes after the change it preceded.
    await event({ method: 'DeleteMessage', folder: 'sent', messageId: 's1' });
    await event({ method: 'MoveMessage', folder: 'sent', batch: true }, { messageIds: ['s2'] });
    await event({ method: 'Publish' }, { info: { kind: 'created', id: 'new' } });
    await list('sent', [msg('s1'), msg('s2'), msg('s3')], late);
    await list('binsent', [], late);
    expect(await ids('sent')).toEqual(['new', 's3']);
    expect(await ids('binsent')).toEqual(['s2']);
    // A minute on, the listings' word is the server's again.
    await list('sent', [msg('s1'), msg('s3')], NOW + 61_000);
    expect(await ids('sent')).toEqual(['s1', 's3']);
  });

  it('adds a sent message from a publication answer that names it', async () => {
    const { event, tracker } = setup();
    await event({ method: 'Publish' }, { info: { kind: 'created', id: 'new' }, bodyBytes: 4096 });
    expect(await tracker.rows('box')).toEqual([
      { mailbox: 'box', folder: 'sent', id: 'new', publishedAt: NOW, size: 4096, ack: null, firstSeen: NOW, lastSeen: NOW },
    ]);
  });

  it('prunes what the platform has purged by now (§7.2.1)', async () => {
    const { list, ids, tracker } = setup();
    await list('sent', [msg('fresh', 6), msg('old', 8)]);
    await list('bin', [msg('b', 29), msg('b-old', 31)]);
    await list('inbox', [msg('i', 181), { ...msg('undated'), publishedAt: null }]);
    await tracker.prune(NOW);
    expect([...(await ids('sent')), ...(await ids('bin')), ...(await ids('inbox'))]).toEqual(['fresh', 'b', 'i', 'undated']);
  });
});
