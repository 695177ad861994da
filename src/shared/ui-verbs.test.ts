// The one map of ui/* verbs: the background refuses a request its schema does not read; the pages
// cannot name a verb nobody declared, nor send a request of the wrong shape (checked by tsc).
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { HistoryView, StateView } from './ui-messages';
import { UI_ERROR, type UiHandlers, type UiReply, type UiRequest, readUiAnswer, serveUi } from './ui-verbs';

describe('serveUi', () => {
  const table: UiHandlers = new Map();
  serveUi(table, 'ui/history', v.object({ mailbox: v.pipe(v.string(), v.maxLength(512)) }), async (r, now) => ({ mailbox: r.mailbox, now }) as unknown as HistoryView);

  it('hands the handler the request as its schema read it, and answers naming the verb', async () => {
    await expect(table.get('ui/history')?.({ type: 'ui/history', mailbox: 'AK', extra: 1 }, 5)).resolves.toEqual({ verb: 'ui/history', reply: { mailbox: 'AK', now: 5 } });
  });

  it('the page reads the reply of the verb it asked, and refuses any other answer with a code', async () => {
    const answer = await table.get('ui/history')?.({ type: 'ui/history', mailbox: 'AK' }, 5);
    expect(readUiAnswer('ui/history', answer)).toEqual({ mailbox: 'AK', now: 5 });
    // A void reply is still an answer.
    expect(readUiAnswer('ui/health/schedule', { verb: 'ui/health/schedule' })).toBeUndefined();
    // No answer (a worker stopped mid-message), a bare reply, another verb's answer.
    for (const bad of [undefined, null, { mailbox: 'AK', now: 5 }, { ...(answer as object), verb: 'ui/state' }, { reply: {} }]) {
      expect(() => readUiAnswer('ui/history', bad), JSON.stringify(bad)).toThrow(UI_ERROR.noAnswer);
    }
  });

  it('refuses a request of the wrong shape with a code, never reaching the handler', async () => {
    await expect(table.get('ui/history')?.({ type: 'ui/history', mailbox: 42 }, 5)).rejects.toThrow(UI_ERROR.invalid);
    await expect(table.get('ui/history')?.({ type: 'ui/history', mailbox: 'x'.repeat(513) }, 5)).rejects.toThrow(UI_ERROR.invalid);
  });

  it('types each verb by the map, the features\' verbs included', () => {
    expectTypeOf<UiReply<'ui/state'>>().toEqualTypeOf<StateView>();
    expectTypeOf<UiRequest<'ui/history'>>().toEqualTypeOf<{ type: 'ui/history' } & { mailbox: string }>();
    expectTypeOf<UiRequest<'ui/ooo/remove'>>().toMatchTypeOf<{ type: 'ui/ooo/remove'; id: string }>();
    // @ts-expect-error: no such verb
    expectTypeOf<UiRequest<'ui/nothing'>>().toBeObject();
    // @ts-expect-error: the mailbox is a string
    const wrong: UiRequest<'ui/health'> = { type: 'ui/health', mailbox: 1 };
    expect(wrong).toBeDefined();
  });
});
