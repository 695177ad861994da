// Same-origin frames the page makes (about:blank, srcdoc) have their own fetch and XMLHttpRequest.
// The hook and bridge are injected there too (manifest: match_about_blank,
// match_origin_as_fallback), but not before a page script that creates a frame and calls
// `frame.contentWindow.fetch` in the same task. So the frame's window is hooked the first time
// the page reaches it through the element (contentWindow, contentDocument), before the page gets
// it: same wrappers, this document's channel. A frame already hooked (its own injection came
// first, or we did) is left alone (the mark). Cross-origin frames are not ours to touch and are
// hooked by their own injection when they are eHealth pages.
import { MARK } from './mark';
import { installFetch } from './fetch';
import { defineProperty } from './natives';
import { installXhr } from './xhr';

type Hooked = Window & typeof globalThis;

export function adopt(win: Window | null): void {
  if (win === null) return;
  try {
    // Reading a property of a cross-origin window throws: not ours.
    if (MARK in win) return;
    defineProperty(win, MARK, { value: true });
    const w = win as Hooked;
    installFetch(w);
    installXhr(w.XMLHttpRequest.prototype);
    installFrames(w);
  } catch {
    // cross-origin, or a window already gone
  }
}

const describe = Object.getOwnPropertyDescriptor;

/** Wraps the getters that hand a frame's window or document to the page. */
export function installFrames(win: Hooked): void {
  const elements = [win.HTMLIFrameElement, win.HTMLFrameElement, win.HTMLObjectElement, win.HTMLEmbedElement];
  for (const element of elements) {
    const proto = element?.prototype as object | undefined;
    if (!proto) continue;
    for (const name of ['contentWindow', 'contentDocument']) {
      const d = describe(proto, name);
      const get = d?.get;
      if (!d || !get) continue;
      const window = name === 'contentWindow';
      defineProperty(proto, name, {
        ...d,
        get(this: Element) {
          const value = get.call(this) as Window | Document | null;
          adopt(window ? (value as Window | null) : ((value as Document | null)?.defaultView ?? null));
          return value;
        },
      });
    }
  }
}
