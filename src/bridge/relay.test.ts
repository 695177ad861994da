import { describe, expect, it } from 'vitest';
import { LEASE_MAX, MAX_BATCH, type PageRequest } from '../shared/messages';
import { VERDICT_TIMEOUT_MS, type BridgeMessage, type BridgeSignal, type Notice } from '../shared/page-protocol';
import { BATCH_MS, createRelay, DECIDE_RETRY_MS, LOW_MS, MAX_RETRYING, REPORT_RETRY_MS, type RelayDeps } from './relay';

const ID = '0b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d';
const decide = { type: 'decide', id: ID, transport: 'fetch', hasCopy: false, call: { method: 'GetMailbox', accessKey: 'ak' } };
const notice: Notice = { level: 'held', method: 'GetMailbox', section: '§5.2.1', scope: 'hour', limit: 6, used: 6, retryAt: null, message: 'held' };
const flush = () => new Promise((r) => setTimeout(r, 0));
const outcome = { type: 'outcome', id: ID, via: 'decided', status: 200, call: { method: 'GetMailbox', accessKey: 'ak' } };

function setup(reply: (m: PageRequest) => unknown, overrides: Partial<RelayDeps> = {}) {
  const posted: (BridgeMessage | BridgeSignal)[] = [];
  const sent: PageRequest[] = [];
  const notices: Notice[] = [];
  const state = { alive: true, downs: 0, now: 0, waited: [] as number[], observe: false };
  const timers: { task: () => void; ms: number }[] = [];
  /** The batch timers fire. */
  const due = async () => {
    for (const t of timers.splice(0)) t.task();
    await flush();
  };
  const relay = createRelay({
    port: { post: (m) => posted.push(m) },
    send: async (m) => {
      sent.push(m);
      return reply(m);
    },
    alive: () => state.alive,
    letGo: () => state.observe,
    later: (task, ms) => void timers.push({ task, ms }),
    onNotice: (n) => notices.push(n),
    onDown: () => state.downs++,
    now: () => state.now,
    wait: async (ms) => {
      state.waited.push(ms);
    },
    ...overrides,
  });
  return { relay, posted, sent, notices, state, timers, due };
}

/** The hook messages of the batches sent, in order. */
const batched = (sent: PageRequest[]) => sent.flatMap((m) => (m.type === 'page/batch' ? m.messages : []));

