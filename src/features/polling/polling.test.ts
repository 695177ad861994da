import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdvisedCall, OutcomeEvent } from '../kit/host';
import type { ApiCall } from '../../directive/routes';
import { type Fake, fakeHost, memoryValue } from '../kit/test-host';
import { pollingAdvisor } from './advisor';
import { PollingMemory, type PollingState } from './memory';

vi.mock('webextension-polyfill', () => import('../kit/test-host').then((m) => m.browserFake));

const NOW = Date.UTC(2026, 10, 23, 10, 0);
const MIN = 60_000;
let fake: Fake;
afterEach(() => fake.close());

function setup() {
  fake = fakeHost();
  const store = memoryValue<PollingState>();
  const memory = new PollingMemory(store);
  const advisor = pollingAdvisor(fake.host, memory);
  const outcome = (call: Omit<ApiCall, 'accessKey'>, at: number, more: Partial<OutcomeEvent> = {}) =>
    memory.observe({ mailbox: 'box', call: { accessKey: 'box', ...call }, status: 200, at, ...more });
  const getMailbox = (at: number, unread: number, currentSize = 5000) =>
    outcome({ method: 'GetMailbox' }, at, { info: { kind: 'mailbox', info: { currentSize, unread, maxSize: null, standby: 0, owner: null } } });
  const list = (at: number, folder = 'inbox') => outcome({ method: 'ListMessages', folder }, at, { info: { kind: 'messages', messages: [] } });
  const decide = (at: number, hasCopy: boolean, folder = 'inbox') => {
    const call: AdvisedCall = { mailbox: 'box', call: { method: 'ListMessages', accessKey: 'box', folder }, hasCopy, enforce: fake.enforce, now: at };
    return advisor(call);
  };
  return { store, memory, outcome, getMailbox, list, decide };
}

describe('§5.7 before a listing leaves', () => {
  it('stays silent for the first listing, and when GetMailbox shows unread messages', async () => {
    const { getMailbox, list, decide } = setup();
    await getMailbox(NOW, 0);
    expect(await decide(NOW + MIN, true)).toBeNull();
    await list(NOW + MIN);
    await getMailbox(NOW + 10 * MIN, 3);
    expect(await decide(NOW + 11 * MIN, true)).toBeNull();
  });

  it('answers a repeated listing from the page’s copy in enforce mode when GetMailbox showed nothing new', async () => {
    const { getMailbox, list, decide } = setup();
    fake.enforce = true;
    await getMailbox(NOW, 0);
    await list(NOW + MIN);
    await getMailbox(NOW + 10 * MIN, 0);
    const reply = await decide(NOW + 11 * MIN, true);
    expect(reply).toMatchObject({ verdict: 'deny', notice: { level: 'held', method: 'ListMessages', section: '§5.7', scope: 'polling', message: 'pollingHeld' } });
  });

  it('lets it through with a warning without a copy, and in observe mode', async () => {
    const { getMailbox, list, decide } = setup();
    await getMailbox(NOW, 0);
    await list(NOW + MIN);
    expect(await decide(NOW + 2 * MIN, true)).toMatchObject({ verdict: 'allow', notice: { level: 'warn', message: 'pollingWarn' } });
    fake.enforce = true;
    expect(await decide(NOW + 2 * MIN, false)).toMatchObject({ verdict: 'allow', notice: { level: 'warn' } });
  });

  it('leaves a listing after a deletion, move or publication alone: the copy is out of date', async () => {
    const { getMailbox, list, decide, outcome } = setup();
    fake.enforce = true;
    await getMailbox(NOW, 0);
    await list(NOW + MIN);
    await outcome({ method: 'DeleteMessage', folder: 'inbox', messageId: 'm1' }, NOW + 2 * MIN);
    expect(await decide(NOW + 3 * MIN, true)).toBeNull();
    await list(NOW + 3 * MIN);
    expect(await decide(NOW + 4 * MIN, true)).toMatchObject({ verdict: 'deny' });
    await outcome({ method: 'Publish' }, NOW + 5 * MIN);
    expect(await decide(NOW + 6 * MIN, true)).toBeNull();
  });

  it('does not judge a listing while a GetMailbox or a deletion let go has not been answered yet', async () => {
    const { getMailbox, list, decide, memory } = setup();
    fake.enforce = true;
    await getMailbox(NOW, 0);
    await list(NOW + MIN);
    const advisor = pollingAdvisor(fake.host, memory);
    const leave = (method: 'GetMailbox' | 'DeleteMessage', at: number) =>
      advisor({ mailbox: 'box', call: { method, accessKey: 'box', folder: 'inbox' }, hasCopy: true, enforce: fake.enforce, now: at });
    await leave('GetMailbox', NOW + 2 * MIN);
    expect(await decide(NOW + 2 * MIN + 10, true)).toBeNull();
    await getMailbox(NOW + 2 * MIN + 20, 0);
    expect(await decide(NOW + 2 * MIN + 30, true)).toMatchObject({ verdict: 'deny' });
    await leave('DeleteMessage', NOW + 3 * MIN);
    expect(await decide(NOW + 3 * MIN + 10, true)).toBeNull();
    // An answer that never comes (the call was held, or aborted) stops counting after 30 seconds.
    expect(await decide(NOW + 3 * MIN + 30_000, true)).toMatchObject({ verdict: 'deny' });
  });

  it('only reads other calls’ outcomes when they succeeded', async () => {
    const { getMailbox, list, decide, outcome } = setup();
    await getMailbox(NOW, 0);
    await list(NOW + MIN);
    await outcome({ method: 'DeleteMessage', folder: 'inbox', messageId: 'm1' }, NOW + 2 * MIN, { status: 404 });
    expect(await decide(NOW + 3 * MIN, true)).not.toBeNull();
  });

  it('ignores other methods', async () => {
    const { decide, getMailbox, list } = setup();
    await getMailbox(NOW, 0);
    await list(NOW + MIN);
    const advisor = pollingAdvisor(fake.host, new PollingMemory(memoryValue()));
    expect(await advisor({ mailbox: 'box', call: { method: 'GetMailbox', accessKey: 'box' }, hasCopy: true, enforce: true, now: NOW })).toBeNull();
    expect(await decide(NOW + 2 * MIN, true, 'sent')).toBeNull();
  });
});

describe('§5.7 advice for the popup', () => {
  it('counts the listings of the last 24 hours and the unnecessary ones', async () => {
    const { getMailbox, list, memory } = setup();
    await getMailbox(NOW, 0);
    for (let i = 1; i <= 4; i++) await list(NOW + i * MIN);
    await getMailbox(NOW + 10 * MIN, 2);
    await list(NOW + 11 * MIN);
    expect(await memory.advice('box', NOW + 12 * MIN)).toEqual({ listings: 5, unnecessary: 3 });
    expect(await memory.advice('box', NOW + 24 * 60 * MIN + 3 * MIN)).toEqual({ listings: 2, unnecessary: 1 });
    expect(await memory.advice('other', NOW)).toEqual({ listings: 0, unnecessary: 0 });
  });

  it('survives a service-worker stop through session storage', async () => {
    const { getMailbox, list, store } = setup();
    await getMailbox(NOW, 0);
    await Promise.all([list(NOW + MIN), list(NOW + 2 * MIN)]);
    const again = new PollingMemory(store);
    expect(await again.advice('box', NOW + 3 * MIN)).toEqual({ listings: 2, unnecessary: 1 });
    expect(JSON.stringify(store.value)).not.toMatch(/subject|name/i);
  });
});
