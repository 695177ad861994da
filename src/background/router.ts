// Every runtime message enters here. The sender is classed before the verb is read: the
// extension's own pages may use the privileged ui/* verbs; a content script in an eHealthBox tab
// may only relay its page's calls and activity; anything else is ignored.
import browser from 'webextension-polyfill';
import { parseHookMessage } from '../shared/page-schema';
import { handleHookMessage } from './page-calls';
import type { Services } from './services';
import { handleUiRequest } from './ui-api';

const EHEALTH_PAGE = /^https:\/\/([a-z0-9-]+\.)*ehealth\.fgov\.be(\/|$)/i;

export function route(s: Services, message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  if (s.isExtensionUrl(sender.url)) return handleUiRequest(s, message);
  if (sender.tab === undefined || !EHEALTH_PAGE.test(sender.url ?? '')) return undefined;
  return handlePageRequest(s, message);
}

function handlePageRequest(s: Services, message: unknown): Promise<unknown> | undefined {
  if (message === null || typeof message !== 'object') return undefined;
  const { type } = message as { type?: unknown };
  if (type === 'page/activity') {
    s.activity.noteInput(s.clock());
    return undefined;
  }
  if (type !== 'page/hook') return undefined;
  const hook = parseHookMessage((message as { message?: unknown }).message);
  if (hook === null) return undefined;
  return handleHookMessage(s, hook, (message as { retry?: unknown }).retry === true);
}
