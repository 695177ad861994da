// The one map of ui/* verbs: the background refuses a request its schema does not read, the pages
// a reply that does not fit the verb's schema; the pages cannot name a verb nobody declared, nor
// send a request of the wrong shape (checked by tsc).
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import type { HistoryView, StateView } from './ui-messages';
import { type ReplyIn, type RequestIn, UI_ERROR, type UiHandlers, type UiVerb, readUiAnswer, serveUi } from './ui-verbs';

vi.mock('webextension-polyfill', () => ({ default: {} }));
const { OOO_VERBS } = await import('../features/out-of-office/core/verbs');
const { CORE_VERBS } = await import('./ui-messages');
const { DEFAULT_SETTINGS } = await import('../store/settings');

const history = (mailbox: string, now: number): HistoryView => ({ mailbox, kind: 'individual', now, hours: [now], series: [] });
const state: StateView = {
  now: 5,
  settings: DEFAULT_SETTINGS,
  active: true,
  onCallUntil: null,
  organization: null,
  mailboxes: [
    {
      accessKey: 'AK',
      label: null,
      name: 'Box',
      kind: 'individual',
      detectedKind: null,
      idType: null,
      quality: null,
      lastSeen: 1,
      budgets: [{ allowed: true, method: 'GetMailbox', section: '§5.1', scope: 'hour', used: 1, limit: 10, retryAt: 5 }],
      ladders: [],
      exceptions: 0,
    },
  ],
};
const planner = { now: 5, today: '2026-11-30', reminderTime: '10:00', enforce: false, mailboxes: [] };

describe('serveUi', () => {
  const table: UiHandlers = new Map();
  serveUi(table, CORE_VERBS, 'ui/history', async (r, now) => history(r.mailbox, now));
  const answer = (raw: unknown) => table.get('ui/history')?.answer(raw, 5);

  it('hands the handler the request as its schema read it, and answers naming the verb', async () => {
    await expect(answer({ type: 'ui/history', mailbox: 'AK', extra: 1 })).resolves.toEqual({ verb: 'ui/history', reply: history('AK', 5) });
  });

  it('refuses a request of the wrong shape with a code, never reaching the handler', async () => {
    await expect(answer({ type: 'ui/history', mailbox: 42 })).rejects.toThrow(UI_ERROR.invalid);
    await expect(answer({ type: 'ui/history', mailbox: 'x'.repeat(513) })).rejects.toThrow(UI_ERROR.invalid);
  });

  it('keeps the reply schema beside the handler', () => {
    expect(table.get('ui/history')?.spec).toBe(CORE_VERBS['ui/history']);
  });
});

describe('readUiAnswer', () => {
  it('the page reads the reply of the verb it asked, and refuses any other answer with a code', () => {
    const answer = { verb: 'ui/history', reply: history('AK', 5) };
    expect(readUiAnswer(CORE_VERBS, 'ui/history', answer)).toEqual(history('AK', 5));
    // No answer (a worker stopped mid-message), a bare reply, another verb's answer.
    for (const bad of [undefined, null, history('AK', 5), { ...answer, verb: 'ui/state' }, { reply: {} }]) {
      expect(() => readUiAnswer(CORE_VERBS, 'ui/history', bad), JSON.stringify(bad)).toThrow(UI_ERROR.noAnswer);
    }
  });

  it('refuses a malformed ui/state reply, however deep the fault', () => {
    expect(readUiAnswer(CORE_VERBS, 'ui/state', { verb: 'ui/state', reply: state })).toEqual(state);
    const box = state.mailboxes[0];
    for (const bad of [
      {},
      { ...state, mailboxes: 'none' },
      { ...state, now: '5' },
      { ...state, mailboxes: [{ ...box, budgets: [{ ...box?.budgets[0], used: 'one' }] }] },
      { ...state, mailboxes: [{ ...box, budgets: [{ ...box?.budgets[0], method: 'DeleteEverything' }] }] },
      { ...state, organization: { policy: {}, problems: [] } },
    ]) {
      expect(() => readUiAnswer(CORE_VERBS, 'ui/state', { verb: 'ui/state', reply: bad }), JSON.stringify(bad)).toThrow(UI_ERROR.badReply);
    }
  });

  it('refuses a malformed planner reply', () => {
    expect(readUiAnswer(OOO_VERBS, 'ui/ooo/view', { verb: 'ui/ooo/view', reply: planner })).toEqual(planner);
    const absence = { id: 'a', mailbox: 'AK', start: '2026-12-01', end: '2026-12-02', substitutes: [], note: '', registeredId: null, withdrawn: false, createdAt: 0, updatedAt: 0 };
    const box = { mailbox: 'AK', name: 'Box', inserts: { used: 0, limit: 1, left: 1, retryAt: 5 }, deletes: { used: 0, limit: 1, left: 1, retryAt: 5 }, absences: [{ ...absence, status: 'planned' }], withdrawn: [], unplanned: [], changes: [], neighbours: [] };
    expect(readUiAnswer(OOO_VERBS, 'ui/ooo/view', { verb: 'ui/ooo/view', reply: { ...planner, mailboxes: [box] } })).toEqual({ ...planner, mailboxes: [box] });
    for (const bad of [null, { ...planner, mailboxes: [{ ...box, absences: [absence] }] }, { ...planner, mailboxes: [{ ...box, inserts: null }] }]) {
      expect(() => readUiAnswer(OOO_VERBS, 'ui/ooo/view', { verb: 'ui/ooo/view', reply: bad }), JSON.stringify(bad)).toThrow(UI_ERROR.badReply);
    }
    // An edit's reply: the view, and why it was refused when it was.
    expect(() => readUiAnswer(OOO_VERBS, 'ui/ooo/save', { verb: 'ui/ooo/save', reply: { ok: false, view: planner } })).toThrow(UI_ERROR.badReply);
    expect(() => readUiAnswer(OOO_VERBS, 'ui/ooo/open', { verb: 'ui/ooo/open', reply: {} })).toThrow(UI_ERROR.badReply);
  });

  it('types each verb by its table, and knows only the verbs declared in the map', () => {
    expectTypeOf<ReplyIn<typeof CORE_VERBS, 'ui/state'>>().toEqualTypeOf<StateView>();
    expectTypeOf<RequestIn<typeof CORE_VERBS, 'ui/history'>>().toEqualTypeOf<{ mailbox: string }>();
    expectTypeOf<RequestIn<typeof OOO_VERBS, 'ui/ooo/remove'>>().toEqualTypeOf<{ id: string }>();
    expectTypeOf<'ui/ooo/remove' | 'ui/state' | 'ui/health' | 'ui/unrecognised'>().toMatchTypeOf<UiVerb>();
    // @ts-expect-error: no such verb
    expectTypeOf<'ui/nothing'>().toMatchTypeOf<UiVerb>();
    // @ts-expect-error: a verb is read through the table that declares it
    expect(() => readUiAnswer(CORE_VERBS, 'ui/ooo/view', {})).toThrow();
  });
});
