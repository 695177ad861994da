// The page hook: MAIN world, document_start, every eHealthBox frame (and the about:blank and
// srcdoc frames they make). Wraps fetch and XHR so each directive call asks the background
// (through the bridge) before it leaves. Never throws into the page, never logs; if anything here
// fails, the page keeps its native fetch and XHR.
import { startChannel } from './channel';
import { installFetch } from './fetch';
import { installFrames } from './frames';
import { MARK } from './mark';
import { installXhr } from './xhr';

try {
  // Injected twice into one document (extension reloaded in development), or hooked already by
  // the parent's hook (a frame reached before its injection): wrap once.
  if (!(MARK in window)) {
    Object.defineProperty(window, MARK, { value: true });
    startChannel();
    installFetch();
    installXhr();
    installFrames(window);
  }
} catch {
  // fail open: the page's own fetch and XHR stay in place
}
