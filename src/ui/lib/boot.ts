// Shared start-up of the extension pages: apply the user's language before the first paint.
import { mount, type Component } from 'svelte';
import { t } from '../../i18n/t';
import { readSettings } from '../../store/settings';
import { applyLanguage } from './language.svelte';

export async function boot(App: Component, target: HTMLElement): Promise<void> {
  const settings = await readSettings().catch(() => null);
  if (settings && settings.language !== 'auto') await applyLanguage(settings.language);
  else document.documentElement.lang = t('htmlLang');
  mount(App, { target });
}
