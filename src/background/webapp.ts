// Where the official eHealthBox web application lives, and how a notification click brings the
// user back to it without disturbing work in progress: reuse a tab showing that box and not
// composing, else open a new one.
import browser from 'webextension-polyfill';
import type { AppPlace } from '../features/kit/host';

export const WEB_APP_URL = 'https://www.ehealth.fgov.be/ehealthbox/';
const EHEALTH_TABS = 'https://*.ehealth.fgov.be/*';

export type { AppPlace };

/** The application keeps the box in `?box=` and the view in the hash (`#/sent`, `#/ooo`). */
export function appUrl(place: AppPlace = {}): string {
  const url = new URL(WEB_APP_URL);
  if (place.mailbox) url.searchParams.set('box', place.mailbox);
  if (place.page === 'outOfOffice') url.hash = '#/ooo';
  else if (place.folder) url.hash = `#/${encodeURIComponent(place.folder)}`;
  return url.toString();
}

/** Views in which the user is writing: a tab showing one is never navigated away (a draft would be lost). */
const COMPOSING = /^#\/(compose|new|reply|forward)\b/i;

/**
 * The tab a click may bring forward without disturbing work in progress: an application tab
 * already showing this mailbox (any tab when no mailbox is named) and not composing. Only the
 * tab's address is read (the box in `?box=`, the view in the hash), never the page's content.
 */
export function reusableTab<T extends { url?: string }>(tabs: readonly T[], place: AppPlace): T | undefined {
  return tabs.find((tab) => {
    if (tab.url === undefined) return false;
    const url = new URL(tab.url);
    if (!url.pathname.startsWith(new URL(WEB_APP_URL).pathname) || COMPOSING.test(url.hash)) return false;
    return place.mailbox === undefined || url.searchParams.get('box') === place.mailbox;
  });
}

/** A click never disturbs work in progress: it reuses a tab only as reusableTab allows, else opens a new one. */
export async function openWebApp(place: AppPlace = {}): Promise<void> {
  const tab = reusableTab(await browser.tabs.query({ url: EHEALTH_TABS }), place);
  if (tab?.id === undefined) {
    await browser.tabs.create({ url: appUrl(place) });
    return;
  }
  const target = appUrl(place);
  const nowhere = Object.keys(place).length === 0 || tab.url === target;
  await browser.tabs.update(tab.id, nowhere ? { active: true } : { active: true, url: target });
  if (tab.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}
