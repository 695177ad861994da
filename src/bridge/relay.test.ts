import { describe, expect, it } from 'vitest';
import type { PageRequest } from '../shared/messages';
import type { BridgeMessage, BridgeSignal, Notice } from '../shared/page-protocol';
import { BUCKET, BUCKET_MS, createRelay, type RelayDeps } from './relay';

const ID = '0b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d';
const decide = { type: 'decide', id: ID, transport: 'fetch', hasCopy: false, call: { method: 'GetMailbox', accessKey: 'ak' } };
const notice: Notice = { level: 'held', method: 'GetMailbox', section: '§5.2.1', scope: 'hour', limit: 6, used: 6, retryAt: null, message: 'held' };
const flush = () => new Promise((r) => setTimeout(r, 0));

function setup(reply: (m: PageRequest) => unknown, overrides: Partial<RelayDeps> = {}) {
  const posted: (BridgeMessage | BridgeSignal)[] = [];
  const sent: PageRequest[] = [];
  const notices: Notice[] = [];
  const state = { alive: true, downs: 0, now: 0 };
  const relay = createRelay({
    port: { post: (m) => posted.push(m) },
    send: async (m) => {
      sent.push(m);
      return reply(m);
    },
    alive: () => state.alive,
    onNotice: (n) => notices.push(n),
    onDown: () => state.downs++,
    now: () => state.now,
    ...overrides,
  });
  return { relay, posted, sent, notices, state };
}

describe('relay', () => {
  it('relays a valid decide and posts the verdict back, showing its notice', async () => {
    const { relay, posted, sent, notices } = setup(() => ({ verdict: 'deny', notice }));
    relay.handle(decide);
    await flush();
    expect(sent).toEqual([{ type: 'page/hook', message: decide }]);
    expect(posted).toEqual([{ type: 'verdict', id: ID, verdict: 'deny', notice }]);
    expect(notices).toEqual([notice]);
  });

  it('answers no-verdict for an invalid decide and for a reply without a verdict', async () => {
    const a = setup(() => undefined);
    a.relay.handle({ ...decide, extra: true });
    a.relay.handle(decide);
    await flush();
    expect(a.sent).toHaveLength(1);
    expect(a.posted).toEqual([{ type: 'no-verdict', id: ID }, { type: 'no-verdict', id: ID }]);
  });

  it('drops invalid non-decide messages silently', async () => {
    const { relay, posted, sent } = setup(() => undefined);
    relay.handle({ type: 'release', id: ID, more: 1 });
    relay.handle('junk');
    await flush();
    expect([posted, sent]).toEqual([[], []]);
  });

  it('cuts floods with a token bucket that refills over time', async () => {
    const { relay, sent, posted, state } = setup(() => undefined);
    for (let i = 0; i < BUCKET + 50; i++) relay.handle({ type: 'release', id: ID });
    relay.handle(decide);
    await flush();
    expect(sent).toHaveLength(BUCKET);
    expect(posted).toEqual([{ type: 'no-verdict', id: ID }]);
    state.now += BUCKET_MS / 2;
    for (let i = 0; i < BUCKET; i++) relay.handle({ type: 'release', id: ID });
    await flush();
    expect(sent).toHaveLength(BUCKET + BUCKET / 2);
  });

  it('goes down once when the extension context is gone, and then stays quiet', async () => {
    const { relay, posted, state } = setup(() => undefined, {
      send: () => {
        throw new Error('Extension context invalidated.');
      },
    });
    state.alive = false;
    relay.handle(decide);
    relay.tell({ type: 'page/activity' });
    await flush();
    relay.handle(decide);
    await flush();
    expect(posted).toEqual([{ type: 'no-verdict', id: ID }, { type: 'bridge-down' }]);
    expect(state.downs).toBe(1);
  });

  it('stays up on a transient error (background restarting) but lets the call go', async () => {
    const { relay, posted, state } = setup(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    relay.handle(decide);
    await flush();
    expect(posted).toEqual([{ type: 'no-verdict', id: ID }]);
    expect(state.downs).toBe(0);
  });
});
