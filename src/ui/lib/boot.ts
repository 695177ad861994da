// Shared start-up of the extension pages: apply the user's language before the first paint.
import browser from 'webextension-polyfill';
import { mount, type Component } from 'svelte';
import { LANGS, type Lang, t } from '../../i18n/t';
import { readSettings } from '../../store/settings';
import { applyLanguage } from './language.svelte';

export async function boot(App: Component, target: HTMLElement): Promise<void> {
  const settings = await readSettings().catch(() => null);
  if (settings && settings.language !== 'auto') await applyLanguage(settings.language);
  else if (browser.i18n.getMessage('extName') === '') await applyLanguage(browserLanguage());
  else document.documentElement.lang = t('htmlLang');
  mount(App, { target });
}

/**
 * Chromium's message bundle for an extension page has been seen to come back empty (every
 * `getMessage` ""; in the e2e runs, now and then, on a page opened soon after start-up): the page
 * then reads the browser's language from the extension's own messages.json, as the override does,
 * rather than show message keys.
 */
function browserLanguage(): Lang {
  const tag = browser.i18n.getUILanguage().slice(0, 2).toLowerCase();
  return (LANGS as readonly string[]).includes(tag) ? (tag as Lang) : 'en';
}
