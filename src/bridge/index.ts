// The bridge: ISOLATED world, document_start, every eHealthBox frame. Opens the private channel to
// the page hook, relays its (validated) reports to the background, tells it the mode, shows
// notices and, while a kind of call is held, a banner (banner.ts), reports user activity.
// In a tab open before install there is no hook: the handshake never completes, nothing breaks.
import browser from 'webextension-polyfill';
import { PAGE_MODE_KEY, type PageMode } from '../shared/messages';
import { watchActivity } from './activity';
import { createBanner } from './banner';
import { connectHook } from './channel';
import { createRelay } from './relay';
import { createToaster } from './toast';
import { watchUnrecognised } from './unrecognised';

const toaster = createToaster();
// "Load now anyway": the next call of the kind goes as the user's exception; the hook forgets what
// it holds (as at each telling of the mode), so that call asks again instead of being answered in the page.
const banner = createBanner((call) => {
  relay.allowOnce(call);
  tellMode();
});
// The hook speaks once told the mode (a microtask after the handshake), after `relay` below is
// initialised. Firefox may run that microtask before this script ends (a checkpoint after the
// hook's page-world listener returns, inside `connectHook`): the first telling then waits for the end.
let started = false;
let connectedEarly = false;
const port = connectHook(
  (data) => relay.handle(data),
  () => (started ? tellMode() : (connectedEarly = true)),
);
const stopActivity = watchActivity(() => relay.tell({ type: 'page/activity' }));

// Until the background's mode is known, every decide waits for its verdict (as in enforce mode).
let mode: unknown = null;
const modeOf = (value: unknown): unknown => (value as Partial<PageMode> | undefined)?.mode;
// The hook answers calls it knows are held in enforce mode, and forgets them at each change.
const tellMode = (): void => port.post({ type: 'mode', mode: mode === 'observe' || mode === 'enforce' ? mode : null });
browser.storage.local.get(PAGE_MODE_KEY).then((stored) => {
  mode ??= modeOf(stored[PAGE_MODE_KEY]);
  tellMode();
}, () => undefined);
browser.storage.onChanged.addListener((changes, area) => {
  if (area !== 'local' || !(PAGE_MODE_KEY in changes)) return;
  mode = modeOf(changes[PAGE_MODE_KEY]?.newValue);
  tellMode();
  relay.handBack();
});

const relay = createRelay({
  port,
  letGo: () => mode === 'observe',
  // async: Firefox throws (NS_ERROR_NOT_INITIALIZED) instead of rejecting when the tab is going away;
  // the relay's failure path then handles it like any other failed send.
  send: async (message) => browser.runtime.sendMessage(message),
  alive: () => {
    try {
      return typeof browser.runtime?.id === 'string';
    } catch {
      return false;
    }
  },
  onNotice: (notice, times) => toaster.show(notice, times),
  onHeld: (call, words) => banner.held(call, words),
  onLoaded: (call) => banner.loaded(call),
  onDown: stopActivity,
});
watchUnrecognised((m) => relay.tell(m));
// Leased slots and a report still gathering its batch go before the page does.
addEventListener('pagehide', () => relay.handBack());
started = true;
if (connectedEarly) tellMode();