describe('relay', () => {
  it('relays a valid decide and posts the verdict back, showing its notice', async () => {
    const { relay, posted, sent, notices } = setup(() => ({ verdict: 'deny', notice }));
    relay.handle(decide);
    await flush();
    expect(sent).toEqual([{ type: 'page/hook', message: decide, lease: true }]);
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
    expect(a.sent).toEqual([{ type: 'page/hook', message: decide, lease: true }, ...DECIDE_RETRY_MS.map(() => ({ type: 'page/hook', message: decide, retry: true, lease: true }))]);
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

  it('gathers outcomes and releases for BATCH_MS, then sends them in one message', async () => {
    const { relay, sent, timers, due } = setup(() => ({ ack: true, notices: [], leases: [] }));
    relay.handle(outcome);
    relay.handle({ type: 'release', id: ID });
    await flush();
    expect(sent).toEqual([]);
    expect(timers.map((t) => t.ms)).toEqual([BATCH_MS]);
    await due();
    expect(sent).toEqual([{ type: 'page/batch', messages: [outcome, { type: 'release', id: ID }] }]);
  });

  it('sends a full batch at once, and the waiting one when the page goes away', async () => {
    const { relay, sent } = setup(() => ({ ack: true, notices: [], leases: [] }));
    for (let i = 0; i < MAX_BATCH + 1; i++) relay.handle(outcome);
    await flush();
    expect(sent.map((m) => (m.type === 'page/batch' ? m.messages.length : 0))).toEqual([MAX_BATCH]);
    relay.handBack();
    await flush();
    expect(sent.map((m) => (m.type === 'page/batch' ? m.messages.length : 0))).toEqual([MAX_BATCH, 1]);
  });

  it('in observe mode answers a decide at once and reports it with its outcome; shows the warnings of the batch, with their counts', async () => {
    const warn = { ...notice, level: 'warn' as const };
    const shown: [Notice, number | undefined][] = [];
    const { relay, posted, sent, state, due } = setup(() => ({ ack: true, notices: [{ ...warn, times: 7 }, { ...warn, scope: 'day' }], leases: [] }), {
      onNotice: (n, times) => void shown.push([n, times]),
    });
    state.observe = true;
    relay.handle(decide);
    expect(posted).toEqual([{ type: 'verdict', id: ID, verdict: 'allow' }]);
    relay.handle(outcome);
    await due();
    expect(sent).toEqual([{ type: 'page/batch', messages: [decide, outcome] }]);
    expect(shown.map(([n, times]) => [n.scope, times])).toEqual([[warn.scope, 7], ['day', 1]]);
  });

  it('a decide the hook let go in observe mode (gone) gets no verdict, goes in the batch, and is never sent alone, whatever the bridge thinks the mode is', async () => {
    const gone = { ...decide, gone: true };
    for (const observe of [true, false]) {
      const { relay, posted, sent, state, due } = setup(() => ({ ack: true, notices: [], leases: [] }));
      state.observe = observe;
      relay.handle(gone);
      relay.handle(outcome);
      await due();
      expect(posted).toEqual([]);
      expect(sent).toEqual([{ type: 'page/batch', messages: [gone, outcome] }]);
    }
  });

  it('sends a batch again until the background acknowledges it, then stops', async () => {
    let calls = 0;
    const { relay, sent, due } = setup(() => (++calls < 4 ? undefined : { ack: true, notices: [], leases: [] }));
    relay.handle(outcome);
    await due();
    expect(sent).toHaveLength(4);
    expect(sent.slice(1).every((m) => m.type === 'page/batch' && m.retry === true)).toBe(true);
  });

  it('gives up on a batch after its last retry (bounded)', async () => {
    const { relay, sent, due } = setup(() => undefined);
    relay.handle(outcome);
    await due();
    expect(sent).toHaveLength(1 + REPORT_RETRY_MS.length);
  });

  it('keeps at most MAX_RETRYING reports waiting for a retry (a flood while the worker is down is not multiplied)', async () => {
    const gate: (() => void)[] = [];
    const { relay, sent } = setup(() => undefined, { wait: () => new Promise<void>((r) => gate.push(r)) });
    const reports = MAX_RETRYING + 100;
    for (let i = 0; i < reports; i++) relay.handle(outcome);
    await flush();
    expect(batched(sent)).toHaveLength(reports);
    expect(gate).toHaveLength(MAX_RETRYING / MAX_BATCH);
  });

  it('drops invalid non-decide messages silently', async () => {
    const { relay, posted, sent } = setup(() => undefined);
    relay.handle({ type: 'release', id: ID, more: 1 });
    relay.handle('junk');
    await flush();
    expect([posted, sent]).toEqual([[], []]);
  });

  it('never drops a report for being many: a burst of 2000 goes whole, in full batches, and a decide still gets its verdict', async () => {
    const { relay, sent, posted, due } = setup((m) => (m.type === 'page/hook' ? { verdict: 'deny', notice } : { ack: true, notices: [], leases: [] }));
    for (let i = 0; i < 2000; i++) relay.handle({ type: 'release', id: ID });
    relay.handle(decide);
    await due();
    expect(batched(sent)).toHaveLength(2000);
    expect(sent.filter((m) => m.type === 'page/batch').every((m) => m.type === 'page/batch' && m.messages.length === MAX_BATCH)).toBe(true);
    expect(posted).toEqual([{ type: 'verdict', id: ID, verdict: 'deny', notice }]);
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

describe('relay and leased slots (enforce mode)', () => {
  const lease = { slots: ['slot-0001', 'slot-0002'], ms: 2000 };
  const second = { ...decide, id: '1b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d' };
  const third = { ...decide, id: '2b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d' };

  it('lets a call go at once on a slot its tab was leased, and claims the slot in the batch', async () => {
    const { relay, posted, sent, due } = setup((m) => (m.type === 'page/hook' ? { verdict: 'allow', lease } : { ack: true, notices: [], leases: [] }));
    relay.handle(decide);
    await flush();
    expect(posted).toEqual([{ type: 'verdict', id: ID, verdict: 'allow' }]);
    relay.handle(second);
    relay.handle(third);
    expect(posted.slice(1)).toEqual([
      { type: 'verdict', id: second.id, verdict: 'allow' },
      { type: 'verdict', id: third.id, verdict: 'allow' },
    ]);
    await due();
    // A short lease (the budget is nearly spent): its claims wait for the regular batch.
    expect(sent).toEqual([
      { type: 'page/hook', message: decide, lease: true },
      {
        type: 'page/batch',
        messages: [second, third],
        claims: [
          { id: second.id, slot: 'slot-0001', left: 1 },
          { id: third.id, slot: 'slot-0002', left: 0 },
        ],
      },
    ]);
    // No slot left: the next call asks again.
    relay.handle({ ...decide, id: '3b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d' });
    await flush();
    expect(sent.at(-1)).toMatchObject({ type: 'page/hook' });
  });

  it('sends the claims waiting in the batch before a decide that goes alone, so the background reads them first', async () => {
    const { relay, sent } = setup((m) => (m.type === 'page/hook' ? { verdict: 'allow', lease } : { ack: true, notices: [], leases: [] }));
    relay.handle(decide);
    await flush();
    relay.handle(second);
    relay.handle(third);
    // The slots are spent and their claims still wait for the batch: the next call, which goes
    // alone, would find them leased but not yet claimed and wait for them (docs/reliability.md, 12).
    const fourth = { ...decide, id: '3b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d' };
    relay.handle(fourth);
    await flush();
    expect(sent.map((m) => m.type)).toEqual(['page/hook', 'page/batch', 'page/hook']);
    expect(sent[1]).toMatchObject({ messages: [second, third], claims: [{ id: second.id }, { id: third.id }] });
    expect(sent[2]).toMatchObject({ message: fourth });
  });

  it('a decide that goes alone does not hurry a batch of outcomes only', async () => {
    const { relay, sent, due } = setup((m) => (m.type === 'page/hook' ? { verdict: 'allow' } : { ack: true, notices: [], leases: [] }));
    relay.handle(outcome);
    relay.handle({ ...decide, id: '3b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d' });
    await flush();
    expect(sent.map((m) => m.type)).toEqual(['page/hook']);
    await due();
    expect(sent.map((m) => m.type)).toEqual(['page/hook', 'page/batch']);
  });

  it('sends the batch within LOW_MS when a full lease runs low, and only once until more slots come', async () => {
    const full = { slots: Array.from({ length: LEASE_MAX }, (_, i) => `slot-${1000 + i}`), ms: 2000 };
    const { relay, sent, timers, due } = setup((m) => (m.type === 'page/hook' ? { verdict: 'allow', lease: full } : { ack: true, notices: [], leases: [] }));
    relay.handle(decide);
    await flush();
    timers.splice(0); // the lease's end
    const ids = Array.from({ length: LEASE_MAX }, (_, i) => `${String(i).padStart(8, '0')}-3d4a-4f5b-9c8d-7e6f5a4b3c2d`);
    for (const id of ids.slice(0, LEASE_MAX / 2)) relay.handle({ ...decide, id });
    expect(timers.map((t) => t.ms)).toEqual([BATCH_MS]);
    // Fewer than half a lease left: the batch is due sooner, once.
    for (const id of ids.slice(LEASE_MAX / 2)) relay.handle({ ...decide, id });
    expect(timers.map((t) => t.ms)).toEqual([BATCH_MS, LOW_MS]);
    await due();
    expect(sent.slice(1).map((m) => (m.type === 'page/batch' ? m.claims?.map((c) => c.left) : m.type))).toEqual([Array.from({ length: LEASE_MAX }, (_, i) => LEASE_MAX - 1 - i)]);
  });

  it('asks for a lease only when no other call of the kind is on its way (a burst is all sent before a lease comes)', async () => {
    const gate: (() => void)[] = [];
    const { relay, sent } = setup(() => new Promise((r) => gate.push(() => r({ verdict: 'allow' }))));
    relay.handle(decide);
    relay.handle(second);
    relay.handle({ ...decide, id: third.id, call: { method: 'ListMessages', accessKey: 'ak', folder: 'inbox' } });
    await flush();
    expect(sent.map((m) => (m.type === 'page/hook' ? m.lease === true : null))).toEqual([true, false, true]);
    for (const open of gate.splice(0)) open();
    await flush();
    relay.handle({ ...decide, id: '5b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d' });
    await flush();
    expect(sent.at(-1)).toMatchObject({ type: 'page/hook', lease: true });
  });

  it('takes more slots from a batch acknowledgement; gives them back at once when asked, and listings after a GetMailbox answer showing nothing new', async () => {
    const listing = { ...decide, call: { method: 'ListMessages', accessKey: 'ak', folder: 'inbox' } };
    const { relay, posted, sent, due } = setup((m) =>
      m.type === 'page/hook' ? { verdict: 'allow' } : { ack: true, notices: [], leases: [{ call: listing.call, slots: ['slot-0001', 'slot-0002', 'slot-0005'], ms: 2000 }, { call: decide.call, slots: ['slot-0003', 'slot-0004'], ms: 2000 }] },
    );
    relay.handle(outcome);
    await due();
    relay.handle(second);
    relay.handle({ ...listing, id: third.id });
    expect(posted).toEqual([
      { type: 'verdict', id: second.id, verdict: 'allow' },
      { type: 'verdict', id: third.id, verdict: 'allow' },
    ]);
    // A GetMailbox answer with unread messages keeps listings necessary (§5.7): the slots stay...
    const info = (unread: number) => ({ kind: 'mailbox', info: { currentSize: 5000, maxSize: null, standby: 0, unread, owner: null } });
    relay.handle({ ...outcome, info: info(2) });
    relay.handle({ ...listing, id: '4b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d' });
    expect(posted).toHaveLength(3);
    // ...one showing nothing new may make the next listing unnecessary: listing slots go back.
    relay.handle({ ...outcome, info: info(0) });
    // Asked for its slots back: they go at once, not with the next batch.
    relay.handBack();
    await flush();
    const releases = sent.flatMap((m) => (m.type === 'page/batch' ? m.messages : [])).filter((m) => m.type === 'release');
    expect(releases.map((m) => m.id).sort()).toEqual(['slot-0004', 'slot-0005']);
  });
});

describe('relay and the wall clock', () => {
  it('a wall clock set back an hour does not drain the flood limit (the relay counts time on a monotonic clock)', async () => {
    const { relay, sent, state } = setup(() => ({ verdict: 'allow' }));
    for (let i = 0; i < 10; i++) relay.handle(decide);
    state.now -= 3_600_000; // even an injected clock going back must not make the bucket negative
    for (let i = 0; i < 10; i++) relay.handle(decide);
    await flush();
    expect(sent).toHaveLength(20);
  });
});

describe('relay: the banner and the user\'s exception (enforce mode)', () => {
  const words = { headline: 'Mailbox information: updates paused', shown: 'Shown: …', again: 'It may load again at 15:00.', dismiss: 'Dismiss', why: 'Why?', detail: '§5.2.1 GetMailbox' };
  const copy = { currentSize: 10, maxSize: 100, standby: 0, unread: 1, at: 1_000 };

  it('a held call shows the banner, and no toast saying the same; the session copy goes to the hook as the answer\'s body', async () => {
    const held: unknown[] = [];
    const { relay, posted, notices } = setup(() => ({ verdict: 'deny', notice, banner: words, boxCopy: copy }), { onHeld: (_call, w) => held.push(w) });
    relay.handle(decide);
    await flush();
    expect(held).toEqual([words]);
    expect(notices).toEqual([]);
    expect(posted).toEqual([{ type: 'verdict', id: ID, verdict: 'deny', notice, copy: { body: '{"currentSize":10,"maxSize":100,"nbrMessagesInStandBy":0,"unreadMessagesCount":1}', time: 1_000 } }]);
  });

  it('an allowed call never carries a copy or a banner', async () => {
    const held: unknown[] = [];
    const { relay, posted } = setup(() => ({ verdict: 'allow', banner: words, boxCopy: copy }), { onHeld: (_call, w) => held.push(w) });
    relay.handle(decide);
    await flush();
    expect(held).toEqual([]);
    expect(posted).toEqual([{ type: 'verdict', id: ID, verdict: 'allow' }]);
  });

  it('"load now anyway" marks the next decide of the kind only, once; another kind is not', async () => {
    const { relay, sent } = setup(() => ({ verdict: 'allow' }));
    relay.allowOnce({ method: 'GetMailbox', accessKey: 'ak' });
    relay.handle({ ...decide, call: { method: 'ListMessages', accessKey: 'ak', folder: 'inbox' } });
    relay.handle(decide);
    await flush();
    relay.handle({ ...decide, id: `${ID.slice(0, -1)}e` });
    await flush();
    const marks = sent.map((m) => (m.type === 'page/hook' && m.message.type === 'decide' ? [m.message.call.method, m.exception ?? false] : null));
    expect(marks).toEqual([['ListMessages', false], ['GetMailbox', true], ['GetMailbox', false]]);
  });

  it('says how old the page\'s copy is (its answer\'s arrival), and a good answer removes the banner', async () => {
    const loaded: string[] = [];
    const clock = { now: 5_000 };
    const { relay, sent } = setup(() => ({ verdict: 'deny', notice }), { onLoaded: (call) => loaded.push(call.method), clock: () => clock.now });
    relay.handle(outcome);
    expect(loaded).toEqual(['GetMailbox']);
    relay.handle({ ...outcome, id: `${ID.slice(0, -1)}f`, status: 503 });
    expect(loaded).toEqual(['GetMailbox']);
    clock.now = 9_000;
    relay.handle({ ...decide, hasCopy: true });
    relay.handle({ ...decide, id: `${ID.slice(0, -1)}e`, call: { method: 'GetMailbox', accessKey: 'other' }, hasCopy: true });
    await flush();
    const hooks = sent.filter((m) => m.type === 'page/hook');
    expect(hooks.map((m) => (m.type === 'page/hook' ? m.copyAt : null))).toEqual([5_000, undefined]);
  });

  it('the answer to a call decided before the held one does not take its banner away; one decided after does', async () => {
    const [a, b, c] = ['a', 'b', 'c'].map((x) => `${ID.slice(0, -1)}${x}`);
    const loaded: string[] = [];
    const held: unknown[] = [];
    const { relay } = setup((m) => (m.type === 'page/hook' && m.message.id === b ? { verdict: 'deny', notice, banner: words } : { verdict: 'allow' }), {
      onHeld: (_call, w) => held.push(w),
      onLoaded: (call) => loaded.push(call.method),
    });
    relay.handle({ ...decide, id: a });
    await flush();
    relay.handle({ ...decide, id: b });
    await flush();
    expect(held).toHaveLength(1);
    // The hook read call a's answer when the page was idle: after b was held.
    relay.handle({ ...outcome, id: a });
    expect(loaded).toEqual([]);
    relay.handle({ ...decide, id: c });
    await flush();
    relay.handle({ ...outcome, id: c });
    expect(loaded).toEqual(['GetMailbox']);
  });
});
