// Where the official eHealthBox web application lives, and how a notification click brings the
// user back to it: focus an open eHealthBox tab, or open the application.
import browser from 'webextension-polyfill';

export const WEB_APP_URL = 'https://www.ehealth.fgov.be/ehealthbox/';
const EHEALTH_TABS = 'https://*.ehealth.fgov.be/*';

export interface AppPlace {
  readonly mailbox?: string;
  /** REST folder name, e.g. `sent`. */
  readonly folder?: string;
  /** The application's out-of-office page. */
  readonly page?: 'outOfOffice';
}

/** The application keeps the box in `?box=` and the view in the hash (`#/sent`, `#/ooo`). */
export function appUrl(place: AppPlace = {}): string {
  const url = new URL(WEB_APP_URL);
  if (place.mailbox) url.searchParams.set('box', place.mailbox);
  if (place.page === 'outOfOffice') url.hash = '#/ooo';
  else if (place.folder) url.hash = `#/${encodeURIComponent(place.folder)}`;
  return url.toString();
}

export async function openWebApp(place: AppPlace = {}): Promise<void> {
  const [tab] = await browser.tabs.query({ url: EHEALTH_TABS });
  if (tab?.id !== undefined && Object.keys(place).length === 0) {
    await browser.tabs.update(tab.id, { active: true });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return;
  }
  if (tab?.id !== undefined) {
    await browser.tabs.update(tab.id, { active: true, url: appUrl(place) });
    if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
    return;
  }
  await browser.tabs.create({ url: appUrl(place) });
}
