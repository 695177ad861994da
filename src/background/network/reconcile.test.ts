import { describe, expect, it } from 'vitest';
import type { ApiCall } from '../../directive/routes';
import { HOLD_MS, LATE_MS, Reconciler, type SeenRequest } from './reconcile';

const getMailbox: ApiCall = { method: 'GetMailbox', accessKey: 'AK1' };
const message = (id: string): ApiCall => ({ method: 'GetMessage', accessKey: 'AK1', folder: 'inbox', messageId: id });

function setup() {
  let t = 0;
  const counted: [SeenRequest, number][] = [];
  const withdrawn: SeenRequest[] = [];
  const paired: ApiCall[] = [];
  const r = new Reconciler({
    now: () => t,
    count: (req, status) => counted.push([req, status]),
    withdraw: (req) => withdrawn.push(req),
    paired: (c) => paired.push(c),
    limit: 50,
  });
  let n = 0;
  const seen = (call: ApiCall, tab = 1, frame = 0): string => {
    const requestId = `r${++n}`;
    r.seen({ requestId, tabId: tab, frameId: frame, call });
    return requestId;
  };
  return { r, counted, withdrawn, paired, seen, advance: (ms: number) => ((t += ms), r.sweep()) };
}

describe('Reconciler', () => {
  it('counts a request no hook reported once, after the hold, with its status', () => {
    const { r, counted, seen, advance } = setup();
    const id = seen(getMailbox, -1, -1);
    r.settled(id, 200);
    advance(HOLD_MS - 1);
    expect(counted).toHaveLength(0);
    advance(1);
    advance(HOLD_MS);
    expect(counted.map(([q, s]) => [q.requestId, q.tabId, s])).toEqual([[id, -1, 200]]);
  });

  it('observe mode: the hook\'s batch comes after the request; the pair is not counted', () => {
    const { r, counted, paired, seen, advance } = setup();
    const ids = [seen(getMailbox), seen(getMailbox), seen(getMailbox)];
    for (const id of ids) r.settled(id, 200);
    advance(200);
    r.hookReported(1, 0, 'h1', getMailbox);
    r.hookReported(1, 0, 'h2', getMailbox);
    advance(HOLD_MS);
    expect(counted).toHaveLength(1);
    expect(paired).toHaveLength(2);
  });

  it('enforce mode: the decide comes first; a decide and its outcome are one call', () => {
    const { r, counted, seen, advance } = setup();
    r.hookReported(1, 0, 'h1', getMailbox);
    r.hookReported(1, 0, 'h1', getMailbox);
    r.settled(seen(getMailbox), 200);
    r.settled(seen(getMailbox), 200);
    advance(HOLD_MS * 2);
    expect(counted).toHaveLength(1);
  });

  it('pairs by tab and canonical call, never across tabs or messages', () => {
    const { r, counted, seen, advance } = setup();
    r.hookReported(1, 0, 'h1', message('M1'));
    r.settled(seen(message('M1'), 2), 200);
    r.settled(seen(message('M2'), 1), 200);
    advance(HOLD_MS * 2);
    expect(counted.map(([q]) => [q.tabId, q.call.messageId])).toEqual([[2, 'M1'], [1, 'M2']]);
  });

  it('prefers the same frame, else takes another frame of the tab (a call through a frame\'s fetch)', () => {
    const { r, counted, seen, advance } = setup();
    r.hookReported(1, 0, 'h1', getMailbox);
    r.hookReported(1, 7, 'h2', getMailbox);
    r.settled(seen(getMailbox, 1, 7), 200);
    r.settled(seen(getMailbox, 1, 3), 200);
    advance(HOLD_MS * 2);
    expect(counted).toHaveLength(0);
  });

  it('a request the browser blocked never reached the server; one still streaming is counted at last', () => {
    const { r, counted, seen, advance } = setup();
    r.settled(seen(getMailbox), 'blocked');
    seen(message('M1'));
    advance(HOLD_MS * 2);
    expect(counted).toHaveLength(0);
    advance(60_000);
    expect(counted.map(([, s]) => s)).toEqual([0]);
  });

  it('a released call pairs with nothing', () => {
    const { r, counted, seen, advance } = setup();
    r.hookReported(1, 0, 'h1', getMailbox);
    r.hookReleased('h1');
    advance(HOLD_MS + 1);
    r.settled(seen(getMailbox), 200);
    advance(HOLD_MS + 1);
    expect(counted).toHaveLength(1);
  });

  // A loaded machine (CI, 2 busy cores): a batch, or a request after its verdict, may come later
  // than the hold. Either way the hook counted the call: it must not be counted a second time.
  it('a report later than the hold withdraws the count its request got meanwhile', () => {
    const { r, counted, withdrawn, paired, seen, advance } = setup();
    const id = seen(getMailbox);
    r.settled(id, 200);
    advance(HOLD_MS + 500);
    expect(counted).toHaveLength(1);
    r.hookReported(1, 0, 'h1', getMailbox);
    expect(withdrawn.map((q) => q.requestId)).toEqual([id]);
    expect(paired).toHaveLength(1);
    // Withdrawn once: the same report again, or another, finds nothing more to withdraw.
    r.hookReported(1, 0, 'h1', getMailbox);
    r.hookReported(1, 0, 'h2', getMailbox);
    expect(withdrawn).toHaveLength(1);
  });

  it('a decide waiting for its verdict withdraws nothing: a request counted before it was another call (a worker\'s)', () => {
    const { r, counted, withdrawn, seen, advance } = setup();
    r.settled(seen(getMailbox), 200);
    advance(HOLD_MS + 500);
    r.hookReported(1, 0, 'h1', getMailbox, true);
    expect(withdrawn).toEqual([]);
    r.settled(seen(getMailbox), 200);
    advance(HOLD_MS + 1);
    expect(counted).toHaveLength(1);
  });

  it('a request later than the hold pairs with the report it came after, and is not counted', () => {
    const { r, counted, paired, seen, advance } = setup();
    r.hookReported(1, 0, 'h1', message('M1'));
    advance(HOLD_MS + 2_000);
    expect(r.awaits('GetMessage|AK1')).toBe(false);
    r.settled(seen(message('M1')), 200);
    r.settled(seen(message('M1')), 200);
    advance(HOLD_MS + 1);
    expect(counted).toHaveLength(1);
    expect(paired).toHaveLength(1);
  });

  it('pairs late only within a minute: after that, a request is counted and a report withdraws nothing', () => {
    const { r, counted, withdrawn, seen, advance } = setup();
    r.hookReported(1, 0, 'h1', message('M1'));
    r.settled(seen(message('M2')), 200);
    advance(LATE_MS + HOLD_MS);
    r.settled(seen(message('M1')), 200);
    r.hookReported(1, 0, 'h2', message('M2'));
    advance(HOLD_MS + 1);
    expect(counted.map(([q]) => q.call.messageId)).toEqual(['M2', 'M1']);
    expect(withdrawn).toEqual([]);
  });

  it('keeps memory bounded: beyond the limit the oldest request is counted at once', () => {
    const { r, counted, seen } = setup();
    for (let i = 0; i < 60; i++) seen(message(`M${i}`), -1);
    expect(r.waiting).toBe(50);
    expect(counted).toHaveLength(10);
  });

  it('tells whether a reported call a pattern would block is still on its way', () => {
    const { r } = setup();
    r.hookReported(1, 0, 'h1', getMailbox);
    expect(r.awaits('GetMailbox|AK1')).toBe(true);
    expect(r.awaits('GetMailbox|AK2')).toBe(false);
  });
});
