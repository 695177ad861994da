import { describe, expect, it } from 'vitest';
import { MAX_BATCH_IDS } from '../directive/routes';
import { MAX_LIST, type HookMessage } from './page-protocol';
import { parseHookMessage } from './page-schema';

const ID = '0b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d';
const call = { method: 'ListMessages', accessKey: 'ak-1', folder: 'inbox' } as const;

const decide: HookMessage = { type: 'decide', id: ID, transport: 'fetch', hasCopy: false, call };
const outcome: HookMessage = {
  type: 'outcome',
  id: ID,
  via: 'decided',
  status: 200,
  call,
  info: { kind: 'messages', messages: [{ id: 'm1', publishedAt: 1_700_000_000_000, size: 1234, ack: null, read: false }] },
};

const valid: HookMessage[] = [
  decide,
  { type: 'decide', id: ID, transport: 'xhr', hasCopy: true, call: { method: 'GetMailbox', accessKey: 'ak' } },
  {
    type: 'decide',
    id: ID,
    transport: 'fetch',
    hasCopy: false,
    call: { method: 'MoveMessage', accessKey: 'ak', folder: 'inbox', move: 'trash', batch: true },
    messageIds: ['a', 'b'],
  },
  { type: 'decide', id: ID, transport: 'fetch', hasCopy: false, call: { method: 'CreateMailboxIfNotExists', accessKey: null } },
  { type: 'release', id: ID },
  outcome,
  { type: 'outcome', id: ID, via: 'fail-open', failure: 'timeout', status: 0, call },
  { type: 'outcome', id: ID, via: 'info', status: 201, call: { method: 'Publish', accessKey: 'ak' }, bodyBytes: 2048 },
  {
    type: 'outcome',
    id: ID,
    via: 'decided',
    status: 200,
    call: { method: 'GetMailbox', accessKey: 'ak' },
    info: { kind: 'mailbox', info: { currentSize: 1, maxSize: null, standby: 0, unread: 3, owner: { idType: 'NIHII', quality: null } } },
  },
  {
    type: 'outcome',
    id: ID,
    via: 'info',
    status: 200,
    call: { method: 'ListOutOfOffices', accessKey: 'ak' },
    info: { kind: 'outOfOffices', entries: [{ id: 'o1', start: '2026-07-01', end: '2026-07-15', substitutes: 1 }] },
  },
  { type: 'outcome', id: ID, via: 'decided', status: 201, call: { method: 'CreateOutOfOffice', accessKey: 'ak' }, info: { kind: 'created', id: 'o2' } },
  {
    type: 'outcome',
    id: ID,
    via: 'decided',
    status: 201,
    call: { method: 'CreateOutOfOffice', accessKey: 'ak' },
    info: { kind: 'created', id: 'o3', start: '2026-07-01', end: '2026-07-15' },
  },
];

describe('parseHookMessage', () => {
  it.each(valid.map((m) => [`${m.type} ${'call' in m ? m.call.method : ''}`, m] as const))('accepts %s', (_, m) => {
    expect(parseHookMessage(m)).toEqual(m);
  });

  const rejected: [string, unknown][] = [
    ['not an object', 'decide'],
    ['null', null],
    ['an unknown type', { type: 'grant', id: ID }],
    ['an extra field', { ...decide, url: 'https://x' }],
    ['an extra field in the call', { ...decide, call: { ...call, subject: 'secret' } }],
    ['an extra field in info', { ...outcome, info: { kind: 'created', id: 'x', subject: 'secret' } }],
    ['an extra field in a listed message', {
      ...outcome,
      info: { kind: 'messages', messages: [{ id: 'm', publishedAt: null, size: null, ack: null, read: null, subject: 's' }] },
    }],
    ['an unknown method', { ...decide, call: { method: 'DropDatabase', accessKey: 'a' } }],
    ['a missing hasCopy', { type: 'decide', id: ID, transport: 'fetch', call }],
    ['a malformed id', { type: 'release', id: 'x'.repeat(65) }],
    ['an id with odd characters', { type: 'release', id: '<script>alert(1)</script>' }],
    ['an oversized access key', { ...decide, call: { ...call, accessKey: 'k'.repeat(513) } }],
    ['an empty batch id list', { ...decide, messageIds: [] }],
    ['too many batch ids', { ...decide, messageIds: Array.from({ length: MAX_BATCH_IDS + 1 }, (_, i) => `m${i}`) }],
    ['an oversized batch id', { ...decide, messageIds: ['m'.repeat(201)] }],
    ['a non-finite size', { ...decide, bodyBytes: Infinity }],
    ['a negative size', { ...decide, bodyBytes: -1 }],
    ['NaN as a status', { ...outcome, status: Number.NaN }],
    ['a fractional status', { ...outcome, status: 200.5 }],
    ['an unknown via', { ...outcome, via: 'override' }],
    ['an unknown failure', { ...outcome, failure: 'meh' }],
    ['too many listed messages', {
      ...outcome,
      info: { kind: 'messages', messages: Array.from({ length: MAX_LIST + 1 }, (_, i) => ({ id: `m${i}`, publishedAt: null, size: null, ack: null, read: null })) },
    }],
    ['a bad ack', { ...outcome, info: { kind: 'messages', messages: [{ id: 'm', publishedAt: null, size: null, ack: 'LOST', read: null }] } }],
    ['a non-date start', {
      ...outcome,
      info: { kind: 'outOfOffices', entries: [{ id: 'o', start: 'tomorrow', end: '2026-01-01', substitutes: 0 }] },
    }],
    ['an oversized owner quality', {
      ...outcome,
      info: { kind: 'mailbox', info: { currentSize: 1, maxSize: 1, standby: 0, unread: 0, owner: { idType: 'X', quality: 'Q'.repeat(61) } } },
    }],
    ['a created answer with a non-day end', { ...outcome, info: { kind: 'created', id: 'o', start: '2026-07-01', end: 'July 15' } }],
    ['a string where a number belongs', { ...outcome, info: { kind: 'mailbox', info: { currentSize: '1', maxSize: null, standby: null, unread: null, owner: null } } }],
  ];

  it('carries every id of a batch far above 500 (a batch never loses ids)', () => {
    const messageIds = Array.from({ length: 20_000 }, (_, i) => `m${i}`);
    expect(parseHookMessage({ ...decide, messageIds })).toEqual({ ...decide, messageIds });
  });

  it.each(rejected)('rejects %s', (_, m) => {
    expect(parseHookMessage(m)).toBeNull();
  });
});
