// Every runtime message enters here. The sender is classed before the verb is read: the
// extension's own pages may use the privileged ui/* verbs; a content script in an eHealthBox tab
// may only relay its page's calls and activity; anything else is ignored.
import browser from 'webextension-polyfill';
import { type Claim, MAX_BATCH } from '../shared/messages';
import type { HookMessage } from '../shared/page-protocol';
import { parseHookMessage } from '../shared/page-schema';
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

function handlePageRequest(s: Services, message: unknown, sender: browser.Runtime.MessageSender): Promise<unknown> | undefined {
  if (message === null || typeof message !== 'object') return undefined;
  const { type } = message as { type?: unknown };
  const feature = typeof type === 'string' ? s.pageHandlers.get(type) : undefined;
  if (feature) {
    feature(message);
    return undefined;
  }
  if (type === 'page/activity') {
    s.activity.noteInput(s.clock());
    return undefined;
  }
  const retry = (message as { retry?: unknown }).retry === true;
  if (type === 'page/batch') {
    const raw = (message as { messages?: unknown }).messages;
    if (!Array.isArray(raw) || raw.length > MAX_BATCH) return undefined;
    // A message that fails validation is dropped alone: the rest of the batch still counts.
    const messages = raw.map((m) => parseHookMessage(m)).filter((m): m is HookMessage => m !== null);
    network()?.fromBatch(sender, messages);
    return handleBatch(s, sender.tab?.id ?? -1, messages, readClaims((message as { claims?: unknown }).claims), retry);
  }
  if (type !== 'page/hook') return undefined;
  const hook = parseHookMessage((message as { message?: unknown }).message);
  if (hook === null) return undefined;
  // The network layer pairs the hook's call with its request, and keeps rules off an allowed call.
  network()?.fromHook(sender, hook);
  const { lease, exception, copyAt } = message as { lease?: unknown; exception?: unknown; copyAt?: unknown };
  const bridge = { exception: exception === true, ...(typeof copyAt === 'number' && Number.isFinite(copyAt) ? { copyAt } : {}) };
  const reply = handleHookMessage(s, hook, retry, lease === true, bridge);
  return reply.then(async (r) => (await network()?.afterDecide(hook, r), r));
}

/** The leased slots a batch's calls used; anything not shaped like a claim is left out. */
function readClaims(raw: unknown): Claim[] {
  if (!Array.isArray(raw)) return [];
  return raw.slice(0, MAX_BATCH).filter((c): c is Claim => {
    const x = c as Partial<Claim> | null;
    return typeof x === 'object' && x !== null && typeof x.id === 'string' && x.id.length <= 64 && typeof x.slot === 'string' && x.slot.length <= 64 && typeof x.left === 'number';
  });
}
