// The popup paints its last view at once, then refreshes it from the background: waiting for the
// background (a stopped worker starts first) kept the cards off the screen for the first
// hundreds of milliseconds. The copy is in this origin's localStorage (read synchronously, no
// other origin can read it) and holds what the state view holds: ids, counts, dates, settings,
// never a message's content. Tagged with the extension's version: an update changes its shape.
import * as v from 'valibot';
import browser from 'webextension-polyfill';
import { CORE_VERBS, type StateView } from '../../shared/ui-messages';

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
    // Checked as the reply it was: a copy damaged or of another shape is not shown.
    return stored?.version === version() && v.is(CORE_VERBS['ui/state'].reply, stored.view) ? stored.view : null;
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
