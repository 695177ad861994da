// The page hook: MAIN world, document_start, every eHealthBox frame. Wraps fetch and XHR so each
// directive call asks the background (through the bridge) before it leaves. Never throws into the
// page, never logs; if anything here fails, the page keeps its native fetch and XHR.
import { CHANNEL } from '../shared/page-protocol';
import { startChannel } from './channel';
import { installFetch } from './fetch';
import { installXhr } from './xhr';

const MARK = Symbol.for(CHANNEL);

try {
  // Injected twice into one document (extension reloaded in development): wrap once.
  if (!(MARK in window)) {
    Object.defineProperty(window, MARK, { value: true });
    startChannel();
    installFetch();
    installXhr();
  }
} catch {
  // fail open: the page's own fetch and XHR stay in place
}
