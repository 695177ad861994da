// The in-page surfaces of the bridge (toast.ts, banner.ts): one host element with a closed shadow
// root, whose styles cannot leak into the application (`all: initial` keeps the application's out),
// holding one polite live region: screen readers announce what is added to it or changed in it.
// Made on first use; put back when the application rewrote the document.

/** Declarations for the host element, each `!important` (the application's styles must not move it). */
export const hostStyle = (declarations: readonly string[]): string => ['all: initial', 'z-index: 2147483647', 'display: block', 'pointer-events: none', ...declarations].map((d) => `${d} !important`).join(';');

/** `first`: put the host first in the document (first on the keyboard path), else last. */
export function shadowRegion(doc: Document, tag: string, style: string, css: string, first = false): () => HTMLElement {
  let host: HTMLElement | null = null;
  let region: HTMLElement | null = null;
  return () => {
    if (host === null || region === null) {
      host = doc.createElement(tag);
      host.setAttribute('style', style);
      const root = host.attachShadow({ mode: 'closed' });
      const sheet = doc.createElement('style');
      sheet.textContent = css;
      region = doc.createElement('div');
      region.className = 'stack';
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      root.append(sheet, region);
    }
    if (!host.isConnected) {
      if (first) doc.documentElement.prepend(host);
      else doc.documentElement.append(host);
    }
    return region;
  };
}
