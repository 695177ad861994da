// The pages' `ask`: a reply that does not fit its verb's schema is an error code the view shows as
// "not available" (errors.ts), never a view read from it; the popup keeps no copy of it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { UI_ERROR } from '../../shared/ui-verbs';

let answer: unknown;
const sent: unknown[] = [];
vi.mock('webextension-polyfill', () => ({
  default: {
    runtime: {
      getManifest: () => ({ version: '1.0.0' }),
      sendMessage: async (m: unknown) => {
        sent.push(m);
        return answer;
      },
    },
    i18n: { getUILanguage: () => 'en', getMessage: () => '' },
  },
}));
const kept: unknown[] = [];
vi.mock('./snapshot', () => ({ keepView: (view: unknown) => void kept.push(view), forgetView: () => undefined }));

const { ask, loadHistory, loadState } = await import('./api');
const { OOO_VERBS } = await import('../../features/out-of-office/core/verbs');
const { CORE_VERBS } = await import('../../shared/ui-messages');
const { errorText } = await import('./errors');

beforeEach(() => {
  sent.length = 0;
  kept.length = 0;
});

describe('ask', () => {
  it('refuses a malformed reply with a code, whatever the verb', async () => {
    answer = { verb: 'ui/state', reply: { now: 1, mailboxes: 'none' } };
    await expect(loadState()).rejects.toThrow(UI_ERROR.badReply);
    expect(kept).toEqual([]);
    answer = { verb: 'ui/history', reply: { mailbox: 'AK', kind: 'individual', now: 1, hours: [], series: [{ method: 'GetMailbox' }] } };
    await expect(loadHistory('AK')).rejects.toThrow(UI_ERROR.badReply);
    answer = { verb: 'ui/ooo/view', reply: { now: 1, today: '2026-11-30', reminderTime: '10:00', enforce: 'no', mailboxes: [] } };
    await expect(ask(OOO_VERBS, { type: 'ui/ooo/view' })).rejects.toThrow(UI_ERROR.badReply);
    expect(sent).toEqual([{ type: 'ui/state' }, { type: 'ui/history', mailbox: 'AK' }, { type: 'ui/ooo/view' }]);
  });

  it('the user reads it as the extension not answering', () => {
    expect(errorText(new Error(UI_ERROR.badReply))).toBe(errorText(new Error(UI_ERROR.noAnswer)));
  });

  it('sends only a request of its verb\'s shape (checked by tsc)', () => {
    // @ts-expect-error: the planner's verbs are asked through their own table
    void ask(CORE_VERBS, { type: 'ui/ooo/view' }).catch(() => undefined);
    // @ts-expect-error: an id is a string
    void ask(OOO_VERBS, { type: 'ui/ooo/remove', id: 1 }).catch(() => undefined);
    expect(sent).toHaveLength(2);
  });

  it('reads a reply that fits', async () => {
    const planner = { now: 1, today: '2026-11-30', reminderTime: '10:00', enforce: false, mailboxes: [] };
    answer = { verb: 'ui/ooo/view', reply: planner };
    await expect(ask(OOO_VERBS, { type: 'ui/ooo/view' })).resolves.toEqual(planner);
  });
});
