// The one contract of runtime messages: a bridge's message that does not fit is refused before any
// handler reads it, and so is a background reply that does not fit, before the bridge acts on it.
import type * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { BannerWords, BatchAck, BoxCopy, DecideReply, Lease } from './messages';
import type { Notice } from './page-protocol';
import { type BatchAckSchema, type DecideReplySchema, parsePageRequest, readBatchAck, readDecideReply } from './runtime-schema';

const ID = '0b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d';
const decide = { type: 'decide', id: ID, transport: 'fetch', hasCopy: false, call: { method: 'GetMailbox', accessKey: 'AK' } };
const release = { type: 'release', id: ID };
const notice: Notice = { level: 'held', method: 'GetMailbox', section: '§5.2.1', scope: 'hour', limit: 6, used: 6, retryAt: 1000, message: 'paused' };
const banner: BannerWords = { headline: 'h', shown: 's', again: 'a', dismiss: 'd', why: 'w', detail: 'x' };

describe('a bridge message (PageRequest)', () => {
  it('passes when it fits', () => {
    expect(parsePageRequest({ type: 'page/hook', message: decide, lease: true, copyAt: 5 })).toEqual({ type: 'page/hook', message: decide, lease: true, copyAt: 5 });
    expect(parsePageRequest({ type: 'page/activity' })).toEqual({ type: 'page/activity' });
  });

  it('is refused whole when its envelope is malformed', () => {
    for (const bad of [
      null,
      'page/activity',
      { type: 'page/nothing' },
      { type: 'ui/reset', settings: true },
      { type: 'page/hook', message: { ...decide, id: 'short' } },
      { type: 'page/hook', message: decide, retry: 'yes' },
      { type: 'page/hook', message: decide, exception: 1 },
      { type: 'page/hook', message: decide, copyAt: Infinity },
      { type: 'page/batch', messages: 'many' },
      { type: 'page/batch', messages: Array.from({ length: 101 }, () => release) },
      { type: 'page/unrecognised', shapes: {} },
    ]) {
      expect(parsePageRequest(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('keeps a batch\'s well-formed calls and claims when one of them is not', () => {
    const claim = { id: ID, slot: 'slot-1', left: 3 };
    const batch = parsePageRequest({ type: 'page/batch', messages: [decide, { type: 'decide' }, release], claims: [claim, { id: 5 }, ...Array.from({ length: 200 }, () => claim)] });
    expect(batch).toMatchObject({ type: 'page/batch', messages: [decide, release] });
    // The first MAX_BATCH claims are read, no more: one of them was malformed.
    expect(batch?.type === 'page/batch' && batch.claims?.length).toBe(99);
  });
});

describe('a background reply', () => {
  it('a decide\'s reply passes when it fits, with all it may carry', () => {
    const lease: Lease = { slots: ['slot-1'], ms: 2000 };
    const boxCopy: BoxCopy = { currentSize: 10, maxSize: null, standby: 0, unread: 2, at: 5 };
    const reply: DecideReply = { verdict: 'deny', notice: { ...notice, chrome: { title: 't', why: 'w', detail: 'd', dismiss: 'x' } }, lease, banner, boxCopy };
    expect(readDecideReply(reply)).toEqual(reply);
    expect(readDecideReply({ verdict: 'allow' })).toEqual({ verdict: 'allow' });
  });

  it('a decide\'s reply that does not fit is refused whole (the bridge asks again, then fails open)', () => {
    for (const bad of [
      undefined,
      { verdict: 'maybe' },
      { verdict: 'deny', notice: { level: 'odd', message: 'x' } },
      { verdict: 'allow', lease: { slots: [], ms: 2000 } },
      { verdict: 'allow', lease: { slots: Array.from({ length: 21 }, (_, i) => `s${i}`), ms: 2000 } },
      { verdict: 'deny', banner: { ...banner, headline: '' } },
      { verdict: 'deny', boxCopy: { currentSize: -1, maxSize: null, standby: null, unread: null, at: 5 } },
    ]) {
      expect(readDecideReply(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('a batch\'s acknowledgement passes when it fits, and is refused when it does not (the batch goes again)', () => {
    const ack: BatchAck = { ack: true, notices: [{ ...notice, times: 3 }], leases: [{ call: { method: 'ListMessages', accessKey: 'AK', folder: 'INBOX' }, slots: ['s1'], ms: 2000 }] };
    expect(readBatchAck(ack)).toEqual(ack);
    for (const bad of [{ ack: true }, { ack: 'yes', notices: [], leases: [] }, { ...ack, notices: [{ ...notice, times: 0 }] }, { ...ack, leases: [{ slots: ['s1'], ms: 2000 }] }]) {
      expect(readBatchAck(bad), JSON.stringify(bad)).toBeNull();
    }
  });

  it('no field of a reply type is one its schema would drop', () => {
    expectTypeOf<keyof v.InferOutput<typeof DecideReplySchema>>().toEqualTypeOf<keyof DecideReply>();
    expectTypeOf<keyof v.InferOutput<typeof BatchAckSchema>>().toEqualTypeOf<keyof BatchAck>();
    type Reply = Required<v.InferOutput<typeof DecideReplySchema>>;
    expectTypeOf<keyof Reply['notice']>().toEqualTypeOf<keyof Notice>();
    expectTypeOf<keyof Reply['banner']>().toEqualTypeOf<keyof BannerWords>();
    expectTypeOf<keyof Reply['boxCopy']>().toEqualTypeOf<keyof BoxCopy>();
    expectTypeOf<keyof Reply['lease']>().toEqualTypeOf<keyof Lease>();
  });
});
