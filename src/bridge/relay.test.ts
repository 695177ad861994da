import { describe, expect, it } from 'vitest';
import type { PageRequest } from '../shared/messages';
import { VERDICT_TIMEOUT_MS, type BridgeMessage, type BridgeSignal, type Notice } from '../shared/page-protocol';
import { BUCKET, BUCKET_MS, createRelay, DECIDE_RETRY_MS, MAX_RETRYING, REPORT_RETRY_MS, type RelayDeps } from './relay';

const ID = '0b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d';
const decide = { type: 'decide', id: ID, transport: 'fetch', hasCopy: false, call: { method: 'GetMailbox', accessKey: 'ak' } };
const notice: Notice = { level: 'held', method: 'GetMailbox', section: '§5.2.1', scope: 'hour', limit: 6, used: 6, retryAt: null, message: 'held' };
const flush = () => new Promise((r) => setTimeout(r, 0));
const outcome = { type: 'outcome', id: ID, via: 'decided', status: 200, call: { method: 'GetMailbox', accessKey: 'ak' } };

function setup(reply: (m: PageRequest) => unknown, overrides: Partial<RelayDeps> = {}) {
  const posted: (BridgeMessage | BridgeSignal)[] = [];
  const sent: PageRequest[] = [];
  const notices: Notice[] = [];
  const state = { alive: true, downs: 0, now: 0, waited: [] as number[] };
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
    wait: async (ms) => {
      state.waited.push(ms);
    },
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

  it('answers no-verdict for an invalid decide at once, and for a decide that never gets a verdict after its retries', async () => {
    const a = setup(() => undefined);
    a.relay.handle({ ...decide, extra: true });
    await flush();
    expect(a.posted).toEqual([{ type: 'no-verdict', id: ID }]);
    a.relay.handle(decide);
    await flush();
    expect(a.sent).toEqual([{ type: 'page/hook', message: decide }, ...DECIDE_RETRY_MS.map(() => ({ type: 'page/hook', message: decide, retry: true }))]);
    expect(a.posted).toEqual([{ type: 'no-verdict', id: ID }, { type: 'no-verdict', id: ID }]);
  });

  it('sends a decide again when the worker was stopped before answering, and passes on the verdict of the retry', async () => {
    let calls = 0;
    const { relay, posted, sent, state } = setup(() => (++calls < 3 ? undefined : { verdict: 'allow' }));
    relay.handle(decide);
    await flush();
    expect(sent.map((m) => (m.type === 'page/hook' ? m.retry === true : null))).toEqual([false, true, true]);
    expect(posted).toEqual([{ type: 'verdict', id: ID, verdict: 'allow' }]);
    expect(state.waited).toEqual(DECIDE_RETRY_MS.slice(0, 2));
  });

  it('keeps every decide retry inside the time the hook waits for a verdict', () => {
    expect(DECIDE_RETRY_MS.reduce((a, b) => a + b, 0)).toBeLessThan(VERDICT_TIMEOUT_MS - 300);
  });

  it('sends an outcome again until the background acknowledges it, then stops', async () => {
    let calls = 0;
    const { relay, sent } = setup(() => (++calls < 4 ? undefined : { ack: true }));
    relay.handle(outcome);
    await flush();
    expect(sent).toHaveLength(4);
    expect(sent.slice(1).every((m) => m.type === 'page/hook' && m.retry === true)).toBe(true);
  });

  it('gives up on an outcome after its last retry (bounded)', async () => {
    const { relay, sent } = setup(() => undefined);
    relay.handle(outcome);
    await flush();
    expect(sent).toHaveLength(1 + REPORT_RETRY_MS.length);
  });

  it('keeps at most MAX_RETRYING reports waiting for a retry (a flood while the worker is down is not multiplied)', async () => {
    const gate: (() => void)[] = [];
    const { relay, sent, state } = setup(() => undefined, { wait: () => new Promise<void>((r) => gate.push(r)) });
    const floods = Math.ceil((MAX_RETRYING + 100) / BUCKET);
    for (let round = 0; round < floods; round++) {
      for (let i = 0; i < BUCKET; i++) relay.handle(outcome);
      state.now += BUCKET_MS;
    }
    await flush();
    expect(sent).toHaveLength(floods * BUCKET);
    expect(gate).toHaveLength(MAX_RETRYING);
  });

  it('drops invalid non-decide messages silently', async () => {
    const { relay, posted, sent } = setup(() => undefined);
    relay.handle({ type: 'release', id: ID, more: 1 });
    relay.handle('junk');
    await flush();
    expect([posted, sent]).toEqual([[], []]);
  });

  it('cuts floods with a token bucket that refills over time', async () => {
    const { relay, sent, posted, state } = setup((m) => (m.type === 'page/hook' && m.message.type !== 'decide' ? { ack: true } : undefined));
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
    expect(posted).toEqual([{ type: 'bridge-down' }, { type: 'no-verdict', id: ID }]);
    expect(state.downs).toBe(1);
  });

  it('stays up on a transient error (background restarting), retries, then lets the call go', async () => {
    const { relay, posted, sent, state } = setup(() => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    relay.handle(decide);
    await flush();
    expect(sent).toHaveLength(1 + DECIDE_RETRY_MS.length);
    expect(posted).toEqual([{ type: 'no-verdict', id: ID }]);
    expect(state.downs).toBe(0);
  });
});

describe('relay and the wall clock', () => {
  it('a wall clock set back an hour does not drain the flood limit (the relay counts time on a monotonic clock)', async () => {
    const { relay, sent, state } = setup((m) => (m.type === 'page/hook' && m.message.type === 'decide' ? { verdict: 'allow' } : { ack: true }));
    for (let i = 0; i < 10; i++) relay.handle(decide);
    state.now -= 3_600_000; // even an injected clock going back must not make the bucket negative
    for (let i = 0; i < 10; i++) relay.handle(decide);
    await flush();
    expect(sent).toHaveLength(20);
  });
});
