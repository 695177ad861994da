// The popup paints its last view at once, then refreshes it from the background: waiting for the
// background (a stopped worker starts first) kept the cards off the screen for the first
// hundreds of milliseconds. The copy is in this origin's localStorage (read synchronously, no
// other origin can read it) and holds what the state view holds: ids, counts, dates, settings,
// never a message's content. Tagged with the extension's version: an update changes its shape.
import browser from 'webextension-polyfill';
import type { StateView } from '../../shared/ui-messages';

const KEY = 'companion:popup-view';

interface Stored {
  readonly version: string;
  readonly view: StateView;
}

const version = (): string => browser.runtime.getManifest().version;

/** The view the popup last showed, or null (none yet, another version, storage refused). */
export function lastView(): StateView | null {
  try {
    const stored = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Stored | null;
    return stored?.version === version() && Array.isArray(stored.view.mailboxes) ? stored.view : null;
  } catch {
    return null;
  }
}

export function keepView(view: StateView): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ version: version(), view } satisfies Stored));
  } catch {
    // Storage refused (quota, private profile): the next popup waits for the background.
  }
}

/** After a reset nothing recorded may show again, not even for a moment. */
export function forgetView(): void {
  try {
    localStorage.removeItem(KEY);
  } catch {
    // As above.
  }
}
