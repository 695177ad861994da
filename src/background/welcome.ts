// The welcome page opens once, when the extension is installed (not on an update or a browser
// restart): Chrome hides a new icon in the puzzle menu, and a secretary must learn the two modes
// and how to name her mailboxes before anything else. The popup opens it again on demand.
import browser from 'webextension-polyfill';
import { WELCOME_PAGE } from '../shared/ui-messages';

export function openWelcome(): Promise<unknown> {
  return browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}

export function welcomeOnInstall(details: { reason: string }): void {
  if (details.reason === 'install') void openWelcome().catch(() => undefined);
}
