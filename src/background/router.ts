// Every runtime message enters here. The sender is classed before the verb is read: the
// extension's own pages may use the privileged ui/* verbs; a content script in an eHealthBox tab
// may only relay its page's calls and activity, in messages that fit the contract
// (shared/runtime-schema.ts); anything else is ignored.
import browser from 'webextension-polyfill';
import { parsePageRequest } from '../shared/runtime-schema';
import { network } from './network';
import { handleBatch, handleHookMessage } from './page-calls';
import type { Services } from './services';
import { handleUiRequest } from './ui-api';

const EHEALTH_PAGE = /^https:\/\/([a-z0-9-]+\.)*ehealth\.fgov\.be(\/|$)/i;
const LOCAL_FRAME = /^about:(blank|srcdoc)$/;

/**
 * An eHealth page, or a frame an eHealth page made (about:blank, srcdoc: issue 11, point 2) whose
 * origin is eHealth's (Chrome says it; Firefox does not, and then the tab's page must be eHealth's).
 */
function fromEhealthPage(sender: browser.Runtime.MessageSender): boolean {
  if (EHEALTH_PAGE.test(sender.url ?? '')) return true;
  if (!LOCAL_FRAME.test(sender.url ?? '')) return false;
  const origin = (sender as { origin?: unknown }).origin;
  return typeof origin === 'string' ? EHEALTH_PAGE.test(`${origin}/`) : EHEALTH_PAGE.test(sender.tab?.url ?? '');
}

export function route(s: Services, message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id) return undefined;
  if (s.isExtensionUrl(sender.url)) return handleUiRequest(s, message);
  if (sender.tab === undefined || !fromEhealthPage(sender)) return undefined;
  return handlePageRequest(s, message, sender);
}

function handlePageRequest(s: Services, raw: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined {
  const message = parsePageRequest(raw);
  if (message === null) return undefined;
  const feature = s.pageHandlers.get(message.type);
  if (feature) {
    feature(message);
    return undefined;
  }
  if (message.type === 'page/activity') {
    s.activity.noteInput(s.clock());
    return undefined;
  }
  if (message.type === 'page/batch') {
    network()?.fromBatch(sender, message.messages);
    return handleBatch(s, sender.tab?.id ?? -1, message.messages, message.claims ?? [], message.retry === true);
  }
  if (message.type !== 'page/hook') return undefined;
  const hook = message.message;
  // The network layer pairs the hook's call with its request, and keeps rules off an allowed call.
  network()?.fromHook(sender, hook);
  const bridge = { exception: message.exception === true, ...(message.copyAt !== undefined ? { copyAt: message.copyAt } : {}) };
  const reply = handleHookMessage(s, sender.tab?.id ?? -1, hook, message.retry === true, message.lease === true, bridge);
  return reply.then(async (r) => (await network()?.afterDecide(hook, r), r));
}
