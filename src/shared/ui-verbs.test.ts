// The one map of ui/* verbs: the background refuses a request its schema does not read; the pages
// cannot name a verb nobody declared, nor send a request of the wrong shape (checked by tsc).
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { HistoryView, StateView } from './ui-messages';
import { UI_ERROR, type UiHandlers, type UiReply, type UiRequest, serveUi } from './ui-verbs';

describe('serveUi', () => {
  const table: UiHandlers = new Map();
  serveUi(table, 'ui/history', v.object({ mailbox: v.pipe(v.string(), v.maxLength(512)) }), async (r, now) => ({ mailbox: r.mailbox, now }) as unknown as HistoryView);

  it('hands the handler the request as its schema read it', async () => {
    await expect(table.get('ui/history')?.({ type: 'ui/history', mailbox: 'AK', extra: 1 }, 5)).resolves.toEqual({ mailbox: 'AK', now: 5 });
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
