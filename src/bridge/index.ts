// The bridge: ISOLATED world, document_start, every eHealthBox frame. Hands the page hook a private
// port, relays its (validated) reports to the background, shows notices, reports user activity.
// In a tab open before install there is no hook: the handshake never completes, nothing breaks.
import browser from 'webextension-polyfill';
import { watchActivity } from './activity';
import { connectHook } from './channel';
import { createRelay } from './relay';
import { createToaster } from './toast';

const toaster = createToaster();
// Port messages arrive in later tasks, after `relay` below is initialised.
const port = connectHook((data) => relay.handle(data));
const stopActivity = watchActivity(() => relay.tell({ type: 'page/activity' }));

const relay = createRelay({
  port,
  send: (message) => browser.runtime.sendMessage(message),
  alive: () => {
    try {
      return typeof browser.runtime?.id === 'string';
    } catch {
      return false;
    }
  },
  onNotice: (notice) => toaster.show(notice),
  onDown: stopActivity,
});
