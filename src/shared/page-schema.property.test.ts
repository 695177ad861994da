// Issue 6, case 8 at the unit level: whatever a page forges, the schema the bridge and the
// background both apply lets through only well-formed hook messages of bounded size, unchanged.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_BATCH_IDS } from '../directive/routes';
import type { HookMessage } from './page-protocol';
import { parseHookMessage } from './page-schema';

const ID = '0b6f2c1e-3d4a-4f5b-9c8d-7e6f5a4b3c2d';
const VALID: HookMessage[] = [
  { type: 'decide', id: ID, transport: 'fetch', hasCopy: false, call: { method: 'GetMailbox', accessKey: 'ak' } },
  { type: 'decide', id: ID, transport: 'xhr', hasCopy: true, call: { method: 'MoveMessage', accessKey: 'ak', folder: 'inbox', batch: true }, messageIds: ['a', 'b'] },
  { type: 'release', id: ID },
  { type: 'outcome', id: ID, via: 'decided', status: 200, call: { method: 'ListMessages', accessKey: 'ak', folder: 'inbox' }, info: { kind: 'messages', messages: [{ id: 'm1', publishedAt: 1, size: 2, ack: null, read: true }] } },
];

/** Every key some hook message may carry (any other makes a message invalid). */
const SCHEMA_KEYS = new Set(['type', 'id', 'transport', 'hasCopy', 'call', 'messageIds', 'bodyBytes', 'via', 'status', 'failure', 'info']);

/** Largest a message that passes can be, as JSON (1000 listed messages of ~300 bytes, ids ≤ 200). */
const MAX_JSON = 1_200_000;

describe('page schema against forged input (property-based)', () => {
  it('anything a page can post: rejected, or a well-formed message passed on unchanged and bounded', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything({ withObjectString: true, withNullPrototype: true, maxDepth: 4 }), fc.constantFrom(...VALID)), (input) => {
        const out = parseHookMessage(input);
        if (out === null) return;
        expect(out).toEqual(input);
        expect(['decide', 'release', 'outcome']).toContain(out.type);
        expect(JSON.stringify(out).length).toBeLessThan(MAX_JSON);
      }),
      { numRuns: 2000 },
    );
  });

  it('a valid message with an unknown key is rejected; with a field replaced by anything it passes only bounded', () => {
    const mutation = fc.record({
      base: fc.constantFrom(...VALID),
      key: fc.oneof(fc.constantFrom('type', 'id', 'call', 'status', 'via', 'messageIds', 'info', 'hasCopy', 'transport'), fc.string({ maxLength: 12 })),
      value: fc.oneof(fc.anything({ maxDepth: 2 }), fc.string({ minLength: 513, maxLength: 600 }), fc.constant('x'.repeat(5_000_000))),
    });
    fc.assert(
      fc.property(mutation, ({ base, key, value }) => {
        const forged = { ...base, [key]: value } as Record<string, unknown>;
        const out = parseHookMessage(forged);
        // (An optional key of the schema with a valid value, e.g. messageIds: undefined, may pass.)
        if (!SCHEMA_KEYS.has(key)) expect(out, `unknown key ${key}`).toBeNull();
        if (out !== null) expect(JSON.stringify(out).length).toBeLessThan(MAX_JSON);
      }),
      { numRuns: 1000 },
    );
  });

  it('lists longer than their caps and oversized access keys never pass', () => {
    const ids = Array.from({ length: MAX_BATCH_IDS + 1 }, (_, i) => `m${i}`);
    expect(parseHookMessage({ ...VALID[1], messageIds: ids })).toBeNull();
    expect(parseHookMessage({ ...VALID[0], call: { method: 'GetMailbox', accessKey: 'k'.repeat(513) } })).toBeNull();
    expect(parseHookMessage({ ...VALID[0], call: { method: 'ui/reset', accessKey: 'ak' } })).toBeNull();
    expect(parseHookMessage({ type: 'ui/reset' })).toBeNull();
    expect(parseHookMessage({ type: 'ui/settings', settings: { mode: 'observe' } })).toBeNull();
  });
});
